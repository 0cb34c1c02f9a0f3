// Environment variables whose value makes a command run something else or load foreign code
// (design.md §3: "assignments that can execute or hijack"). Prefix patterns end with `*`.
export const DANGEROUS_ENV: Record<string, string> = {
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
};

const PREFIXES = Object.entries(DANGEROUS_ENV)
  .filter(([k]) => k.endsWith('*'))
  .map(([k, v]) => [k.slice(0, -1), v] as const);

export function dangerousEnv(name: string): string | undefined {
  const direct = Object.prototype.hasOwnProperty.call(DANGEROUS_ENV, name) ? DANGEROUS_ENV[name] : undefined;
  if (direct) return direct;
  for (const [prefix, why] of PREFIXES) if (name.startsWith(prefix)) return why;
  return undefined;
}

/** Builtins that evaluate an array subscript in a variable name at run time (`test -v 'a[$(id)]'`). */
export const SUBSCRIPT_EVAL_BUILTINS: Record<string, string> = {
  test: '-v NAME evaluates a subscript in NAME',
  '[': '-v NAME evaluates a subscript in NAME',
  printf: '-v NAME assigns to NAME, evaluating its subscript',
  read: 'assigns to the names given, evaluating their subscripts',
  unset: 'evaluates the subscripts of the names given',
  let: 'evaluates its arguments as arithmetic, including subscripts',
  declare: 'evaluates subscripts in the names it assigns',
  typeset: 'evaluates subscripts in the names it assigns',
  local: 'evaluates subscripts in the names it assigns',
  export: 'evaluates subscripts in the names it assigns',
  readonly: 'evaluates subscripts in the names it assigns',
  wait: '-p NAME assigns to NAME, evaluating its subscript',
  mapfile: 'assigns to the array named, evaluating its subscript',
  readarray: 'assigns to the array named, evaluating its subscript',
};

