// Interpreters that run code given inline or on standard input: what they run cannot be known
// from the command line (design.md §3 "Fail closed", reference/codex-0.169.md §4 banned prefixes).
// Each entry models the interpreter's own command line: which short letters cluster and which
// of them take code (`perl -le CODE`, `python3 -Ic CODE`, `ruby -we CODE`), values, modules and
// program files. Names are looked up with program-names.ts (`python3.12`, `PHP8.2`, `lua5.4`).
import { lookupProgram } from './program-names.js';

/** How the letters of a short cluster (`-lne`) read their values, as the interpreter's parser does. */
export interface ShortClusters {
  /** Letters whose value (rest of the word, else the next word) is code: `-e`, `-c`. */
  code?: string;
  /** Letters whose value is a module to run: the words after it are the module's (`-m`). */
  module?: string;
  /** Letters whose value is the program file (`awk -f FILE`). */
  file?: string;
  /** Letters taking a value: the rest of the word, else the next word (`-I DIR`, `-W arg`). */
  value?: string;
  /** Letters that take the rest of the word, possibly empty, and never the next word (`perl -i.bak`). */
  rest?: string;
  /** Letters followed by optional digits in the same word (`perl -l0`, `-0777`). */
  digits?: string;
}

export interface InterpreterSpec {
  reason: string;
  /** Whole-word options whose value is inline code (`--eval CODE`, `--eval=CODE`, `-Command CODE`). */
  codeOptions: readonly string[];
  /** Short clusters, read letter by letter; when absent, only whole words are options. */
  short?: ShortClusters;
  /** Sub-commands whose next argument is code (`deno eval CODE`). */
  codeSubcommands?: readonly string[];
  /**
   * The first non-option argument is program text (`awk 'PROGRAM'`); it is reported when this
   * pattern finds a part of it that can run commands.
   */
  programArgument?: RegExp;
  /** Options whose value is the program file, so no program text follows (`awk -f FILE`). */
  programFileOptions?: readonly string[];
  /** Options whose value is a module to run; the words after it are the module's (`python -m pytest`). */
  moduleOptions?: readonly string[];
  /** Options taking a separate value that is not code (so it is not mistaken for a program). */
  valueOptions?: readonly string[];
  /** `-` as an argument means "read the program from standard input". */
  dashIsStdin?: boolean;
  /** Reads its program from standard input when given no script argument. */
  stdinProgram?: boolean;
  /** Whole-word options after which it prints something (version, help) and exits, reading no program. */
  infoOptions?: readonly string[];
  /** Option names are matched case-insensitively, and any unambiguous prefix counts (PowerShell). */
  caseInsensitivePrefixes?: boolean;
  /** The first operand is code, not a file (Windows PowerShell 5.1, `cmd /c`). */
  firstOperandIsCode?: boolean;
  /** Operands after the first matching this are code (`sqlite3 DB '.shell cmd'`). */
  codeOperand?: RegExp;
}

const python = {
  reason: 'Python runs code from -c or standard input',
  codeOptions: ['-c'],
  // CPython Python/getopt.c: "bBc:dEhiIm:OPqRsStuvVW:xX:?"; -c and -m take the rest of the cluster or the next word.
  short: { code: 'c', module: 'm', value: 'WX' },
  moduleOptions: ['-m'],
  valueOptions: ['-W', '-X', '-Q', '--check-hash-based-pycs'],
  dashIsStdin: true,
  stdinProgram: true,
  infoOptions: ['-V', '-VV', '--version', '-h', '-?', '--help', '--help-env', '--help-xoptions', '--help-all'],
} satisfies InterpreterSpec;

