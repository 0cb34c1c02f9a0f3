// The sanity walk (mvdan/sh style): for every node of a parsed script, offsets are ordered,
// children lie inside their parents, and the source slice is what the node claims. Nodes read
// from the inside of backticks have offsets mapped back through removed escapes, so only their
// containment is checked. Returns a list of problems (empty when the tree is sane); a script that
// does not parse is a problem too, so a walk over it can never pass by checking nothing.
import type * as A from '../../grammar/shell/ast.js';
import { partsValue } from '../../grammar/shell/lexer.js';
import { parseScript } from '../../grammar/shell/parser.js';
import { collectSegments } from '../../src/shell/segments.js';
import type { Segment } from '../../src/types.js';

interface Span {
  start: number;
  end: number;
}

function isSpan(x: unknown): x is Span & Record<string, unknown> {
  return typeof x === 'object' && x !== null && typeof (x as Span).start === 'number' && typeof (x as Span).end === 'number';
}

/** A slice with its line continuations (backslash-newline) removed, as the lexer reads it. */
function joined(slice: string): string {
  return slice.replace(/\\\n/g, '');
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

/** Parses `text` and walks the result; a parse failure is reported as a problem. */
export function sanityProblems(text: string): string[] {
  const parsed = parseScript(text, { maxDepth: 256 });
  if (!parsed.ok) {
    const e = parsed.error;
    return [`does not parse: ${e.message} at [${e.start}, ${e.end}): ${JSON.stringify(text)}`];
  }
  return walkProblems(text, parsed.script);
}

/**
 * The walk itself, over a given tree and its segments (by default the segments of that tree).
 * Exported so tests can hand it a tampered tree or tampered segments and see it object.
 */
export function walkProblems(text: string, script: A.Script, segments: readonly Segment[] = collectSegments(script)): string[] {
  const problems: string[] = [];
  const simpleSpans = new Set<string>();
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
        // Quotes and operators: the slice (line continuations removed) is delimited as the node says.
        case 'dbl': {
          const open = (node as unknown as A.DblQuoted).locale ? '$"' : '"';
          const s = joined(slice);
          if (!(s.length >= open.length + 1 && s.startsWith(open) && s.endsWith('"'))) say('double-quoted slice is not delimited by its quotes', node);
          break;
        }
        case 'ansi': {
          const s = joined(slice);
          if (!(s.length >= 3 && s.startsWith("$'") && s.endsWith("'"))) say("$'…' slice is not delimited by its quotes", node);
          break;
        }
        case 'redirect':
          if (!joined(slice).startsWith(String(node.op))) say(`redirect slice does not start with its operator ${JSON.stringify(node.op)}`, node);
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
    if (node.type === 'simple') simpleSpans.add(`${node.start},${node.end}`);
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
  visit(script as unknown as Span & Record<string, unknown>, { start: 0, end: text.length }, false, null);

  // A segment's span is that of its simple command, so it covers its words, assignments and
  // redirections.
  for (const s of segments) {
    if (!simpleSpans.has(`${s.start},${s.end}`)) problems.push(`segment [${s.start}, ${s.end}) ${JSON.stringify(s.argv)} is not the span of a simple command`);
    for (const w of [...s.words, ...s.redirects]) {
      if (w.start < s.start || w.end > s.end) problems.push(`segment [${s.start}, ${s.end}) ${JSON.stringify(s.argv)} does not cover [${w.start}, ${w.end})`);
    }
  }
  return problems;
}

/** Every object with numeric `start`/`end` reachable from `root`, depth first in key order, each once. */
export function spanNodes(root: unknown): (Span & Record<string, unknown>)[] {
  const out: (Span & Record<string, unknown>)[] = [];
  const seen = new Set<object>();
  const go = (v: unknown) => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (isSpan(v)) out.push(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) go(x);
  };
  go(root);
  return out;
}

/**
 * A deep copy of `x` (a tree or a list of segments) in which the offsets of the span nodes that
 * `pick` selects (by node and by its index in `spanNodes` order) are shifted by `by`.
 */
export function shiftOffsets<T>(x: T, by: number, pick: (n: Span & Record<string, unknown>, index: number) => boolean = () => true): T {
  const copy = structuredClone(x);
  spanNodes(copy).forEach((n, i) => {
    if (!pick(n, i)) return;
    n.start += by;
    n.end += by;
  });
  return copy;
}
