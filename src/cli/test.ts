// `escalint test <rules…> (-c CMD)… | --commands FILE | --expect FILE` (design.md §5): what the
// rules decide for real command lines, segment by segment, and what Codex 0.169.0 decides.
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { CliError, EXIT_PROBLEMS } from './io.js';
import type { CommandContext } from './main.js';

interface TestOptions {
  command: string[];
  commands?: string;
  expect?: string;
  format: string;
  failOn?: string;
  color?: boolean;
  cwd?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerTest(program: Command, ctx: CommandContext): void {
  program
    .command('test')
    .description('test command lines against rule files: the decision per segment, and what Codex 0.169.0 decides')
    .argument('<rules...>', 'rule files (.yaml, .yml, .rules), merged in the order given')
    .option('-c, --command <command>', 'a command line to test (repeatable)', collect, [])
    .option('--commands <file>', 'a file with one command per line (blank lines and # comments skipped)')
    .option('--expect <file>', 'a YAML list of {command, decision, codex?} cases; exit 1 on any mismatch')
    .option('--format <format>', 'text or json', 'text')
    .option('--fail-on <decision>', 'exit 1 when a command reaches prompt or forbidden')
    .option('--cwd <dir>', 'directory relative program paths resolve against (default: the current one)')
    .option('--color', 'force colour')
    .option('--no-color', 'disable colour (also NO_COLOR=1)')
    .addHelpText('after', '\nExit codes: 0 ok; 1 a failed expectation or --fail-on reached; 2 usage, I/O or unreadable rule file.')
    .action(async (rules: string[], opts: TestOptions) => ctx.setExit(await runTest(rules, opts, ctx)));
}

interface Case {
  command: string;
  decision?: string;
  codex?: string | null;
  hasCodex: boolean;
  line?: number;
}

async function runTest(ruleFiles: string[], opts: TestOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  if (opts.format !== 'text' && opts.format !== 'json') throw new CliError(`unknown format "${opts.format}"; use text or json`);
  if (opts.failOn !== undefined && opts.failOn !== 'prompt' && opts.failOn !== 'forbidden') {
    throw new CliError(`--fail-on takes prompt or forbidden; got "${opts.failOn}"`);
  }
  const sources = [opts.command.length > 0, opts.commands !== undefined, opts.expect !== undefined].filter(Boolean).length;
  if (sources === 0) throw new CliError('nothing to test: give -c "<command>", --commands FILE or --expect FILE');

  const [{ loadRuleFiles, CODEX_REFUSES }, { Evaluator, verdictRank }, { LineIndex }, render] = await Promise.all([
    import('../load.js'),
    import('../engine/evaluate.js'),
    import('../format/lines.js'),
    import('./test-render.js'),
  ]);

  const files = ruleFiles.map((f) => path.resolve(io.cwd, f));
  for (const f of files) {
    if (!fs.existsSync(f)) throw new CliError(`no such file: ${path.relative(io.cwd, f) || f}`);
  }
  const loaded = await loadRuleFiles(files);
  const shownPaths = new Map<string, string>();
  const display = (p: string): string => {
    let shown = shownPaths.get(p);
    if (shown === undefined) shownPaths.set(p, (shown = path.relative(io.cwd, p) || p));
    return shown;
  };
  // What Codex refuses to start on (a failing example too) cannot be tested as if it loaded.
  const blocking = loaded.diagnostics.filter((d) => CODEX_REFUSES.has(d.check) && d.severity === 'error');
  if (loaded.fatal || blocking.length > 0) {
    const lines = blocking.length > 0 ? blocking : loaded.diagnostics;
    for (const d of lines) {
      const file = loaded.ruleSet.files.find((x) => x.path === d.file);
      const pos = file ? new LineIndex(file.text).position(d.start) : { line: 1, column: 1 };
      io.stderr(`${d.file ? display(d.file) : '<rules>'}:${pos.line}:${pos.column}: ${d.message} [${d.check}]\n`);
    }
    throw new CliError('the rule files cannot be used as they are; fix the errors above (escalint check shows them all)');
  }
  const cases: Case[] = [];
  for (const c of opts.command) cases.push({ command: c, hasCodex: false });
  if (opts.commands !== undefined) cases.push(...readCommandsFile(path.resolve(io.cwd, opts.commands)));
  if (opts.expect !== undefined) cases.push(...(await readExpectFile(path.resolve(io.cwd, opts.expect), opts.expect)));

  const evaluator = new Evaluator(loaded.ruleSet, { cwd: opts.cwd ? path.resolve(io.cwd, opts.cwd) : io.cwd });
  const results = cases.map((c) => evaluator.evaluate(c.command));
  const lines = new Map<string, InstanceType<typeof LineIndex>>();
  for (const f of loaded.ruleSet.files) lines.set(f.path, new LineIndex(f.text));
  const rctx = { ruleSet: loaded.ruleSet, lines, display };

  if (opts.format === 'json') {
    // Written in chunks: the same text as JSON.stringify(array, null, 2), without building one string
    // of every result (tens of MB for 10,000 commands).
    // Each batch is stringified as an array and its brackets dropped, so the elements keep their indentation.
    if (results.length === 0) io.stdout('[]\n');
    else {
      const BATCH = 256;
      for (let k = 0; k < results.length; k += BATCH) {
        const text = JSON.stringify(results.slice(k, k + BATCH).map((r) => render.resultJson(r, rctx)), null, 2);
        const last = k + BATCH >= results.length;
        io.stdout(`${k === 0 ? '[\n' : ''}${text.slice(2, -2)}${last ? '\n]\n' : ',\n'}`);
      }
    }
  }
  else {
    const color = opts.color ?? (io.isTTY && !io.env.NO_COLOR);
    io.stdout(results.map((r) => render.resultText(r, rctx, color)).join('\n'));
  }

  let code = 0;
  // Expectations: every mismatch listed.
  const mismatches: string[] = [];
  results.forEach((r, k) => {
    const c = cases[k]!;
    const where = c.line !== undefined ? `${opts.expect}:${c.line}: ` : '';
    if (c.decision !== undefined && c.decision !== r.decision) {
      mismatches.push(`${where}${JSON.stringify(c.command)}: expected ${c.decision}, got ${r.decision}`);
    }
    if (c.hasCodex) {
      const want = c.codex === null || c.codex === 'unmatched' ? null : c.codex;
      if (want !== r.codex.decision) mismatches.push(`${where}${JSON.stringify(c.command)}: expected Codex to decide ${want ?? 'nothing (no rule matches)'}, it decides ${r.codex.decision ?? 'nothing (no rule matches)'}`);
    }
  });
  if (mismatches.length > 0) {
    io.stderr(`${mismatches.length} expectation${mismatches.length === 1 ? '' : 's'} failed:\n${mismatches.map((m) => `  ${m}`).join('\n')}\n`);
    code = EXIT_PROBLEMS;
  } else if (opts.expect !== undefined) {
    io.stderr(`${cases.filter((c) => c.decision !== undefined || c.hasCodex).length} expectations met\n`);
  }
  if (opts.failOn !== undefined) {
    const threshold = verdictRank(opts.failOn as 'prompt' | 'forbidden');
    if (results.some((r) => verdictRank(r.decision) >= threshold)) code = EXIT_PROBLEMS;
  }
  return code;
}

/** One command per line; LF only (a trailing CR is dropped); blank lines and `#` comments skipped. */
export function parseCommandsText(text: string): { command: string; line: number }[] {
  const out: { command: string; line: number }[] = [];
  text.split('\n').forEach((raw, k) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    out.push({ command: line, line: k + 1 });
  });
  return out;
}