const node = {
  reason: 'Node.js runs code from -e/-p or standard input',
  // node src/node_options.cc: `-pe` is an alias of `--print --eval`; no other clusters.
  codeOptions: ['-e', '--eval', '-p', '--print', '-pe'],
  valueOptions: ['-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--env-file', '--env-file-if-exists', '--input-type', '--title', '--inspect-port', '--stack-size', '--test-reporter', '--test-reporter-destination', '--test-name-pattern', '--test-skip-pattern', '--test-concurrency', '--watch-path', '--redirect-warnings', '--disable-warning', '--openssl-config', '--icu-data-dir', '--dns-result-order', '--unhandled-rejections', '--diagnostic-dir', '--report-dir', '--report-directory', '--report-filename', '--report-signal', '--heapsnapshot-signal', '--secure-heap', '--secure-heap-min', '--trace-event-categories', '--trace-event-file-pattern', '--tls-cipher-list', '--tls-keylog', '--localstorage-file', '--run', '--experimental-sea-config', '--cpu-prof-dir', '--cpu-prof-name', '--heap-prof-dir', '--heap-prof-name', '--experimental-config-file'],
  dashIsStdin: true,
  stdinProgram: true,
  infoOptions: ['-v', '--version', '-h', '--help', '--v8-options'],
} satisfies InterpreterSpec;

