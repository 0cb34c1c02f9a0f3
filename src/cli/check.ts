// `escalint check [files…]` (design.md §5): lint rule files and print a report.
// Heavy modules (the loaders, the checks, the formatters) are imported only when the command
// runs, so `escalint --help` and other commands start fast; the .rules reader (Chevrotain) only
// when a .rules file is given, and the `yaml` package only when the fast YAML reader gives up.
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { FIX_TYPES, planFixes, type FixType } from '../fix.js';
import { formatNames, type FormatName } from '../format/names.js';
import type { LintResult } from '../lint.js';
import type { Formatter } from '../format/types.js';
import { CliError, EXIT_OK, EXIT_PROBLEMS, type CliIO } from './io.js';
import type { CommandContext } from './main.js';
import { packageVersion } from './version.js';

const FORMATS: readonly string[] = formatNames;

// Each format's module alone, rather than src/format/index.ts with all five (start-up);
// `satisfies` keeps this table in step with the format names (src/format/names.ts).
const FORMAT_MODULES = {
  stylish: async () => (await import('../format/stylish.js')).stylish,
  compact: async () => (await import('../format/compact.js')).compact,
  json: async () => (await import('../format/json.js')).json,
  sarif: async () => (await import('../format/sarif.js')).sarif,
  github: async () => (await import('../format/github.js')).github,
} satisfies Record<FormatName, () => Promise<Formatter>>;
/** Looked for in the working directory when no file is given, in this order. */
export const DEFAULT_RULE_FILES = ['rules.yaml', '.escalint.yaml'];
const RULE_FILE = /\.(ya?ml|rules)$/;

export interface CheckOptions {
  format: string;
  outputFile?: string;
  maxWarnings?: string;
  quiet?: boolean;
  color?: boolean;
  reportUnusedDisableDirectives?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  fixType?: string;
}

/** ESLint's limit on fix passes: each pass lints again, as fixes can make or unmake findings. */
const MAX_FIX_PASSES = 10;

export function registerCheck(program: Command, ctx: CommandContext): void {
  program
    .command('check')
    .description('lint rule files (.yaml, .yml, .rules); a directory means its rule files')
    .argument('[files...]', `rule files or directories (default: ${DEFAULT_RULE_FILES.join(' or ')})`)
    .option('-f, --format <name>', `output format: ${FORMATS.join(', ')}`, 'stylish')
    .option('-o, --output-file <file>', 'write the report to a file instead of standard output')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--quiet', 'report errors only (warnings are neither shown nor counted)')
    .option('--color', 'force colour in the stylish format')
    .option('--no-color', 'disable colour (also NO_COLOR=1)')
    .option('--report-unused-disable-directives', 'report escalint-disable comments that silence nothing')
    .option('--fix', 'apply safe fixes to YAML rule files (remove duplicates and rules that never decide); .rules files get a diff instead')
    .option('--fix-dry-run', 'like --fix, but print the diff and write nothing')
    .option('--fix-type <types>', 'what --fix applies: problem (safe fixes, the default), suggestion (also the first suggestion of each finding, which can widen a rule), or both, comma-separated')
    .addHelpText(
      'after',
      '\nExit codes: 0 no problems; 1 errors, or more warnings than --max-warnings; 2 usage or I/O error.' +
        "\n--fix never rewrites a Codex .rules file: it prints the changes as a diff on standard error.",
    )
    .action(async (files: string[], opts: CheckOptions) => {
      ctx.setExit(await runCheck(files, opts, ctx.io));
    });
}

