// `escalint compile <rules…> [--target codex|codex-requirements|json] [-o FILE] [--check]`
// (design.md §5): the rule files as one deterministic file Codex loads (or the [rules] table of
// its requirements.toml, or JSON for other tools). Refuses, exit 1, when the output would be wrong
// or unloadable; `--check` exits 1 when the file on disk is not what compile would write.
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CompileTarget } from '../emit/compile.js';
import type { Diagnostic, LoadedFile } from '../types.js';
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIO } from './io.js';
import type { CommandContext } from './main.js';

// Kept here rather than imported from src/emit/compile.ts, so that `--help` loads no emitter;
// test/cli/compile.test.ts checks the two lists are the same.
export const TARGETS: readonly CompileTarget[] = ['codex', 'codex-requirements', 'json'];

interface CompileCliOptions {
  target: string;
  output?: string;
  check?: boolean;
  dropAllow?: boolean;
}

/**
 * `rules-syntax` findings about constructs Codex runs but escalint does not read (design.md §5:
 * such a file "cannot be read", exit 2), and escalint's own size limit. Every other refusal is a
 * file Codex itself would refuse too: exit 1.
 */
const NOT_READ: ReadonlySet<string> = new Set([
  'variable', 'def', 'loop', 'if', 'call', 'f-string', 'unpacking', 'operator', 'conditional', 'lambda', 'comprehension', 'attribute', 'subscript', 'too-large',
]);

export function registerCompile(program: Command, ctx: CommandContext): void {
  program
    .command('compile')
    .description('compile rule files to one deterministic Codex .rules file, the [rules] table of requirements.toml, or JSON')
    .argument('<rules...>', 'rule files (.yaml, .yml, .rules), merged in the order given')
    .option('-t, --target <target>', `what to write: ${TARGETS.join(', ')}`, 'codex')
    .option('-o, --output <file>', 'write to this file (atomically); - or no -o: standard output')
    .option('--check', 'write nothing; exit 1 if the -o file is not exactly what compile would write (a diff is printed)')
    .option('--drop-allow', 'codex-requirements: leave allow rules out (requirements.toml does not permit them)')
    .addHelpText(
      'after',
      '\nExit codes: 0 written (or up to date with --check); 1 the rules cannot be compiled as they are, or --check found the file' +
        ' stale or missing; 2 usage or I/O error, or a rule file escalint cannot read.',
    )
    .action(async (rules: string[], opts: CompileCliOptions) => ctx.setExit(await runCompile(rules, opts, ctx.io)));
}

