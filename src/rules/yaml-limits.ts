// Checks that run before the YAML parser sees a rule file (design.md §2): size, UTF-8 and
// nesting depth. Each is one linear pass, so a hostile 20 MB file is refused in milliseconds
// and a 100k-deep `[[[[` never reaches the parser's recursion.

/** A rule file of at most 5 MiB (design.md §2). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Nesting depth of at most 100 collections (design.md §2). */
export const DEFAULT_MAX_DEPTH = 100;

/** Byte offset of the first byte that is not well-formed UTF-8, or -1 (RFC 3629 table 3-7). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    if (i + need >= n) return i; // truncated sequence
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Where the nesting of `text` first exceeds `maxDepth`, or -1. Counts flow collections
 * (`[`, `{` outside quotes and comments) plus block levels (a stack of indentation columns,
 * with `- - x` counting one level per dash). It is an upper bound on what the parser builds:
 * block scalar bodies and multi-line quoted strings are skipped, so text inside them never counts.
 */
export function firstTooDeep(text: string, maxDepth: number): number {
  const n = text.length;
  const indents: number[] = [];
  let flow = 0;
  let quote: '' | "'" | '"' = '';
  let blockScalarIndent = -1; // inside a `|`/`>` body: lines indented more than this
  let pos = 0;
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    let indent = 0;
    while (pos + indent < eol && text.charCodeAt(pos + indent) === 0x20) indent++;
    const first = pos + indent;
    const blank = first >= eol || text[first] === '\r' || (text[first] === '#' && quote === '');
    if (blockScalarIndent >= 0) {
      if (blank || indent > blockScalarIndent) {
        pos = eol + 1;
        continue;
      }
      blockScalarIndent = -1;
    }
    if (blank) {
      pos = eol + 1;
      continue;
    }
    let i = first;
    if (quote === '' && flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      // Compact nested sequences `- - - x` open one level per dash.
      while (text[i] === '-' && (text[i + 1] === ' ' || i + 1 >= eol)) {
        i += 1;
        while (i < eol && text[i] === ' ') i++;
        indents.push(i - pos);
      }
      if (indents.length > maxDepth) return first;
    }
    let lastSig = -1; // last character outside blanks and comments
    let tokenStart = true; // at the start of a token: quotes and flow indicators are syntax here
    for (; i < eol; i++) {
      const c = text[i]!;
      if (quote === "'") {
        if (c === "'") {
          if (text[i + 1] === "'") i++;
          else quote = '';
        }
        continue;
      }
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = '';
        continue;
      }
      if (c === ' ' || c === '\t') {
        tokenStart = true;
        continue;
      }
      if (c === '#' && tokenStart) break; // comment
      if ((c === "'" || c === '"') && (tokenStart || flow > 0)) {
        quote = c;
        lastSig = i;
        tokenStart = false;
        continue;
      }
      if ((c === '[' || c === '{') && (tokenStart || flow > 0)) {
        flow++;
        if (flow + indents.length > maxDepth) return i;
        tokenStart = true;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        tokenStart = false;
      } else if (c === ',' && flow > 0) tokenStart = true;
      else tokenStart = false;
      if (c !== '\r') lastSig = i;
    }
    // `key: |`, `- >-`, `|2+`: the next, more indented lines are a block scalar's body.
    if (quote === '' && flow === 0 && lastSig >= first) {
      let k = lastSig;
      while (k > first && lastSig - k < 2 && isIndicatorDigitOrSign(text.charCodeAt(k))) k--;
      if ((text[k] === '|' || text[k] === '>') && (k === first || text[k - 1] === ' ')) blockScalarIndent = indent;
    }
    pos = eol + 1;
  }
  return -1;
}

/** `0-9`, `+` or `-` (a block scalar header's indentation and chomping indicators). */
function isIndicatorDigitOrSign(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d;
}

/** The message for a file over the size limit: `file is 20 MiB, larger than the limit of 5 MiB`. */
export function tooLargeMessage(size: number, max: number): string {
  return `file is ${mib(size)}, larger than the limit of ${mib(max)}; split the rules into several files`;
}

function mib(n: number): string {
  const v = n / (1024 * 1024);
  return `${Number.isInteger(v) ? v : v.toFixed(1)} MiB`;
}
