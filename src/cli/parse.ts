// `escalint parse [--format text|json] [--codex] [--stdin | -- <script>…]`: the segments of each
// script (design.md §5). The JSON shape is a contract; text is for people.
import type { Command } from 'commander';
import type { CodexSplit } from '../shell/codex-split.js';
import type { Diagnostic, ParseResult, Segment } from '../types.js';
import { CliError } from './io.js';
import type { CommandContext } from './main.js';
import { paint } from '../format/paint.js';

/** 1-based line and column of an offset in a shell script: only LF ends a line in shell. */
export function shellPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

export function segmentJson(s: Segment) {
  return {
    argv: s.argv,
    assigns: s.assigns,
    redirects: s.redirects.map((r) => ({ op: r.op, target: r.target, dynamic: r.dynamic, start: r.start, end: r.end })),
    context: s.context,
    dynamic: s.dynamic,
    reasons: s.reasons.map((r) => r.id),
    start: s.start,
    end: s.end,
  };
}

export function diagnosticJson(text: string, d: Diagnostic) {
  const { line, column } = shellPosition(text, d.start);
  return { message: d.message, line, column, start: d.start, end: d.end };
}

type Splitter = ((argv: readonly string[]) => CodexSplit) | null;

function scriptJson(script: string, r: ParseResult, codexSplit: Splitter) {
  const out: Record<string, unknown> = {
    script,
    segments: r.segments.map(segmentJson),
    diagnostics: r.diagnostics.map((d) => diagnosticJson(script, d)),
  };
  if (codexSplit) {
    const c = codexSplit(['/bin/bash', '-lc', script]);
    out.codex = { split: c.split, commands: c.commands };
  }
  return out;
}

/** Quotes a word for display so the reader can tell words apart. */
export function displayWord(w: string): string {
  if (w !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(w)) return w;
  return `'${w.replace(/[\x00-\x1f\x7f\u0085\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/'/g, "'\\''")}'`;
}

function scriptText(script: string, r: ParseResult, codexSplit: Splitter, color: boolean): string {
  const p = paint(color);
  const lines: string[] = [];
  for (const d of r.diagnostics) {
    const { line, column } = shellPosition(script, d.start);
    const src = script.split('\n')[line - 1] ?? '';
    lines.push(`${p.red('error')} ${line}:${column} ${d.message}`);
    lines.push(`  ${src}`);
    lines.push(`  ${' '.repeat(Math.max(0, column - 1))}${p.red('^')}`);
  }
  if (r.diagnostics.length === 0 && r.segments.length === 0) lines.push(p.dim('(no commands)'));
  for (const s of r.segments) {
    const ctx = s.context.length ? p.dim(` [${s.context.join(' > ')}]`) : '';
    const assigns = s.assigns.length ? `${p.dim(s.assigns.map(displayWord).join(' '))} ` : '';
    const redirs = s.redirects.length ? p.dim(` ${s.redirects.map((x) => `${x.op}${displayWord(x.target)}`).join(' ')}`) : '';
    const reasons = s.reasons.length ? ` ${p.yellow(`(${s.reasons.map((x) => x.id).join(', ')})`)}` : '';
    lines.push(`${assigns}${s.argv.map(displayWord).join(' ')}${redirs}${ctx}${reasons}`);
  }
  if (codexSplit) {
    const c = codexSplit(['/bin/bash', '-lc', script]);
    if (c.split) lines.push(`${p.cyan('codex')}: splits into ${c.commands.map((a) => a.map(displayWord).join(' ')).join(' ; ')}`);
    else lines.push(`${p.cyan('codex')}: does not split; checks ${c.commands[0]!.map(displayWord).join(' ')} whole`);
  }
  return lines.join('\n') + '\n';
}

export function registerParse(program: Command, ctx: CommandContext): void {
  program
    .command('parse')
    .description('show the commands a shell string runs (segments), as bash parses it')
    .option('--format <format>', 'text or json', 'text')
    .option('--stdin', 'read one script from standard input')
    .option('--codex', 'also show how Codex 0.169.0 splits the same script')
    .option('--color', 'force colour')
    .option('--no-color', 'disable colour')
    .argument('[script...]', 'scripts to parse (put them after --)')
    .action(async (scripts: string[], opts: { format: string; stdin?: boolean; codex?: boolean; color?: boolean }) => {
      if (opts.format !== 'text' && opts.format !== 'json') throw new CliError(`unknown format "${opts.format}"; use text or json`);
      let inputs = scripts;
      if (opts.stdin) {
        if (scripts.length > 0) throw new CliError('give scripts as arguments or --stdin, not both');
        inputs = [await ctx.io.readStdin()];
      } else if (scripts.length === 0) {
        throw new CliError('no script given; use escalint parse -- "<script>" or --stdin');
      }
      // Loaded here, not at start-up: other commands should not pay for the grammar.
      const [{ parseShell }, { codexSplit }] = await Promise.all([import('../shell/parse.js'), import('../shell/codex-split.js')]);
      const codex: Splitter = opts.codex ? codexSplit : null;
      const results = inputs.map((s) => parseShell(s));
      if (opts.format === 'json') {
        ctx.io.stdout(`${JSON.stringify(inputs.map((s, i) => scriptJson(s, results[i]!, codex)), null, 2)}\n`);
      } else {
        const color = opts.color ?? (ctx.io.isTTY && !ctx.io.env.NO_COLOR);
        const header = (s: string) => (inputs.length > 1 ? `${paint(color).bold(displayWord(s))}\n` : '');
        ctx.io.stdout(inputs.map((s, i) => header(s) + scriptText(s, results[i]!, codex, color)).join('\n'));
      }
      // A script that does not parse is a problem found (exit 1), as a lint error would be.
      ctx.setExit(results.some((r) => r.diagnostics.length > 0) ? 1 : 0);
    });
}
