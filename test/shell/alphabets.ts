// Alphabets for random strings: shell metacharacters and fragments, where parser bugs live.
export const META = [...'$`"\'\\(){}[]<>|&;#=!*?~ \t\n', 'a', 'b', '0', '2', 'é', '\0', '\ud800', '\udc00', '\r', '\u00a0'];

export const FRAGMENTS = [
  'a', ' ', ';', '&&', '||', '|', '&', '(', ')', '{ ', ' }', '$(', '`', '\\`', '"', "'", "$'", '\\', '\n', 'if ', 'then ', 'fi', 'elif ',
  'else ', 'case ', ' in ', 'esac', ';;', ';&', 'do ', 'done', 'for ', 'while ', 'function ', '<<E', '<<-E', "<<'E'", 'E\n', '\tE\n', '>', '<',
  '2>&1', '<<<', '$((', '))', '((', '${', '${x:-', '${ ', '${|', '}', '[[ ', ' ]]', '=~', '#', '=', 'x=', 'a[', ']', '$x', '!', '<(', '>(', '*',
  '~', 'time ', 'coproc ', '\\\n', '$[', '\0',
];
