// Syntax errors: line, column (1-based, from the diagnostic's start offset) and bash's own words.
// Messages are those of GNU bash 5.2 `bash -n`; positions point at the offending token, or at the
// end of the input where bash reports "unexpected end of file" (bash itself counts that line one
// further, because it reads the end of input as a newline). An error never comes with segments.
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/shell/parse.js';
import { parseView } from './view.js';

const EOF_ = 'syntax error: unexpected end of file';
const near = (tok: string) => `syntax error near unexpected token \`${tok}'`;
const looking = (ch: string) => `unexpected EOF while looking for matching \`${ch}'`;

const table: [script: string, error: string][] = [
  // unterminated quotes and substitutions: reported at the opening
  ["echo 'abc", `1:6 ${looking("'")}`],
  ['echo "abc', `1:6 ${looking('"')}`],
  ["echo $'abc", `1:6 ${looking("'")}`],
  ['echo $"abc', `1:6 ${looking('"')}`],
  ['echo `ls', `1:6 ${looking('`')}`],
  ['echo $(ls', `1:6 ${looking(')')}`],
  ['echo "$(echo "a)"', `1:7 ${looking(')')}`],
  ['echo ${x', `1:6 ${looking('}')}`],
  ['echo ${x:-$(ls}', `1:11 ${looking(')')}`],
  ['echo $((1+', `1:6 ${looking(')')}`],
  ['echo $(( 1 + )', `1:6 ${looking(')')}`],
  ['echo <(ls', `1:6 ${looking(')')}`],
  ['x=(a b', `1:3 ${looking(')')}`],
  ['a\necho "x\ny', `2:6 ${looking('"')}`],
  // unbalanced parentheses and braces
  ['(ls', `1:4 ${EOF_}`],
  ['ls)', `1:3 ${near(')')}`],
  ['ls\n\n  )', `3:3 ${near(')')}`],
  ['{ ls', `1:5 ${EOF_}`],
  ['((', `1:3 ${EOF_}`],
  // stray and missing reserved words
  ['fi', `1:1 ${near('fi')}`],
  ['ls\nfi', `2:1 ${near('fi')}`],
  ['done', `1:1 ${near('done')}`],
  ['then', `1:1 ${near('then')}`],
  ['esac', `1:1 ${near('esac')}`],
  ['if true; then ls', `1:17 ${EOF_}`],
  ['if; then fi', `1:3 ${near(';')}`],
  ['while do done', `1:7 ${near('do')}`],
  ['for x in a; do', `1:15 ${EOF_}`],
  ['case x in', `1:10 ${EOF_}`],
  ['echo if then; if', `1:17 ${EOF_}`],
  ['f() ls', `1:5 ${near('ls')}`],
  // operators
  ['a && ', `1:6 ${EOF_}`],
  ['| a', `1:1 ${near('|')}`],
  ['a ||| b', `1:5 ${near('|')}`],
  ['a ;; b', `1:3 ${near(';;')}`],
  ['a; ;', `1:4 ${near(';')}`],
  ['& a', `1:1 ${near('&')}`],
  ['! && a', `1:3 ${near('&&')}`],
  ['time || a', `1:6 ${near('||')}`],
  ['! &', `1:3 ${near('&')}`],
  ['echo $(!)', `1:9 ${near(')')}`],
  ['coproc coproc a', `1:8 ${near('coproc')}`],
  [' ]]', `1:2 ${near(']]')}`],
  ['a[', `1:2 ${looking(']')}`],
  ['echo $[1', `1:6 ${looking(']')}`],
  // redirections without a target
  ['a <', `1:4 ${near('newline')}`],
  ['a >', `1:4 ${near('newline')}`],
  ['a 2>', `1:5 ${near('newline')}`],
  ['cat <<', `1:7 ${near('newline')}`],
  ['a >\nb', `1:4 ${near('newline')}`],
  // conditional expressions
  ['[[ a ; ]]', "1:6 syntax error in conditional expression: unexpected token `;'"],
  ['[[ a b ]]', '1:6 conditional binary operator expected'],
  ['[[ -f ]]', "1:7 unexpected argument `]]' to conditional unary operator"],
  ['[[ a == ]]', "1:9 unexpected argument `]]' to conditional binary operator"],
  ['[[ ( a ]]', "1:8 unexpected token `]]', expected `)'"],
  ['[[ a ) ]]', "1:6 syntax error in conditional expression: unexpected token `)'"],
  ['[[ && ]]', "1:4 unexpected token `&&' in conditional command"],
  // line continuations are gone before bash forms tokens (grammar/shell/continuations.ts)
  ['echo $\\\n(ls', `1:6 ${looking(')')}`],
  ['echo $\\\n{x', `1:6 ${looking('}')}`],
  ['cat <\\\n<', `2:2 ${near('newline')}`],
  ['a &\\\n&', `2:2 ${EOF_}`],
  ['a # c\\\nb)', `2:2 ${near(')')}`],
  // `((…)\⏎)`: bash reads the second `)` as written, so it is not arithmetic (parse_arith_cmd)
  ['((1+2)\\\n)', `2:1 ${near('')}`],
  // `time` is a plain word after a pipe and, in bash 5.2, at the start of `$(…)`
  ['a | time { b; }', `1:15 ${near('}')}`],
  ['echo $(time { b; })', `1:18 ${near('}')}`],
  ['a |\n\ntime b', `3:1 ${near('time')}`],
  ['time -p -- | a', `1:12 ${near('|')}`],
  // escalint's own refusals (heredoc bodies whose end it cannot find as bash does)
  [
    'cat <<$(a <f)\nx',
    "1:7 unsupported here-document delimiter `$(a <f)': escalint does not print its command back as bash does, so it cannot tell which line ends the body; use a plain word",
  ],
  [
    'x=$(cat <<A <<B\nA)\nB\n)',
    "2:2 unsupported here-document: a line that only starts with `A' ends it, and bash reads the rest of that line after the next here-document's body; end it with a line of its own",
  ],
];

describe('syntax errors: line, column and message', () => {
  for (const [script, error] of table) {
    it(JSON.stringify(script), () => {
      expect(parseView(script)).toEqual({ segments: [], errors: [error] });
    });
  }
});

describe('diagnostic shape', () => {
  it('is a syntax-error diagnostic with a half-open span inside the text', () => {
    const r = parseShell('echo $(ls');
    expect(r.diagnostics).toEqual([
      { check: 'syntax-error', messageId: 'syntax-error', severity: 'error', message: looking(')'), start: 5, end: 7 },
    ]);
  });
  it('end-of-input errors point at the end', () => {
    const r = parseShell('for x in a; do');
    expect(r.diagnostics.map((d) => [d.start, d.end])).toEqual([[14, 14]]);
  });
});
