// Alphabets for random strings: shell metacharacters and fragments, where parser bugs live.
export const META = [...'$`"\'\\(){}[]<>|&;#=!*?~ \t\n', 'a', 'b', '0', '2', 'é', '\0', '\ud800', '\udc00', '\r', '\u00a0'];

export const FRAGMENTS = [
  'a', ' ', ';', '&&', '||', '|', '&', '(', ')', '{ ', ' }', '$(', '`', '\\`', '"', "'", "$'", '\\', '\n', 'if ', 'then ', 'fi', 'elif ',
  'else ', 'case ', ' in ', 'esac', ';;', ';&', 'do ', 'done', 'for ', 'while ', 'function ', '<<E', '<<-E', "<<'E'", 'E\n', '\tE\n', '>', '<',
  '2>&1', '<<<', '$((', '))', '((', '${', '${x:-', '${ ', '${|', '}', '[[ ', ' ]]', '=~', '#', '=', 'x=', 'a[', ']', '$x', '!', '<(', '>(', '*',
  '~', 'time ', 'coproc ', '\\\n', '$[', '\0',
];

/** Whole constructs and words, so that random joins are often valid shell. */
export const STRUCTURED = [
  'a ', 'b ', '$x ', '"$(a)" ', "'q' ", '; ', '\n', ' && ', ' || ', ' | ', ' |& ', ' & ', 'case x in ', 'a) ', '(b) ', ';; ', ';& ', 'esac ',
  'for x in a b; do ', 'for ((i=0;i<2;i++)); do ', 'done ', 'while a; do ', 'until b; do ', 'select y in a; do ', 'if a; then ', 'elif b; then ',
  'else ', 'fi ', 'function f ', 'f() ', '{ ', '} ', '( ', ') ', '<<E\nx\nE\n', "<<'E'\n$(x)\nE\n", '2>/dev/null ', '&>f ', '{fd}>f ', '>&2 ',
  '<<<w ', 'coproc ', 'time -p ', '! ', '[[ a == b ]] ', '[[ -f x ]] ', '(( i++ )) ', 'a=(1 2) ', 'x=1 ', '${a[1]} ', '${#a} ', '${x/a/b} ',
  '${x:-$(b)} ', 'declare -a ', "$'\\x41' ", '$"m" ', '`a` ', '$((1+2)) ', '<(a) ', '>(b) ', '${ a; } ', '# c\n', '\\\n', 'echo ', 'then ',
  'do ', 'in ',
];
