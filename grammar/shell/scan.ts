// Character classes and the look-ahead scans of the shell lexer.
//
// Some constructs can only be read once their end is known: `((…))` is arithmetic only if the
// `)` matching its `(` is followed by another `)`, a `NAME[…]` subscript and the obsolete `$[…]`
// run to their `]`, an extended glob `*(…)` in `[[ ]]` to its `)`. These scans find that end the
// way bash's parse_matched_pair does (quotes, `$'…'`, backticks and escapes skipped) without
// building anything; they are iterative and memoized, so nesting and size stay linear.
import type { LexContext } from './context.js';

export function isBlank(c: string): boolean {
  // Only space and tab separate words (bash manual §2 "blank"); NBSP, CR, VT and FF do not.
  return c === ' ' || c === '\t';
}

export function isMeta(c: string): boolean {
  return c === '|' || c === '&' || c === ';' || c === '(' || c === ')' || c === '<' || c === '>';
}

export function isNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

export function isNameChar(c: string): boolean {
  return isNameStart(c) || (c >= '0' && c <= '9');
}

/** True when position `i` ends a word: the end of the text, a blank, a newline or a metacharacter. */
export function endsWord(t: string, i: number): boolean {
  const c = t[i];
  return c === undefined || isBlank(c) || c === '\n' || isMeta(c);
}

/** Matches of `(` by position, per text (backtick bodies are texts of their own). */
export function arithMemo(ctx: LexContext, text: string): Map<number, number> {
  if (ctx.parenMemo === undefined || ctx.parenMemo.text !== text) ctx.parenMemo = { text, close: new Map() };
  return ctx.parenMemo.close;
}

/** Index just after the backtick that closes the one before `i`, or -1 (escapes skipped). */
function skipBacktick(t: string, i: number): number {
  while (i < t.length && t[i] !== '`') i += t[i] === '\\' ? 2 : 1;
  return i < t.length ? i + 1 : -1;
}

type ScanFrame = { dq: true } | { dq: false; depth: number };

/**
 * Scans from `i` (just after an opening `(`) to its matching `)`, as bash's matched-pair reading
 * does: quotes, `$'…'`, backticks and escapes are skipped, and inside double quotes a `$(…)` is
 * followed to its own `)` (`"$(echo ")")"`). Records the match (or -1) of every `(` passed at
 * the outer level. Iterative, so deep nesting cannot overflow the stack.
 */
export function scanParens(t: string, i: number, memo: Map<number, number>): number {
  const open: number[] = [];
  const frames: ScanFrame[] = [];
  const fail = () => {
    for (const o of open) memo.set(o, -1);
    return -1;
  };
  while (i < t.length) {
    const c = t[i]!;
    const top = frames[frames.length - 1];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '`') {
      i = skipBacktick(t, i + 1);
      if (i < 0) return fail();
      continue;
    }
    if (top?.dq) {
      if (c === '"') frames.pop();
      else if (c === '$' && t[i + 1] === '(') {
        frames.push({ dq: false, depth: 0 });
        i++;
      }
      i++;
      continue;
    }
    if (c === '$' && t[i + 1] === "'") {
      // `$'…'` ends at an unescaped quote: `$'\''` is one string.
      let j = i + 2;
      while (j < t.length && t[j] !== "'") j += t[j] === '\\' ? 2 : 1;
      if (j >= t.length) return fail();
      i = j + 1;
      continue;
    }
    if (c === "'") {
      const close = t.indexOf(c, i + 1);
      if (close < 0) return fail();
      i = close + 1;
      continue;
    }
    if (c === '"') frames.push({ dq: true });
    else if (c === '(') {
      if (top) top.depth++;
      else open.push(i);
    } else if (c === ')') {
      if (top) {
        if (top.depth === 0) frames.pop();
        else top.depth--;
      } else {
        const o = open.pop();
        if (o === undefined) return i;
        memo.set(o, i);
      }
    }
    i++;
  }
  return fail();
}

/**
 * The `]` matching a `[` just before `i`, or -1: nested brackets count, quotes, escapes,
 * backticks and `$(…)` are skipped (bash's parse_matched_pair for subscripts).
 */
export function scanBracket(t: string, i: number, limit: number): number {
  let depth = 0;
  while (i < limit) {
    const c = t[i]!;
    if (c === '\\') i += 2;
    else if (c === "'") {
      const close = t.indexOf("'", i + 1);
      if (close < 0 || close >= limit) return -1;
      i = close + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < limit && t[j] !== '"') j += t[j] === '\\' ? 2 : 1;
      if (j >= limit) return -1;
      i = j + 1;
    } else if (c === '`') {
      i = skipBacktick(t, i + 1);
      if (i < 0) return -1;
    } else if (c === '$' && t[i + 1] === '(') {
      const close = scanParens(t, i + 2, new Map());
      if (close < 0) return -1;
      i = close + 1;
    } else if (c === '[') {
      depth++;
      i++;
    } else if (c === ']') {
      if (depth === 0) return i;
      depth--;
      i++;
    } else i++;
  }
  return -1;
}

/**
 * Finds the `))` closing arithmetic text that starts at `i`, as bash does: read to the `)`
 * matching an imaginary `(`, then require another `)`. Returns the index of the first `)` or -1.
 * One scan records the match of every `(` it passes, so nested `$((…))` and `((…))` reuse it
 * instead of scanning the rest of the text again at each level (linear, not depth × size).
 */
export function scanArith(t: string, i: number, ctx: LexContext): number {
  const memo = arithMemo(ctx, t);
  const known = memo.get(i - 1);
  const close = known ?? scanParens(t, i, memo);
  if (known === undefined) memo.set(i - 1, close);
  return close >= 0 && t[close + 1] === ')' ? close : -1;
}
