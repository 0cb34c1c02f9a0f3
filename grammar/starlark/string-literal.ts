// Starlark string literals as Codex's parser (starlark-rust `lexer.rs`) reads them; see
// reference/starlark-strings.md. The scanner is a Chevrotain custom token pattern: it returns the
// matched text and, as the token payload, the decoded value or the error starlark-rust reports.

export type StringFlavor = 'str' | 'bytes' | 'fstring';

export interface StringLiteralError {
  message: string;
  /** Half-open offsets into the file. */
  start: number;
  end: number;
}

export interface StringLiteralPayload {
  value: string;
  flavor: StringFlavor;
  raw: boolean;
  triple: boolean;
  error?: StringLiteralError;
}

/** Prefixes starlark-rust lexes as part of a string token (`rf"` is not one of them). */
const PREFIXES: Record<string, { raw: boolean; flavor: StringFlavor }> = {
  '': { raw: false, flavor: 'str' },
  r: { raw: true, flavor: 'str' },
  b: { raw: false, flavor: 'bytes' },
  rb: { raw: true, flavor: 'bytes' },
  br: { raw: true, flavor: 'bytes' },
  f: { raw: false, flavor: 'fstring' },
  fr: { raw: true, flavor: 'fstring' },
};

/** The characters that can start a string token, for Chevrotain's `start_chars_hint`. */
export const STRING_START_CHARS = ['"', "'", 'r', 'b', 'f'];

const HEX = /^[0-9A-Fa-f]$/;

function readDigits(text: string, i: number, min: number, max: number, radix: 8 | 16): [number, number] | null {
  let value = 0;
  let count = 0;
  while (count < max && i < text.length) {
    const d = radix === 16 ? (HEX.test(text[i]!) ? parseInt(text[i]!, 16) : -1) : text[i]! >= '0' && text[i]! <= '7' ? text.charCodeAt(i) - 48 : -1;
    if (d < 0) break;
    value = value * radix + d;
    count++;
    i++;
  }
  if (count < min) return null;
  return [value, i];
}

/** A code point Rust's `char::from_u32` accepts: not a surrogate, at most U+10FFFF. */
function isScalar(cp: number): boolean {
  return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
}

/**
 * Scan a string literal starting at `offset`. Returns null when no string starts there (so an
 * identifier such as `raw` is lexed as one). An unterminated literal still returns a token (to the
 * end of the line, or of the file for triple quotes) with `payload.error` set, so that the parser
 * can report "unfinished string literal" at the literal instead of a confusing later error.
 */
export function scanStringLiteral(text: string, offset: number): { image: string; payload: StringLiteralPayload } | null {
  let i = offset;
  let prefix = '';
  while (i < text.length && i - offset < 2 && /[rbf]/.test(text[i]!)) prefix += text[i++];
  const quote = text[i];
  if (quote !== '"' && quote !== "'") return null;
  const kind = PREFIXES[prefix];
  if (!kind) return null;
  const { raw, flavor } = kind;
  const triple = text[i + 1] === quote && text[i + 2] === quote;
  i += triple ? 3 : 1;
  let value = '';
  let quotes = 0; // consecutive closing quotes seen (triple-quoted strings)
  let firstError: StringLiteralError | undefined; // a bad escape; scanning goes on to the end
  const done = (error?: StringLiteralError) => {
    const err = firstError ?? error;
    return { image: text.slice(offset, i), payload: { value, flavor, raw, triple, ...(err ? { error: err } : {}) } };
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote) {
      i++;
      if (!triple) return done();
      quotes++;
      if (quotes === 3) {
        value = value.slice(0, -2); // the first two closing quotes were appended
        return done();
      }
      value += c;
      continue;
    }
    // Only plain characters reset the closing-quote count: starlark-rust's `stop` callback never
    // sees characters consumed by an escape.
    if (c === '\n' && !triple) {
      // A raw newline ends a one-line literal: Codex says "unfinished string literal".
      return done({ message: 'unfinished string literal', start: offset, end: i });
    }
    if (c === '\r') {
      i++; // raw CR is dropped in every kind of literal
      quotes = 0;
      continue;
    }
    if (c !== '\\') {
      value += c;
      i++;
      quotes = 0;
      continue;
    }
    // A backslash.
    const escStart = i;
    i++;
    if (i >= text.length) break;
    const e = text[i]!;
    if (raw) {
      // In raw literals `\"` and `\'` keep only the quote (which does not close the literal);
      // any other escape keeps both characters, even a backslash-newline.
      if (e !== '"' && e !== "'") value += '\\';
      value += e;
      i++;
      continue;
    }
    i++;
    switch (e) {
      case 'n': value += '\n'; break;
      case 'r': value += '\r'; break;
      case 't': value += '\t'; break;
      case 'a': value += '\x07'; break;
      case 'b': value += '\b'; break;
      case 'f': value += '\f'; break;
      case 'v': value += '\v'; break;
      case '\n': break; // line continuation
      case '\r':
        if (text[i] !== '\n') firstError ??= badEscape(text, escStart, i);
        else i++;
        break;
      case '"': case "'": case '\\': value += e; break;
      case 'x': case 'u': case 'U': {
        const width = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const r = readDigits(text, i, width, width, 16);
        if (!r || !isScalar(r[0])) {
          firstError ??= badEscape(text, escStart, r ? r[1] : i);
          if (r) i = r[1];
          break;
        }
        value += String.fromCodePoint(r[0]);
        i = r[1];
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          const r = readDigits(text, i - 1, 1, 3, 8)!;
          value += String.fromCodePoint(r[0]); // at most \777 = U+01FF: starlark-rust has no 127 limit
          i = r[1];
        } else {
          value += '\\' + e; // unknown escapes are kept literally (starlark-rust is lenient)
        }
    }
  }
  return done({ message: 'unfinished string literal', start: offset, end: text.length });
}

function badEscape(text: string, start: number, end: number): StringLiteralError {
  const seq = text.slice(start, end).replace(/\r?\n$/, '');
  return { message: `invalid string escape sequence \`${seq}\``, start, end };
}
