// Here-document delimiters (bash manual §3.6.6 "Here Documents"; make_cmd.c make_here_document):
// the string bash compares each body line with, and whether the body is expanded.
//
// bash keeps a word as its token text (parse.y read_token_word): the characters as written with
// the line continuations removed, except that each `$(…)` (and `<(…)`) is the command bash parsed
// printed back (parse_comsub → print_comsub: `$(a  b)` is `$(a b)`), `$'…'` is its value in single
// quotes and `$"…"` is `"…"`. When some part of the word is quoted (a `\`, `'…'`, `"…"`, `$'…'` or
// `$"…"` of the word itself: read_token_word's `quoted`), the delimiter is that text after quote
// removal (subst.c string_quote_removal) and the body is data. Otherwise the delimiter is the text
// as it is and the body is expanded like a double-quoted string: `cat <<$x` or `cat <<$(a)` reads
// a body whose substitutions run, up to a line `$x` or `$(a)`.
//
// Printing a command back is bash's print_cmd.c; escalint prints the forms a delimiter could
// plausibly hold (lists of pipelines of simple commands without redirections) and refuses the rest
// rather than guess where such a body ends.
import type * as A from './ast.js';
import { isBlank } from './scan.js';
import { partsValue, type WordReader } from './word-parts.js';

export interface Delimiter {
  /** The text a line must equal to end the body. */
  text: string;
  /** Some part of the word is quoted: the body is not expanded. */
  quoted: boolean;
}

/** The delimiter of a heredoc whose delimiter word `word` was read by `r`. */
export function heredocDelimiter(r: WordReader, word: A.Word): Delimiter {
  const parts = word.parts;
  const quoted = parts.some((p) => p.type === 'sgl' || p.type === 'dbl' || p.type === 'ansi' || (p.type === 'lit' && p.quoted));
  // Without an expansion, the token text after quote removal is the word's value.
  if (!parts.some(hasExpansion)) return { text: partsValue(parts), quoted };
  const text = spanText(r, parts, word.start, word.end, false);
  if (text === null) {
    const s = r.atOffset(word.start);
    const e = r.atOffset(word.end);
    r.fail(`unsupported here-document delimiter \`${r.rawSlice(s, e)}': escalint does not print its command back as bash does, so it cannot tell which line ends the body; use a plain word`, s, e);
  }
  return { text: quoted ? stringQuoteRemoval(text) : text, quoted };
}

function hasExpansion(p: A.WordPart): boolean {
  return p.type === 'param' || p.type === 'cmdsubst' || p.type === 'arith' || p.type === 'procsubst' || (p.type === 'dbl' && p.parts.some(hasExpansion));
}

/** The text of `text` between two original offsets. */
function joined(r: WordReader, start: number, end: number): string {
  return start < end ? r.text.slice(r.atOffset(start), r.atOffset(end)) : '';
}

/**
 * bash's token text of the span [start, end) whose sub-parts are `parts`; null where escalint
 * does not print it as bash does. `nested`: inside `"…"` or an expansion, where `$'…'` and `$"…"`
 * are read differently (left out).
 */
function spanText(r: WordReader, parts: readonly A.WordPart[], start: number, end: number, nested: boolean): string | null {
  let out = '';
  let at = start;
  for (const p of parts) {
    const t = partText(r, p, nested);
    if (t === null) return null;
    out += joined(r, at, p.start) + t;
    at = p.end;
  }
  return out + joined(r, at, end);
}

