// Assignment words: `NAME=value`, `NAME+=value`, `NAME[subscript]=value` and `NAME=(…)`
// (bash manual §3.4 "Shell Parameters", §6.7 "Arrays").
//
// The lexer reads such a word like any other, into parts; where an assignment may stand (before
// the command name) it asks assignmentOf to split the parts into name, operator, subscript and
// value. The split keeps source spans: a literal cut in two gets the spans of its two pieces.
import type * as A from './ast.js';
import type { WordReader } from './word-parts.js';

const ASSIGN_RE = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=)/;

/** Called by the lexer after reading a word where an assignment may stand: marks assignment-shaped words. */
export function assignmentOf(r: WordReader, parts: A.WordPart[]): A.Assignment | undefined {
  const first = parts[0];
  if (!first || first.type !== 'lit' || first.quoted) return undefined;
  const m = ASSIGN_RE.exec(first.value);
  const last = parts[parts.length - 1];
  const arr = last && last.type === 'lit' ? last.array : undefined;
  if (m) {
    const value: A.WordPart[] = [];
    if (first.value.length > m[0].length) value.push(subLit(r, first, m[0].length, first.value.length));
    value.push(...parts.slice(1));
    const a: A.Assignment = { name: m[1]!, op: m[2] as '=' | '+=', value: arr ? [] : value };
    if (arr) a.array = arr;
    return a;
  }
  // NAME[subscript]=value, where the subscript may hold expansions in later parts.
  const b = /^([A-Za-z_][A-Za-z0-9_]*)\[/.exec(first.value);
  if (!b) return undefined;
  const subscript: A.WordPart[] = [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    const from = k === 0 ? b[0].length : 0;
    if (p.type === 'lit' && !p.quoted) {
      const m2 = /\](\+?=)/.exec(p.value.slice(from));
      if (m2) {
        const close = from + m2.index;
        if (close > from) subscript.push(subLit(r, p, from, close));
        const rest = close + m2[0].length;
        const value: A.WordPart[] = [];
        if (rest < p.value.length) value.push(subLit(r, p, rest, p.value.length));
        value.push(...parts.slice(k + 1));
        const a: A.Assignment = { name: b[1]!, op: m2[1] as '=' | '+=', subscript, value: arr ? [] : value };
        if (arr) a.array = arr;
        return a;
      }
      if (from < p.value.length) subscript.push(from > 0 ? subLit(r, p, from, p.value.length) : p);
      continue;
    }
    subscript.push(p);
  }
  return undefined;
}

/** Index in the reader's text of an offset in the original string (the map is increasing). */
function derivedIndex(r: WordReader, offset: number): number {
  const map = r.map;
  if (map === null) return offset;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The characters [from, to) of an unquoted literal's value as a literal of their own, with its
 * source span: the value lacks the line continuations the source has, so positions are walked.
 */
function subLit(r: WordReader, p: A.Lit, from: number, to: number): A.Lit {
  const t = r.text;
  let i = derivedIndex(r, p.start);
  let first = -1;
  let last = -1;
  for (let v = 0; v < to; v++) {
    while (t[i] === '\\' && t[i + 1] === '\n') i += 2;
    if (v === from) first = i;
    last = i;
    i++;
  }
  return { type: 'lit', value: p.value.slice(from, to), quoted: false, start: r.off(first), end: r.off(last) + 1 };
}
