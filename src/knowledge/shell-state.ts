// Shell state that changes what later commands run, and the builtins that evaluate variable
// names, arithmetic or command strings at run time (design.md §10: a value that reaches
// arithmetic or a name at run time fails closed). src/shell/segments.ts reads these tables; each
// entry says why it is here. Option strings are those of bash 5.3's `internal_getopt` calls
// (builtins/*.def): a letter followed by `:` takes a value, attached (`-vNAME`) or in the next word.
import { dangerousEnv } from './env.js';
import { own } from './lookup.js';

/** Shell variables, not passed to programs, whose value changes what a command name runs (bash manual §5.2 "Bash Variables"). */
const SHELL_STATE_VARIABLES = {
  BASH_CMDS: 'holds the hash table of command locations: BASH_CMDS[git]=/tmp/x makes git run /tmp/x',
  BASH_ALIASES: 'holds the aliases: with expand_aliases on, BASH_ALIASES[ls]=… changes what ls runs',
  EXECIGNORE: 'hides programs from the PATH search, so that another one runs',
  BASH_LOADABLES_PATH: 'is where enable -f loads builtins from',
} as const satisfies Record<string, string>;

/**
 * Why assigning `name` (to `value`, as written, when known) changes what later commands run or
 * load, or undefined. A thin adapter:
 * environment variables come from knowledge/env.ts (`dangerousEnv`, which owns that table and
 * its patterns), the shell's own variables from the table above.
 */
export function dangerousVariable(name: string, value?: string): string | undefined {
  // The pattern tables are scanned once per name: scripts assign the same few names again and again.
  let why = cache.get(name);
  if (why === undefined) {
    if (cache.size >= 4096) cache.clear();
    why = dangerousEnv(name) ?? own(SHELL_STATE_VARIABLES, name) ?? null;
    cache.set(name, why);
  }
  if (why === null) return undefined;
  // A literal value can make the variable inert (`PAGER=cat`): env.ts decides.
  return value === undefined || own(SHELL_STATE_VARIABLES, name) ? why : dangerousEnv(name, value);
}

const cache = new Map<string, string | null>();

/**
 * Variables whose value is a number computed when they are read, whatever the script assigned
 * (bash manual §5.2), so reading them in arithmetic evaluates nothing. `unset` takes that away;
 * the reader checks for it.
 */
export const NUMERIC_VARIABLES = {
  RANDOM: 'a random integer',
  SRANDOM: 'a 32-bit random integer',
  SECONDS: 'seconds since the shell started',
  EPOCHSECONDS: 'seconds since the Unix epoch',
  BASH_MONOSECONDS: 'the monotonic clock in seconds',
  LINENO: 'the current line number',
  BASHPID: 'the process id of the current shell (readonly)',
  PPID: 'the parent process id (readonly)',
  UID: 'the user id (readonly)',
  EUID: 'the effective user id (readonly)',
  HISTCMD: 'the history number of the current command',
} as const satisfies Record<string, string>;

/** The POSIX special builtins (bash manual §4.4): in POSIX mode, assignments before them stay in effect. */
export const SPECIAL_BUILTINS = {
  break: 'leaves a loop',
  ':': 'does nothing',
  '.': 'runs a file in the current shell',
  source: 'runs a file in the current shell',
  continue: 'resumes a loop',
  eval: 'runs its arguments as a script',
  exec: 'replaces the shell or changes its descriptors',
  exit: 'leaves the shell',
  export: 'exports variables',
  readonly: 'makes variables read-only',
  return: 'leaves a function',
  set: 'sets options and positional parameters',
  shift: 'shifts positional parameters',
  times: 'prints times',
  trap: 'sets traps',
  unset: 'unsets variables and functions',
} as const satisfies Record<string, string>;

/** Wrappers that run a shell builtin in the current shell, so its effects on the shell's state stay (bash manual §4.2). */
export const BUILTIN_RUNNERS = {
  command: 'runs a builtin or program, skipping functions',
  builtin: 'runs a builtin',
} as const satisfies Record<string, string>;

