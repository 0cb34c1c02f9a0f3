/**
 * Codex CLI 0.169.0's own way of splitting `[shell, -lc|-c, script]` into the commands it checks
 * (`parse_shell_lc_plain_commands` in `codex-rs/shell-command/src/bash.rs`; see
 * `../shared/reference/codex-0.169.md` §3). Codex parses the script with tree-sitter-bash and
 * accepts only plain literal words joined by `&&`, `||`, `;`, `|` and newlines; anything else
 * makes it refuse, and then the whole argv is checked as one command.
 *
 * This is a small hand-written scanner that mirrors tree-sitter-bash's tokenization for exactly
 * that subset (no runtime dependency on tree-sitter). `test/shell/codex-split.test.ts` checks it
 * against tree-sitter-bash itself with a property test. It is deliberately weaker than escalint's
 * own parser: it exists so users can see how Codex would split a script.
 */

export interface CodexSplit {
  /** true when Codex would check `commands` one by one; false when it checks the whole argv. */
  split: boolean;
  /** the argv lists Codex checks: the split commands, or `[argv]` when it does not split. */
  commands: string[][];
}

/**
 * Shell paths Codex's `detect_shell_type` maps to bash, zsh or sh (`shell_detect.rs`, an exact
 * list in the newest revision: no basename matching, so `/bin/dash` or `./bash` are not split).
 */
export const CODEX_SPLIT_SHELLS: readonly string[] = [
  'bash', '/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash', '/opt/homebrew/bin/bash',
  'zsh', '/bin/zsh', '/usr/bin/zsh', '/usr/local/bin/zsh', '/opt/homebrew/bin/zsh',
  'sh', '/bin/sh', '/usr/bin/sh',
];

/** `extract_bash_command`: only `-lc` and `-c`, never combined spellings like `-ec`. */
const CODEX_SPLIT_FLAGS: readonly string[] = ['-lc', '-c'];

export function codexSplit(argv: readonly string[]): CodexSplit {
  const whole: CodexSplit = { split: false, commands: [[...argv]] };
  if (argv.length !== 3) return whole;
  const [shell, flag, script] = argv as [string, string, string];
  if (!CODEX_SPLIT_SHELLS.includes(shell) || !CODEX_SPLIT_FLAGS.includes(flag)) return whole;
  const commands = splitPlainScript(script);
  // An empty result (empty or blank script) also falls back to the whole argv (exec_policy.rs).
  if (commands === null || commands.length === 0) return whole;
  return { split: true, commands };
}

/** Sugar for `codexSplit([shell, "-lc", script])`. */
export function codexSplitScript(script: string, shell = '/bin/bash'): CodexSplit {
  return codexSplit([shell, '-lc', script]);
}

// ---------------------------------------------------------------------------------------------
// The scanner. Every `return null` is a place where tree-sitter-bash either reports an error
// or produces a node Codex's allowlist refuses; the comment says which.

/** tree-sitter-bash's `\s`: ASCII whitespace only (NBSP, U+2028, U+3000 are word characters). */
function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\v' || c === '\f';
}

/** Characters that end an unquoted word (tree-sitter-bash `SPECIAL_CHARACTERS` minus quotes). */
function endsWord(c: string): boolean {
  return isBlank(c) || c === '\n' || c === ';' || c === '&' || c === '|' || c === '<' || c === '>' ||
    c === '(' || c === ')';
}

/**
 * Characters Codex refuses in an unquoted word or number (`is_literal_word_or_number`: they could
 * expand at run time), plus the ones tree-sitter turns into other nodes (`$`, backtick, braces,
 * brackets, `\`).
 */
const UNQUOTED_REFUSED = new Set(['{', '}', '*', '?', '[', ']', '\\', '~', '^', '#', '$', '`']);

/** Reserved words and declaration builtins that tree-sitter parses as other statement nodes. */
const STATEMENT_WORDS = new Set([
  'if', 'case', 'for', 'select', 'while', 'until', 'function',
  'declare', 'typeset', 'export', 'readonly', 'local', 'unset', 'unsetenv',
]);

