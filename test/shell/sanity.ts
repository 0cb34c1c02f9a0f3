// The sanity walk (mvdan/sh style): for every node of a parsed script, offsets are ordered,
// children lie inside their parents, and the source slice is what the node claims. Nodes read
// from the inside of backticks have offsets mapped back through removed escapes, so only their
// containment is checked. Returns a list of problems (empty when the tree is sane).
import type * as A from '../../grammar/shell/ast.js';
import { partsValue } from '../../grammar/shell/lexer.js';
import { parseScript } from '../../grammar/shell/parser.js';
import { collectSegments } from '../../src/shell/segments.js';

interface Span {
  start: number;
  end: number;
}

function isSpan(x: unknown): x is Span & Record<string, unknown> {
  return typeof x === 'object' && x !== null && typeof (x as Span).start === 'number' && typeof (x as Span).end === 'number';
}

/** The value a word's slice has when read on its own (in `[[ ]]` if it came from there). */
function reparsedValue(slice: string, where: 'plain' | 'cond' | 'regex'): string | null {
  const script = where === 'regex' ? `[[ x =~ ${slice} ]]` : where === 'cond' ? `[[ x == ${slice} ]]` : `declare ${slice}`;
  const r = parseScript(script, { maxDepth: 256 });
  if (!r.ok) return null;
  const cmd = r.script.body.items[0]?.pipelines[0]?.commands[0];
  if (!cmd) return null;
  if (cmd.type === 'dbracket') return cmd.words[2] ? partsValue(cmd.words[2].parts) : null;
  if (cmd.type === 'simple') return cmd.words[1] ? partsValue(cmd.words[1].parts) : null;
  return null;
}

export function sanityProblems(text: string): string[] {
  const problems: string[] = [];
  const parsed = parseScript(text, { maxDepth: 256 });
  if (!parsed.ok) return problems;
  const say = (what: string, n: Span) => problems.push(`${what} at [${n.start}, ${n.end}): ${JSON.stringify(text.slice(n.start, n.end))}`);

  const visit = (node: Span & Record<string, unknown>, parent: Span & { type?: unknown }, inBacktick: boolean, prevWord: string | null) => {
    if (!(node.start <= node.end)) say(`${String(node.type ?? 'node')} start > end`, node);
    if (node.start < parent.start || node.end > parent.end) say(`${String(node.type ?? 'node')} outside its parent [${parent.start}, ${parent.end})`, node);
    if (node.start < 0 || node.end > text.length) say('node outside the text', node);
    const slice = text.slice(node.start, node.end);
    if (!inBacktick) {
      switch (node.type) {
        case 'cmdsubst':
        case 'procsubst':
        case 'arith':
        case 'arithcmd':
        case 'param':
          if (slice !== node.raw) say(`${node.type} raw ${JSON.stringify(node.raw)} differs from its slice`, node);
          break;
        case 'sgl':
          if (slice !== `'${String(node.value)}'`) say('single-quoted slice differs', node);
          break;
        case 'lit': {
          const lit = node as unknown as A.Lit;
          if (lit.array) {
            if (slice !== lit.value) say('array literal differs from its slice', node);
          } else if (lit.quoted) {
            // An escape `\X`, or the whole body of a heredoc with a quoted delimiter.
            if (slice !== `\\${lit.value}` && slice !== lit.value) say('escaped literal differs from its slice', node);
          } else if (slice.replace(/\\\n/g, '') !== lit.value) say(`literal ${JSON.stringify(lit.value)} differs from its slice`, node);
          break;
        }
        case 'word': {
          const w = node as unknown as A.Word;
          const want = reparsedValue(slice, parent.type !== 'dbracket' ? 'plain' : prevWord === '=~' ? 'regex' : 'cond');
          if (want !== partsValue(w.parts)) say(`word ${JSON.stringify(partsValue(w.parts))} re-parses to ${JSON.stringify(want)}`, node);
          break;
        }
      }
    }
    const childBacktick = inBacktick || (node.type === 'cmdsubst' && node.kind === '`');
    let prev: string | null = null;
    const each = (v: unknown, container: Span) => {
      if (Array.isArray(v)) {
        for (const x of v) each(x, container);
      } else if (isSpan(v)) {
        visit(v, container, childBacktick, prev);
        if (v.type === 'word') prev = partsValue((v as unknown as A.Word).parts);
      } else if (typeof v === 'object' && v !== null) {
        // Plain records without a span (assignments, if clauses): their spans belong to `node`.
        for (const x of Object.values(v)) each(x, container);
      }
    };
    for (const [k, v] of Object.entries(node)) {
      if (k === 'heredoc' && isSpan(v)) {
        // A heredoc body lies after the line of its operator, outside every enclosing node.
        visit(v, { start: 0, end: text.length }, childBacktick, null);
        continue;
      }
      each(v, node);
    }
  };
  visit(parsed.script as unknown as Span & Record<string, unknown>, { start: 0, end: text.length }, false, null);

  // A segment's span covers its words, assignments and redirections.
  for (const s of collectSegments(parsed.script)) {
    for (const w of [...s.words, ...s.redirects]) {
      if (w.start < s.start || w.end > s.end) problems.push(`segment [${s.start}, ${s.end}) ${JSON.stringify(s.argv)} does not cover [${w.start}, ${w.end})`);
    }
  }
  return problems;
}
