// Conditional commands: `[[ … ]]` read whole (bash manual §3.2.5.2 and §6.4).
//
// Inside `[[ ]]` the rules of words change: `<`, `>`, `(`, `)`, `&&`, `||` and `!` are
// operators, the word after `=~` keeps `(`, `)` and `|` (`[[ $x =~ ^(a|b)$ ]]`), and extended
// globs (`*(a|b)`) are one word. So the lexer hands the whole construct to this reader when `[[`
// is in command position, and the parser gets a single token carrying the finished node. The
// expression's shape is checked here as bash's cond_term does (`[[ a b ]]` is an error).
import type * as A from './ast.js';
import { endsWord, isBlank } from './scan.js';
import type { WordReader } from './word-parts.js';

/** One token of a `[[ … ]]` expression: an operator, or a word (`word` is its text when unquoted). */
interface CondItem {
  op: string | null;
  word: string | null;
  start: number;
  end: number;
}

// Conditional expression operators (bash manual §6.4).
const COND_UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-o', '-v', '-R', '-z', '-n']);
const COND_BINARY = new Set(['=', '==', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/**
 * `[[ … ]]` from the `[[` at `start`; leaves `r.pos` just after `]]`. Operands are words; `=~`
 * takes a regex word in which `(`, `)` and `|` are literal.
 */
export function readConditional(r: WordReader, start: number): A.DBracket {
  const t = r.text;
  r.pos = start + 2;
  const words: A.Word[] = [];
  const items: CondItem[] = [];
  let regexNext = false;
  for (;;) {
    while (r.pos < t.length) {
      const c = t[r.pos]!;
      if (isBlank(c) || c === '\n') r.pos++;
      else if (c === '\\' && t[r.pos + 1] === '\n') r.pos += 2;
      else break;
    }
    if (r.pos >= t.length) r.fail("unexpected EOF while looking for `]]'", start, start + 2);
    if (t[r.pos] === '#') {
      // The words are read by bash's tokenizer, for which `#` at a word start begins a comment
      // (parse.y read_token; also after `=~`): `[[ a #…⏎ == a ]]`.
      r.pos = r.commentEnd(r.pos).pos;
      continue;
    }
    const s = r.pos;
    if (t.startsWith(']]', s) && endsWord(t, s + 2)) {
      items.push({ op: ']]', word: null, start: s, end: s + 2 });
      r.pos = s + 2;
      break;
    }
    const c = t[s]!;
    const bang = c === '!' && (t[s + 1] === undefined || isBlank(t[s + 1]!) || t[s + 1] === '\n');
    if (!regexNext && (c === '(' || c === ')' || bang)) {
      items.push({ op: c, word: null, start: s, end: s + 1 });
      r.pos++;
      continue;
    }
    if (!regexNext && (c === '&' || c === '|')) {
      if (t[s + 1] !== c) r.fail(`syntax error in conditional expression: unexpected token \`${c}'`, s);
      items.push({ op: c + c, word: null, start: s, end: s + 2 });
      r.pos += 2;
      continue;
    }
    if (!regexNext && (c === '<' || c === '>')) {
      items.push({ op: c, word: null, start: s, end: s + 1 });
      r.pos++;
      continue;
    }
    if (!regexNext && c === ';') r.fail("syntax error in conditional expression: unexpected token `;'", s);
    const parts: A.WordPart[] = regexNext ? r.readRegex() : r.readWord({ extglob: true });
    const w: A.Word = { type: 'word', parts, start: r.off(s), end: r.off(r.pos - 1) + 1 };
    words.push(w);
    const plain: string = parts.length === 1 && parts[0]!.type === 'lit' && !parts[0]!.quoted ? parts[0]!.value : '';
    items.push({ op: null, word: plain, start: s, end: r.pos });
    regexNext = plain === '=~';
  }
  checkConditional(r, items);
  return { type: 'dbracket', words, redirects: [], start: r.off(start), end: r.off(r.pos - 1) + 1 };
}

/**
 * Checks the shape of a `[[ … ]]` expression as bash's cond_term does (parse.y): terms joined
 * by `&&`/`||`, `!` and `( … )`, unary operators with one operand, binary operators with two.
 * Like bash, an expression may end early (`[[ ]]`, `[[ a && ]]`, `[[ ! ]]` are accepted).
 */
function checkConditional(r: WordReader, items: CondItem[]): void {
  let k = 0;
  const at = () => items[k]!;
  const show = (x: CondItem) => (x.op ?? r.text.slice(x.start, x.end));
  const fail = (message: string, x: CondItem): never => r.fail(message, x.start, x.end);
  const isWord = (x: CondItem) => x.op === null;
  let open = 0; // parentheses waiting for their `)`
  // An explicit stack instead of recursion: `[[ ( ( ( …` cannot overflow.
  for (;;) {
    // A term.
    while (at().op === '!') k++;
    const x = at();
    if (x.op === '(') {
      if (r.ctx.depth + r.blocks + ++open > r.ctx.maxDepth) fail(`nesting too deep: more than ${r.ctx.maxDepth} levels`, x);
      k++;
      continue;
    }
    if (x.op === ']]') break;
    if (!isWord(x)) fail(`unexpected token \`${show(x)}' in conditional command`, x);
    k++;
    if (x.word !== null && COND_UNARY.has(x.word)) {
      if (!isWord(at())) fail(`unexpected argument \`${show(at())}' to conditional unary operator`, at());
      k++;
    } else {
      const y = at();
      if (y.op === '<' || y.op === '>' || (y.op === null && y.word !== null && COND_BINARY.has(y.word))) {
        k++;
        if (!isWord(at())) fail(`unexpected argument \`${show(at())}' to conditional binary operator`, at());
        k++;
      } else if (y.op !== '&&' && y.op !== '||' && y.op !== ')' && y.op !== ']]') {
        fail('conditional binary operator expected', y);
      }
    }
    // After a term: `)` closes groups, `&&`/`||` continue, `]]` ends.
    while (at().op === ')' && open > 0) {
      open--;
      k++;
    }
    const z = at();
    if (z.op === '&&' || z.op === '||') {
      k++;
      continue;
    }
    if (z.op === ']]') break;
    fail(`syntax error in conditional expression: unexpected token \`${show(z)}'`, z);
  }
  if (open > 0) fail("unexpected token `]]', expected `)'", at());
}