/** What the operands of a builtin are. */
export type OperandKind =
  /** each operand is a variable the builtin assigns (`read a b`) */
  | 'assigns'
  /** the first operand is the array it assigns (`mapfile lines`) */
  | 'array'
  /** the second operand is the variable it assigns (`getopts optstring name`) */
  | 'getopts-name'
  /** each operand is a variable name it evaluates (`unset 'a[i]'`) */
  | 'names'
  /** each operand is an arithmetic expression (`let i=i+1`) */
  | 'arithmetic'
  /** no operand names a variable */
  | 'none';

export interface NameBuiltin {
  reason: string;
  /** internal_getopt's option string; `null`: no options at all (only `--` is skipped, `let -1` is an expression). */
  getopt: string | null;
  /** Options whose value is a variable the builtin assigns (`printf -v NAME`, `read -a NAME`). */
  targetOptions?: string;
  /** Options whose value is a command string the builtin runs (`mapfile -C CALLBACK`). */
  callbackOptions?: string;
  operands: OperandKind;
  /** Options that make the operands something other than variables (`unset -f` names functions). */
  notVariables?: string;
}

/**
 * Builtins that assign to or evaluate the variables named in their arguments (bash manual
 * §4.1, §4.2). A name such as `a[$(id)]` runs `id` when its subscript is evaluated, and a
 * variable that gets the integer attribute evaluates what it is assigned.
 */
export const NAME_BUILTINS = {
  read: { reason: 'assigns the line read to the names given (-a: to an array)', getopt: 'Eersa:d:i:n:p:t:u:N:', targetOptions: 'a', operands: 'assigns' },
  mapfile: { reason: 'assigns the lines read to the array named, and runs the -C callback as a command', getopt: 'd:u:n:O:tC:c:s:', callbackOptions: 'C', operands: 'array' },
  readarray: { reason: 'mapfile under another name', getopt: 'd:u:n:O:tC:c:s:', callbackOptions: 'C', operands: 'array' },
  printf: { reason: '-v NAME assigns the output to NAME', getopt: 'v:', targetOptions: 'v', operands: 'none' },
  wait: { reason: '-p NAME assigns the process id to NAME', getopt: 'fnp:', targetOptions: 'p', operands: 'none' },
  getopts: { reason: 'assigns the option found to the name given', getopt: null, operands: 'getopts-name' },
  unset: { reason: 'evaluates the subscripts of the names given', getopt: 'fnv', operands: 'names', notVariables: 'f' },
  let: { reason: 'evaluates each argument as arithmetic', getopt: null, operands: 'arithmetic' },
  compgen: { reason: '-C runs a command to generate completions; -V assigns them to an array', getopt: 'abcdefgjko:A:G:W:P:S:X:F:C:V:', targetOptions: 'V', callbackOptions: 'C', operands: 'none' },
  complete: { reason: '-C names a command run to generate completions', getopt: 'abcdefgjko:prsuvA:G:W:P:S:X:F:C:V:DEI', callbackOptions: 'C', operands: 'none' },
  bind: { reason: '-x binds a key sequence to a shell command', getopt: 'lvpVPsSXm:f:q:u:r:x:', callbackOptions: 'x', operands: 'none' },
} as const satisfies Record<string, NameBuiltin>;

export interface DeclarationOptions {
  reason: string;
  getopt: string;
}

/**
 * Option strings of the declaration builtins (bash manual §4.2; `+x` turns an attribute off).
 * Attributes that matter: `-i` integer (the assigned value is evaluated as arithmetic, §6.5),
 * `-A` associative (subscripts are strings, not arithmetic, §6.7), `-n` name reference (the
 * value names another variable, §3.4), `-f`/`-F` (the operands are functions).
 */
export const DECLARATION_OPTIONS = {
  declare: { reason: 'declares variables and their attributes', getopt: 'acfgilnprtuxAFGI' },
  typeset: { reason: 'declare under its ksh name', getopt: 'acfgilnprtuxAFGI' },
  local: { reason: 'declare for the current function', getopt: 'acfgilnprtuxAFGI' },
  export: { reason: 'exports variables (-f: functions)', getopt: 'fnp' },
  readonly: { reason: 'makes variables read-only (-f: functions)', getopt: 'aAfp' },
} as const satisfies Record<string, DeclarationOptions>;

