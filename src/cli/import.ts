// `escalint import <file.rules> [-o rules.yaml] [--force] [--collapse] [--schema <ref>]`
// (design.md §5): a Codex `.rules` file as an escalint YAML rule file, with its comments, an id per
// rule, every decision written out and the findings of `escalint check` as comments. Writes to
// standard output, or atomically to -o (never over an existing file without --force). A file
// Codex refuses to load is not imported (exit 1); one escalint cannot read without running it
// (variables, loops, def) exits 2; both print the findings and write nothing.
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../types.js';
import { writeAtomically } from './compile.js';
import { installedSchemaPath, schemaRefFor } from './init.js';
import { describeIoError } from '../rules/load.js';
import { CliError, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIO } from './io.js';
import type { CommandContext } from './main.js';

interface ImportCliOptions {
  output?: string;
  force?: boolean;
  collapse?: boolean;
  schema?: string;
}

export function registerImport(program: Command, ctx: CommandContext): void {
  program
    .command('import')
    .description('turn a Codex .rules file into an escalint YAML rule file, with its comments and the findings of check as comments')
    .argument('<file.rules>', 'the Codex rule file (for example ~/.codex/rules/default.rules)')
    .option('-o, --output <file>', 'write to this YAML file (atomically); - or no -o: standard output')
    .option('--force', 'overwrite the -o file if it exists')
    .option('--collapse', 'replace over-specific entries (too-specific, whole-command, shell-wrapper) by the categorical rule each finding suggests, one per capability')
    .option('--schema <ref>', "schema path or URL for the editor modeline (default: this escalint's schema, relative to the output)")
    .addHelpText(
      'after',
      '\nExit codes: 0 imported; 1 Codex would refuse to load the file (its findings are printed, nothing is written);' +
        ' 2 usage or I/O error, the -o file exists, or the file uses constructs escalint does not run (variables, loops, def).',
    )
    .action(async (file: string, opts: ImportCliOptions) => ctx.setExit(await runImport(file, opts, ctx.io)));
}

async function runImport(file: string, opts: ImportCliOptions, io: CliIO): Promise<number> {
  const input = path.resolve(io.cwd, file);
  const shownInput = display(io, input);
  if (!input.toLowerCase().endsWith('.rules')) {
    throw new CliError(`${shownInput} is not a Codex .rules file; import reads .rules files (check, test and compile read YAML as it is)`);
  }
  const toStdout = opts.output === undefined || opts.output === '-';
  const output = toStdout ? undefined : path.resolve(io.cwd, opts.output!);
  if (output !== undefined) {
    const shown = display(io, output);
    if (output.toLowerCase().endsWith('.rules')) {
      throw new CliError(`${shown}: the output is YAML; name it .yaml (Codex reads every .rules file in its rules folder and would refuse to start on YAML)`);
    }
    if (sameFile(input, output)) throw new CliError(`${shown} is the input file; write the YAML to another file`);
    if (!opts.force && fs.existsSync(output)) throw new CliError(`${shown} already exists; use --force to overwrite it`);
  }

  let bytes: Buffer;
  try {
    const stat = fs.statSync(input);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    bytes = fs.readFileSync(input);
  } catch (err) {
    throw new CliError(`cannot read ${shownInput}: ${describeIoError(err)}`);
  }

  const [{ importRules }, { LineIndex }] = await Promise.all([import('../import/import.js'), import('../format/lines.js')]);
  const schemaRef = opts.schema ?? schemaRefFor(output ?? path.join(io.cwd, 'rules.yaml'), installedSchemaPath());
  const result = await importRules(input, bytes, { source: shownInput, schemaRef, collapse: opts.collapse ?? false });

  if (result.text === null) {
    const lines = new LineIndex(result.inputText);
    for (const d of result.diagnostics) io.stderr(`${located(io, d, lines)}: ${d.message} [${d.check}]\n`);
    if (result.refused === 'unreadable') {
      io.stderr(`escalint: ${shownInput} uses what escalint reads without running (write the calls out with literal values); nothing was written\n`);
      return EXIT_USAGE;
    }
    const n = result.diagnostics.length;
    io.stderr(`escalint: Codex would refuse to load ${shownInput} (${n} problem${n === 1 ? '' : 's'} above), so there is nothing to import; fix the file and import it again (escalint check shows every finding); nothing was written\n`);
    return EXIT_PROBLEMS;
  }

  // A file larger than the reader's default limit would be refused by `escalint check` as it is.
  const { DEFAULT_MAX_BYTES } = await import('../rules/yaml-limits.js');
  const bytesOut = Buffer.byteLength(result.text);
  if (bytesOut > DEFAULT_MAX_BYTES) {
    const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
    io.stderr(
      `escalint: note: the YAML is ${mb(bytesOut)}, more than the ${mb(DEFAULT_MAX_BYTES)} escalint reads by default; --collapse makes it smaller, or split the rules into several files\n`,
    );
  }
  if (output === undefined) {
    io.stdout(result.text);
    return EXIT_OK;
  }
  const shownOutput = display(io, output);
  try {
    writeAtomically(output, result.text);
  } catch (err) {
    throw new CliError(`cannot write ${shownOutput}: ${describeIoError(err)}`);
  }
  const s = result.stats;
  const parts = [plural(s.rules, 'rule')];
  if (s.hostExecutables > 0) parts.push(plural(s.hostExecutables, 'host executable'));
  if (s.networkRules > 0) parts.push(plural(s.networkRules, 'network rule'));
  let summary = `imported ${parts.join(', ')} from ${shownInput} into ${shownOutput}`;
  if (opts.collapse) {
    summary += `; --collapse replaced ${plural(s.replaced, 'entry', 'entries')} by ${plural(s.collapsedRules, 'rule')}${s.vetoed > 0 ? ` (${s.vetoed} kept: the categorical rule runs any code or destroys)` : ''}`;
    if (s.folded > 0) summary += ` and folded ${plural(s.folded, 'entry', 'entries')} into the rules that cover them`;
  }
  if (s.findings > 0) summary += `; ${plural(s.findings, 'finding')} written as comments (escalint check ${shownOutput})`;
  io.stdout(`${summary}\n`);
  return EXIT_OK;
}

function located(io: CliIO, d: Diagnostic, lines: { position(offset: number): { line: number; column: number } }): string {
  const pos = lines.position(d.start);
  return `${d.file ? display(io, d.file) : '<rules>'}:${pos.line}:${pos.column}`;
}

function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}

function display(io: CliIO, file: string): string {
  return path.relative(io.cwd, file) || file;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

