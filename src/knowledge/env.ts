// Environment variables whose value makes a command run something else or load foreign code
// (design.md §3: "assignments that can execute or hijack"), by name and by pattern, and the short
// table of variables known to be inert (design.md §9: a hook allows only inert assignments).
// A name no table matches is neither: not flagged here, but not inert either.
import { own } from './lookup.js';

/** Names that run or load code, exactly (case-sensitive, as the programs read them). */
const DANGEROUS_ENV = {
  HOME: 'moves every start-up and configuration file programs read (.gitconfig, .npmrc, .bashrc)',
  ENV: 'names a file sh runs at start-up',
  BASH_ENV: 'names a file bash runs before a non-interactive script',
  ZDOTDIR: 'names the folder zsh reads its start-up files from',
  SHELLOPTS: 'turns on shell options in child shells',
  BASHOPTS: 'turns on shell options in child shells',
  PS0: 'is expanded (and can run commands) before each command of an interactive bash',
  PS1: 'is expanded (and can run commands) at each prompt',
  PS2: 'is expanded (and can run commands) at each continuation prompt',
  PS4: 'is expanded (and can run commands) when tracing is on',
  IFS: 'changes how the shell splits words',
  GLIBC_TUNABLES: 'tunes the dynamic loader of every program (CVE-2023-4911)',
  VISUAL: 'names the editor many programs run',
  GIT_DIR: 'points git at another repository, with its hooks',
  GIT_COMMON_DIR: 'points git at another repository folder, with its hooks',
  GIT_WORK_TREE: 'points git at another working tree',
  GIT_TEMPLATE_DIR: 'names the hooks git init and clone install',
  GIT_ALLOW_PROTOCOL: 'allows transports such as ext::, which run arbitrary commands',
  GIT_EXTERNAL_DIFF: 'names the diff program git runs',
  GIT_PROXY_COMMAND: 'names a proxy program git runs',
  LESSOPEN: 'names a preprocessor command less runs',
  LESSCLOSE: 'names a post-processor command less runs',
  LESSKEY: 'names a key binding file less reads (it can run commands)',
  LESSKEYIN: 'names a key binding source file less reads (it can run commands)',
  LESSEDIT: 'names the editor command less runs',
  MANOPT: 'holds options for man, such as -P PAGER',
  CC: 'names the C compiler build tools run',
  CXX: 'names the C++ compiler build tools run',
  CPP: 'names the C preprocessor build tools run',
  LD: 'names the linker build tools run',
  AR: 'names the archiver build tools run',
  AS: 'names the assembler build tools run',
  FC: 'names the Fortran compiler build tools run',
  NM: 'names a program build tools run',
  RANLIB: 'names a program build tools run',
  STRIP: 'names a program build tools run',
  OBJCOPY: 'names a program build tools run',
  MAKE: 'names the make program recursive builds run',
  MAKEFLAGS: 'holds options for every make, such as --eval and SHELL=',
  GNUMAKEFLAGS: 'holds options for every GNU make',
  MFLAGS: 'holds options for every make',
  MAKEFILES: 'names makefiles every make reads first (GNU make manual §3.4)',
  CFLAGS: 'holds compiler options, which can name programs and plugins (-B, -fplugin)',
  CXXFLAGS: 'holds compiler options, which can name programs and plugins (-B, -fplugin)',
  CPPFLAGS: 'holds compiler options, which can name programs and plugins (-B, -fplugin)',
  LDFLAGS: 'holds linker options, which can name programs (-fuse-ld)',
  RUSTFLAGS: 'holds rustc options such as -C linker=PROGRAM',
  RUSTDOCFLAGS: 'holds rustdoc options such as -C linker=PROGRAM',
  CARGO_ENCODED_RUSTFLAGS: 'holds rustc options such as -C linker=PROGRAM',
  RUSTC: 'names the compiler cargo runs',
  RUSTDOC: 'names the documentation tool cargo runs',
  GOFLAGS: 'holds go options such as -toolexec=PROGRAM',
  GOROOT: 'names the Go installation whose tools go runs',
  GOTOOLCHAIN: 'names the Go toolchain go downloads and runs instead of itself',
  CGO_CFLAGS: 'holds compiler options, which can name programs and plugins',
  CGO_LDFLAGS: 'holds linker options, which can name programs',
  NODE_REPL_EXTERNAL_MODULE: 'names a module node loads instead of its REPL',
  ELECTRON_RUN_AS_NODE: 'makes an Electron application run JavaScript like node',
  RUBYOPT: 'holds options (such as -r libraries) for every ruby',
  RUBYLIB: 'changes which libraries ruby loads',
  VIMINIT: 'holds Ex commands vim runs at start-up (they can run shell commands)',
  EXINIT: 'holds Ex commands vi runs at start-up',
  GVIMINIT: 'holds Ex commands gvim runs at start-up',
  MYVIMRC: 'names the vimrc vim reads',
  RSYNC_CONNECT_PROG: 'names a program rsync runs to reach a daemon',
  XDG_CONFIG_DIRS: 'moves the configuration files programs read',
  XDG_DATA_DIRS: 'moves the data files (desktop entries, completions) programs read',
} as const satisfies Record<string, string>;

