// Words: reading one word of shell text into typed parts (bash manual §3.1.2 quoting, §3.5
// expansions).
//
// A word is a list of parts (literal, `'…'`, `"…"`, `$'…'` decoded, `$"…"`, `$x`, `${…}` with
// every operator, `$(…)`, backticks, `$((…))`, `$[…]`, `<(…)`, `>(…)`, `NAME=(…)` arrays), and a
// part can hold a whole script: `"${x:-$(a "$(b)")}"`. WordReader reads those parts recursively;
// the lexer (lexer.ts) extends it with command structure, and the `[[ ]]` and heredoc readers
// use it for their operands and bodies. Nested scripts are lexed and parsed through the
// LexContext callbacks (context.ts), so this file never imports the lexer or the parser. The text
// read has no line continuations (continuations.ts); single quotes, `$'…'` and comments, where
// bash keeps `\⏎`, read the text as written.
import type * as A from './ast.js';
import { ShellSyntaxAbort, type LexContext } from './context.js';
import { firstAtOrAfter, shellText, type ShellText } from './continuations.js';
import { arithMemo, isBlank, isMeta, isNameChar, isNameStart, scanArith, scanBracket, scanParens } from './scan.js';

const enum Mode {
  Word, // an ordinary word: ends at a blank, newline or metacharacter
  Regex, // the right side of `=~` in `[[ ]]`: parentheses and `|` belong to the word
  Dq, // inside "…"
  ParamOp, // an operand of ${…}: ends at the matching `}`
  Heredoc, // an unquoted heredoc body or arithmetic text: only $, ` and \ are special
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SPECIAL_PARAMS = '@*#?-$!0123456789';

/** ASCII characters that end a run of plain literal text, per reading mode (others are plain). */
function specials(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}
// `[` only so that `NAME[` can start a subscript (readParts).
const WORD_SPECIALS = specials(' \t\n|&;()<>\\\'"$`[');
const DQ_SPECIALS = specials('"\\$`');
const HEREDOC_SPECIALS = specials('\\$`');

/** The value of a word after quote removal, expansions kept as written. */
export function partsValue(parts: A.WordPart[]): string {
  let s = '';
  for (const p of parts) {
    switch (p.type) {
      case 'lit':
      case 'sgl':
      case 'ansi':
        s += p.value;
        break;
      case 'dbl':
        s += partsValue(p.parts);
        break;
      default:
        s += p.raw;
    }
  }
  return s;
}

export class WordReader {
  pos: number;
  /** Compound commands open around the word (the lexer counts them): they use up nesting depth too. */
  blocks = 0;
  readonly limit: number;
  /** The text read, line continuations removed (continuations.ts). */
  readonly text: string;
  /** Offset in the original string of each index of `text`; null when the identity. */
  readonly map: Int32Array | null;

  constructor(
    readonly src: ShellText,
    start: number,
    readonly ctx: LexContext,
    limit?: number,
  ) {
    this.text = src.text;
    this.map = src.map;
    this.pos = start;
    this.limit = limit ?? src.text.length;
  }

  /** Offset in the original string of position `i` of this text. */
  off(i: number): number {
    if (this.map === null) return i;
    return this.map[Math.min(i, this.map.length - 1)]!;
  }

  /** Index in `src.raw` (the text as written, continuations kept) of position `i` of `text`. */
  rawIndex(i: number): number {
    const index = this.src.rawIndex;
    return index === null ? i : index[Math.min(i, index.length - 1)]!;
  }

  /** Offset in the original string of index `j` of `src.raw`. */
  rawOff(j: number): number {
    const m = this.src.rawMap;
    return m === null ? j : m[Math.min(j, m.length - 1)]!;
  }

  /** The first position of `text` at or after index `j` of `src.raw`. */
  atRaw(j: number): number {
    const index = this.src.rawIndex;
    return index === null ? j : firstAtOrAfter(index, j);
  }

  /** The first position of `text` whose original offset is at least `offset`. */
  atOffset(offset: number): number {
    return this.map === null ? offset : firstAtOrAfter(this.map, offset);
  }

  /** Text [i, j) as written, with the line continuations inside it (for `raw` fields: the source slice). */
  rawSlice(i: number, j: number): string {
    if (this.src.rawIndex === null) return this.text.slice(i, j);
    return j > i ? this.src.raw.slice(this.rawIndex(i), this.rawIndex(j - 1) + 1) : '';
  }

  /** What lies between the quotes at `open` and `close` as written: bash keeps `\⏎` in single quotes. */
  private rawBetween(open: number, close: number): string {
    if (this.src.rawIndex === null) return this.text.slice(open + 1, close);
    return this.src.raw.slice(this.rawIndex(open) + 1, this.rawIndex(close));
  }

  /**
   * Where a comment starting at `i` ends. bash reads a comment as written (parse.y discard_until
   * uses shell_getc(0)), so a backslash at its end does not continue it onto the next line, even
   * though that `\⏎` is gone from `text`. Returns the position of the newline that ends it (or the
   * end of the text); when that newline was part of a continuation, `removedNewline` is its
   * offset in the original string and the position is that of the character after it.
   */
  commentEnd(i: number): { pos: number; removedNewline: number | null } {
    const t = this.text;
    if (this.src.rawIndex === null) {
      const nl = t.indexOf('\n', i);
      return { pos: nl < 0 || nl > this.limit ? this.limit : nl, removedNewline: null };
    }
    const nl = this.src.raw.indexOf('\n', this.rawIndex(i));
    const k = nl < 0 ? this.limit : this.atRaw(nl);
    if (k >= this.limit) return { pos: this.limit, removedNewline: null };
    return { pos: k, removedNewline: this.rawIndex(k) !== nl ? this.rawOff(nl) : null };
  }

  fail(message: string, start: number, end = start + 1): never {
    const s = this.off(start);
    const e = Math.max(s, end > start ? this.off(end - 1) + 1 : s);
    throw new ShellSyntaxAbort({ message, start: s, end: e });
  }

  /**
   * Whether `(` after `NAME=` may open an array here (command position, or an argument of a
   * declaration builtin): the lexer knows and overrides this. A reader of its own only reads
   * ranges, with heredoc rules, where this is never asked.
   */
  protected arrayAssignmentAllowed(): boolean {
    return false;
  }

  /** An ordinary word at `pos`: ends at a blank, newline or metacharacter. */
  readWord(opts: { subscript?: boolean; extglob?: boolean } = {}): A.WordPart[] {
    return this.readParts(Mode.Word, opts);
  }

  /** The right side of `=~` in `[[ ]]` at `pos`: parentheses and `|` belong to the word. */
  readRegex(): A.WordPart[] {
    return this.readParts(Mode.Regex);
  }

  /**
   * Reads the parts of one word starting at `this.pos`, in the given mode. Handles quotes,
   * escapes, every `$` form and backticks; recursion into nested scripts happens here.
   */
  private readParts(mode: Mode, opts: { dq?: boolean; sqLiteral?: boolean; subscript?: boolean; extglob?: boolean } = {}): A.WordPart[] {
    const t = this.text;
    const n = this.limit;
    const parts: A.WordPart[] = [];
    let lit = '';
    let litStart = this.pos;
    let depth = 0; // parens in Regex mode, braces in ParamOp mode
    const flush = (end: number) => {
      if (lit.length > 0) {
        parts.push({ type: 'lit', value: lit, quoted: false, start: this.off(litStart), end: this.off(end - 1) + 1 });
        lit = '';
      }
    };
    const inDq = mode === Mode.Dq || opts.dq === true;
    const wordStart = this.pos;
    // The `]` of a `NAME[…]` subscript or the `)` of an extended glob in `[[ ]]` (`*(a|b)`): up to
    // it, blanks and metacharacters are part of the word.
    let subscriptEnd = -1;
    const fast = mode === Mode.Word ? WORD_SPECIALS : mode === Mode.Dq ? DQ_SPECIALS : mode === Mode.Heredoc ? HEREDOC_SPECIALS : null;
    while (this.pos < n) {
      if (fast !== null) {
        // A run of plain characters in one slice (most of any script).
        let j = this.pos;
        while (j < n) {
          const code = t.charCodeAt(j);
          if (code < 128 && fast[code] === 1) break;
          j++;
        }
        if (j > this.pos) {
          if (lit.length === 0) litStart = this.pos;
          lit += t.slice(this.pos, j);
          this.pos = j;
          if (j >= n) break;
        }
      }
      const i = this.pos;
      const c = t[i]!;
      // Terminators.
      if (mode === Mode.Word && c === '[' && opts.subscript && subscriptEnd < 0 && parts.length === 0 && NAME_RE.test(lit)) {
        // Where an assignment may appear, bash reads `NAME[` to the matching `]` as one piece,
        // blanks included (`a[1 + 2]=x`); without a `]` it is an error (parse.y read_token_word).
        subscriptEnd = scanBracket(t, i + 1, this.limit);
        if (subscriptEnd < 0) this.fail("unexpected EOF while looking for matching `]'", i);
      }
      if (mode === Mode.Word && opts.extglob && c === '(' && subscriptEnd < i && /[?*+@!]$/.test(lit)) {
        // `?(…)`, `*(…)`, `+(…)`, `@(…)`, `!(…)`: bash reads the pattern to its matching `)`.
        subscriptEnd = scanParens(t, i + 1, arithMemo(this.ctx, t));
        if (subscriptEnd < 0) this.fail("unexpected EOF while looking for matching `)'", i);
      }
      if (mode === Mode.Word && i <= subscriptEnd) {
        // inside a subscript: only quotes, escapes and expansions are special
      } else if (mode === Mode.Word) {
        if (isBlank(c) || c === '\n') break;
        if (isMeta(c)) {
          if ((c === '<' || c === '>') && t[i + 1] === '(') {
            // process substitution inside or at the start of a word
          } else if (c === '(' && this.arrayAssignmentStart(parts, lit)) {
            flush(i);
            this.readArray(parts);
            return parts;
          } else break;
        }
      } else if (mode === Mode.Regex) {
        if ((isBlank(c) || c === '\n') && depth === 0) break;
        if (c === '(') depth++;
        else if (c === ')') {
          if (depth === 0) break;
          depth--;
        } else if ((c === '&' || c === ';' || c === '<' || c === '>') && depth === 0) break;
      } else if (mode === Mode.Dq) {
        if (c === '"') break;
      } else if (mode === Mode.ParamOp) {
        if (c === '}') {
          if (depth === 0) break;
          depth--;
        } else if (c === '{') depth++;
      }

      if (c === '\\') {
        const d = t[i + 1];
        if (d === undefined) {
          // A trailing backslash is kept literally.
          lit += c;
          this.pos++;
          continue;
        }
        if (d === '\n') {
          this.pos += 2; // line continuation: removed
          continue;
        }
        if (inDq || mode === Mode.Heredoc) {
          // In double quotes a backslash escapes only $ ` " \ and newline (bash manual §3.1.2.3);
          // in heredoc bodies and arithmetic, " is not special either.
          const special = d === '$' || d === '`' || d === '\\' || (d === '"' && mode !== Mode.Heredoc) || (mode === Mode.ParamOp && d === '}');
          if (special) {
            flush(i);
            parts.push({ type: 'lit', value: d, quoted: true, start: this.off(i), end: this.off(i + 1) + 1 });
            this.pos += 2;
            litStart = this.pos;
          } else {
            lit += c + d;
            this.pos += 2;
          }
          continue;
        }
        flush(i);
        parts.push({ type: 'lit', value: d, quoted: true, start: this.off(i), end: this.off(i + 1) + 1 });
        this.pos += 2;
        litStart = this.pos;
        continue;
      }
      if (c === "'" && !(inDq && (mode !== Mode.ParamOp || opts.sqLiteral)) && mode !== Mode.Heredoc) {
        flush(i);
        const close = t.indexOf("'", i + 1);
        if (close < 0) this.fail("unexpected EOF while looking for matching `''", i);
        parts.push({ type: 'sgl', value: this.rawBetween(i, close), start: this.off(i), end: this.off(close) + 1 });
        this.pos = close + 1;
        litStart = this.pos;
        continue;
      }
      if (c === '"' && mode !== Mode.Heredoc && (mode !== Mode.Dq)) {
        flush(i);
        parts.push(this.readDouble(i, false));
        litStart = this.pos;
        continue;
      }
      if (c === '$') {
        const part = this.readDollar(i, inDq || mode === Mode.Heredoc);
        if (part) {
          flush(i);
          parts.push(part);
          litStart = this.pos;
          continue;
        }
        lit += c;
        this.pos++;
        continue;
      }
      if (c === '`') {
        flush(i);
        parts.push(this.readBacktick(i, inDq));
        litStart = this.pos;
        continue;
      }
      if ((c === '<' || c === '>') && t[i + 1] === '(' && (mode === Mode.Word || mode === Mode.Regex)) {
        flush(i);
        parts.push(this.readProcSubst(i));
        litStart = this.pos;
        continue;
      }
      if (lit.length === 0) litStart = i;
      lit += c;
      this.pos++;
    }
    flush(this.pos);
    if (mode === Mode.Word && parts.length === 0 && this.pos === wordStart) {
      this.fail(`syntax error near unexpected token \`${t[this.pos] ?? 'newline'}'`, this.pos);
    }
    return parts;
  }

  /** True when the word read so far is `NAME=`, `NAME+=` or `NAME[…]=` and may take `(…)`. */
  private arrayAssignmentStart(parts: A.WordPart[], lit: string): boolean {
    if (!this.arrayAssignmentAllowed()) return false;
    if (parts.length === 0) return /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/.test(lit);
    return false;
  }

  /** Elements of `NAME=(…)`; the `NAME=` literal has been flushed into `parts`. */
  private readArray(parts: A.WordPart[]): void {
    const t = this.text;
    const open = this.pos;
    this.pos++; // (
    const elements: A.Word[] = [];
    for (;;) {
      while (this.pos < t.length) {
        const c = t[this.pos]!;
        if (isBlank(c) || c === '\n') this.pos++;
        else if (c === '\\' && t[this.pos + 1] === '\n') this.pos += 2;
        else if (c === '#') this.pos = this.commentEnd(this.pos).pos;
        else break;
      }
      if (this.pos >= t.length) this.fail("unexpected EOF while looking for matching `)'", open);
      if (t[this.pos] === ')') {
        this.pos++;
        break;
      }
      const s = this.pos;
      const p = this.readParts(Mode.Word);
      if (this.pos === s) this.fail(`syntax error near unexpected token \`${t[s]}'`, s);
      elements.push({ type: 'word', parts: p, start: this.off(s), end: this.off(this.pos - 1) + 1 });
    }
    // The raw array text as the word's last part, so the word's value shows it as written.
    parts.push({ type: 'lit', value: this.rawSlice(open, this.pos), quoted: true, array: elements, start: this.off(open), end: this.off(this.pos - 1) + 1 });
  }

  private readDouble(i: number, locale: boolean): A.DblQuoted {
    return this.nested(i, () => this.readDoubleInner(i, locale));
  }

  private readDoubleInner(i: number, locale: boolean): A.DblQuoted {
    const t = this.text;
    const open = i;
    this.pos = i + (locale ? 2 : 1);
    const parts = this.readParts(Mode.Dq);
    if (this.pos >= t.length || t[this.pos] !== '"') this.fail('unexpected EOF while looking for matching `"\'', open);
    this.pos++;
    return { type: 'dbl', parts, locale, start: this.off(open), end: this.off(this.pos - 1) + 1 };
  }

  /** Every `$` form; null when the `$` is literal. */
  private readDollar(i: number, inDq: boolean): A.WordPart | null {
    const t = this.text;
    const d = t[i + 1];
    if (d === undefined) return null;
    if (d === "'" && !inDq) return this.readAnsiC(i);
    if (d === '"' && !inDq) return this.readDouble(i, true);
    if (d === '(') {
      if (t[i + 2] === '(') {
        const end = scanArith(t, i + 3, this.ctx);
        if (end >= 0) {
          // Counted as a nesting level: `$(($((…))))` recurses through readRange.
          const parts = this.nested(i, () => this.readRange(i + 3, end));
          this.pos = end + 2;
          return { type: 'arith', raw: this.rawSlice(i, end + 2), parts, start: this.off(i), end: this.off(end + 1) + 1 };
        }
      }
      return this.readCmdSubst(i, i + 2, '$(');
    }
    if (d === '[') {
      // The obsolete `$[…]` arithmetic, read to its `]` as a matched pair (quotes skipped).
      return this.nested(i, (): A.Arith => {
        const j = scanBracket(t, i + 2, t.length);
        if (j < 0) this.fail("unexpected EOF while looking for matching `]'", i);
        const parts = this.readRange(i + 2, j);
        this.pos = j + 1;
        return { type: 'arith', raw: this.rawSlice(i, j + 1), parts, start: this.off(i), end: this.off(j) + 1 };
      });
    }
    if (d === '{') return this.readBraceParam(i, inDq);
    if (isNameStart(d)) {
      let j = i + 2;
      while (j < t.length && isNameChar(t[j]!)) j++;
      this.pos = j;
      return { type: 'param', raw: this.rawSlice(i, j), name: t.slice(i + 1, j), nested: [], indirect: false, start: this.off(i), end: this.off(j - 1) + 1 };
    }
    if (SPECIAL_PARAMS.includes(d)) {
      this.pos = i + 2;
      return { type: 'param', raw: this.rawSlice(i, i + 2), name: d, nested: [], indirect: false, start: this.off(i), end: this.off(i + 1) + 1 };
    }
    return null;
  }

  private readAnsiC(i: number): A.AnsiC {
    // The closing quote is found in `text` (an escaped quote does not close); the value is decoded
    // from the string as written, where bash keeps `\⏎` (parse_matched_pair with qc == '\'').
    const t = this.text;
    let j = i + 2;
    for (;;) {
      if (j >= t.length) this.fail("unexpected EOF while looking for matching `''", i);
      const c = t[j]!;
      if (c === "'") break;
      if (c === '\\') {
        if (j + 1 >= t.length) this.fail("unexpected EOF while looking for matching `''", i);
        j += 2;
      } else j++;
    }
    this.pos = j + 1;
    return { type: 'ansi', value: decodeAnsiC(this.rawBetween(i + 1, j)), start: this.off(i), end: this.off(j) + 1 };
  }

  /** `${…}` in all its forms, including bash 5.3 `${ cmd; }` and `${| cmd; }`. */
  private readBraceParam(i: number, inDq: boolean): A.WordPart {
    const c = this.text[i + 2];
    if (c === ' ' || c === '\t' || c === '\n' || c === '|') {
      // One nesting level, like `$(…)`.
      return this.readCmdSubst(i, i + (c === '|' ? 3 : 2), c === '|' ? '${|' : '${ ');
    }
    return this.nested(i, () => this.readBraceParamInner(i, inDq));
  }

  private readBraceParamInner(i: number, inDq: boolean): A.WordPart {
    const t = this.text;
    let j = i + 2;
    let indirect = false;
    let name = '';
    if (t[j] === '#' && t[j + 1] !== '}' && t[j + 1] !== undefined && (isNameChar(t[j + 1]!) || SPECIAL_PARAMS.includes(t[j + 1]!))) {
      j++; // length operator
    } else if (t[j] === '!' && t[j + 1] !== '}') {
      indirect = true;
      j++;
    }
    const nameStart = j;
    if (t[j] !== undefined && isNameStart(t[j]!)) {
      while (j < t.length && isNameChar(t[j]!)) j++;
    } else if (t[j] !== undefined && /[0-9]/.test(t[j]!)) {
      while (j < t.length && /[0-9]/.test(t[j]!)) j++;
    } else if (t[j] !== undefined && SPECIAL_PARAMS.includes(t[j]!)) {
      j++;
    } else {
      return this.badSubstitution(i, inDq);
    }
    name = t.slice(nameStart, j);
    // `${!prefix*}` and `${!prefix@}`: names starting with a prefix.
    if (indirect && (t[j] === '*' || t[j] === '@') && t[j + 1] === '}') j++;
    const nested: A.WordPart[] = [];
    this.pos = j;
    if (t[j] === '[') {
      // Subscript: read until the matching `]` with expansions inside.
      this.pos = j + 1;
      const sub = this.readSubscript(i);
      nested.push(...sub);
      j = this.pos;
    }
    let transform: string | undefined;
    if (t[j] !== '}') {
      // Operator, then the operand up to the matching `}`.
      const op = /^(:-|:=|:\?|:\+|-|=|\?|\+|##|#|%%|%|\/\/|\/#|\/%|\/|\^\^|\^|,,|,|@.|:)/.exec(t.slice(j, j + 2));
      if (!op) return this.badSubstitution(i, inDq);
      const opText = op[0];
      if (opText.startsWith('@')) transform = opText.slice(1);
      if (transform !== undefined && !/^[QEPAKaUuLk]$/.test(transform)) return this.badSubstitution(i, inDq);
      this.pos = j + opText.length;
      // In double quotes, single quotes in the operand of -, =, ?, + are literal; in pattern operators they quote.
      const sqLiteral = inDq && /^:?[-=?+]$/.test(opText);
      const operand = this.readParts(Mode.ParamOp, { dq: inDq, sqLiteral });
      nested.push(...operand);
      j = this.pos;
    }
    if (t[j] !== '}') this.fail("unexpected EOF while looking for matching `}'", i);
    this.pos = j + 1;
    return {
      type: 'param',
      raw: this.rawSlice(i, j + 1),
      name,
      nested,
      indirect: indirect || transform === 'P' || transform === 'E',
      transform,
      start: this.off(i),
      end: this.off(j) + 1,
    };
  }

  /**
   * `${…}` that bash would refuse only when it runs (`${}`, `${x@Z}`): bash -n accepts it, so
   * read it to its `}` like an operand, keeping any substitution inside visible; marked indirect
   * because its meaning is unknown.
   */
  private badSubstitution(i: number, inDq: boolean): A.Param {
    const t = this.text;
    this.pos = i + 2;
    const nested = this.readParts(Mode.ParamOp, { dq: inDq });
    if (t[this.pos] !== '}') this.fail("unexpected EOF while looking for matching `}'", i);
    this.pos++;
    return { type: 'param', raw: this.rawSlice(i, this.pos), name: '', nested, indirect: true, start: this.off(i), end: this.off(this.pos - 1) + 1 };
  }

  /** Reads an array subscript after `[` up to the matching `]`, with expansions. */
  private readSubscript(open: number): A.WordPart[] {
    const t = this.text;
    let depth = 0;
    const s = this.pos;
    let j = s;
    for (; j < t.length; j++) {
      const c = t[j]!;
      if (c === '\\') { j++; continue; }
      if (c === '[') depth++;
      else if (c === ']') {
        if (depth === 0) break;
        depth--;
      } else if (c === '$' && t[j + 1] === '(') {
        // Skip over a nested substitution so a `]` inside it does not end the subscript.
        this.pos = j;
        this.readDollar(j, true);
        j = this.pos - 1;
      } else if (c === '`') {
        this.pos = j;
        this.readBacktick(j, true);
        j = this.pos - 1;
      }
    }
    if (j >= t.length) this.fail("unexpected EOF while looking for matching `]'", open);
    const parts = this.readRange(s, j);
    this.pos = j + 1;
    return parts;
  }

  /** Reads parts of the text range [s, e) with heredoc rules (arithmetic, subscripts, heredoc bodies). */
  readRange(s: number, e: number): A.WordPart[] {
    if (s >= e) return [];
    const sub = new WordReader(this.src, s, this.ctx, e);
    return sub.readParts(Mode.Heredoc);
  }

  private nested<T>(at: number, f: () => T): T {
    this.ctx.depth++;
    if (this.ctx.depth + this.blocks > this.ctx.maxDepth) {
      this.ctx.depth--;
      this.fail(`nesting too deep: more than ${this.ctx.maxDepth} levels`, at);
    }
    try {
      return f();
    } finally {
      this.ctx.depth--;
    }
  }

  private readCmdSubst(i: number, bodyStart: number, kind: A.SubstKind): A.CmdSubst {
    return this.nested(i, () => {
      const { tokens, end } = this.ctx.lexScript(this.src, bodyStart, kind === '$(' ? 'paren' : 'brace', this.ctx);
      if (end < 0) this.fail(kind === '$(' ? "unexpected EOF while looking for matching `)'" : "unexpected EOF while looking for matching `}'", i, i + 2);
      const body = this.ctx.parseTokens(tokens, this.off(end), this.ctx, kind === '$(' ? ')' : '}');
      this.pos = end + 1;
      const script: A.Script = { type: 'script', body, start: this.off(bodyStart), end: this.off(end) };
      return { type: 'cmdsubst', raw: this.rawSlice(i, end + 1), kind, body: script, start: this.off(i), end: this.off(end) + 1 };
    });
  }

  private readProcSubst(i: number): A.ProcSubst {
    return this.nested(i, () => {
      const { tokens, end } = this.ctx.lexScript(this.src, i + 2, 'paren', this.ctx);
      if (end < 0) this.fail("unexpected EOF while looking for matching `)'", i, i + 2);
      const body = this.ctx.parseTokens(tokens, this.off(end), this.ctx, ')');
      this.pos = end + 1;
      const script: A.Script = { type: 'script', body, start: this.off(i + 2), end: this.off(end) };
      return { type: 'procsubst', raw: this.rawSlice(i, end + 1), op: this.text[i] as '<' | '>', body: script, start: this.off(i), end: this.off(end) + 1 };
    });
  }

  /** Backticks: the body is un-escaped (\\, \`, \$, and \" inside double quotes) and parsed again. */
  private readBacktick(i: number, inDq: boolean): A.CmdSubst {
    const t = this.text;
    let j = i + 1;
    let body = '';
    const map: number[] = [];
    for (;;) {
      if (j >= t.length) this.fail("unexpected EOF while looking for matching ``'", i);
      const c = t[j]!;
      if (c === '`') break;
      if (c === '\\') {
        const d = t[j + 1];
        if (d === '\\' || d === '`' || d === '$' || (inDq && d === '"')) {
          body += d;
          map.push(this.off(j + 1));
          j += 2;
          continue;
        }
      }
      body += c;
      map.push(this.off(j));
      j++;
    }
    map.push(this.off(j)); // the closing backtick: end of the derived text
    const end = j;
    return this.nested(i, () => {
      // bash un-escapes the body when it runs it and parses the result: a `\\⏎` written in the
      // backticks becomes a line continuation then (`\⏎` itself was removed as the body was read).
      const { tokens } = this.ctx.lexScript(shellText(body, Int32Array.from(map)), 0, 'eof', this.ctx);
      const list = this.ctx.parseTokens(tokens, this.off(end), this.ctx);
      this.pos = end + 1;
      const script: A.Script = { type: 'script', body: list, start: this.off(i + 1), end: this.off(end) };
      return { type: 'cmdsubst', raw: this.rawSlice(i, end + 1), kind: '`', body: script, start: this.off(i), end: this.off(end) + 1 };
    });
  }
}

/** The value of the inside of `$'…'` (bash manual §3.1.2.4; lib/sh/strtrans.c ansicstr). */
function decodeAnsiC(t: string): string {
  let j = 0;
  let v = '';
  while (j < t.length) {
    const c = t[j]!;
    if (c !== '\\' || j + 1 >= t.length) {
      v += c;
      j++;
      continue;
    }
    const e = t[j + 1]!;
    j += 2;
    switch (e) {
      case 'a': v += '\x07'; break;
      case 'b': v += '\b'; break;
      case 'e': case 'E': v += '\x1b'; break;
      case 'f': v += '\f'; break;
      case 'n': v += '\n'; break;
      case 'r': v += '\r'; break;
      case 't': v += '\t'; break;
      case 'v': v += '\v'; break;
      case '\\': v += '\\'; break;
      case "'": v += "'"; break;
      case '"': v += '"'; break;
      case '?': v += '?'; break;
      case 'c': {
        const x = t[j];
        if (x === undefined || x === "'") { v += '\\c'; break; }
        v += String.fromCharCode(x.toUpperCase().charCodeAt(0) & 0x1f);
        j++;
        break;
      }
      case 'x': case 'u': case 'U': {
        const max = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        let k = 0;
        while (k < max && /[0-9a-fA-F]/.test(t[j + k] ?? '')) k++;
        if (k === 0) { v += '\\' + e; break; }
        const code = parseInt(t.slice(j, j + k), 16);
        j += k;
        if (e === 'x') v += String.fromCharCode(code);
        else v += code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          let k = 1;
          while (k < 3 && t[j - 1 + k]! >= '0' && t[j - 1 + k]! <= '7') k++;
          v += String.fromCharCode(parseInt(t.slice(j - 1, j - 1 + k), 8) & 0xff);
          j += k - 1;
        } else v += '\\' + e;
    }
  }
  return v;
}
