// Environment variables whose value makes a command run something else or load foreign code
// (design.md §3: "assignments that can execute or hijack"). Prefix patterns end with `*`.
import { own } from './lookup.js';

const DANGEROUS_ENV = {
  PATH: 'changes which program a command name runs',
  LD_PRELOAD: 'loads a library into every program started',
  LD_LIBRARY_PATH: 'changes which shared libraries programs load',
  LD_AUDIT: 'loads an audit library into every program started',
  DYLD_INSERT_LIBRARIES: 'loads a library into every program started (macOS)',
  DYLD_LIBRARY_PATH: 'changes which shared libraries programs load (macOS)',
  DYLD_FRAMEWORK_PATH: 'changes which frameworks programs load (macOS)',
  BASH_ENV: 'a file bash runs before a non-interactive script',
  ENV: 'a file sh runs at start-up',
  BASH_FUNC_: 'exports a shell function into bash (Shellshock-style definitions)',
  SHELLOPTS: 'turns on shell options in child shells',
  BASHOPTS: 'turns on shell options in child shells',
  PS4: 'expanded (and can run commands) when tracing is on',
  PROMPT_COMMAND: 'a command run before each prompt',
  IFS: 'changes how the shell splits words',
  CDPATH: 'changes where cd goes',
  GIT_SSH_COMMAND: 'the command git runs instead of ssh',
  GIT_SSH: 'the program git runs instead of ssh',
  GIT_EXEC_PATH: 'the folder git runs its sub-commands from',
  GIT_PAGER: 'the pager git runs',
  GIT_EDITOR: 'the editor git runs',
  GIT_SEQUENCE_EDITOR: 'the editor git rebase -i runs',
  GIT_ASKPASS: 'the program git runs to ask for credentials',
  GIT_PROXY_COMMAND: 'a proxy program git runs',
  GIT_EXTERNAL_DIFF: 'the diff program git runs',
  GIT_CONFIG_COUNT: 'injects git configuration such as core.sshCommand',
  GIT_CONFIG_PARAMETERS: 'injects git configuration such as core.sshCommand',
  GIT_CONFIG_GLOBAL: 'points git at another configuration file',
  GIT_DIR: 'points git at another repository, with its hooks',
  SSH_ASKPASS: 'the program ssh runs to ask for passwords',
  PAGER: 'the pager many programs run',
  MANPAGER: 'the pager man runs',
  SYSTEMD_PAGER: 'the pager systemd tools run',
  LESSOPEN: 'a preprocessor command less runs',
  LESSCLOSE: 'a post-processor command less runs',
  EDITOR: 'the editor many programs run',
  VISUAL: 'the editor many programs run',
  BROWSER: 'the browser command programs run',
  PYTHONSTARTUP: 'a file Python runs at start-up',
  PYTHONPATH: 'changes which modules Python imports',
  PYTHONHOME: 'changes which Python library is used',
  PERL5OPT: 'options (such as -M modules) for every perl',
  PERL5LIB: 'changes which modules perl loads',
  RUBYOPT: 'options (such as -r libraries) for every ruby',
  RUBYLIB: 'changes which libraries ruby loads',
  NODE_OPTIONS: 'options (such as --require) for every node',
  NODE_PATH: 'changes which modules node loads',
  JAVA_TOOL_OPTIONS: 'options (such as -javaagent) for every JVM',
  _JAVA_OPTIONS: 'options for every JVM',
  NPM_CONFIG_SCRIPT_SHELL: 'the shell npm runs scripts with',
  npm_config_script_shell: 'the shell npm runs scripts with',
  'GIT_CONFIG_KEY_*': 'injects git configuration such as core.sshCommand',
  'GIT_CONFIG_VALUE_*': 'injects git configuration such as core.sshCommand',
  'BASH_FUNC_*': 'exports a shell function into bash',
} as const satisfies Record<string, string>;

const PREFIXES = Object.entries(DANGEROUS_ENV)
  .filter(([k]) => k.endsWith('*'))
  .map(([k, v]) => [k.slice(0, -1), v] as const);

export function dangerousEnv(name: string): string | undefined {
  const direct = own(DANGEROUS_ENV, name);
  if (direct) return direct;
  for (const [prefix, why] of PREFIXES) if (name.startsWith(prefix)) return why;
  return undefined;
}

interface SubscriptEval {
  reason: string;
  /**
   * Options whose next argument is a variable name (`test -v NAME`); when absent, every argument
   * is one (`unset NAME…`).
   */
  nameOptions?: readonly string[];
  /** A name only known at run time is itself a risk: the builtin assigns to whatever it names. */
  assignsToName?: boolean;
}

/** Builtins that evaluate an array subscript in a variable name at run time (`test -v 'a[$(id)]'`). */
const SUBSCRIPT_EVAL_BUILTINS = {
  test: { reason: '-v NAME evaluates a subscript in NAME', nameOptions: ['-v'] },
  '[': { reason: '-v NAME evaluates a subscript in NAME', nameOptions: ['-v'] },
  printf: { reason: '-v NAME assigns to NAME, evaluating its subscript', nameOptions: ['-v'], assignsToName: true },
  read: { reason: 'assigns to the names given, evaluating their subscripts' },
  unset: { reason: 'evaluates the subscripts of the names given' },
  let: { reason: 'evaluates its arguments as arithmetic, including subscripts' },
  declare: { reason: 'evaluates subscripts in the names it assigns' },
  typeset: { reason: 'evaluates subscripts in the names it assigns' },
  local: { reason: 'evaluates subscripts in the names it assigns' },
  export: { reason: 'evaluates subscripts in the names it assigns' },
  readonly: { reason: 'evaluates subscripts in the names it assigns' },
  wait: { reason: '-p NAME assigns to NAME, evaluating its subscript', nameOptions: ['-v', '-p'] },
  mapfile: { reason: 'assigns to the array named, evaluating its subscript' },
  readarray: { reason: 'assigns to the array named, evaluating its subscript' },
} as const satisfies Record<string, SubscriptEval>;

export function subscriptEval(name: string): SubscriptEval | undefined {
  return own<SubscriptEval>(SUBSCRIPT_EVAL_BUILTINS, name);
}

/** Builtins whose `NAME=value` arguments assign for the rest of the script (bash manual §4.2). */
export const DECLARATION_BUILTINS = {
  export: 'assigns and exports to every command run later',
  declare: 'assigns (with -x, exports) for the rest of the script',
  typeset: 'assigns like declare (the ksh spelling)',
  local: 'assigns for the rest of the function, and the commands it runs',
  readonly: 'assigns for the rest of the script',
} as const satisfies Record<string, string>;
