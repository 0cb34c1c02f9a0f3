import type { Command as CommandType } from 'commander';
import { createRequire } from 'node:module';
import { CliError, EXIT_USAGE, processIO, type CliIO } from './io.js';
import { packageVersion } from './version.js';

// commander is CommonJS: `require` it rather than `import` it, which would have Node lex its
// source for named exports (the cjs-module-lexer costs a few milliseconds of every start). It is
// required when main() needs it, so that `escalint hook <event>` never loads it.
const loadCommander = () => createRequire(import.meta.url)('commander') as typeof import('commander');
type Command = CommandType;

/** Each command registers itself; `run` returns the exit code through `setExit`. */
export interface CommandContext {
  io: CliIO;
  setExit: (code: number) => void;
}

export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

/**
 * A command whose module is imported only when it is the command run, or when every command is
 * needed (help, --version, an unknown command): `escalint check` then loads none of the others.
 */
export interface LazyCommand {
  name: string;
  load: () => Promise<RegisterCommand>;
}

// Ordered as `escalint --help` lists them. An entry is a register function (always registered)
// or a LazyCommand.
const commands: (RegisterCommand | LazyCommand)[] = [
  { name: 'check', load: async () => (await import('./check.js')).registerCheck },
  { name: 'test', load: async () => (await import('./test.js')).registerTest },
  { name: 'compile', load: async () => (await import('./compile.js')).registerCompile },
  { name: 'import', load: async () => (await import('./import.js')).registerImport },
  { name: 'parse', load: async () => (await import('./parse.js')).registerParse },
  { name: 'suggest', load: async () => (await import('./suggest.js')).registerSuggest },
  { name: 'escalate', load: async () => (await import('./escalate.js')).registerEscalate },
  { name: 'init', load: async () => (await import('./init.js')).registerInit },
  { name: 'schema', load: async () => (await import('./schema.js')).registerSchema },
  { name: 'hook', load: async () => (await import('./hook.js')).registerHook },
];

/** The register functions to run, in order: the named command's alone when argv names one. */
async function registrations(argv: string[]): Promise<RegisterCommand[]> {
  const named = argv[2];
  const only = commands.some((c) => typeof c !== 'function' && c.name === named) ? named : undefined;
  const wanted = commands.filter((c) => typeof c === 'function' || only === undefined || c.name === only);
  return Promise.all(wanted.map((c) => (typeof c === 'function' ? c : c.load())));
}

export async function main(argv: string[], given?: CliIO): Promise<number> {
  const io = given ?? processIO();
  // `escalint hook <event>` runs before every shell command of an agent: straight to the hook,
  // without commander (design.md §9). It reads the real standard input with a bound when main
  // runs as the process (no CliIO given).
  if (argv[2] === 'hook') {
    const code = await (await import('./hook.js')).runHookFast(argv.slice(3), io, given ? undefined : process.stdin);
    if (code !== undefined) return code;
  }
  const { Command, CommanderError } = loadCommander();
  let exitCode = 0;
  const ctx: CommandContext = { io, setExit: (c) => void (exitCode = Math.max(exitCode, c)) };
  const program = new Command();
  program
    .name('escalint')
    .description('Lint and test the command-approval rules of AI coding agents (Codex CLI first).')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run escalint --help for usage)');
  for (const register of await registrations(argv)) register(program, ctx);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; usage errors exit 2 (commander has printed the message).
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (err instanceof CliError) {
      io.stderr(`escalint: ${err.message}\n`);
      return err.exitCode;
    }
    io.stderr(`escalint: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_USAGE;
  }
  return exitCode;
}