/** tree-sitter-bash's `number` token (`#` bases are refused anyway). */
const NUMBER = /^-?(0x)?[0-9]+$/;

interface Word {
  value: string;
  /** the word is one unquoted run (a tree-sitter `word`/`number`, not a concatenation). */
  plain: boolean;
}

function splitPlainScript(src: string): string[][] | null {
  const commands: string[][] = [];
  let i = 0;
  const n = src.length;
  let current: string[] | null = null;
  // What the last separator allows next: 'start' (program start, after `;`/newline) or
  // 'operand' (after `&&`, `||`, `|`: a command is required, newlines may come first).
  let need: 'start' | 'operand' = 'start';

  // Where the token before the next word ended: tree-sitter's external scanner starts there.
  let gapStart = 0;
  // How many `|` joined the current pipeline so far.
  let pipes = 0;

  while (i < n) {
    const c = src[i]!;
    if (isBlank(c)) { i++; continue; }
    if (c === '\\') {
      // An escaped blank or newline outside a word is whitespace (tree-sitter extras), but one
      // followed by nothing but blanks up to the end is an error.
      const len = escapedBlankLength(src, i);
      if (len > 0) {
        if (onlyBlanksToEnd(src, i + len)) return null;
        i += len;
        continue;
      }
    }
    if (c === '\n') {
      if (current !== null) {
        // tree-sitter-bash quirk: inside a command, newlines directly followed by an escaped
        // blank or a line continuation do not end it (`a⏎\ b` is one command `a b`).
        let j = i;
        while (src[j] === '\n') j++;
        if (escapedBlankLength(src, j) > 0) { i = j; continue; }
        // tree-sitter-bash quirk (a GLR ambiguity of `pipeline`): after a pipeline of three or
        // more commands, newlines before the next `&&`/`||` are mere blanks, so the words on
        // the following lines become arguments of the last command (`a|b|c⏎d||e` gives
        // `c d`), while `a|b|c⏎d` stays two commands.
        if (pipes >= 2 && nextOperatorIsAndOr(src, i)) { i++; continue; }
        commands.push(current); current = null; need = 'start'; pipes = 0;
        gapStart = i + 1; // this newline is a terminator token; later ones are blanks
      }
      i++;
      continue;
    }
    if (c === ';') {
      // `;;`, `;&` and `;;&` are case terminators; a `;` needs a command before it.
      if (src[i + 1] === ';' || src[i + 1] === '&' || current === null) return null;
      commands.push(current); current = null; need = 'start'; pipes = 0;
      i++;
      gapStart = i;
      continue;
    }
    if (c === '&' || c === '|') {
      const op = src[i + 1] === c ? c + c : c;
      // `&` (background) and `|&` are refused; every operator needs a command before it.
      if (op === '&' || current === null) return null;
      if (op === '|' && src[i + 1] === '&') return null;
      commands.push(current); current = null; need = 'operand';
      pipes = op === '|' ? pipes + 1 : 0;
      i += op.length;
      gapStart = i;
      continue;
    }
    if (c === '#' && current === null) return null; // a comment
    if (c === '<' || c === '>' || c === '(' || c === ')') return null; // redirect, subshell
    const start = i;
    const word = readWord(src, start);
    if (word === null) return null;
    i = word.end;
    if (current === null) {
      if (!acceptCommandName(src, gapStart, word.word)) return null;
      current = [word.word.value];
    } else {
      current.push(word.word.value);
    }
  }
  if (current !== null) commands.push(current);
  else if (need === 'operand') return null; // `ls &&` at the end: a missing command
  return commands;
}

/**
 * Whether the first control operator after `from` (outside quotes) is `&&` or `||`; `;`, `|`,
 * `&` or the end of the script come first otherwise. Newlines are skipped.
 */