function readCommandsFile(file: string): Case[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return parseCommandsText(text).map((c) => ({ command: c.command, hasCodex: false }));
}

const VERDICTS = ['allow', 'unmatched', 'prompt', 'forbidden'];

async function readExpectFile(file: string, shownName: string): Promise<Case[]> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${shownName}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const { parseDocument, LineCounter, isSeq, isMap } = await import('yaml');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const p = lc.linePos(e.pos[0]);
    throw new CliError(`${shownName}:${p.line}:${p.col}: ${e.message.split('\n')[0]}`);
  }
  const root = doc.contents;
  if (!isSeq(root)) throw new CliError(`${shownName}: expected a list of cases (- command: … decision: …)`);
  const cases: Case[] = [];
  for (const item of root.items) {
    const at = (node: unknown) => {
      const range = (node as { range?: [number, number] } | null)?.range;
      const p = lc.linePos(range ? range[0] : 0);
      return `${shownName}:${p.line}:${p.col}`;
    };
    if (!isMap(item)) throw new CliError(`${at(item)}: each case is a mapping with command and decision`);
    const obj = item.toJSON() as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (!['command', 'decision', 'codex'].includes(key)) throw new CliError(`${at(item)}: unknown key "${key}"; a case has command, decision and codex`);
    }
    if (typeof obj.command !== 'string') throw new CliError(`${at(item)}: command must be a string`);
    if (obj.decision !== undefined && !(typeof obj.decision === 'string' && VERDICTS.includes(obj.decision))) {
      throw new CliError(`${at(item)}: decision must be one of ${VERDICTS.join(', ')}; got ${JSON.stringify(obj.decision)}`);
    }
    const hasCodex = Object.prototype.hasOwnProperty.call(obj, 'codex');
    if (hasCodex && !(obj.codex === null || (typeof obj.codex === 'string' && VERDICTS.includes(obj.codex)))) {
      throw new CliError(`${at(item)}: codex must be one of allow, prompt, forbidden, unmatched or null; got ${JSON.stringify(obj.codex)}`);
    }
    if (obj.decision === undefined && !hasCodex) throw new CliError(`${at(item)}: give decision, codex or both`);
    const range = (item as unknown as { range?: [number, number] }).range;
    const c: Case = { command: obj.command, hasCodex, line: lc.linePos(range ? range[0] : 0).line };
    if (typeof obj.decision === 'string') c.decision = obj.decision;
    if (hasCodex) c.codex = obj.codex as string | null;
    cases.push(c);
  }
  return cases;
}