const awk = {
  reason: 'awk programs can run commands with system() and pipes',
  // gawk -e/--source PROGRAM-TEXT is program text like the first operand (gawk(1) "OPTIONS").
  codeOptions: ['-e', '--source'],
  // An awk program runs commands only through system(), pipes and getline; plain text processing is not flagged.
  programArgument: /system\s*\(|\||getline|>/,
  short: { code: 'e', file: 'fE', value: 'FvilW', rest: 'oLpdD' },
  programFileOptions: ['-f', '--file', '-E', '--exec'],
  valueOptions: ['-F', '-v', '--field-separator', '--assign', '-i', '--include', '-l', '--load', '-W'],
} satisfies InterpreterSpec;

const perl = {
  reason: 'Perl runs code from -e/-E or standard input',
  codeOptions: ['-e', '-E'],
  // perlrun(1) and perl.c moreswitches(): -e/-E take the rest or the next word; -i, -M, -x, -V,
  // -d, -D, -C, -F take the rest of the word; -0 and -l take digits.
  short: { code: 'eE', value: 'I', rest: 'iMmxVdDCF', digits: '0l' },
  valueOptions: ['-I', '-M', '-m'],
  dashIsStdin: true,
  stdinProgram: true,
  infoOptions: ['-v', '-V', '-h'],
} satisfies InterpreterSpec;

const ruby = {
  reason: 'Ruby runs code from -e or standard input',
  codeOptions: ['-e'],
  // ruby(1): -e takes the next word; -C/-I/-r/-E take the rest or the next word; -i, -x, -T, -W, -K, -F take the rest.
  short: { code: 'e', value: 'CIrE', rest: 'ixTWKF', digits: '0' },
  valueOptions: ['-I', '-r', '-C', '-E', '--encoding', '--external-encoding', '--internal-encoding'],
  dashIsStdin: true,
  stdinProgram: true,
  infoOptions: ['--version', '-h', '--help'],
} satisfies InterpreterSpec;

const php = {
  reason: 'PHP runs code from -r/-B/-R/-E or standard input',
  codeOptions: ['-r', '--run', '-B', '--process-begin', '-R', '--process-code', '-E', '--process-end'],
  short: { code: 'rBRE', file: 'fF', value: 'cdztS' },
  programFileOptions: ['-f', '--file', '-F', '--process-file'],
  valueOptions: ['-c', '--php-ini', '-d', '--define', '-z', '--zend-extension', '-t', '-S', '--rf', '--rc', '--re', '--rz', '--ri'],
  dashIsStdin: true,
  stdinProgram: true,
  infoOptions: ['-v', '--version', '-h', '--help', '-i', '--info', '-m', '--modules'],
} satisfies InterpreterSpec;

const lua = {
  reason: 'Lua runs code from -e or standard input',
  codeOptions: ['-e'],
  short: { code: 'e', value: 'l' },
  valueOptions: ['-l'],
  dashIsStdin: true,
  stdinProgram: true,
  infoOptions: ['-v'],
} satisfies InterpreterSpec;

const powershell = {
  reason: 'PowerShell runs code from -Command/-c/-EncodedCommand (any unambiguous prefix, any case)',
  codeOptions: ['-c', '-Command', '-command', '-EncodedCommand', '-encodedcommand', '-ec', '-e', '-commandwithargs', '-cwa'],
  programFileOptions: ['-file', '-f'],
  valueOptions: ['-executionpolicy', '-ex', '-ep', '-inputformat', '-outputformat', '-of', '-windowstyle', '-w', '-workingdirectory', '-wd', '-configurationname', '-settingsfile', '-custompipename', '-version', '-psconsolefile'],
  caseInsensitivePrefixes: true,
} satisfies InterpreterSpec;

const INTERPRETERS = {
  python,
  python2: python,
  python3: python,
  pypy: python,
  pypy3: python,
  py: { ...python, reason: 'the Python launcher runs code from -c or from `-` (standard input)', stdinProgram: false },
  node,
  nodejs: node,
  bun: { reason: 'Bun runs code from -e or standard input', codeOptions: ['-e', '--eval', '-p', '--print'], valueOptions: ['-r', '--preload', '--cwd', '--config', '-c', '--env-file', '--conditions'], stdinProgram: true, infoOptions: ['-v', '--version', '-h', '--help', '--revision'] },
  deno: { reason: 'Deno runs code given to `deno eval`', codeOptions: [], codeSubcommands: ['eval'] },
  tsx: { reason: 'tsx runs TypeScript code from -e/-p', codeOptions: ['-e', '--eval', '-p', '--print'], valueOptions: ['--tsconfig', '--env-file', '-r', '--require', '--import'] },
  'ts-node': { reason: 'ts-node runs TypeScript code from -e/-p', codeOptions: ['-e', '--eval', '-p', '--print'], valueOptions: ['-r', '--require', '-P', '--project', '-C', '--compiler', '-O', '--compiler-options', '--cwd'] },
  perl,
  ruby,
  jruby: ruby,
  php,
  lua,
  luajit: { reason: 'LuaJIT runs code from -e or from `-` (standard input)', codeOptions: ['-e'], short: { code: 'e', value: 'lbjO' }, dashIsStdin: true },
  Rscript: { reason: 'R runs code from -e', codeOptions: ['-e'], valueOptions: ['--default-packages'] },
  R: { reason: 'R runs code from -e or standard input', codeOptions: ['-e'], programFileOptions: ['-f', '--file'], stdinProgram: true, infoOptions: ['--version', '-h', '--help'] },
  julia: { reason: 'Julia runs code from -e/-E', codeOptions: ['-e', '--eval', '-E', '--print'], short: { code: 'eE', value: 'HLJCtpOgm', file: '' }, valueOptions: ['-L', '--load', '-J', '--sysimage', '-p', '--procs', '-t', '--threads', '--project', '-C', '--cpu-target', '-O', '--optimize', '-g', '-H', '--home', '-m', '--module'] },
  osascript: { reason: 'osascript runs AppleScript from -e or standard input', codeOptions: ['-e'], short: { code: 'e', value: 'ls' }, valueOptions: ['-l', '-s'], stdinProgram: true },
  pwsh: powershell,
  powershell: { ...powershell, reason: 'Windows PowerShell runs code from -Command (also its first operand) or -EncodedCommand', firstOperandIsCode: true },
  cmd: { reason: 'cmd.exe runs the command line after /c or /k', codeOptions: ['/c', '/k', '/r'], caseInsensitivePrefixes: false, firstOperandIsCode: false },
  tclsh: { reason: 'Tcl runs code from standard input', codeOptions: [], stdinProgram: true },
  wish: { reason: 'Tk\'s wish runs Tcl code from standard input', codeOptions: [], stdinProgram: true },
  expect: { reason: 'expect runs Tcl code from -c or standard input', codeOptions: ['-c'], short: { code: 'c', file: 'f', value: 'D' }, programFileOptions: ['-f'], dashIsStdin: true, stdinProgram: true, infoOptions: ['-v'] },
  awk,
  gawk: awk,
  mawk: awk,
  nawk: awk,
  jshell: { reason: 'jshell runs Java code from standard input', codeOptions: [], stdinProgram: true, infoOptions: ['--version', '-version', '--help', '-h', '-?'] },
  sqlite3: {
    reason: 'sqlite3 runs `.shell`/`.system` dot-commands given with -cmd or as SQL arguments',
    codeOptions: ['-cmd'],
    // sqlite3's shell.c: every operand after the database file is SQL or a dot-command.
    codeOperand: /(^|\n)\s*\.(shell|system)\b/,
  },
  emacs: { reason: 'Emacs evaluates Lisp from --eval', codeOptions: ['--eval', '-eval', '--execute', '-execute'], valueOptions: ['-l', '--load', '-f', '--funcall', '--script', '-L', '--directory', '--chdir'] },
  guile: { reason: 'Guile runs Scheme from -c', codeOptions: ['-c'], valueOptions: ['-l', '-L', '-e', '-x'], stdinProgram: false },
  racket: { reason: 'Racket evaluates code from -e', codeOptions: ['-e', '--eval', '-E'], valueOptions: ['-t', '-l', '-f', '-r', '-p'] },
  elixir: { reason: 'Elixir runs code from -e', codeOptions: ['-e', '--eval'], valueOptions: ['-r', '-S', '--erl', '--cookie', '--sname', '--name', '-pa', '-pz'] },
  erl: { reason: 'Erlang evaluates code from -eval', codeOptions: ['-eval'], valueOptions: ['-s', '-run', '-pa', '-pz', '-sname', '-name', '-setcookie', '-config'] },
  groovy: { reason: 'Groovy runs code from -e', codeOptions: ['-e'], valueOptions: ['-cp', '-classpath', '--classpath'] },
  scala: { reason: 'Scala runs code from -e', codeOptions: ['-e', '-c'], valueOptions: ['-cp', '-classpath'] },
  dc: { reason: 'dc runs `!command` lines through the shell, from -e or standard input', codeOptions: ['-e', '--expression'], short: { code: 'e', file: 'f' }, programFileOptions: ['-f', '--file'], stdinProgram: true, infoOptions: ['-V', '--version', '-h', '--help'] },
  ed: { reason: 'ed runs `!command` lines through the shell, read from standard input', codeOptions: [], valueOptions: ['-p', '--prompt'], stdinProgram: true, infoOptions: ['-V', '--version', '-h', '--help'] },
  gnuplot: { reason: 'gnuplot runs `system`/`!` commands from -e or standard input', codeOptions: ['-e'], stdinProgram: true, infoOptions: ['-V', '--version', '-h', '--help'] },
  octave: { reason: 'Octave evaluates code from --eval', codeOptions: ['--eval'], stdinProgram: false },
  qjs: { reason: 'QuickJS evaluates code from -e', codeOptions: ['-e', '--eval'] },
  gjs: { reason: 'gjs runs code from -c', codeOptions: ['-c', '--command'] },
} as const satisfies Record<string, InterpreterSpec>;

/** Every interpreter entry, by name. */
export const INTERPRETER_NAMES: readonly string[] = Object.keys(INTERPRETERS);

/** The interpreter named `name` (basename; case-folded, `.exe` and version suffixes dropped). */
export function interpreterSpec(name: string): InterpreterSpec | undefined {
  return lookupProgram<InterpreterSpec>(INTERPRETERS, name, true);
}