async function runCompile(ruleFiles: string[], opts: CompileCliOptions, io: CliIO): Promise<number> {
  if (!(TARGETS as readonly string[]).includes(opts.target)) {
    throw new CliError(`unknown target ${JSON.stringify(opts.target)}; use one of ${TARGETS.join(', ')}`);
  }
  const target = opts.target as CompileTarget;
  if (opts.dropAllow && target !== 'codex-requirements') throw new CliError('--drop-allow applies to --target codex-requirements only');
  const toStdout = opts.output === undefined || opts.output === '-';
  if (opts.check && toStdout) throw new CliError('--check compares with a file: give it with -o FILE');

  const files = ruleFiles.map((f) => path.resolve(io.cwd, f));
  for (const f of files) {
    if (!fs.existsSync(f)) throw new CliError(`no such file: ${display(io, f)}`);
  }
  const [{ loadRuleFiles, CODEX_REFUSES }, { compile }, { LineIndex }] = await Promise.all([
    import('../load.js'),
    import('../emit/compile.js'),
    import('../format/lines.js'),
  ]);
  const loaded = await loadRuleFiles(files);
  const texts = new Map<string, LoadedFile>(loaded.ruleSet.files.map((f) => [f.path, f]));
  const lineIndexes = new Map<string, InstanceType<typeof LineIndex>>();
  const position = (d: Diagnostic): { line: number; column: number } => {
    const file = d.file !== undefined ? texts.get(d.file) : undefined;
    if (!file) return { line: 1, column: 1 };
    let lines = lineIndexes.get(file.path);
    if (!lines) lineIndexes.set(file.path, (lines = new LineIndex(file.text)));
    return lines.position(d.start);
  };
  const report = (diagnostics: readonly Diagnostic[]): void => {
    for (const d of diagnostics) {
      const pos = position(d);
      const severity = d.severity === 'warn' ? 'warning: ' : '';
      io.stderr(`${d.file ? display(io, d.file) : '<rules>'}:${pos.line}:${pos.column}: ${severity}${d.message} [${d.check}]\n`);
    }
  };

  // What Codex refuses to load (or escalint cannot read) is never compiled; other findings are
  // `check`'s business and never block compile.
  const blocking = loaded.diagnostics.filter((d) => CODEX_REFUSES.has(d.check) && d.severity === 'error');
  if (loaded.fatal || blocking.length > 0) {
    report(blocking.length > 0 ? blocking : loaded.diagnostics);
    const unreadable = loaded.fatal || blocking.some((d) => d.check === 'io' || NOT_READ.has(d.messageId));
    io.stderr(
      unreadable
        ? 'escalint: cannot read the rule files (escalint check shows every finding); nothing was written\n'
        : `escalint: the rule files cannot be compiled as they are (${plural(blocking.length, 'problem')} above, which Codex would refuse too; escalint check shows every finding); nothing was written\n`,
    );
    return unreadable ? EXIT_USAGE : EXIT_PROBLEMS;
  }

  const result = compile(loaded.ruleSet, {
    target,
    source: files.map((f) => display(io, f)).join(', '),
    dropAllow: opts.dropAllow ?? false,
    displayPath: (f) => display(io, f),
  });
  report(result.diagnostics);
  if (result.text === null) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    io.stderr(`escalint: no ${target} output for these rules (${plural(errors, 'problem')} above); nothing was written\n`);
    return EXIT_PROBLEMS;
  }

  if (toStdout) {
    io.stdout(result.text);
    return EXIT_OK;
  }
  const out = path.resolve(io.cwd, opts.output!);
  const shown = display(io, out);
  if (opts.check) return checkFile(io, out, shown, result.text);
  try {
    writeAtomically(out, result.text);
  } catch (err) {
    throw new CliError(`cannot write ${shown}: ${describe(err)}`);
  }
  return EXIT_OK;
}

/** `--check`: 0 when the file holds exactly `text`, 1 (with a unified diff) when not, 2 when unreadable. */
async function checkFile(io: CliIO, file: string, shown: string, text: string): Promise<number> {
  let current: string;
  try {
    const bytes = fs.readFileSync(file);
    // Byte-identical, not merely equal after decoding: compare the bytes compile would write.
    if (bytes.equals(Buffer.from(text, 'utf8'))) return EXIT_OK;
    current = bytes.toString('utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      io.stderr(`${shown}: missing; run escalint compile without --check to write it\n`);
      return EXIT_PROBLEMS;
    }
    throw new CliError(`cannot read ${shown}: ${describe(err)}`);
  }
  const { createTwoFilesPatch } = await import('diff');
  io.stdout(createTwoFilesPatch(`${shown} (on disk)`, `${shown} (compiled)`, current, text));
  io.stderr(`${shown}: differs from what escalint compile writes; run it without --check to update the file\n`);
  return EXIT_PROBLEMS;
}

/**
 * Writes through a temporary file in the same directory and a rename, so a reader (Codex starting
 * up) sees the old file or the new one, never half of one. An existing file keeps its mode; a
 * symbolic link stays a link (the file it points to is replaced).
 */
export function writeAtomically(target: string, text: string): void {
  let file = target;
  try {
    file = fs.realpathSync(target);
  } catch {
    // does not exist yet
  }
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode & 0o7777;
  } catch {
    // a new file: the default mode and the umask
  }
  try {
    fs.writeFileSync(tmp, text, { flag: 'wx' });
    if (mode !== undefined) fs.chmodSync(tmp, mode); // the mode of the file it replaces
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

function display(io: CliIO, file: string): string {
  return path.relative(io.cwd, file) || file;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ?? (err instanceof Error ? err.message : String(err));
}