function partText(r: WordReader, p: A.WordPart, nested: boolean): string | null {
  switch (p.type) {
    case 'lit':
      return p.array ? null : joined(r, p.start, p.end);
    case 'sgl':
      // As written: bash keeps `\⏎` inside single quotes.
      return `'${p.value}'`;
    case 'ansi':
      return nested ? null : singleQuote(p.value);
    case 'dbl': {
      if (p.locale && nested) return null;
      const t = spanText(r, p.parts, p.start, p.end, true);
      return t !== null && p.locale ? t.slice(1) : t;
    }
    case 'param':
      return spanText(r, p.nested, p.start, p.end, true);
    case 'arith':
      return spanText(r, p.parts, p.start, p.end, true);
    case 'cmdsubst':
      // Backtick bodies stay as written (parse_matched_pair); bash 5.3 `${ …; }` is left out.
      if (p.kind === '`') return joined(r, p.start, p.end);
      return p.kind === '$(' ? comsubText(r, '$(', p.body.body) : null;
    case 'procsubst':
      return comsubText(r, `${p.op}(`, p.body.body);
  }
}

/** `$(` + print_comsub's text + `)`; a space keeps a leading `(` from reading as `$((`. */
function comsubText(r: WordReader, open: string, body: A.List): string | null {
  const t = printList(r, body);
  if (t === null) return null;
  return `${open}${t.startsWith('(') ? ' ' : ''}${t})`;
}

/** print_cmd.c make_command_string for a list: `a; b`, `a && b | c`, `a & b`; newlines stay. */
function printList(r: WordReader, list: A.List): string | null {
  let out = '';
  for (let k = 0; k < list.items.length; k++) {
    const item = list.items[k]!;
    const t = printAndOr(r, item);
    if (t === null) return null;
    out += t;
    const more = k + 1 < list.items.length;
    if (item.background) out += more ? ' & ' : ' &';
    else if (more) out += separatorAfter(r, item) === ';' ? '; ' : '\n';
  }
  return out;
}

/** The separator written after a list item: `;`, else a newline (or a comment, which ends with one). */
function separatorAfter(r: WordReader, item: A.AndOr): ';' | '\n' {
  const t = r.text;
  let i = r.atOffset(item.end);
  while (i < t.length && isBlank(t[i]!)) i++;
  return t[i] === ';' ? ';' : '\n';
}

function printAndOr(r: WordReader, a: A.AndOr): string | null {
  let out = '';
  for (let k = 0; k < a.pipelines.length; k++) {
    const t = printPipeline(r, a.pipelines[k]!);
    if (t === null) return null;
    out += k === 0 ? t : ` ${a.ops[k - 1]} ${t}`;
  }
  return out;
}

function printPipeline(r: WordReader, p: A.Pipeline): string | null {
  // `time -p` and `|&` (printed with a `2>&1`) are left out.
  if (p.timed || p.ops.some((op) => op !== '|')) return null;
  const commands: string[] = [];
  for (const c of p.commands) {
    if (c.type !== 'simple' || c.redirects.length > 0) return null;
    const words: string[] = [];
    for (const w of [...c.assigns, ...c.words]) {
      const t = spanText(r, w.parts, w.start, w.end, false);
      if (t === null) return null;
      words.push(t);
    }
    commands.push(words.join(' '));
  }
  return (p.negated ? '! ' : '') + commands.join(' | ');
}

/** lib/sh/shquote.c sh_single_quote: `'…'` with each `'` written as `'\''`. */
function singleQuote(s: string): string {
  return `'${s.replaceAll("'", "'\\''")}'`;
}

/** Characters a backslash escapes inside double quotes (syntax.h slashify_in_quotes). */
const DQ_ESCAPABLE = '\\`$"\n';

/** subst.c string_quote_removal(string, 0): quotes and escapes removed, expansions not recognised. */
function stringQuoteRemoval(s: string): string {
  let out = '';
  let dquote = false;
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\') {
      const d = s[i + 1];
      if (d === undefined) return out + '\\';
      if (dquote && !DQ_ESCAPABLE.includes(d)) out += '\\';
      out += d;
      i += 2;
    } else if (c === "'" && !dquote) {
      const close = s.indexOf("'", i + 1);
      out += close < 0 ? s.slice(i + 1) : s.slice(i + 1, close);
      i = close < 0 ? s.length : close + 1;
    } else if (c === '"') {
      dquote = !dquote;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