/** Name prefixes that run or load code. */
const DANGEROUS_ENV_PREFIXES = {
  LD_: 'is read by the dynamic loader (LD_PRELOAD, LD_LIBRARY_PATH, LD_AUDIT …)',
  DYLD_: 'is read by the macOS dynamic loader (DYLD_INSERT_LIBRARIES …)',
  GIT_CONFIG: 'injects or replaces git configuration (GIT_CONFIG_GLOBAL, GIT_CONFIG_COUNT, GIT_CONFIG_KEY_0 …), whose keys run programs',
  GIT_SSH: 'names the ssh program or command git runs',
  BASH_FUNC_: 'exports a shell function into bash (Shellshock-style definitions)',
  PERL5: 'is read by perl at start-up (PERL5OPT -M modules, PERL5LIB, PERL5DB debugger code)',
  PYTHON: 'is read by Python at start-up (PYTHONPATH, PYTHONSTARTUP, PYTHONHOME, PYTHONWARNINGS imports …)',
  NPM_CONFIG_: 'names an npm setting, such as script-shell, node-options or userconfig',
  npm_config_: 'names an npm setting, such as script_shell, node_options or userconfig',
  CARGO_TARGET_: 'sets cargo target settings: runner and linker programs',
  CARGO_BUILD_: 'sets cargo build settings: rustc, rustc-wrapper and rustdoc programs',
  RUSTC_: 'names the compiler or compiler wrapper cargo runs',
} as const satisfies Record<string, string>;