/** Runs `check` and returns the exit code; usage and I/O errors are thrown as CliError. */
export async function runCheck(files: string[], opts: CheckOptions, io: CliIO): Promise<number> {
  if (opts.fixType !== undefined && !opts.fix && !opts.fixDryRun) throw new CliError('--fix-type needs --fix or --fix-dry-run');
  fixTypes(opts); // validates --fix-type before anything is read
  if (!FORMATS.includes(opts.format)) {
    throw new CliError(`unknown format ${JSON.stringify(opts.format)}; use one of ${FORMATS.join(', ')}`);
  }
  let maxWarnings = -1;
  if (opts.maxWarnings !== undefined) {
    if (!/^\d+$/.test(opts.maxWarnings)) {
      throw new CliError(`--max-warnings takes a whole number; got ${JSON.stringify(opts.maxWarnings)}`);
    }
    maxWarnings = Number(opts.maxWarnings);
  }

  // Files: as given; a directory stands for its rule files (not recursive, sorted, as Codex reads
  // its rules/ folder); nothing given means the default file of the working directory.
  const display: string[] = [];
  const given = files.length > 0 ? files : DEFAULT_RULE_FILES.filter((f) => fs.existsSync(path.resolve(io.cwd, f))).slice(0, 1);
  if (given.length === 0) {
    throw new CliError(`no rule file given and no ${DEFAULT_RULE_FILES.join(' or ')} here; run: escalint check <file>`);
  }
  for (const file of given) {
    const abs = path.resolve(io.cwd, file);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      const glob = /[*?[]/.test(file) ? ' (escalint does not expand globs; let the shell do it)' : '';
      throw new CliError(`no such file: ${file}${glob}`);
    }
    if (stat.isDirectory()) {
      const names = fs
        .readdirSync(abs)
        .filter((n) => RULE_FILE.test(n) && fs.statSync(path.join(abs, n)).isFile())
        .sort();
      if (names.length === 0) throw new CliError(`no .yaml, .yml or .rules files in directory ${file}`);
      for (const n of names) display.push(path.join(file, n));
    } else display.push(file);
  }

  // The loader reads paths relative to the process; resolve against the CLI's cwd, then report
  // every path as the user wrote it.
  const absolute = display.map((f) => path.resolve(io.cwd, f));
  const [{ lintFiles }, formatter, { allChecks }] = await Promise.all([
    import('../lint.js'),
    FORMAT_MODULES[opts.format as FormatName](),
    import('../checks/index.js'),
  ]);
  const toDisplay = new Map(absolute.map((a, i) => [a, display[i]!]));
  const shown = (p: string) => toDisplay.get(p) ?? p;
  const lintOptions = { reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives === true };
  let lint = await lintFiles(absolute, lintOptions);
  if (lint.fatal.length === 0 && (opts.fix || opts.fixDryRun)) {
    lint = await applyFixes(lint, () => lintFiles(absolute, lintOptions), fixTypes(opts), opts.fixDryRun === true, io, shown);
  }
  if (lint.fatal.length > 0) {
    const d = lint.fatal[0]!;
    throw new CliError(d.message.split(JSON.stringify(d.file ?? '')).join(JSON.stringify(shown(d.file ?? ''))));
  }
  const relabel = <T extends { file?: string; related?: { file: string }[] }>(d: T): T => ({
    ...d,
    ...(d.file !== undefined ? { file: shown(d.file) } : {}),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, file: shown(r.file) })) } : {}),
  });
  let results = lint.results.map((r) => ({
    ...r,
    filePath: shown(r.filePath),
    diagnostics: r.diagnostics.map(relabel),
    suppressed: r.suppressed.map(relabel),
  }));
  if (opts.quiet) {
    // As ESLint 9: --quiet drops warnings entirely, so they do not count towards --max-warnings.
    results = results.map((r) => ({
      ...r,
      diagnostics: r.diagnostics.filter((d) => d.severity === 'error'),
      suppressed: r.suppressed.filter((d) => d.severity === 'error'),
      warningCount: 0,
    }));
  }

  const color =
    opts.color ?? (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '' ? false : io.isTTY && !opts.outputFile);
  const report = formatter(results, {
    cwd: io.cwd,
    color,
    toolVersion: packageVersion(),
    checks: allChecks(),
  });
  if (opts.outputFile) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(io.cwd, opts.outputFile)), { recursive: true });
      fs.writeFileSync(path.resolve(io.cwd, opts.outputFile), report);
    } catch (err) {
      throw new CliError(`cannot write ${opts.outputFile}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
  } else if (report) io.stdout(report);

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return EXIT_PROBLEMS;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`escalint found too many warnings (maximum: ${maxWarnings}).\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

function fixTypes(opts: CheckOptions): Set<FixType> {
  const types = new Set<FixType>();
  for (const t of (opts.fixType ?? 'problem').split(',').map((x) => x.trim())) {
    if (!(FIX_TYPES as readonly string[]).includes(t)) {
      throw new CliError(`unknown --fix-type ${JSON.stringify(t)}; use ${FIX_TYPES.join(', ')} (comma-separated)`);
    }
    types.add(t as FixType);
  }
  return types;
}

/**
 * Applies fixes pass by pass (each pass lints again) and returns the last lint. YAML files are
 * rewritten in place (not with --fix-dry-run); a Codex `.rules` file never is: its changes, and a
 * dry run's, are printed as a unified diff on standard error.
 */
async function applyFixes(
  first: LintResult,
  relint: () => Promise<LintResult>,
  types: ReadonlySet<FixType>,
  dryRun: boolean,
  io: CliIO,
  shown: (p: string) => string,
): Promise<LintResult> {
  let lint = first;
  const diffs = new Map<string, { original: string; output: string; kind: string }>();
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const plans = planFixes(lint, types);
    let wrote = false;
    for (const plan of plans) {
      const before = diffs.get(plan.filePath);
      diffs.set(plan.filePath, { original: before?.original ?? plan.original, output: plan.output, kind: plan.kind });
      if (dryRun || plan.kind === 'rules') continue;
      try {
        fs.writeFileSync(plan.filePath, plan.output);
      } catch (err) {
        throw new CliError(`cannot write ${shown(plan.filePath)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      }
      wrote = true;
    }
    if (!wrote) break;
    lint = await relint();
  }
  const printed = [...diffs].filter(([, d]) => dryRun || d.kind === 'rules');
  if (printed.length > 0) {
    const { createTwoFilesPatch } = await import('diff');
    for (const [file, d] of printed) {
      const name = shown(file);
      if (d.kind === 'rules' && !dryRun) io.stderr(`escalint does not rewrite Codex's rule file ${name}; apply these changes yourself:\n`);
      io.stderr(createTwoFilesPatch(name, name, d.original, d.output, '', '', { context: 2 }));
    }
  }
  return lint;
}
