// Interpreters that run code given inline or on standard input: what they run cannot be known
// from the command line (design.md §3 "Fail closed", reference/codex-0.169.md §4 banned prefixes).
import { own } from './lookup.js';

export interface InterpreterSpec {
  reason: string;
  /** Options whose value is inline code (`python -c CODE`, `node -e CODE`). */
  codeOptions: readonly string[];
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
}

const python = { reason: 'Python runs code from -c or standard input', codeOptions: ['-c'], moduleOptions: ['-m'], valueOptions: ['-W', '-X', '-Q'], dashIsStdin: true, stdinProgram: true } satisfies InterpreterSpec;
const node = { reason: 'Node.js runs code from -e/-p or standard input', codeOptions: ['-e', '--eval', '-p', '--print'], valueOptions: ['-r', '--require', '--import', '--loader'], dashIsStdin: true, stdinProgram: true } satisfies InterpreterSpec;
const awk = {
  reason: 'awk programs can run commands with system() and pipes',
  codeOptions: [],
  // An awk program runs commands only through system(), pipes and getline; plain text processing is not flagged.
  programArgument: /system\s*\(|\||getline|>/,
  programFileOptions: ['-f', '--file'],
  valueOptions: ['-F', '-v', '--field-separator', '--assign'],
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
  bun: { reason: 'Bun runs code from -e or standard input', codeOptions: ['-e', '--eval', '-p', '--print'], stdinProgram: true },
  deno: { reason: 'Deno runs code given to `deno eval`', codeOptions: [], codeSubcommands: ['eval'] },
  perl: { reason: 'Perl runs code from -e/-E or standard input', codeOptions: ['-e', '-E'], valueOptions: ['-I', '-M', '-m'], dashIsStdin: true, stdinProgram: true },
  ruby: { reason: 'Ruby runs code from -e or standard input', codeOptions: ['-e'], valueOptions: ['-I', '-r'], dashIsStdin: true, stdinProgram: true },
  php: { reason: 'PHP runs code from -r or standard input', codeOptions: ['-r'], dashIsStdin: true, stdinProgram: true },
  lua: { reason: 'Lua runs code from -e or standard input', codeOptions: ['-e'], dashIsStdin: true, stdinProgram: true },
  luajit: { reason: 'LuaJIT runs code from -e or from `-` (standard input)', codeOptions: ['-e'], dashIsStdin: true },
  Rscript: { reason: 'R runs code from -e', codeOptions: ['-e'] },
  R: { reason: 'R runs code from -e or standard input', codeOptions: ['-e'], stdinProgram: true },
  julia: { reason: 'Julia runs code from -e', codeOptions: ['-e', '--eval', '-E', '--print'] },
  osascript: { reason: 'osascript runs AppleScript from -e', codeOptions: ['-e'] },
  pwsh: { reason: 'PowerShell runs code from -Command/-c/-EncodedCommand', codeOptions: ['-c', '-Command', '-command', '-EncodedCommand', '-ec', '-e'] },
  powershell: { reason: 'PowerShell runs code from -Command/-c/-EncodedCommand', codeOptions: ['-c', '-Command', '-command', '-EncodedCommand', '-ec', '-e'] },
  tclsh: { reason: 'Tcl runs code from standard input', codeOptions: [], stdinProgram: true },
  awk,
  gawk: awk,
  mawk: awk,
  nawk: awk,
  jshell: { reason: 'jshell runs Java code from standard input', codeOptions: [], stdinProgram: true },
  sqlite3: { reason: 'sqlite3 runs `.shell`/`.system` dot-commands given as SQL arguments', codeOptions: ['-cmd'] },
} as const satisfies Record<string, InterpreterSpec>;

export function interpreterSpec(name: string): InterpreterSpec | undefined {
  return own<InterpreterSpec>(INTERPRETERS, name);
}