/** Name suffixes that name a program, an option string, a search path or a configuration. */
const DANGEROUS_ENV_SUFFIXES = {
  _WRAPPER: 'names a wrapper program a tool runs around another (RUSTC_WRAPPER)',
  _RUNNER: 'names a program a tool runs its binaries with (CARGO_TARGET_<triple>_RUNNER)',
  _ASKPASS: 'names a program run to ask for a password (SSH_ASKPASS, SUDO_ASKPASS, GIT_ASKPASS)',
  _COMMAND: 'names a command a program runs (GIT_SSH_COMMAND, PROMPT_COMMAND)',
  _CMD: 'names a command a program runs',
  PAGER: 'names the pager a program runs (PAGER, GIT_PAGER, MANPAGER, SYSTEMD_PAGER)',
  EDITOR: 'names the editor a program runs (EDITOR, GIT_EDITOR, GIT_SEQUENCE_EDITOR, SUDO_EDITOR)',
  SHELL: 'names the shell a program runs commands with (SHELL, CONFIG_SHELL, npm script-shell)',
  _RSH: 'names the remote shell program a tool runs (RSYNC_RSH, CVS_RSH)',
  _SSH: 'names the ssh program a tool runs (SVN_SSH)',
  BROWSER: 'names the browser command a program runs',
  _PROGRAM: 'names a program a tool runs',
  _LAUNCHER: 'names a launcher program a build runs compilers with',
  _PRELOAD: 'names a library loaded into programs',
  _OPTIONS: 'holds options every run of a tool reads (NODE_OPTIONS --require, TAR_OPTIONS, JAVA_TOOL_OPTIONS -javaagent)',
  _OPTS: 'holds options every run of a tool reads (JAVA_OPTS, MAVEN_OPTS, GRADLE_OPTS)',
  ADDOPTS: 'holds options every run of a tool reads (PYTEST_ADDOPTS -p plugins)',
  PATH: 'names a search path for programs, libraries or modules (PATH, NODE_PATH, CLASSPATH, GCONV_PATH)',
  LIB: 'names a library search path (PERL5LIB, RUBYLIB)',
  _HOME: 'moves the configuration a tool reads (CARGO_HOME config.toml, JAVA_HOME, GNUPGHOME)',
  CONFIG: 'names a configuration file that can name programs (KUBECONFIG exec plugins, DOCKER_CONFIG credential helpers)',
  _CONFIG_FILE: 'names a configuration file that can name programs (AWS_CONFIG_FILE credential_process)',
  _BIN: 'names a program a script or build runs',
  _EXE: 'names a program a script or build runs',
  _EXECUTABLE: 'names a program a script or build runs',
  _HOOK: 'names a program a tool runs at some event',
  _HOOKS: 'names programs a tool runs at some events',
} as const satisfies Record<string, string>;

/**
 * Variables known to change nothing about which programs run (design.md §9: the hook allows a
 * command only when its assignments are all inert). Short on purpose: anything else is not inert.
 */
export const INERT_ENV = {
  CI: 'tells tools they run in continuous integration',
  NODE_ENV: 'selects the Node.js application mode',
  RUST_LOG: 'log filter of Rust programs',
  RUST_BACKTRACE: 'prints Rust backtraces',
  RUST_MIN_STACK: 'stack size of Rust threads',
  RUST_TEST_THREADS: 'parallelism of Rust tests',
  CARGO_TERM_COLOR: 'cargo output colour',
  CARGO_INCREMENTAL: 'turns incremental compilation on or off',
  DEBUG: 'log namespaces of the debug package',
  TZ: 'the time zone',
  LANG: 'the locale',
  LANGUAGE: 'message languages',
  LC_ALL: 'the locale',
  FORCE_COLOR: 'forces coloured output',
  NO_COLOR: 'turns coloured output off',
  CLICOLOR: 'turns coloured output on',
  CLICOLOR_FORCE: 'forces coloured output',
  COLORTERM: 'terminal colour support',
  TERM: 'the terminal type',
  COLUMNS: 'terminal width',
  LINES: 'terminal height',
  PORT: 'the port a server listens on',
  PYTHONUNBUFFERED: 'unbuffered Python output',
  PYTHONDONTWRITEBYTECODE: 'no .pyc files',
  PYTHONIOENCODING: 'Python stdio encoding',
  PYTHONHASHSEED: 'Python hash seed',
  PYTHONUTF8: 'Python UTF-8 mode',
  PYTHONFAULTHANDLER: 'Python fault handler',
  NODE_NO_WARNINGS: 'hides Node.js warnings',
  GIT_TERMINAL_PROMPT: 'lets git prompt or not',
  GIT_AUTHOR_NAME: 'commit author',
  GIT_AUTHOR_EMAIL: 'commit author',
  GIT_AUTHOR_DATE: 'commit date',
  GIT_COMMITTER_NAME: 'committer',
  GIT_COMMITTER_EMAIL: 'committer',
  GIT_COMMITTER_DATE: 'commit date',
  HUSKY: 'HUSKY=0 turns husky hooks off',
  DEBIAN_FRONTEND: 'apt prompts',
  NEXT_TELEMETRY_DISABLED: 'Next.js telemetry off',
  DOTNET_CLI_TELEMETRY_OPTOUT: '.NET telemetry off',
  npm_config_loglevel: 'npm log level',
  NPM_CONFIG_LOGLEVEL: 'npm log level',
  npm_config_yes: 'npm answers yes',
  NPM_CONFIG_YES: 'npm answers yes',
  npm_config_fund: 'npm funding messages',
  npm_config_audit: 'npm audit on install',
} as const satisfies Record<string, string>;