function nextOperatorIsAndOr(src: string, from: number): boolean {
  let i = from;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "'") {
      const close = src.indexOf("'", i + 1);
      if (close < 0) return false;
      i = close + 1;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < src.length && src[i] !== '"') i += src[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '\\') { i += 2; continue; }
    if (c === ';') return false;
    if (c === '&' || c === '|') return src[i + 1] === c;
    i++;
  }
  return false;
}

/**
 * The length of a tree-sitter "extra" escape at `i`: a line continuation `\⏎` (or `\␍⏎`), or
 * an escaped space, tab, VT or FF. 0 when there is none.
 */
function escapedBlankLength(src: string, i: number): number {
  if (src[i] !== '\\') return 0;
  const next = src[i + 1];
  if (next === '\n') return 2;
  if (next === '\r' && src[i + 2] === '\n') return 3;
  if (next === ' ' || next === '\t' || next === '\v' || next === '\f') return 2;
  return 0;
}

function onlyBlanksToEnd(src: string, from: number): boolean {
  let i = from;
  while (i < src.length) {
    if (isBlank(src[i]!)) { i++; continue; }
    const len = escapedBlankLength(src, i);
    if (len === 0) return false;
    i += len;
  }
  return true;
}

/**
 * Whether a word in command position becomes a `command_name` holding a plain `word`.
 * `gapStart` is where the token before it ended.
 */
function acceptCommandName(src: string, gapStart: number, word: Word): boolean {
  if (!word.plain) return false; // `"ls"`, `'ls'`, `l's'`: command_name must be a plain word
  const v = word.value;
  if (NUMBER.test(v)) return false; // a `number` node, not a `word`
  if (STATEMENT_WORDS.has(v) || v === '!') return false;
  if (looksLikeVariableName(src, gapStart)) return false;
  return true;
}

function isIdentChar(c: string | undefined): boolean {
  return c !== undefined && (isDigit(c) || c === '_' || isAlpha(c));
}

/** `iswalpha` as in the musl/WASM builds of tree-sitter-bash: any Unicode letter. */
function isAlpha(c: string | undefined): boolean {
  return c !== undefined && /\p{L}/u.test(c);
}

/**
 * tree-sitter-bash's external scanner (scanner.c) claims a word in command position as a
 * `variable_name` when an identifier run is followed by `=`, `+=`, `+:`, `[`, `%`, `@`, `#` or
 * `?<letter>`; the command then becomes an assignment or an error, and Codex refuses. This
 * follows the scanner step by step, because it keeps the characters it consumed while trying
 * other tokens first: `-x=1` is a word, but `--x=1`, `- x=1` and `-a_b=1` are not.
 */
function looksLikeVariableName(src: string, gapStart: number): boolean {
  let i = gapStart;
  // The TEST_OPERATOR section runs first: it skips blanks and one line continuation (an escaped
  // blank makes the whole external scan fail, so the word is lexed as a plain word).
  while (isBlank(src[i] ?? '')) i++;
  if (src[i] === '\\') {
    i++;
    if (i >= src.length) return false;
    if (src[i] === '\r') {
      i++;
      if (src[i] === '\n') i++;
    } else if (src[i] === '\n') {
      i++;
    } else {
      return false;
    }
    while (isScannerSpace(src[i])) i++;
  }
  // No newline token can come here, so the scanner skips one newline and the blanks after it.
  if (src[i] === '\n') {
    i++;
    while (isScannerSpace(src[i])) i++;
  }
  // `-` and letters followed by whitespace is a test operator (a word).
  if (src[i] === '-') {
    i++;
    let advanced = false;
    while (isAlpha(src[i])) { i++; advanced = true; }
    if (advanced && isScannerSpace(src[i])) return false;
  }
  // The VARIABLE_NAME section skips blanks and backslash-newlines first.
  for (;;) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') { i++; continue; }
    if (c === '\\') {
      i++;
      if (i >= src.length) return true;
      if (src[i] === '\r') i++;
      if (src[i] === '\n') { i++; continue; }
      return false;
    }
    break;
  }
  const first = src[i];
  if (first === '*' || first === '@' || first === '?' || first === '-' || first === '0' || first === '_') {
    const next = src[i + 1];
    if (next !== undefined && '=[:-%#/'.includes(next)) return false;
    i++;
  }
  const c0 = src[i];
  if (!isIdentChar(c0)) return false;
  let isNumber = isDigit(c0);
  i++;
  while (isIdentChar(src[i])) {
    if (!isDigit(src[i])) isNumber = false;
    i++;
  }
  switch (src[i]) {
    case '+': return src[i + 1] === '=' || src[i + 1] === ':';
    case '=': case '[': case '%': case '@': return true;
    case '#': return !isNumber;
    case '?': return isAlpha(src[i + 1]);
    default: return false;
  }
}