/** Builtins that change which program or code a command name runs (bash manual §3.7.2, §4.1, §4.2, §6.6). */
export const LOOKUP_BUILTINS = {
  hash: { reason: '-p FILE NAME makes NAME run FILE, whatever PATH says', getopt: 'dlp:rt' },
  alias: { reason: 'NAME=VALUE: with expand_aliases on, NAME as a command word is replaced by VALUE', getopt: 'p' },
  enable: { reason: '-f FILE NAME loads the builtin NAME from a shared object; -n NAME turns a builtin off so a program runs', getopt: 'adnpsf:' },
} as const satisfies Record<string, DeclarationOptions>;

/** `[[ A op B ]]` operators that evaluate both operands as arithmetic (bash manual §6.4; `test` and `[` do not, test.c arithcomp). */
export const ARITHMETIC_TEST_OPERATORS = {
  '-eq': 'equal',
  '-ne': 'not equal',
  '-lt': 'less than',
  '-le': 'less than or equal',
  '-gt': 'greater than',
  '-ge': 'greater than or equal',
} as const satisfies Record<string, string>;

/**
 * File operands that are standard input or an open descriptor rather than a file on disk: a
 * shell or interpreter given one as its program reads the program from data the command line
 * does not show.
 */
export const STDIN_FILES: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /^\/dev\/stdin$/, reason: 'standard input' },
  { pattern: /^\/dev\/fd\/(?:[0-9]+|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})$/, reason: 'an open file descriptor (bash provides /dev/fd/N itself when the system does not, bash manual §3.6)' },
  { pattern: /^\/proc\/(?:self|thread-self|[0-9]+|\$\$|\$BASHPID|\$\{BASHPID\})\/fd\/(?:[0-9]+|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})$/, reason: 'an open file descriptor of a process' },
];

/** True when `file` names standard input or an open descriptor, or is a process substitution `<(…)`. */
export function isStdinFile(file: string): boolean {
  return file.startsWith('<(') || STDIN_FILES.some((f) => f.pattern.test(file));
}

/** The descriptor a `/dev/fd/N` or `/proc/self/fd/N` path opens (`'0'` for `/dev/stdin`), or undefined. */
export function descriptorOf(file: string): string | undefined {
  if (file === '/dev/stdin') return '0';
  const m = /^\/(?:dev|proc\/(?:self|thread-self|\$\$|\$BASHPID))\/fd\/([0-9]+)$/.exec(file);
  return m ? m[1] : undefined;
}

/**
 * Command substitutions whose output is a number whatever the files and input hold, so that
 * arithmetic on it evaluates nothing (bash manual §6.5). Matched against the text inside
 * `$(…)`; a pipeline counts when its last command is one of the stdin forms (`… | wc -l`).
 */
export const NUMERIC_OUTPUT: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /^date( -u)? \+(%[sN])+$/, reason: 'date +%s prints the seconds since the epoch' },
  { pattern: /^wc -[lcmw]( < ?[^\s|;&<>()$`]+)?$/, reason: 'wc reading standard input prints only the count' },
  { pattern: /^nproc( --all)?$/, reason: 'nproc prints the number of processors' },
  { pattern: /^id -[ug]$/, reason: 'id -u/-g print a numeric id' },
  { pattern: /^seq( -?[0-9]+){1,3}$/, reason: 'seq with numeric operands prints numbers' },
  { pattern: /^git rev-list --count [^\s|;&<>()$`]+$/, reason: 'git rev-list --count prints a count' },
  { pattern: /^getconf _?NPROCESSORS_ONLN$/, reason: 'getconf prints the number of processors' },
  { pattern: /^stat -c ?'?%[sYXZ]'? [^\s|;&<>()$`]+$/, reason: 'stat -c %s/%Y prints a size or a time' },
];

/** True when the text of a command substitution prints only a number (see NUMERIC_OUTPUT). */
export function printsNumber(command: string): boolean {
  const text = command.trim().replace(/[ \t]+/g, ' ');
  const bar = text.lastIndexOf('|');
  // `… | wc -l`: the last stage reads the pipe; what comes before only feeds it.
  const last = bar >= 0 && text[bar - 1] !== '|' ? text.slice(bar + 1).trim() : text;
  if (bar >= 0 && !/^wc -[lcmw]$/.test(last)) return false;
  return NUMERIC_OUTPUT.some((n) => n.pattern.test(last));
}
