import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { CliError, EXIT_USAGE, processIO, type CliIO } from './io.js';
import { registerParse } from './parse.js';
import { registerCheck } from './check.js';
import { registerInit } from './init.js';
import { registerSchema } from './schema.js';
import { registerTest } from './test.js';

/** Each command registers itself; `run` returns the exit code through `setExit`. */
export interface CommandContext {
  io: CliIO;
  setExit: (code: number) => void;
}

export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

// Ordered as `escalint --help` lists them.
const commands: RegisterCommand[] = [registerCheck, registerTest, registerParse, registerInit, registerSchema];

function packageVersion(): string {
  // dist/src/cli/main.js when built, src/cli/main.ts when tests run the sources.
  const depth = import.meta.url.includes('/dist/') ? '../../../' : '../../';
  const pkg = JSON.parse(readFileSync(new URL(`${depth}package.json`, import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode = 0;
  const ctx: CommandContext = { io, setExit: (c) => void (exitCode = Math.max(exitCode, c)) };
  const program = new Command();
  program
    .name('escalint')
    .description('Lint, test and compile the command-approval rules of AI coding agents (Codex CLI first).')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run escalint --help for usage)');
  for (const register of commands) register(program, ctx);
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