/** `iswspace` (ASCII whitespace, newline included). */
function isScannerSpace(c: string | undefined): boolean {
  return c === '\n' || (c !== undefined && isBlank(c));
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * Reads one word starting at `start`: unquoted runs, `'…'` and `"…"` pieces joined without
 * blanks (a tree-sitter `concatenation`). Returns null when Codex refuses the word.
 */
function readWord(src: string, start: number): { word: Word; end: number } | null {
  let i = start;
  const n = src.length;
  let value = '';
  let pieces = 0;
  let plain = true;
  while (i < n) {
    const c = src[i]!;
    if (endsWord(c)) break;
    if (c === "'") {
      const close = src.indexOf("'", i + 1);
      if (close < 0) return null; // unterminated: an error node
      value += src.slice(i + 1, close);
      i = close + 1;
      pieces++;
      plain = false;
      continue;
    }
    if (c === '"') {
      const s = readDoubleQuoted(src, i);
      if (s === null) return null;
      value += s.value;
      i = s.end;
      pieces++;
      plain = false;
      continue;
    }
    if (c === '\\') {
      // After a quote a new word token cannot start with `\`: an escaped blank or a line
      // continuation there is whitespace and ends the word (`"a"\ b` gives `a` and `b`).
      if (escapedBlankLength(src, i) > 0) break;
      return null; // any other backslash is refused
    }
    // An unquoted run (a `word` or `number` node): from here to the next quote or word end.
    let k = i;
    while (k < n) {
      const d = src[k]!;
      if (endsWord(d) || d === "'" || d === '"') break;
      if (d === '\\') break;
      if (UNQUOTED_REFUSED.has(d)) return null;
      k++;
    }
    if (k < n && src[k] === '\\') {
      // Inside a word token `\ ` belongs to the word (refused, it holds a backslash), while an
      // escaped tab, VT, FF or newline ends it (`r\⏎m` gives `r` and `m`).
      if (src[k + 1] === ' ' || escapedBlankLength(src, k) === 0) return null;
    }
    const run = src.slice(i, k);
    if (run.startsWith('=')) return null; // zsh `=cmd` expansion
    value += run;
    i = k;
    pieces++;
  }
  if (pieces > 1) plain = false;
  // An all-empty concatenation (`""''`) is refused; a lone `""` gives an empty argument.
  if (pieces > 1 && value === '') return null;
  return { word: { value, plain }, end: i };
}

/**
 * `"…"`: Codex accepts only plain `string_content`; it keeps the text between the quotes as
 * written, and refuses `$`, backticks and the escapes bash would process (`\$ \` \" \\ \⏎`).
 * Other backslashes stay (`"\n"` is a backslash and `n`).
 */
function readDoubleQuoted(src: string, start: number): { value: string; end: number } | null {
  let i = start + 1;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === '"') return { value: src.slice(start + 1, i), end: i + 1 };
    if (c === '$' || c === '`') return null;
    if (c === '\\') {
      const next = src[i + 1];
      if (next === undefined || next === '$' || next === '`' || next === '"' || next === '\\' || next === '\n') {
        return null;
      }
      i += 2;
      continue;
    }
    i++;
  }
  return null; // unterminated
}