/** Name prefixes of inert variables. */
const INERT_ENV_PREFIXES = {
  LC_: 'locale categories',
} as const satisfies Record<string, string>;

/**
 * Values that make a program-valued variable (a pager or editor) run nothing foreign: empty
 * (most programs then use no pager), `cat`, and the no-op builtins `true` and `:`.
 */
const INERT_PROGRAM_VALUES = {
  '': 'no program',
  cat: 'prints its input',
  true: 'does nothing',
  ':': 'does nothing',
} as const satisfies Record<string, string>;

/** Suffixes whose variables name one program (so an inert program value makes them inert). */
const PROGRAM_SUFFIXES = ['PAGER', 'EDITOR', 'BROWSER', '_ASKPASS'] as const;

const PREFIXES = Object.entries(DANGEROUS_ENV_PREFIXES);
const SUFFIXES = Object.entries(DANGEROUS_ENV_SUFFIXES);
const INERT_PREFIXES = Object.keys(INERT_ENV_PREFIXES);

/**
 * Variables a builtin reads from a prefix assignment for that one command, and nothing else does:
 * bash's `read` splits the line it reads with IFS (bash manual §4.2, `read`), so `IFS=, read -r a b`
 * and `while IFS= read -r line` change only how that `read` splits, and run nothing. (A prefix
 * assignment is made after the command's own words are expanded, and lasts for that command.)
 */
const BUILTIN_PREFIX_ENV = {
  read: ['IFS'],
} as const satisfies Record<string, readonly string[]>;

/** True when `NAME=… command` sets a variable only that builtin reads (`IFS=, read`). */
export function isInertPrefixAssignment(command: string, name: string): boolean {
  const names: readonly string[] | undefined = own(BUILTIN_PREFIX_ENV, command);
  return names?.includes(name) ?? false;
}

/** True for a variable of the inert table (by name, or an `LC_*` name). */
export function isInertEnv(name: string): boolean {
  if (own(INERT_ENV, name) !== undefined) return true;
  for (const p of INERT_PREFIXES) if (name.startsWith(p)) return true;
  return false;
}

/**
 * Why assigning `name` (optionally to `value`, as written after quote removal) can run or load
 * code, or undefined. Exact names first, then the inert table, then the patterns.
 */
export function dangerousEnv(name: string, value?: string): string | undefined {
  const direct = own(DANGEROUS_ENV, name);
  if (direct) return direct;
  if (name.length === 0 || isInertEnv(name)) return undefined;
  let why: string | undefined;
  for (const [prefix, w] of PREFIXES) {
    if (name.startsWith(prefix)) {
      why = w;
      break;
    }
  }
  if (!why) {
    for (const [suffix, w] of SUFFIXES) {
      if (name.endsWith(suffix)) {
        why = w;
        break;
      }
    }
  }
  if (!why) return undefined;
  if (value !== undefined && own(INERT_PROGRAM_VALUES, value) !== undefined && PROGRAM_SUFFIXES.some((s) => name.endsWith(s))) return undefined;
  return why;
}

/** Every pattern and name of the tables, for the tests that each is exercised. */
export const ENV_TABLES = {
  exact: Object.keys(DANGEROUS_ENV),
  prefixes: Object.keys(DANGEROUS_ENV_PREFIXES),
  suffixes: Object.keys(DANGEROUS_ENV_SUFFIXES),
  inert: Object.keys(INERT_ENV),
};

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
