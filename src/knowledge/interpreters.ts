// Interpreters that run code given inline or on standard input: what they run cannot be known
// from the command line (design.md §3 "Fail closed", reference/codex-0.169.md §4 banned prefixes).

export interface InterpreterSpec {
  reason: string;
  /** Options whose value is inline code (`python -c CODE`, `node -e CODE`). */
  codeOptions: readonly string[];
  /** Sub-commands whose next argument is code (`deno eval CODE`). */
  codeSubcommands?: readonly string[];
  /** True when the first non-option argument is a program text (`awk 'PROGRAM'`). */
  programArgument?: boolean;
  /** Options taking a separate value that is not code (so it is not mistaken for a program). */
  valueOptions?: readonly string[];
  /** `-` as an argument means "read the program from standard input". */
  dashIsStdin?: boolean;
}

const python: InterpreterSpec = { reason: 'Python runs code from -c or standard input', codeOptions: ['-c'], valueOptions: ['-m', '-W', '-X', '-Q'], dashIsStdin: true };
const node: InterpreterSpec = { reason: 'Node.js runs code from -e/-p or standard input', codeOptions: ['-e', '--eval', '-p', '--print'], valueOptions: ['-r', '--require', '--import', '--loader'], dashIsStdin: true };
const perl: InterpreterSpec = { reason: 'Perl runs code from -e/-E or standard input', codeOptions: ['-e', '-E'], valueOptions: ['-I', '-M', '-m'], dashIsStdin: true };
const ruby: InterpreterSpec = { reason: 'Ruby runs code from -e or standard input', codeOptions: ['-e'], valueOptions: ['-I', '-r'], dashIsStdin: true };
const awk: InterpreterSpec = { reason: 'awk programs can run commands with system() and pipes', codeOptions: [], programArgument: true, valueOptions: ['-F', '-v', '-f', '--field-separator', '--assign', '--file'] };

export const INTERPRETERS: Record<string, InterpreterSpec> = {
  python,
  python2: python,
  python3: python,
  pypy: python,
  pypy3: python,
  py: python,
  node,
  nodejs: node,
  bun: { reason: 'Bun runs code from -e or standard input', codeOptions: ['-e', '--eval', '-p', '--print'] },
  deno: { reason: 'Deno runs code given to `deno eval`', codeOptions: [], codeSubcommands: ['eval'] },
  perl,
  ruby,
  php: { reason: 'PHP runs code from -r or standard input', codeOptions: ['-r'], dashIsStdin: true },
  lua: { reason: 'Lua runs code from -e or standard input', codeOptions: ['-e'], dashIsStdin: true },
  luajit: { reason: 'LuaJIT runs code from -e or standard input', codeOptions: ['-e'], dashIsStdin: true },
  Rscript: { reason: 'R runs code from -e', codeOptions: ['-e'] },
  R: { reason: 'R runs code from -e', codeOptions: ['-e'] },
  julia: { reason: 'Julia runs code from -e', codeOptions: ['-e', '--eval', '-E', '--print'] },
  osascript: { reason: 'osascript runs AppleScript from -e', codeOptions: ['-e'] },
  pwsh: { reason: 'PowerShell runs code from -Command/-c/-EncodedCommand', codeOptions: ['-c', '-Command', '-command', '-EncodedCommand', '-ec', '-e'] },
  powershell: { reason: 'PowerShell runs code from -Command/-c/-EncodedCommand', codeOptions: ['-c', '-Command', '-command', '-EncodedCommand', '-ec', '-e'] },
  tclsh: { reason: 'Tcl runs code from standard input', codeOptions: [] },
  awk,
  gawk: awk,
  mawk: awk,
  nawk: awk,
  jshell: { reason: 'jshell runs Java code from standard input', codeOptions: [] },
  sqlite3: { reason: 'sqlite3 runs `.shell`/`.system` dot-commands given as SQL arguments', codeOptions: ['-cmd'] },
};

/** Interpreters that read a program from standard input when given no script argument. */
export const READS_PROGRAM_FROM_STDIN = new Set(['python', 'python2', 'python3', 'pypy', 'pypy3', 'node', 'nodejs', 'perl', 'ruby', 'php', 'lua', 'bun', 'tclsh', 'jshell', 'R']);
