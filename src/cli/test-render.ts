// Rendering of `escalint test` results: the fixed JSON shape (design.md §5) and a small tree per
// command for people.
import type { CommandEvaluation, Explanation } from '../engine/evaluate.js';
import type { PrefixMatch } from '../engine/match.js';
import type { LineIndex } from '../format/lines.js';
import { paint, type Paint } from '../format/paint.js';
import type { RuleSet, Verdict } from '../types.js';
import { displayWord, segmentJson } from './parse.js';

export interface RenderContext {
  ruleSet: RuleSet;
  lines: Map<string, LineIndex>;
  display: (path: string) => string;
}

/** Rule positions, computed once per rule: a long run names the same rules thousands of times. */
const positions = new WeakMap<object, { line: number; column: number }>();

function rulePosition(m: PrefixMatch, ctx: RenderContext): { line: number; column: number } {
  let pos = positions.get(m.rule);
  if (!pos) positions.set(m.rule, (pos = ctx.lines.get(m.rule.source.file)?.position(m.rule.source.start) ?? { line: 1, column: 1 }));
  return pos;
}

/** An explanation with its rule's place filled in: `file:line`. */
export function explanationText(e: Explanation, ctx: RenderContext): string {
  if (!e.rule) return e.template;
  const file = e.rule.source.file;
  const lines = ctx.lines.get(file);
  const where = lines ? `${ctx.display(file)}:${lines.position(e.rule.source.start).line}` : ctx.display(file);
  return e.template.split('{{rule}}').join(where);
}

export function matchJson(m: PrefixMatch, ctx: RenderContext) {
  const pos = rulePosition(m, ctx);
  return {
    rule: m.rule.id,
    pattern: m.rule.pattern,
    matchedPrefix: m.matchedPrefix,
    decision: m.decision,
    justification: m.rule.justification ?? null,
    file: ctx.display(m.rule.source.file),
    line: pos.line,
    column: pos.column,
  };
}

export function resultJson(r: CommandEvaluation, ctx: RenderContext) {
  const out: Record<string, unknown> = {
    command: r.command,
    decision: r.decision,
    segments: r.segments.map((s) => ({
      argv: s.segment.argv,
      decision: s.decision,
      matches: s.matches.map((m) => matchJson(m, ctx)),
      reasons: s.reasons.map((x) => x.id),
      context: segmentJson(s.segment).context,
    })),
    codex: {
      split: r.codex.split,
      commands: r.codex.commands,
      decision: r.codex.decision,
      matches: r.codex.matches.map((m) => matchJson(m, ctx)),
    },
  };
  if (r.diagnostics.length > 0) out.diagnostics = r.diagnostics.map((d) => ({ message: d.message, start: d.start, end: d.end }));
  if (r.explanation) out.explanation = explanationText(r.explanation, ctx);
  return out;
}

function colourOf(p: Paint, v: Verdict | null): (s: string) => string {
  switch (v) {
    case 'allow':
      return p.green;
    case 'prompt':
      return p.yellow;
    case 'forbidden':
      return p.red;
    default:
      return p.dim;
  }
}

function where(m: PrefixMatch, ctx: RenderContext): string {
  const pos = rulePosition(m, ctx);
  const id = m.rule.id ? ` ${m.rule.id}` : '';
  return `${ctx.display(m.rule.source.file)}:${pos.line}:${pos.column}${id}`;
}

function argvText(argv: readonly string[]): string {
  return argv.map(displayWord).join(' ');
}

export function resultText(r: CommandEvaluation, ctx: RenderContext, color: boolean): string {
  const p = paint(color);
  const out: string[] = [];
  const verdict = (v: Verdict | null) => colourOf(p, v)(v ?? 'unmatched');
  out.push(`${p.bold(`$ ${r.command.replace(/\n/g, '\n  ')}`)}  ${verdict(r.decision)}`);
  for (const d of r.diagnostics) out.push(`  ${p.red('syntax error')}: ${d.message} (offset ${d.start}); escalint asks`);
  r.segments.forEach((s, k) => {
    const last = k === r.segments.length - 1;
    const branch = last ? '└─' : '├─';
    const depth = s.segment.context.filter((c) => c === 'wrapped' || c.endsWith('substitution') || c === 'backtick').length;
    const indent = '  '.repeat(depth);
    const ctxText = s.segment.context.length ? p.dim(` [${s.segment.context.join(' > ')}]`) : '';
    out.push(`${branch} ${indent}${argvText(s.segment.argv)}${ctxText}  ${verdict(s.decision)}`);
    const cont = last ? '   ' : '│  ';
    for (const m of s.matches) {
      const just = m.justification ? ` ${p.dim(`— ${m.justification}`)}` : '';
      out.push(`${cont}${indent}  ${colourOf(p, m.decision)(m.decision)} by ${JSON.stringify(m.rule.pattern)} at ${where(m, ctx)}${just}`);
    }
    for (const reason of s.reasons) out.push(`${cont}${indent}  ${p.yellow(reason.id)}: ${reason.message}`);
  });
  const c = r.codex;
  const split = c.split ? `splits into ${c.commands.map(argvText).join(' ; ')}` : `checks ${argvText(c.commands[0] ?? [])} whole`;
  out.push(`${p.cyan('codex 0.169.0')}: ${split}  ${verdict(c.decision)}`);
  for (const m of c.matches) out.push(`   ${colourOf(p, m.decision)(m.decision)} by ${JSON.stringify(m.rule.pattern)} at ${where(m, ctx)}`);
  if (r.explanation) out.push(`${p.yellow('note')}: ${explanationText(r.explanation, ctx)}`);
  return `${out.join('\n')}\n`;
}
