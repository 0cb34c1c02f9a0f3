// Table tests per construct (mvdan/sh style): every spelling of a row must give exactly the
// row's segments (argv, assigns, redirects, context, dynamic). Expected values follow bash 5.2
// (bash manual §3); where a spelling is surprising, the row says why.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanityProblems } from './sanity.js';
import { at, parseView, seg, type SegView } from './view.js';

interface Row {
  name: string;
  spellings: string[];
  want: SegView[];
}

const D = { dynamic: true } as const;

const structure: Row[] = [
  // ---- lists and pipelines (bash manual §3.2.3, §3.2.4)
  { name: 'sequence', spellings: ['a; b', 'a;b', 'a\nb', ' a ;  b ;', '\n\na\n\nb\n', 'a;\nb', 'a # c\nb'], want: [seg(['a']), seg(['b'])] },
  { name: 'background', spellings: ['a & b', 'a&b', 'a &\nb', 'a&\n\nb;'], want: [at(['a'], 'background'), seg(['b'])] },
  { name: 'and', spellings: ['a && b', 'a&&b', 'a &&\n b', 'a &&\n\n\tb'], want: [at(['a'], 'and-or'), at(['b'], 'and-or')] },
  { name: 'or', spellings: ['a || b', 'a||b', 'a ||\nb'], want: [at(['a'], 'and-or'), at(['b'], 'and-or')] },
  { name: 'pipe', spellings: ['a | b', 'a|b', 'a |\n b', 'a |& b', 'a|&b', '! a | b', '!  a|b', 'time a | b', 'time -p a |& b', 'time -- a | b', 'time -p -- a|b'], want: [at(['a'], 'pipeline'), at(['b'], 'pipeline')] },
  { name: 'reserved words right after a compound command', spellings: ['if a; then { b; } fi', 'if a; then { b; }; fi', 'if a\nthen { b; }\nfi'], want: [at(['a'], 'if'), at(['b'], 'if', 'group')] },
  { name: 'done after (( ))', spellings: ['while a; do (( i++ )) done', 'while a; do ((i++)); done', 'while a\ndo (( i++ ))\ndone'], want: [at(['a'], 'loop')] },
  // parse.y time_command_acceptable: after `|` or `|&` (also across one newline) `time` is a
  // plain word, the time program, which the wrapper table unwraps.
  { name: 'time after a pipe is the time program', spellings: ['a | time b', 'a|time b', 'a |\ntime b', 'a |& time b'], want: [at(['a'], 'pipeline'), at(['time', 'b'], 'pipeline')] },
  { name: 'time after a pipe keeps its options as arguments', spellings: ['a | time -p -- b', 'a | time  -p  --  b'], want: [at(['a'], 'pipeline'), at(['time', '-p', '--', 'b'], 'pipeline')] },
  { name: 'time alone after a pipe', spellings: ['a | time', 'a | time;', 'a|time'], want: [at(['a'], 'pipeline'), at(['time'], 'pipeline')] },
  { name: 'negation and time alone', spellings: ['! a', 'time a', 'time -p a', '! time a', 'time ! a', '!\ta'], want: [seg(['a'])] },
  // parse.y special_case_tokens: `-p` right after `time` is TIMEOPT, `--` after `time` or
  // `time -p` is TIMEIGN; neither is the command. Line continuations are gone before that.
  {
    name: 'time -- and time -p --',
    spellings: ['time -- a', 'time -p -- a', 'time\t--  a', 'time -\\\np a', 'time \\\n-- a', 'time -p\\\n -- a', '! time -- a', 'time -- ! a', 'time -p -- time -- a', 'time -p;a', 'time --\na'],
    want: [seg(['a'])],
  },
  { name: 'time -- alone', spellings: ['time --', 'time -p --', 'time -p --;', 'time --\n'], want: [] },
  { name: 'a second -p or --, or a quoted one, is the command', spellings: ['time -- -p a', 'time -p -p a', 'time "-p" a', 'time \\-p a', "time '-p' a"], want: [seg(['-p', 'a'])] },
  { name: 'time -- before a compound command', spellings: ['time -- { a; }', 'time -p -- { a; }'], want: [at(['a'], 'group')] },
  { name: 'coproc time is the time program', spellings: ['coproc time a', 'coproc  time a'], want: [at(['time', 'a'], 'coproc')] },
  { name: 'source -- and . -- are plain words', spellings: ['source -- f', 'source  --  f', 'sour\\\nce -- f'], want: [seg(['source', '--', 'f'])] },
  { name: '. -- is a plain word', spellings: ['. -- f', '.\t-- f', 'time -- . -- f'], want: [seg(['.', '--', 'f'])] },
  {
    name: 'mixed list',
    spellings: ['a && b | c & d', 'a&&b|c&d', 'a &&\nb |\nc &\nd'],
    want: [at(['a'], 'and-or', 'background'), at(['b'], 'and-or', 'background', 'pipeline'), at(['c'], 'and-or', 'background', 'pipeline'), seg(['d'])],
  },
  { name: 'empty script', spellings: ['', ' ', '\n\n', '# only a comment', ' \t# c\n#d\n'], want: [] },
  // ---- compound commands (bash manual §3.2.5)
  { name: 'subshell', spellings: ['(a; b)', '( a ; b )', '(a\nb)', '(\na\nb\n)', '(a;b;)'], want: [at(['a'], 'subshell'), at(['b'], 'subshell')] },
  { name: 'nested subshells, not arithmetic', spellings: ['((a); (b))', '( (a); (b) )', '((a);(b))'], want: [at(['a'], 'subshell', 'subshell'), at(['b'], 'subshell', 'subshell')] },
  { name: 'group', spellings: ['{ a; b; }', '{ a\nb\n}', '{\na; b;}', '{ a;b;}'], want: [at(['a'], 'group'), at(['b'], 'group')] },
  {
    name: 'if/elif/else',
    spellings: ['if a; then b; elif c; then d; else e; fi', 'if a\nthen b\nelif c\nthen d\nelse e\nfi', 'if a;then b;elif c;then d;else e;fi'],
    want: ['a', 'b', 'c', 'd', 'e'].map((x) => at([x], 'if')),
  },
  { name: 'while', spellings: ['while a; do b; done', 'while a\ndo\nb\ndone', 'while a;do b;done'], want: [at(['a'], 'loop'), at(['b'], 'loop')] },
  { name: 'until', spellings: ['until a; do b; done', 'until a\ndo b\ndone'], want: [at(['a'], 'loop'), at(['b'], 'loop')] },
  {
    name: 'for in',
    spellings: ['for x in a b; do c; done', 'for x in a b\ndo c\ndone', 'for x in a b; { c; }', 'for x in a b;do c;done', 'for x\nin a b\ndo c; done'],
    want: [at(['c'], 'loop')],
  },
  { name: 'for without in', spellings: ['for x; do c; done', 'for x do c; done', 'for x\ndo c\ndone'], want: [at(['c'], 'loop')] },
  { name: 'for words run substitutions', spellings: ['for x in a $(b) "$(b)"; do c; done'], want: [at(['b'], 'loop', 'command-substitution'), at(['b'], 'loop', 'command-substitution'), at(['c'], 'loop')] },
  {
    name: 'C-style for',
    spellings: ['for ((i=0; i<3; i++)); do c; done', 'for ((i=0;i<3;i++)) do c; done', 'for ((i=0;i<3;i++)) { c; }', 'for (( ; ; ))\ndo c\ndone'],
    want: [at(['c'], 'loop')],
  },
  { name: 'C-style for header', spellings: ['for ((i=$(a); i<3; i++)); do c; done'], want: [at(['a'], 'loop', 'arithmetic', 'command-substitution'), at(['c'], 'loop')] },
  { name: 'select', spellings: ['select x in a b; do c; done', 'select x in a b\ndo c\ndone', 'select x; do c; done'], want: [at(['c'], 'loop')] },
  {
    name: 'case with every terminator',
    spellings: [
      'case $x in a) b;; c|d) e;& *) f;;& esac',
      'case $x in (a) b;; (c|d) e ;& (*) f ;;& esac',
      'case $x in\n  a)\n    b\n    ;;\n  c | d) e\n  ;&\n  *) f;;&\nesac',
      'case $x\nin a) b;; c|d) e;& *) f;;&\nesac',
    ],
    want: [at(['b'], 'case'), at(['e'], 'case'), at(['f'], 'case')],
  },
  { name: 'case last item without ;;', spellings: ['case x in a) b; esac', 'case x in a) b\nesac', 'case x in (a) b;;\nesac'], want: [at(['b'], 'case')] },
  { name: 'case empty', spellings: ['case x in esac', 'case x in\nesac', 'case x in a) ;; esac'], want: [] },
  { name: 'case subject and patterns run substitutions', spellings: ['case $(a) in $(b)|c) d;; esac'], want: [at(['a'], 'case', 'command-substitution'), at(['b'], 'case', 'command-substitution'), at(['d'], 'case')] },
  { name: 'case: keywords are patterns, and commands after )', spellings: ['case x in if|then) echo fi;; esac', 'case x in (if) echo fi;; esac'], want: [at(['echo', 'fi'], 'case')] },
  { name: 'function (both forms)', spellings: ['f() { a; }', 'f () { a; }', 'f ( ) { a; }', 'function f { a; }', 'function f() { a; }', 'f()\n{\na\n}', 'function f\n{ a; }'], want: [at(['a'], 'function', 'group')] },
  { name: 'function with a subshell body', spellings: ['f() ( a )', 'function f() ( a )', 'function f (a)'], want: [at(['a'], 'function', 'subshell')] },
  { name: 'function with an if body', spellings: ['f() if a; then b; fi', 'function f if a; then b; fi'], want: [at(['a'], 'function', 'if'), at(['b'], 'function', 'if')] },
  { name: 'function with a while body and redirects', spellings: ['f() while a; do b; done >f', 'function f while a; do b; done'], want: [at(['a'], 'function', 'loop'), at(['b'], 'function', 'loop')] },
  {
    name: '[[ ]] operands run substitutions',
    spellings: ['[[ -f $(a) && $(b) =~ ^(x|y)+$ ]]', '[[ -f "$(a)" && "$(b)" =~ ^(x|y)+$ ]]', '[[ ( -f $(a) ) && ! ( $(b) =~ (x|y)+ ) ]]', '[[ -f $(a) &&\n $(b) =~ x ]]'],
    want: [at(['a'], 'test', 'command-substitution'), at(['b'], 'test', 'command-substitution')],
  },
  { name: '[[ ]] regex with parens, pipes and redirection characters', spellings: ['[[ $x =~ ^(a|b)*(c)$ ]]', '[[ $x =~ (a)|(b) ]]', '[[ a < b ]]', '[[ $x == *(y) ]]', '[[ $x == @(a|b)c ]]', '[[ x == @(a b) ]]', '[[ ! a ]]', '[[ ]]', '[[ -f -f ]]', '[[ ( a ) && ! ( b || c ) ]]', '[[ $x == !(a) && -f y ]]'], want: [] },
  { name: '(( ))', spellings: ['(( x = $(a) + 1 ))', '((x=$(a)+1))', '((\nx = $(a)\n))'], want: [at(['a'], 'arithmetic', 'command-substitution')] },
  { name: 'time is a keyword only in command position', spellings: ['echo time', 'echo  time'], want: [seg(['echo', 'time'])] },
  { name: 'coproc simple', spellings: ['coproc a b', 'coproc  a  b'], want: [at(['a', 'b'], 'coproc')] },
  { name: 'coproc named group', spellings: ['coproc N { a b; }', 'coproc { a b; }'], want: [at(['a', 'b'], 'coproc', 'group')] },
  { name: 'coproc subshell', spellings: ['coproc (a b)', 'coproc N (a b)', 'coproc N ( a b )'], want: [at(['a', 'b'], 'coproc', 'subshell')] },
  // ---- keywords only in command position (bash manual §3.2.1)
  { name: 'reserved words as arguments', spellings: ['echo if then else fi do done case esac while until for in function select time coproc { } !'], want: [seg(['echo', 'if', 'then', 'else', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', 'function', 'select', 'time', 'coproc', '{', '}', '!'])] },
  { name: '} as an argument inside a group', spellings: ['{ echo }; }', '{ echo } ; }'], want: [at(['echo', '}'], 'group')] },
  { name: 'quoted reserved words are commands', spellings: ['"if" a', "'if' a", '\\if a', 'i\\f a'], want: [seg(['if', 'a'])] },
  // ---- comments (bash manual §3.1.3)
  { name: 'comment at a word start', spellings: ['echo a #b', 'echo a\t#b c', 'echo a;#b', 'echo a # b; c'], want: [seg(['echo', 'a'])] },
  { name: '# inside a word is literal', spellings: ['echo a#b', 'echo a"#"b', "echo 'a#b'", 'echo a\\#b'], want: [seg(['echo', 'a#b'])] },
  { name: 'quoted or escaped # at a word start', spellings: ['echo "#x"', "echo '#x'", 'echo \\#x'], want: [seg(['echo', '#x'])] },
  { name: '$# is a parameter', spellings: ['echo $#', 'echo "$#"'], want: [seg(['echo', '$#'], D)] },
  // ---- line continuations (continuations.ts): gone before bash forms tokens, so also inside
  // operators, reserved words and `[[`/`]]`; a comment still ends at its newline.
  { name: 'line continuation inside && and ||', spellings: ['a &\\\n& b', 'a &&\\\n b', 'a \\\n&& b', 'a |\\\n| b', 'a\\\n\\\n||b'], want: [at(['a'], 'and-or'), at(['b'], 'and-or')] },
  { name: 'line continuation inside reserved words', spellings: ['i\\\nf a; then b; fi', 'if a; th\\\nen b; f\\\ni', 'if a\\\n; then b; fi'], want: [at(['a'], 'if'), at(['b'], 'if')] },
  { name: 'line continuation inside [[ ]]', spellings: ['[\\\n[ $(a) == x ]]', '[[ $(a) == x ]\\\n]', '[[ $\\\n(a) =\\\n= x ]]', '[[ x =\\\n~ $\\\n(a) ]]', '[[ x =~ y$\\\n(a) ]]'], want: [at(['a'], 'test', 'command-substitution')] },
  { name: 'line continuation inside ((', spellings: ['(\\\n( $(a) ))', '(( $\\\n(a) ))', '(( ($(a))\\\n))'], want: [at(['a'], 'arithmetic', 'command-substitution')] },
  { name: 'a comment ends at its newline, even after a backslash', spellings: ['a # c\\\nb', 'a #\\\nb', 'a # c\\\\\\\nb'], want: [seg(['a']), seg(['b'])] },
  { name: '# starts a comment in [[ ]]', spellings: ['[[ $(a) # c\n== x ]]', '[[ $(a) == x #c ]]\n]]', '[[ $(a) == x # c\\\n]]'], want: [at(['a'], 'test', 'command-substitution')] },
];

const words: Row[] = [
  { name: 'quoting a blank', spellings: ["echo 'a b'", 'echo "a b"', 'echo a\\ b', "echo $'a b'", "echo $'a\\x20b'", 'echo $"a b"', 'echo a" "b', "echo 'a'\\ \"b\"", "echo $'a\\040b'"], want: [seg(['echo', 'a b'])] },
  { name: '$\'…\' hex, octal, unicode', spellings: ["echo $'A'", "echo $'\\x41'", "echo $'\\101'", "echo $'\\u0041'", "echo $'\\U00000041'", 'echo \\A', 'echo "A"', 'echo A'], want: [seg(['echo', 'A'])] },
  { name: '$\'…\' control characters', spellings: ["echo $'\\cA'", "echo $'\\ca'", "echo $'\\001'", "echo $'\\x01'", "echo $'\\u0001'"], want: [seg(['echo', '\x01'])] },
  { name: '$\'…\' named escapes', spellings: ["echo $'\\a\\b\\e\\E\\f\\n\\r\\t\\v\\\\\\'\\\"\\?'"], want: [seg(['echo', '\x07\b\x1b\x1b\f\n\r\t\v\\\'"?'])] },
  { name: '$\'…\' non-BMP', spellings: ["echo $'\\U0001F600'", "echo $'\\U1F600'", 'echo \u{1F600}'], want: [seg(['echo', '\u{1F600}'])] },
  { name: '$\'…\' unknown escape is kept', spellings: ["echo $'\\q'", "echo '\\q'", 'echo "\\q"', 'echo \\\\q'], want: [seg(['echo', '\\q'])] },
  { name: 'backslash-newline joins (also inside a command name)', spellings: ['rm -rf /', 'r\\\nm -rf /', 'rm \\\n-rf /', 'rm -r\\\nf \\\n/', 'rm -rf "/"\\\n'], want: [seg(['rm', '-rf', '/'])] },
  { name: 'backslash-newline in double quotes is removed', spellings: ['echo "a\\\nb"', 'echo ab'], want: [seg(['echo', 'ab'])] },
  { name: 'backslash-newline in single quotes is kept', spellings: ["echo 'a\\\nb'", "echo $'a\\\\\\nb'", "e\\\ncho 'a\\\nb'"], want: [seg(['echo', 'a\\\nb'])] },
  { name: "backslash-newline in $'…' is kept, as an unknown escape", spellings: ["echo $'a\\\nb'", "echo $\\\n'a\\\nb'"], want: [seg(['echo', 'a\\\nb'])] },
  { name: 'backslash-newline removed around quotes', spellings: ['echo $\\\n"a"', "echo $\\\n'a'", 'echo "\\\na"', "echo \\\n'a'"], want: [seg(['echo', 'a'])] },
  { name: 'escapes in double quotes', spellings: ['echo "a\\$b"', "echo 'a$b'", 'echo a\\$b', "echo 'a'\\$'b'"], want: [seg(['echo', 'a$b'])] },
  { name: 'backslash before other characters in double quotes stays', spellings: ['echo "a\\xb"', "echo 'a\\xb'", 'echo a\\\\xb'], want: [seg(['echo', 'a\\xb'])] },
  { name: 'escaped double quote', spellings: ['echo "a\\"b"', "echo 'a\"b'", 'echo a\\"b'], want: [seg(['echo', 'a"b'])] },
  { name: 'NBSP, CR, VT and FF are word characters', spellings: ['echo a\u00a0b', 'echo "a\u00a0b"'], want: [seg(['echo', 'a\u00a0b'])] },
  { name: 'CR is a word character', spellings: ['echo a\r', 'echo "a\r"'], want: [seg(['echo', 'a\r'])] },
  { name: 'simple parameter', spellings: ['echo $HOME', 'echo "$HOME"', 'echo $HOME""', 'echo ""$HOME'], want: [seg(['echo', '$HOME'], D)] },
  { name: 'braced parameter', spellings: ['echo ${HOME}', 'echo "${HOME}"'], want: [seg(['echo', '${HOME}'], D)] },
  { name: 'special parameters', spellings: ['echo $@ $* $# $? $- $$ $! $0 $1'], want: [seg(['echo', '$@', '$*', '$#', '$?', '$-', '$$', '$!', '$0', '$1'], D)] },
  { name: 'a lone $ is literal', spellings: ['echo $', 'echo "$"', "echo '$'", 'echo \\$'], want: [seg(['echo', '$'])] },
  { name: 'quoted glob characters are static', spellings: ["ls '*.txt'", 'ls "*.txt"', 'ls \\*.txt', "ls $'*.txt'"], want: [seg(['ls', '*.txt'])] },
  { name: 'quoted tilde', spellings: ["cd '~'", 'cd "~"', 'cd \\~'], want: [seg(['cd', '~'])] },
];

// Rows whose expected first segment is derived: the echo/x/ls/cd/diff segment keeps each word as
// written (dynamic), and the nested segments are listed in `nested`.
interface DynRow {
  name: string;
  cases: { script: string; argv: string[] }[];
  dynamic: boolean;
  nested: SegView[];
}

const dynamicWords: DynRow[] = [
  {
    name: 'command substitution',
    cases: [
      { script: 'echo $(a b)', argv: ['echo', '$(a b)'] },
      { script: 'echo $( a  b )', argv: ['echo', '$( a  b )'] },
      { script: 'echo "$(a b)"', argv: ['echo', '$(a b)'] },
      { script: 'echo $(\na b\n)', argv: ['echo', '$(\na b\n)'] },
    ],
    dynamic: true,
    nested: [at(['a', 'b'], 'command-substitution')],
  },
  {
    name: 'nested command substitution',
    cases: [
      { script: 'x $(a $(b))', argv: ['x', '$(a $(b))'] },
      { script: 'x "$(a "$(b)")"', argv: ['x', '$(a "$(b)")'] },
    ],
    dynamic: true,
    nested: [seg(['a', '$(b)'], { context: ['command-substitution'], dynamic: true }), at(['b'], 'command-substitution', 'command-substitution')],
  },
  {
    name: 'backticks with escaped nested backticks',
    cases: [
      { script: 'echo `a \\`b\\``', argv: ['echo', '`a \\`b\\``'] },
      { script: 'echo "`a \\`b\\``"', argv: ['echo', '`a \\`b\\``'] },
    ],
    dynamic: true,
    nested: [seg(['a', '`b`'], { context: ['backtick'], dynamic: true }), at(['b'], 'backtick', 'backtick')],
  },
  {
    name: 'arithmetic expansion',
    cases: [
      { script: 'echo $((1+$(a)))', argv: ['echo', '$((1+$(a)))'] },
      { script: 'echo "$(( 1 + $(a) ))"', argv: ['echo', '$(( 1 + $(a) ))'] },
      { script: 'echo $[1+$(a)]', argv: ['echo', '$[1+$(a)]'] },
    ],
    dynamic: true,
    nested: [at(['a'], 'arithmetic', 'command-substitution')],
  },
  {
    name: 'process substitution',
    cases: [
      { script: 'diff <(a) >(b)', argv: ['diff', '<(a)', '>(b)'] },
      { script: 'diff <( a ) >( b )', argv: ['diff', '<( a )', '>( b )'] },
    ],
    dynamic: true,
    nested: [at(['a'], 'process-substitution'), at(['b'], 'process-substitution')],
  },
  {
    name: 'bash 5.3 function substitution',
    cases: [
      { script: 'echo ${ a; }', argv: ['echo', '${ a; }'] },
      { script: 'echo "${ a; }"', argv: ['echo', '${ a; }'] },
      { script: 'echo ${| a; }', argv: ['echo', '${| a; }'] },
      { script: 'echo ${\ta;}', argv: ['echo', '${\ta;}'] },
      { script: 'echo ${\na\n}', argv: ['echo', '${\na\n}'] },
    ],
    dynamic: true,
    nested: [at(['a'], 'function-substitution')],
  },
  // Line continuations are removed before bash tokenizes (continuations.ts): `$\⏎(` is `$(` in
  // every reading mode. The word keeps its text as written.
  {
    name: '$\\⏎( in words, double quotes and assignments',
    cases: [
      { script: 'echo $\\\n(id)', argv: ['echo', '$\\\n(id)'] },
      { script: 'ec\\\nho $\\\n(id)', argv: ['echo', '$\\\n(id)'] },
      { script: 'echo "$\\\n(id)"', argv: ['echo', '$\\\n(id)'] },
      { script: 'echo $\\\n(\\\nid\\\n)', argv: ['echo', '$\\\n(\\\nid\\\n)'] },
      { script: 'echo $\\\n\\\n(id)', argv: ['echo', '$\\\n\\\n(id)'] },
      { script: 'echo "a$\\\n(id)b"', argv: ['echo', 'a$\\\n(id)b'] },
    ],
    dynamic: true,
    nested: [at(['id'], 'command-substitution')],
  },
  {
    name: '$\\⏎( in ${…} operands',
    cases: [
      { script: 'echo ${x:-$\\\n(id)}', argv: ['echo', '${x:-$\\\n(id)}'] },
      { script: 'echo "${x:-$\\\n(id)}"', argv: ['echo', '${x:-$\\\n(id)}'] },
      { script: 'echo $\\\n{x:-$(id)}', argv: ['echo', '$\\\n{x:-$(id)}'] },
      { script: 'echo "$\\\n{x:\\\n-$\\\n(id)}"', argv: ['echo', '$\\\n{x:\\\n-$\\\n(id)}'] },
      { script: 'echo ${x/$\\\n(id)/y}', argv: ['echo', '${x/$\\\n(id)/y}'] },
      { script: 'echo ${a[$\\\n(id)]}', argv: ['echo', '${a[$\\\n(id)]}'] },
    ],
    dynamic: true,
    nested: [at(['id'], 'parameter-expansion', 'command-substitution')],
  },
  {
    name: '$\\⏎(( and $\\⏎[ arithmetic',
    cases: [
      { script: 'echo $\\\n((1+$(id)))', argv: ['echo', '$\\\n((1+$(id)))'] },
      { script: 'echo $(\\\n(1+$(id)))', argv: ['echo', '$(\\\n(1+$(id)))'] },
      { script: 'echo "$\\\n(\\\n(1+$\\\n(id)))"', argv: ['echo', '$\\\n(\\\n(1+$\\\n(id)))'] },
      { script: 'echo $((1+$(id))\\\n)', argv: ['echo', '$((1+$(id))\\\n)'] },
      { script: 'echo $\\\n[1+$\\\n(id)]', argv: ['echo', '$\\\n[1+$\\\n(id)]'] },
    ],
    dynamic: true,
    nested: [at(['id'], 'arithmetic', 'command-substitution')],
  },
  {
    name: 'backticks and <\\⏎(',
    cases: [
      { script: 'echo `\\\nid`', argv: ['echo', '`\\\nid`'] },
      { script: 'echo "`\\\nid`"', argv: ['echo', '`\\\nid`'] },
      { script: 'echo `i\\\nd`', argv: ['echo', '`i\\\nd`'] },
    ],
    dynamic: true,
    nested: [at(['id'], 'backtick')],
  },
  {
    name: 'process substitution after <\\⏎',
    cases: [
      { script: 'echo <\\\n(id)', argv: ['echo', '<\\\n(id)'] },
      { script: 'echo >\\\n(\\\nid)', argv: ['echo', '>\\\n(\\\nid)'] },
    ],
    dynamic: true,
    nested: [at(['id'], 'process-substitution')],
  },
  {
    name: '$\\⏎( inside backticks (bash removes \\⏎ as it reads the body)',
    cases: [{ script: 'echo `echo $\\\n(id)`', argv: ['echo', '`echo $\\\n(id)`'] }],
    dynamic: true,
    nested: [seg(['echo', '$(id)'], { context: ['backtick'], dynamic: true }), at(['id'], 'backtick', 'command-substitution')],
  },
  {
    name: 'time at the start of $(…) is the time program (bash 5.2 time_command_acceptable)',
    cases: [
      { script: 'echo $(time a)', argv: ['echo', '$(time a)'] },
      { script: 'echo "$( time a)"', argv: ['echo', '$( time a)'] },
    ],
    dynamic: true,
    nested: [at(['time', 'a'], 'command-substitution')],
  },
  {
    name: 'time after a newline in $(…) is the reserved word',
    cases: [
      { script: 'echo $(\ntime a)', argv: ['echo', '$(\ntime a)'] },
      { script: 'echo $(\n time -p -- a)', argv: ['echo', '$(\n time -p -- a)'] },
    ],
    dynamic: true,
    nested: [at(['a'], 'command-substitution')],
  },
  {
    name: 'time after a command in $(…) is the reserved word',
    cases: [{ script: 'echo $(:; time -p -- a)', argv: ['echo', '$(:; time -p -- a)'] }],
    dynamic: true,
    nested: [at([':'], 'command-substitution'), at(['a'], 'command-substitution')],
  },
  {
    name: 'globs',
    cases: [
      { script: 'ls *.txt', argv: ['ls', '*.txt'] },
      { script: 'ls ?', argv: ['ls', '?'] },
      { script: 'ls [ab]', argv: ['ls', '[ab]'] },
      { script: 'ls "a"*', argv: ['ls', 'a*'] },
    ],
    dynamic: true,
    nested: [],
  },
  {
    name: 'tilde at a word start',
    cases: [
      { script: 'cd ~', argv: ['cd', '~'] },
      { script: 'cd ~/x', argv: ['cd', '~/x'] },
      { script: 'cd ~root', argv: ['cd', '~root'] },
    ],
    dynamic: true,
    nested: [],
  },
  {
    name: 'brace expansion',
    cases: [
      { script: 'echo {a,b}', argv: ['echo', '{a,b}'] },
      { script: 'echo x{1..3}', argv: ['echo', 'x{1..3}'] },
      { script: 'echo {a,b}{c,d}', argv: ['echo', '{a,b}{c,d}'] },
      { script: '{rm,-rf,/}', argv: ['{rm,-rf,/}'] },
    ],
    dynamic: true,
    nested: [],
  },
  {
    name: 'not brace expansion',
    cases: [
      { script: 'echo {a}', argv: ['echo', '{a}'] },
      { script: "echo '{a,b}'", argv: ['echo', '{a,b}'] },
      { script: 'echo "{a,b}"', argv: ['echo', '{a,b}'] },
      { script: 'echo \\{a,b}', argv: ['echo', '{a,b}'] },
      { script: 'echo a~b', argv: ['echo', 'a~b'] },
    ],
    dynamic: false,
    nested: [],
  },
];

// Every ${…} operator (bash manual §3.5.3) with a command substitution in its operand, bare and
// in double quotes: the substitution is a segment of its own.
const PARAM_OPS = [':-', ':=', ':?', ':+', '-', '=', '?', '+', '#', '##', '%', '%%', '/', '//', '/#', '/%', '^', '^^', ',', ',,', ':'];

const assignments: Row[] = [
  { name: 'plain', spellings: ['a=1 cmd', 'a=1  cmd', 'a=1\\\n cmd', "a='1' cmd", 'a="1" cmd', 'a=\\1 cmd'], want: [seg(['cmd'], { assigns: ['a=1'] })] },
  { name: 'append', spellings: ['a+=1 cmd', "a+='1' cmd"], want: [seg(['cmd'], { assigns: ['a+=1'] })] },
  { name: 'subscript', spellings: ['a[i]=1 cmd', 'a[i]="1" cmd'], want: [seg(['cmd'], { assigns: ['a[i]=1'] })] },
  { name: 'value with a blank', spellings: ['a="x y" cmd', "a='x y' cmd", 'a=x\\ y cmd'], want: [seg(['cmd'], { assigns: ['a=x y'] })] },
  { name: 'several', spellings: ['a=1 b=2 cmd', 'a=1\tb=2  cmd'], want: [seg(['cmd'], { assigns: ['a=1', 'b=2'] })] },
  { name: 'after the command name it is an argument', spellings: ['cmd a=1', 'cmd  a=1'], want: [seg(['cmd', 'a=1'])] },
  { name: 'not a name: é=1 is a command (as bash)', spellings: ['é=1 ls'], want: [seg(['é=1', 'ls'])] },
  { name: 'quoted name is not an assignment', spellings: ['"a"=1 ls', 'a\\=1 ls'], want: [seg(['a=1', 'ls'])] },
  { name: 'assignment only: no segment', spellings: ['a=1', 'a=1 b=2', 'a=(1 2)', 'a+=(3)', 'a[0]=1'], want: [] },
  {
    name: 'values run substitutions',
    spellings: ['a=$(x) b[$(y)]=1 c=(p $(z)) cmd'],
    want: [
      seg(['cmd'], { assigns: ['a=$(x)', 'b[$(y)]=1', 'c=(p $(z))'] }),
      at(['x'], 'assignment', 'command-substitution'),
      at(['y'], 'assignment', 'arithmetic', 'command-substitution'),
      at(['z'], 'assignment', 'array', 'command-substitution'),
    ],
  },
  { name: 'array with a command after it', spellings: ['a=(1 2) ls'], want: [seg(['ls'], { assigns: ['a=(1 2)'] })] },
  { name: 'declaration builtin takes arrays', spellings: ['declare -a z=(1 $(l))'], want: [seg(['declare', '-a', 'z=(1 $(l))'], D), at(['l'], 'array', 'command-substitution')] },
  {
    name: 'values run substitutions after $\\⏎',
    spellings: ['a=$\\\n(x) b[$\\\n(y)]=1 c=(p $\\\n(z)) cmd'],
    want: [
      seg(['cmd'], { assigns: ['a=$\\\n(x)', 'b[$\\\n(y)]=1', 'c=(p $\\\n(z))'] }),
      at(['x'], 'assignment', 'command-substitution'),
      at(['y'], 'assignment', 'arithmetic', 'command-substitution'),
      at(['z'], 'assignment', 'array', 'command-substitution'),
    ],
  },
  { name: 'a comment in an array ends at its newline', spellings: ['a=(x # c\\\n$(y)) cmd'], want: [seg(['cmd'], { assigns: ['a=(x # c\\\n$(y))'] }), at(['y'], 'assignment', 'array', 'command-substitution')] },
];

const R = (...pairs: [string, string][]) => ({ redirects: pairs });

const redirections: Row[] = [
  { name: '>', spellings: ['a >f', 'a > f', 'a>f', '>f a', '> f a', 'a >"f"', "a >'f'"], want: [seg(['a'], R(['>', 'f']))] },
  { name: '>>', spellings: ['a >>f', 'a >> f', '>>f a'], want: [seg(['a'], R(['>>', 'f']))] },
  { name: '<', spellings: ['a <f', 'a < f', '<f a'], want: [seg(['a'], R(['<', 'f']))] },
  { name: '<>', spellings: ['a <>f', 'a <> f'], want: [seg(['a'], R(['<>', 'f']))] },
  { name: '>|', spellings: ['a >|f', 'a >| f'], want: [seg(['a'], R(['>|', 'f']))] },
  { name: '&>', spellings: ['a &>f', 'a &> f', '&>f a'], want: [seg(['a'], R(['&>', 'f']))] },
  { name: '&>>', spellings: ['a &>>f', 'a &>> f'], want: [seg(['a'], R(['&>>', 'f']))] },
  { name: '>&', spellings: ['a >&2', 'a >& 2'], want: [seg(['a'], R(['>&', '2']))] },
  { name: '<&', spellings: ['a <&0', 'a <& 0'], want: [seg(['a'], R(['<&', '0']))] },
  { name: 'numbered fds', spellings: ['a 2>f 10>g 0<h', 'a 2> f 10> g 0< h', '2>f a 10>g 0<h'], want: [seg(['a'], R(['2>', 'f'], ['10>', 'g'], ['0<', 'h']))] },
  { name: 'fd duplication and close', spellings: ['a 2>&1 3<&-', 'a 2>& 1 3<& -'], want: [seg(['a'], R(['2>&', '1'], ['3<&', '-']))] },
  { name: '{fd}>', spellings: ['a {fd}>f', 'a {fd}> f', '{fd}>f a'], want: [seg(['a'], R(['{fd}>', 'f']))] },
  { name: 'not an fd: a word before a space', spellings: ['a 2 >f'], want: [seg(['a', '2'], R(['>', 'f']))] },
  { name: 'words after a redirect target are arguments', spellings: ['rm > /dev/null -rf /', 'rm -rf > /dev/null /', '>/dev/null rm -rf /'], want: [seg(['rm', '-rf', '/'], R(['>', '/dev/null']))] },
  { name: 'redirect target runs substitutions', spellings: ['a >$(b)', 'a > "$(b)"'], want: [seg(['a'], R(['>', '$(b)'])), at(['b'], 'redirect', 'command-substitution')] },
  { name: 'redirect alone: no segment', spellings: ['>f', '> f', '2>&1'], want: [] },
  { name: 'here-string', spellings: ['cat <<<word', 'cat <<< word', "cat <<< 'word'", 'cat <<<"word"'], want: [seg(['cat'], R(['<<<', 'word']))] },
  { name: 'here-string runs substitutions', spellings: ['cat <<< "a $(b)"'], want: [seg(['cat'], R(['<<<', 'a $(b)'])), at(['b'], 'here-string', 'command-substitution')] },
  { name: 'line continuation inside an operator or before it', spellings: ['a 2\\\n>f', 'a 2>\\\nf', 'a 2\\\n>\\\nf'], want: [seg(['a'], R(['2>', 'f']))] },
  { name: 'line continuation inside >>', spellings: ['a >\\\n>f', 'a >>\\\nf'], want: [seg(['a'], R(['>>', 'f']))] },
];

const heredocs: Row[] = [
  { name: 'unquoted body runs substitutions', spellings: ['cat <<E\n$(a) `b` $((1+$(c)))\nE', 'cat << E\n$(a) `b` $((1+$(c)))\nE\n', 'cat <<E\n$(a) `b` $((1+$(c)))\nE\n# after'], want: [seg(['cat'], R(['<<', 'E'])), at(['a'], 'heredoc', 'command-substitution'), at(['b'], 'heredoc', 'backtick'), at(['c'], 'heredoc', 'arithmetic', 'command-substitution')] },
  { name: 'quoted delimiter: body is data', spellings: ["cat <<'E'\n$(a) `b`\nE", 'cat <<"E"\n$(a) `b`\nE', 'cat <<\\E\n$(a) `b`\nE', "cat <<E''\n$(a)\nE", "cat <<'E'\n$(a)\nE"], want: [seg(['cat'], R(['<<', 'E']))] },
  { name: '<<- strips tabs before the delimiter', spellings: ['cat <<-E\n\t$(a)\n\tE\nw', 'cat <<-E\n$(a)\n\t\tE\nw', 'cat <<- E\n$(a)\nE\nw'], want: [seg(['cat'], R(['<<-', 'E'])), at(['a'], 'heredoc', 'command-substitution'), seg(['w'])] },
  { name: 'indented delimiter does not end <<', spellings: ['cat <<E\n  E\n$(a)\nE'], want: [seg(['cat'], R(['<<', 'E'])), at(['a'], 'heredoc', 'command-substitution')] },
  { name: 'several on one line', spellings: ['cat <<A <<"B"\n$(a)\nA\n$(no)\nB', 'cat <<A <<"B";\n$(a)\nA\n$(no)\nB'], want: [seg(['cat'], R(['<<', 'A'], ['<<', 'B'])), at(['a'], 'heredoc', 'command-substitution')] },
  { name: 'body after ; and the rest of the line', spellings: ['cat <<A; echo mid\nbody\nA\necho after', 'cat <<A;echo mid\nbody\nA\necho after'], want: [seg(['cat'], R(['<<', 'A'])), seg(['echo', 'mid']), seg(['echo', 'after'])] },
  { name: 'body after a pipe', spellings: ["cat <<'A' | grep x\n$(no)\nA", "cat <<'A'|grep x\n$(no)\nA\n"], want: [seg(['cat'], { redirects: [['<<', 'A']], context: ['pipeline'] }), at(['grep', 'x'], 'pipeline')] },
  { name: 'heredocs in two commands of a line', spellings: ['a <<A && b <<B\n1\nA\n2\nB\nc'], want: [seg(['a'], { redirects: [['<<', 'A']], context: ['and-or'] }), seg(['b'], { redirects: [['<<', 'B']], context: ['and-or'] }), seg(['c'])] },
  { name: 'the - argument stays', spellings: ["python3 - <<'PY'\nprint(1)\nPY", "python3 - <<'PY'\nprint(1)\nPY\n"], want: [seg(['python3', '-'], R(['<<', 'PY']))] },
  { name: 'delimiter before the command', spellings: ['<<E cat\nx\nE'], want: [seg(['cat'], R(['<<', 'E']))] },
  { name: 'unterminated heredoc is accepted (bash warns)', spellings: ['cat <<E\nx', 'cat <<E\n'], want: [seg(['cat'], R(['<<', 'E']))] },
  { name: 'heredoc inside a command substitution', spellings: ['x=$(cat <<E\n$(a)\nE\n)'], want: [seg(['cat'], { redirects: [['<<', 'E']], context: ['assignment', 'command-substitution'] }), at(['a'], 'assignment', 'command-substitution', 'heredoc', 'command-substitution')] },
  // make_here_document: with an unquoted delimiter the lines are read with continuations removed
  // before they are compared; with a quoted one they are compared as written.
  {
    name: 'continuations join body lines before the delimiter is compared',
    spellings: ['cat <<EF\n$(a)\nE\\\nF\nw', 'cat <<E\\\nF\n$(a)\nEF\nw', 'cat <<EF\n$(a)\n\\\nEF\nw', 'cat <<EF\n$\\\n(a)\nEF\nw', 'cat <\\\n<EF\n$(a)\nEF\nw'],
    want: [seg(['cat'], R(['<<', 'EF'])), at(['a'], 'heredoc', 'command-substitution'), seg(['w'])],
  },
  { name: 'quoted delimiter: lines are compared as written', spellings: ["cat <<'EF'\n$(a)\nE\\\nF\nEF\nw", 'cat <<\\EF\nE\\\nF\nEF\nw', "cat <<'EF'\n$\\\n(a)\nEF\nw"], want: [seg(['cat'], R(['<<', 'EF'])), seg(['w'])] },
  { name: 'a comment ending in a backslash still ends the line', spellings: ['cat <<E # c\\\n$(a)\nE\nw', 'cat <<E #\\\n$(a)\nE\nw'], want: [seg(['cat'], R(['<<', 'E'])), at(['a'], 'heredoc', 'command-substitution'), seg(['w'])] },
  { name: '<<- compares a line before stripping its tabs', spellings: ['cat <<-"\tE"\n$(no)\n\tE\nw', 'cat <<-"\tE"\n$(no)\n\t\tE\n\tE\nw'], want: [seg(['cat'], R(['<<-', '\tE'])), seg(['w'])] },
  // A delimiter with `$`, `$(…)` or backticks and no quotes is unquoted: the body is expanded,
  // and it ends at a line equal to the delimiter's token text (delimiter.ts).
  { name: 'unquoted $x delimiter: the body runs', spellings: ['cat <<$x\n$(a)\n$x\nw', 'cat << $x\n$(a)\n$x\n\nw'], want: [seg(['cat'], R(['<<', '$x'])), at(['a'], 'heredoc', 'command-substitution'), seg(['w'])] },
  { name: 'unquoted ${…} delimiter', spellings: ['cat <<${x:-d  e}\n$(a)\n${x:-d e}\n${x:-d  e}\nw'], want: [seg(['cat'], R(['<<', '${x:-d  e}'])), at(['a'], 'heredoc', 'command-substitution'), seg(['w'])] },
  { name: 'unquoted backtick delimiter, compared as written', spellings: ['cat <<`d  e`\n$(a)\n`d e`\n`d  e`\nw'], want: [seg(['cat'], R(['<<', '`d  e`'])), at(['a'], 'heredoc', 'command-substitution'), at(['d', 'e'], 'heredoc', 'backtick'), seg(['w'])] },
  { name: 'unquoted $(…) delimiter, compared with the command as bash prints it', spellings: ['cat <<$(d  e)\n$(a)\n$(d  e)\n$(d e)\nw'], want: [seg(['cat'], R(['<<', '$(d  e)'])), at(['a'], 'heredoc', 'command-substitution'), at(['d', 'e'], 'heredoc', 'command-substitution'), seg(['w'])] },
  { name: 'unquoted $(…) delimiter with a list', spellings: ['cat <<$(d;e||f  &)\n$(a)\n$(d; e || f &)\nw'], want: [seg(['cat'], R(['<<', '$(d;e||f  &)'])), at(['a'], 'heredoc', 'command-substitution'), seg(['w'])] },
  { name: 'quoted delimiter with $(…): quote removal, body is data', spellings: ['cat <<"$(d  e)"\n$(no)\n$(d  e)\n$(d e)\nw'], want: [seg(['cat'], R(['<<', '$(d  e)'])), seg(['w'])] },
  { name: 'quoted delimiter with $x', spellings: ['cat <<"$x"\n$(no)\n$x\nw', 'cat <<\\$x\n$(no)\n$x\nw', "cat <<'$x'\n$(no)\n$x\nw"], want: [seg(['cat'], R(['<<', '$x'])), seg(['w'])] },
  // make_here_document "backwards compatibility": inside `$(…)` a line that starts with the
  // delimiter and has a `)` after it ends the body, and the rest of the line is read again.
  {
    name: 'inside $(…), a line starting with the delimiter and holding ) ends the body',
    spellings: ['x=$(cat <<E\n$(a)\nE)', 'x=$(cat <<E\n$(a)\nE )', 'x=$(cat <<E\n$(a)\nE\t)\n'],
    want: [seg(['cat'], { redirects: [['<<', 'E']], context: ['assignment', 'command-substitution'] }), at(['a'], 'assignment', 'command-substitution', 'heredoc', 'command-substitution')],
  },
  {
    name: 'inside $(…), the rest of the delimiter line is read as commands',
    spellings: ['x=$(cat <<E\nb\nEc)', 'x=$(cat <<E\nb\nE c)', "x=$(cat <<'E'\n$(no)\nEc)"],
    want: [seg(['cat'], { redirects: [['<<', 'E']], context: ['assignment', 'command-substitution'] }), at(['c'], 'assignment', 'command-substitution')],
  },
];

function runRows(title: string, rows: Row[]) {
  describe(title, () => {
    for (const row of rows) {
      describe(row.name, () => {
        for (const s of row.spellings) {
          it(JSON.stringify(s), () => {
            expect(parseView(s)).toEqual({ segments: row.want, errors: [] });
            expect(sanityProblems(s)).toEqual([]);
          });
        }
      });
    }
  });
}

runRows('structure', structure);
runRows('assignments', assignments);
runRows('redirections', redirections);
runRows('heredocs', heredocs);

describe('words', () => {
  for (const row of words.filter((r) => r.want.length > 0)) {
    describe(row.name, () => {
      for (const s of row.spellings) {
        it(JSON.stringify(s), () => {
          expect(parseView(s)).toEqual({ segments: row.want, errors: [] });
          expect(sanityProblems(s)).toEqual([]);
        });
      }
    });
  }
  for (const row of dynamicWords) {
    describe(row.name, () => {
      for (const c of row.cases) {
        it(JSON.stringify(c.script), () => {
          expect(parseView(c.script)).toEqual({ segments: [seg(c.argv, { dynamic: row.dynamic }), ...row.nested], errors: [] });
          expect(sanityProblems(c.script)).toEqual([]);
        });
      }
    });
  }
  describe('every ${…} operator runs the substitution in its operand', () => {
    for (const op of PARAM_OPS) {
      for (const [script, word] of [
        [`echo \${x${op}$(c)}`, `\${x${op}$(c)}`],
        [`echo "\${x${op}$(c)}"`, `\${x${op}$(c)}`],
        [`echo \${x${op}\`c\`}`, `\${x${op}\`c\`}`],
      ] as const) {
        const inner = script.includes('`') ? 'backtick' : 'command-substitution';
        it(script, () => {
          expect(parseView(script)).toEqual({ segments: [seg(['echo', word], D), at(['c'], 'parameter-expansion', inner)], errors: [] });
          expect(sanityProblems(script)).toEqual([]);
        });
      }
    }
  });
  describe('${…} forms without an operand', () => {
    for (const w of ['${#x}', '${!x}', '${!x*}', '${!x@}', '${x@Q}', '${a[@]}', '${#a[@]}', '${a[1]}', '${1}', '${#}', '${@}', '${x@P}']) {
      it(w, () => expect(parseView(`echo ${w}`)).toEqual({ segments: [seg(['echo', w], D)], errors: [] }));
    }
  });
  it('single quotes in a double-quoted ${x:-…} do not hide a substitution', () => {
    expect(parseView(`echo "\${x:-'$(id)'}"`).segments).toEqual([seg(['echo', `\${x:-'$(id)'}`], D), at(['id'], 'parameter-expansion', 'command-substitution')]);
  });
  it('subscripts run substitutions', () => {
    expect(parseView('echo ${a[$(i)]}').segments).toEqual([seg(['echo', '${a[$(i)]}'], D), at(['i'], 'parameter-expansion', 'command-substitution')]);
  });
});

// The tables hold valid bash only: where bash is installed, every spelling passes `bash -n`.
const bashAvailable = spawnSync('bash', ['--version']).status === 0;
it.runIf(bashAvailable)('every spelling in the tables is valid for bash -n', () => {
  const scripts = [
    ...[structure, assignments, redirections, heredocs, words].flatMap((rows) => rows.flatMap((r) => r.spellings)),
    ...dynamicWords.flatMap((r) => r.cases.map((c) => c.script)),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'escalint-constructs-'));
  // One bash process: each script is checked by `bash -n` on its own file.
  const files = scripts.map((s, i) => {
    const f = join(dir, `${i}.sh`);
    writeFileSync(f, s);
    return f;
  });
  const r = spawnSync('bash', ['-c', 'for f; do bash -n "$f" 2>/dev/null || echo "$f"; done', 'x', ...files], { encoding: 'utf8' });
  const bad = r.stdout.split('\n').filter(Boolean).map((f) => scripts[Number(f.slice(dir.length + 1, -3))]);
  expect(bad).toEqual([]);
}, 30_000);
