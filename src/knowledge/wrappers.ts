// Commands that run another command given in their arguments (design.md §3 "Wrappers"), each
// modelled as itself: every option it has, how it reads them, and where its command starts.
// The table says what escalint understands, never what is dangerous (design.md §10): an option
// a wrapper entry does not list gives the reason `unknown-wrapper-option`, never a guessed argv0.
//
// Option lists hold spellings (`-u`, `--user`). Short options cluster as getopt(3) reads them:
// `-iu root` is `-i -u root`, a value letter takes the rest of the word (`-uroot`) or the next
// word; long options take `--user=root` or `--user root`, and any unambiguous prefix
// (`--us root`, getopt_long(3)). `optionalValueOptions` take a value only when attached
// (`-e[EOF]`, `--mount[=FILE]`).
import { lookupProgram } from './program-names.js';

type WrapperKind =
  /** options, optional positionals, then the wrapped command and its arguments */
  | 'command'
  /** every operand is a shell script of its own (`hyperfine 'cmd a' 'cmd b'`, `concurrently`) */
  | 'each-script'
  /** runs its arguments joined by spaces as a shell script (`eval`, `watch` without -x) */
  | 'joined-script';

/**
 * How a wrapper reads its command line.
 * - `getopt`: options stop at the first operand (optstring `+…`, as wrappers use; the default).
 * - `permute`: GNU getopt_long without `+`: options anywhere before `--` (`su root -c cmd`).
 * - `long-only`: getopt_long_only(3): `-ex` is the long option `--ex` (gdb).
 * - `pflag`: Go's spf13/pflag with interspersed flags (kubectl): options anywhere before `--`, no
 *   abbreviations.
 * - `pflag-strict`: pflag with SetInterspersed(false) (docker exec/run): options stop at the first
 *   operand; no abbreviations.
 * - `self-contained`: every option is one word, `--name` or `--name=value` (firejail), so an option
 *   escalint does not list cannot hide where the command starts.
 */
export type OptionSyntax = 'getopt' | 'permute' | 'long-only' | 'pflag' | 'pflag-strict' | 'self-contained';

export interface WrapperSpec {
  kind: WrapperKind;
  reason: string;
  /** How options are read; `getopt` when absent. */
  syntax?: OptionSyntax;
  /** Options without a value. */
  flags?: readonly string[];
  /** Options taking a value: attached (`-uroot`, `--user=root`) or the next word. */
  valueOptions?: readonly string[];
  /** Options whose value can only be attached (`-e[EOF]`, `--preserve-env[=LIST]`). */
  optionalValueOptions?: readonly string[];
  /** Options taking several words (`bwrap --bind SRC DEST`): spelling → number of words. */
  arity?: Readonly<Record<string, number>>;
  /** `-N` of digits is an option (`nice -10 cmd`, the historical form). */
  numericOptions?: boolean;
  /** Leading positional arguments before the command (`timeout DURATION`, `flock FILE`). */
  positionals?: number;
  /** Positionals only when they look like this (`chrt [PRIORITY] cmd`: digits). */
  positionalPattern?: 'digits';
  /**
   * Arguments with `=` before the command are assignments for it: `after-options` for env (any
   * word with `=` after the options), `interleaved` for sudo (words with `=` not starting with
   * `/`, mixed with the options; sudo's parse_args.c `is_envar`).
   */
  assignments?: true | 'after-options' | 'interleaved';
  /** Options after which there is no wrapped command at all (`command -v`, `sudo -l`). */
  noCommandOptions?: readonly string[];
  /** Options whose value is a shell script (`flock -c`, `su -c`, `npx -c`). */
  scriptOptions?: readonly string[];
  /** Options whose value is a string split into words by the wrapper's own rules (`env -S`). */
  splitOptions?: readonly string[];
  /** Options that switch a `joined-script` wrapper to running argv directly (`watch -x`). */
  execOptions?: readonly string[];
  /** Options that end option parsing and take the rest as the command (`gdb --args`). */
  argsOptions?: readonly string[];
  /** Options whose value is the program to run; the operands are its arguments (`docker run --entrypoint`). */
  programOptions?: readonly string[];
  /**
   * Options whose value is replaced in the command's words by input at run time (`xargs -I R`);
   * with an optional value, the default is `{}` (`xargs -i`).
   */
  replaceOptions?: readonly string[];
  /**
   * Without a replace option, words read from input at run time are appended to the command
   * (`xargs sudo` runs `sudo <input…>`): a command or script that the command line leaves out comes
   * from that input.
   */
  appendsInput?: boolean;
  /** Options whose value is code in the wrapper's own command language (`gdb -ex`), run as it runs. */
  commandLanguageOptions?: readonly string[];
  /**
   * Without a command the wrapper runs the user's shell, which reads standard input
   * (`sudo -s`, `unshare`, `nsenter`, `chroot DIR`): `true` always, or only with one of these options.
   */
  shellWithoutCommand?: true | readonly string[];
  /** Operands after the positionals are arguments of the user's shell, not a command (`su USER -c …`). */
  operandsToShell?: boolean;
  /** Options after which the operands are the command itself, run directly (`runuser -u USER cmd`). */
  directCommandOptions?: readonly string[];
  /** Operands are not the command (installables, tools): only words after `--` or an args option are (`nix develop .#x -c cmd`, `mise exec node@20 -- cmd`). */
  operandsAreNotCommand?: boolean;
  /** Leading operands that come before the options (`setarch ARCH [options] cmd`). */
  positionalsFirst?: number;
  /** A leading `-` operand is an option (`su -` means `su -l`). */
  dashOperand?: boolean;
  /** Options whose script value must come right after the positionals (`flock FILE -c CMD`). */
  scriptAfterPositionals?: readonly string[];
  /** `--` after the positionals is skipped (`kubectl exec POD -- cmd`). */
  dashDashAfterPositionals?: boolean;
  /** Sub-commands that must come first (`uv run`, `npm exec`): the wrapper is `name sub`. */
  subcommands?: readonly string[];
  /**
   * Sub-commands read as wrappers of their own, after the tool's global options (this entry's
   * options): `docker --context x exec`, `docker compose exec`. A key of several words is a path.
   */
  commands?: Readonly<Record<string, WrapperSpec>>;
  /**
   * A `joined-script` wrapper that expands its text a second time before running it (`eval`,
   * bash manual §4.1): always reported as `eval`, and its script's context is `eval-string`.
   */
  reexpands?: boolean;
  /** Where the wrapper's behaviour is documented, when not its manual page. */
  source?: string;
}

// ---- shared option sets -----------------------------------------------------------------------

/** docker/podman `exec` (docker-cli cli/command/container/exec.go). */
const DOCKER_EXEC: WrapperSpec = {
  kind: 'command',
  reason: '`docker exec CONTAINER cmd` runs its command in a running container',
  syntax: 'pflag-strict',
  flags: ['-d', '--detach', '-i', '--interactive', '-t', '--tty', '--privileged', '--help'],
  valueOptions: ['--detach-keys', '-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--preserve-fds', '--latest'],
  positionals: 1,
  source: 'docker-cli cli/command/container/exec.go (SetInterspersed(false))',
};

/** docker/podman global options before the sub-command (docker-cli cli/flags/options.go). */
const DOCKER_GLOBAL_FLAGS = ['-D', '--debug', '--tls', '--tlsverify', '-v', '--version', '--help', '--remote', '-r'];
const DOCKER_GLOBAL_VALUES = [
  '--config', '-c', '--context', '-H', '--host', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey',
  '--connection', '--identity', '--url', '--root', '--runroot', '--storage-driver', '--storage-opt', '--cgroup-manager',
  '--events-backend', '--module', '--network-cmd-path', '--runtime', '--tmpdir', '--namespace', '-n', '--address', '-a',
];

/** `docker compose` (v2) and `docker-compose` (v1): global options, then `exec` or `run`. */
const COMPOSE_EXEC: WrapperSpec = {
  kind: 'command',
  reason: '`docker compose exec SERVICE cmd` runs its command in a service container',
  syntax: 'pflag-strict',
  flags: ['-d', '--detach', '--dry-run', '-T', '--no-TTY', '--no-tty', '--privileged', '-i', '--interactive', '-t', '--tty', '--help'],
  valueOptions: ['-e', '--env', '--index', '-u', '--user', '-w', '--workdir'],
  positionals: 1,
  source: 'docker/compose cmd/compose/exec.go',
};
const COMPOSE: WrapperSpec = {
  kind: 'command',
  reason: 'Compose runs commands in service containers with `exec` and `run`',
  syntax: 'pflag-strict',
  flags: ['--compatibility', '--dry-run', '--all-resources', '--verbose', '--help'],
  valueOptions: ['-f', '--file', '-p', '--project-name', '--profile', '--env-file', '--project-directory', '--ansi', '--parallel', '--progress', '--workdir'],
  commands: { exec: COMPOSE_EXEC },
};

function containerTool(reason: string): WrapperSpec {
  return {
    kind: 'command',
    reason,
    syntax: 'pflag-strict',
    flags: DOCKER_GLOBAL_FLAGS,
    valueOptions: DOCKER_GLOBAL_VALUES,
    // The legacy view (suggest/prefix.ts): `docker exec CONTAINER cmd`.
    subcommands: ['exec'],
    positionals: 1,
    // `docker run IMAGE cmd` is not unwrapped: the command runs in a new container from an image
    // (the shared segment corpus labels it so, test/fixtures/shell-segments.json
    // line-continuation-007), as are `compose run` and `kubectl run`/`debug`.
    commands: {
      exec: DOCKER_EXEC,
      'container exec': DOCKER_EXEC,
      compose: COMPOSE,
    },
  };
}

/** kubectl's global options (k8s.io/cli-runtime genericclioptions, component-base logs). */
const KUBECTL_GLOBAL_FLAGS = ['--insecure-skip-tls-verify', '--match-server-version', '--warnings-as-errors', '--disable-compression', '--help', '-h'];
const KUBECTL_GLOBAL_VALUES = [
  '-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token', '--as',
  '--as-group', '--as-uid', '--certificate-authority', '--client-certificate', '--client-key', '--request-timeout',
  '--tls-server-name', '-v', '--v', '--vmodule', '--log-flush-frequency', '--cache-dir', '--profile', '--profile-output',
  '--password', '--username', '--kuberc',
];

/** `conda run`, `mamba run`, `micromamba run` (conda/cli/main_run.py). */
const CONDA_RUN: WrapperSpec = {
  kind: 'command',
  reason: '`conda run -n ENV cmd` runs its command in a conda environment',
  flags: ['--no-capture-output', '--live-stream', '-v', '--verbose', '--dev', '--debug-wrapper-scripts', '-q', '--quiet', '--clean-env', '-a', '--attach'],
  valueOptions: ['-n', '--name', '-p', '--prefix', '--cwd', '-r', '--root-prefix', '--rc-file', '-e', '--env'],
  source: 'conda/cli/main_run.py; mamba-org/mamba micromamba/src/run.cpp',
};
function condaTool(reason: string): WrapperSpec {
  return {
    kind: 'command',
    reason,
    flags: ['-v', '--verbose', '-q', '--quiet', '--no-plugins', '--json', '--offline'],
    valueOptions: ['--rc-file', '-r', '--root-prefix'],
    subcommands: ['run'],
    commands: { run: CONDA_RUN },
  };
}

/** Python project runners that put the command in the project environment. */
function projectRun(reason: string, flags: readonly string[], valueOptions: readonly string[]): WrapperSpec {
  return { kind: 'command', reason, flags: ['-h', '--help', '-v', '--verbose', '-q', '--quiet', ...flags], valueOptions };
}

const WRAPPERS: Record<string, WrapperSpec> = {
  sudo: {
    kind: 'command',
    reason: 'runs its command as another user',
    // sudo's parse_args.c: short_opts "+Aa:BbC:c:D:Eeg:Hh::iKklNnPp:R:r:SsT:t:U:u:Vv"; -h alone is help
    // (with -h HOST only as `-hHOST` or `--host=HOST`); VAR=value words may come among the options.
    flags: ['-A', '--askpass', '-B', '--bell', '-b', '--background', '-E', '-H', '--set-home', '-i', '--login', '-K', '-k', '--reset-timestamp', '-N', '--no-update', '-n', '--non-interactive', '-P', '--preserve-groups', '-S', '--stdin', '-s', '--shell'],
    valueOptions: ['-a', '--auth-type', '-C', '--close-from', '-c', '--login-class', '-D', '--chdir', '-g', '--group', '--host', '-p', '--prompt', '-R', '--chroot', '-r', '--role', '-T', '--command-timeout', '-t', '--type', '-U', '--other-user', '-u', '--user'],
    optionalValueOptions: ['-h', '--preserve-env'],
    assignments: 'interleaved',
    noCommandOptions: ['-l', '--list', '-v', '--validate', '-K', '--remove-timestamp', '-e', '--edit', '-V', '--version', '--help'],
    shellWithoutCommand: ['-s', '--shell', '-i', '--login'],
    source: 'sudo src/parse_args.c',
  },
  doas: {
    kind: 'command',
    reason: 'runs its command as another user',
    // OpenBSD doas.c: getopt "+C:Lnsu:"; -s runs the user's shell.
    flags: ['-n', '-s'],
    valueOptions: ['-u'],
    noCommandOptions: ['-L', '-C'],
    shellWithoutCommand: ['-s'],
  },
  pkexec: {
    kind: 'command',
    reason: 'runs its command as another user through polkit',
    flags: ['--disable-internal-agent', '--keep-cwd', '--help'],
    valueOptions: ['--user', '-u'],
    noCommandOptions: ['--version'],
    shellWithoutCommand: true,
    source: 'polkit src/programs/pkexec.c (no command: runs the user\'s shell)',
  },
  env: {
    kind: 'command',
    reason: 'runs its command with a changed environment',
    // coreutils env.c: shortopts "+C:iS:u:v0" plus whitespace (a shebang's `-S` joined to spaces);
    // a lone `-` means -i; every word with `=` after the options is an assignment.
    flags: ['-i', '--ignore-environment', '-0', '--null', '-v', '--debug', '--list-signal-handling', '-', '--help', '--version'],
    valueOptions: ['-u', '--unset', '-C', '--chdir', '-a', '--argv0'],
    optionalValueOptions: ['--default-signal', '--ignore-signal', '--block-signal'],
    assignments: 'after-options',
    splitOptions: ['-S', '--split-string'],
    source: 'coreutils src/env.c',
  },
  nice: {
    kind: 'command',
    reason: 'runs its command at another priority',
    flags: ['--help', '--version'],
    valueOptions: ['-n', '--adjustment'],
    numericOptions: true,
    source: 'coreutils src/nice.c (also the historical `nice -10 cmd`)',
  },
  nohup: { kind: 'command', reason: 'runs its command immune to hangups', flags: ['--help', '--version'] },
  time: {
    kind: 'command',
    reason: 'the time program (not the keyword) runs and times its command',
    flags: ['-p', '--portability', '-a', '--append', '-v', '--verbose', '-q', '--quiet', '--help', '-V', '--version'],
    valueOptions: ['-f', '--format', '-o', '--output'],
  },
  timeout: {
    kind: 'command',
    reason: 'runs its command with a time limit',
    flags: ['-f', '--foreground', '-p', '--preserve-status', '-v', '--verbose', '--help', '--version'],
    valueOptions: ['-s', '--signal', '-k', '--kill-after'],
    positionals: 1,
    source: 'coreutils src/timeout.c: getopt "+fk:ps:v"',
  },
  stdbuf: {
    kind: 'command',
    reason: 'runs its command with changed stdio buffering',
    flags: ['--help', '--version'],
    valueOptions: ['-i', '-o', '-e', '--input', '--output', '--error'],
  },
  setsid: { kind: 'command', reason: 'runs its command in a new session', flags: ['-c', '--ctty', '-f', '--fork', '-w', '--wait', '-h', '--help', '-V', '--version'] },
  ionice: {
    kind: 'command',
    reason: 'runs its command at another I/O priority',
    flags: ['-t', '--ignore', '-h', '--help', '-V', '--version'],
    valueOptions: ['-c', '--class', '-n', '--classdata'],
    noCommandOptions: ['-p', '--pid', '-P', '--pgid', '-u', '--uid'],
  },
  chrt: {
    kind: 'command',
    reason: 'runs its command with another scheduling policy',
    flags: ['-a', '--all-tasks', '-b', '--batch', '-d', '--deadline', '-e', '--ext', '-f', '--fifo', '-i', '--idle', '-o', '--other', '-r', '--rr', '-R', '--reset-on-fork', '-v', '--verbose', '-h', '--help', '-V', '--version'],
    valueOptions: ['-T', '--sched-runtime', '-P', '--sched-period', '-D', '--sched-deadline'],
    noCommandOptions: ['-p', '--pid', '-m', '--max'],
    positionals: 1,
    positionalPattern: 'digits',
    source: 'util-linux schedutils/chrt.c: chrt [options] [priority] command',
  },
  taskset: {
    kind: 'command',
    reason: 'runs its command on chosen CPUs',
    flags: ['-a', '--all-tasks', '-c', '--cpu-list', '-h', '--help', '-V', '--version'],
    noCommandOptions: ['-p', '--pid'],
    positionals: 1,
    source: 'util-linux schedutils/taskset.c: taskset [options] mask command',
  },
  numactl: {
    kind: 'command',
    reason: 'runs its command with a NUMA policy',
    flags: ['-a', '--all', '-l', '--localalloc', '-b', '--balancing', '--strict', '--touch'],
    valueOptions: ['-C', '-N', '-i', '-m', '-p', '-P', '-w', '--interleave', '--membind', '--cpunodebind', '--physcpubind', '--preferred', '--preferred-many', '--weighted-interleave', '--offset', '--length', '--shm', '--file', '--shmid', '--huge', '--mode'],
    noCommandOptions: ['-s', '--show', '-H', '--hardware'],
    source: 'numactl numactl.c: short options take their value attached or from the next word as getopt does',
  },
  setpriv: {
    kind: 'command',
    reason: 'runs its command with other privileges',
    flags: ['--clear-groups', '--keep-groups', '--init-groups', '--nnp', '--no-new-privs', '--reset-env', '-h', '--help', '-V', '--version'],
    valueOptions: ['--reuid', '--regid', '--ruid', '--euid', '--rgid', '--egid', '--groups', '--inh-caps', '--ambient-caps', '--bounding-set', '--securebits', '--pdeathsig', '--selinux-label', '--apparmor-profile', '--landlock-access', '--landlock-rule', '--ptracer'],
    noCommandOptions: ['-d', '--dump', '--list-caps'],
  },
  unshare: {
    kind: 'command',
    reason: 'runs its command (or the user\'s shell) in new namespaces',
    flags: ['-f', '--fork', '-r', '--map-root-user', '-c', '--map-current-user', '--map-auto', '--keep-caps', '-h', '--help', '-V', '--version'],
    valueOptions: ['-S', '--setuid', '-G', '--setgid', '-R', '--root', '-w', '--wd', '--propagation', '--setgroups', '--map-user', '--map-group', '--map-users', '--map-groups', '-l', '--load-interp', '--monotonic', '--boottime'],
    optionalValueOptions: ['-m', '--mount', '-u', '--uts', '-i', '--ipc', '-n', '--net', '-p', '--pid', '-U', '--user', '-C', '--cgroup', '-T', '--time', '--mount-proc', '--kill-child', '--mount-binfmt'],
    shellWithoutCommand: true,
  },
  nsenter: {
    kind: 'command',
    reason: 'runs its command (or the user\'s shell) in other namespaces',
    flags: ['-a', '--all', '--preserve-credentials', '-e', '--env', '-F', '--no-fork', '-Z', '--follow-context', '-c', '--join-cgroup', '--keep-caps', '-h', '--help', '-V', '--version'],
    valueOptions: ['-t', '--target', '-S', '--setuid', '-G', '--setgid', '-W', '--wdns', '-N', '--net-socket', '--user-parent'],
    optionalValueOptions: ['-m', '--mount', '-u', '--uts', '-i', '--ipc', '-n', '--net', '-p', '--pid', '-U', '--user', '-C', '--cgroup', '-T', '--time', '-r', '--root', '-w', '--wd'],
    shellWithoutCommand: true,
  },
  flock: {
    kind: 'command',
    reason: 'runs its command holding a lock',
    flags: ['-s', '--shared', '-x', '-e', '--exclusive', '-u', '--unlock', '-n', '--nb', '--nonblock', '-o', '--close', '-F', '--no-fork', '--verbose', '-h', '--help', '-V', '--version'],
    valueOptions: ['-w', '--wait', '--timeout', '-E', '--conflict-exit-code'],
    positionals: 1,
    scriptAfterPositionals: ['-c', '--command'],
    source: 'util-linux sys-utils/flock.c: getopt "+sexnoFuw:E:hV"; -c CMD only right after the file',
  },
  chronic: { kind: 'command', reason: 'runs its command and hides its output unless it fails', flags: ['-e', '-v'] },
  command: { kind: 'command', reason: 'runs its command bypassing functions', flags: ['-p'], noCommandOptions: ['-v', '-V'] },
  builtin: { kind: 'command', reason: 'runs a shell builtin' },
  exec: { kind: 'command', reason: 'replaces the shell with its command', flags: ['-c', '-l'], valueOptions: ['-a'] },
  xargs: {
    kind: 'command',
    reason: 'runs its command with arguments read from input',
    // findutils xargs.c: getopt "+0a:E:e::i::I:l::L:n:prP:s:txd:o"; BSD adds -J and -R.
    flags: ['-0', '--null', '-p', '--interactive', '-r', '--no-run-if-empty', '-t', '--verbose', '-x', '--exit', '-o', '--open-tty', '--show-limits', '--help', '--version'],
    valueOptions: ['-a', '--arg-file', '-d', '--delimiter', '-E', '-L', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars', '--process-slot-var', '-R', '-S', '-I', '-J'],
    optionalValueOptions: ['-e', '--eof', '-l', '--max-lines', '-i', '--replace'],
    replaceOptions: ['-I', '-i', '--replace', '-J'],
    appendsInput: true,
    source: 'findutils xargs/xargs.c; FreeBSD xargs(1) for -J',
  },
  watch: {
    kind: 'joined-script',
    reason: 'runs its arguments again and again, through sh -c unless -x is given',
    // procps watch.c: getopt "+bced::ghn:pq:rs:tvwx".
    flags: ['-b', '--beep', '-c', '--color', '-C', '--no-color', '-e', '--errexit', '-g', '--chgexit', '-p', '--precise', '-r', '--no-rerun', '-t', '--no-title', '-w', '--no-wrap', '-h', '--help', '-v', '--version', '-f', '--follow'],
    valueOptions: ['-n', '--interval', '-q', '--equexit', '-s', '--shotsdir'],
    optionalValueOptions: ['-d', '--differences'],
    execOptions: ['-x', '--exec'],
    source: 'procps src/watch.c',
  },
  eval: { kind: 'joined-script', reason: 'runs its arguments joined by spaces as a shell script', reexpands: true },
  busybox: { kind: 'command', reason: 'runs the applet named by its first argument', flags: ['--help', '--list', '--list-full'] },
  toybox: { kind: 'command', reason: 'runs the applet named by its first argument', flags: ['--help', '--long'] },
  npx: {
    kind: 'command',
    reason: 'downloads and runs a package binary',
    flags: ['-y', '--yes', '--no', '--no-install', '--ignore-existing', '-q', '--quiet', '--prefer-offline', '--prefer-online', '--offline', '--include-workspace-root', '--workspaces', '-ws', '--silent', '-s'],
    valueOptions: ['-p', '--package', '--cache', '--userconfig', '--registry', '-w', '--workspace', '--loglevel', '--node-options', '--shell'],
    scriptOptions: ['-c', '--call'],
    source: 'npm lib/commands/exec.js (npx is `npm exec`)',
  },
  bunx: { kind: 'command', reason: 'downloads and runs a package binary', flags: ['--bun', '--silent', '--verbose', '--no-install'], valueOptions: ['-p', '--package'] },
  pnpx: { kind: 'command', reason: 'downloads and runs a package binary', flags: ['--silent', '-s'], valueOptions: ['-p', '--package', '--allow-build'] },
  uvx: {
    kind: 'command',
    reason: 'downloads and runs a Python tool',
    flags: ['--isolated', '--no-cache', '-n', '-q', '--quiet', '-v', '--verbose', '--offline', '--no-config', '--no-progress', '--native-tls', '--lfs', '-U', '--upgrade', '--refresh', '--no-index', '--no-build', '--no-binary', '--managed-python', '--no-managed-python', '--no-python-downloads'],
    valueOptions: ['--from', '--with', '--with-editable', '--with-requirements', '-w', '--python', '-p', '--index', '--index-url', '--extra-index-url', '-i', '--default-index', '-f', '--find-links', '--cache-dir', '--directory', '--project', '--config-file', '--color', '--python-preference', '--env-file', '--exclude-newer', '--resolution', '--prerelease', '-P', '--upgrade-package', '--refresh-package', '--constraints', '-c', '--overrides', '--build-constraints', '-b', '--keyring-provider', '--index-strategy', '--link-mode'],
    source: 'uv crates/uv-cli/src/lib.rs (ToolRunArgs)',
  },
  su: {
    kind: 'command',
    reason: 'runs a shell or command as another user',
    // util-linux login-utils/su-common.c: getopt_long without `+` (options may follow the user);
    // operands after the user go to the user's shell, so `su root -- -c CMD` runs CMD too.
    syntax: 'permute',
    flags: ['-f', '--fast', '-l', '--login', '-m', '-p', '--preserve-environment', '-P', '--pty', '-T', '--no-pty', '-h', '--help', '-V', '--version'],
    valueOptions: ['-s', '--shell', '-g', '--group', '-G', '--supp-group', '-w', '--whitelist-environment'],
    scriptOptions: ['-c', '--command', '-C', '--session-command'],
    positionals: 1,
    operandsToShell: true,
    dashOperand: true,
    shellWithoutCommand: true,
    source: 'util-linux login-utils/su-common.c',
  },
  runuser: {
    kind: 'command',
    reason: 'runs its command as another user',
    syntax: 'permute',
    flags: ['-f', '--fast', '-l', '--login', '-m', '-p', '--preserve-environment', '-P', '--pty', '-T', '--no-pty', '-h', '--help', '-V', '--version'],
    valueOptions: ['-s', '--shell', '-g', '--group', '-G', '--supp-group', '-w', '--whitelist-environment', '-u', '--user'],
    scriptOptions: ['-c', '--command', '-C', '--session-command'],
    positionals: 1,
    operandsToShell: true,
    directCommandOptions: ['-u', '--user'],
    dashOperand: true,
    shellWithoutCommand: true,
    source: 'util-linux login-utils/su-common.c (runuser -u USER [--] cmd runs its command directly)',
  },
  sg: {
    kind: 'joined-script',
    reason: '`sg GROUP cmd` runs its command string through /bin/sh -c with another group',
    positionals: 1,
    source: 'shadow-utils src/newgrp.c (sg): the command is given to /bin/sh -c',
  },
  chroot: {
    kind: 'command',
    reason: 'runs its command (or the user\'s shell) in another root directory',
    flags: ['--skip-chdir', '--help', '--version'],
    valueOptions: ['--userspec', '--groups'],
    positionals: 1,
    shellWithoutCommand: true,
  },
  strace: {
    kind: 'command',
    reason: 'runs and traces its command',
    flags: ['-f', '-ff', '-F', '-c', '-C', '-d', '-D', '-DD', '-DDD', '-h', '-i', '-k', '-n', '-q', '-qq', '-r', '-t', '-tt', '-ttt', '-T', '-v', '-V', '-w', '-x', '-xx', '-y', '-yy', '-z', '-Z', '--follow-forks', '--output-separately', '--summary-only', '--summary', '--daemonize', '--instruction-pointer', '--stack-trace', '--syscall-number', '--relative-timestamps', '--syscall-times', '--no-abbrev', '--successful-only', '--failed-only', '--seccomp-bpf', '--quiet', '--help', '--version'],
    valueOptions: ['-o', '--output', '-e', '-p', '--attach', '-s', '--string-limit', '-u', '--user', '-E', '--env', '-a', '--columns', '-b', '--detach-on', '-I', '--interruptible', '-O', '-P', '--trace-path', '-S', '--summary-sort-by', '-U', '--summary-columns', '-X', '--const-print-style', '--trace', '--signal', '--status', '--abbrev', '--verbose', '--raw', '--read', '--write', '--fault', '--inject', '--kvm', '--decode-fds', '--timestamps', '--tips'],
  },
  ltrace: {
    kind: 'command',
    reason: 'runs and traces its command',
    flags: ['-b', '-c', '-C', '-d', '-f', '-h', '-i', '-r', '-S', '-t', '-tt', '-ttt', '-T', '-V', '-w', '--demangle', '--help', '--version', '--no-signals'],
    valueOptions: ['-o', '--output', '-e', '-p', '-s', '-u', '-a', '--align', '-A', '-D', '--debug', '-F', '--config', '-l', '--library', '-L', '-n', '--indent', '-x', '-w', '--where'],
  },
  valgrind: {
    kind: 'command',
    reason: 'runs its command under a checker',
    // Every valgrind option is one word (`--tool=memcheck`, `-q`, `-v`).
    syntax: 'self-contained',
  },
  gdb: {
    kind: 'command',
    reason: 'runs its command under a debugger; -ex runs debugger commands (`shell`, `python`)',
    syntax: 'long-only',
    flags: ['-q', '-quiet', '-silent', '-batch', '-batch-silent', '-nx', '-n', '-nh', '-nw', '-tui', '-readnow', '-readnever', '-write', '-statistics', '-configuration', '-help', '-h', '-version', '-return-child-result', '-dbx', '-fullname'],
    valueOptions: ['-p', '-pid', '-c', '-core', '-d', '-directory', '-cd', '-se', '-s', '-symbols', '-e', '-exec', '-b', '-l', '-i', '-interpreter', '-tty', '-data-directory', '-D'],
    argsOptions: ['-args'],
    commandLanguageOptions: ['-ex', '-eval-command', '-iex', '-init-eval-command', '-x', '-command', '-ix', '-init-command'],
    source: 'gdb(1) "OPTIONS": every option may start with - or --',
  },
  caffeinate: { kind: 'command', reason: 'runs its command keeping the machine awake', flags: ['-d', '-i', '-m', '-s', '-u'], valueOptions: ['-t', '-w'] },
  'systemd-run': {
    kind: 'command',
    reason: 'runs its command as a transient unit',
    flags: ['--user', '--system', '--scope', '-r', '--remain-after-exit', '--send-sighup', '-P', '--pipe', '-t', '--pty', '-T', '--pty-late', '-q', '--quiet', '-G', '--collect', '--no-block', '--wait', '-d', '--same-dir', '--no-ask-password', '--ignore-failure', '-v', '--verbose', '--help', '--version', '--expand-environment', '--no-pager'],
    valueOptions: ['-u', '--unit', '-p', '--property', '--description', '--slice', '--slice-inherit', '-H', '--host', '-M', '--machine', '--uid', '--gid', '--nice', '--working-directory', '-E', '--setenv', '--service-type', '--on-active', '--on-boot', '--on-startup', '--on-unit-active', '--on-unit-inactive', '--on-calendar', '--on-clock-change', '--on-timezone-change', '--path-property', '--socket-property', '--timer-property', '--json', '--job-mode', '--background', '-C', '--capsule'],
    shellWithoutCommand: ['-S', '--shell'],
    source: 'systemd src/run/run.c',
  },
  firejail: { kind: 'command', reason: 'runs its command (or the user\'s shell) in a sandbox', syntax: 'self-contained', noCommandOptions: ['--list', '--tree', '--top', '--version', '--help', '--debug-syscalls', '--debug-caps', '--debug-protocols'], shellWithoutCommand: true },
  bwrap: {
    kind: 'command',
    reason: 'runs its command in a bubblewrap sandbox',
    flags: ['--unshare-all', '--share-net', '--unshare-user', '--unshare-user-try', '--unshare-ipc', '--unshare-pid', '--unshare-net', '--unshare-uts', '--unshare-cgroup', '--unshare-cgroup-try', '--die-with-parent', '--as-pid-1', '--new-session', '--clearenv', '--disable-userns', '--assert-userns-disabled', '--help', '--version', '--level-prefix'],
    valueOptions: ['--uid', '--gid', '--hostname', '--chdir', '--unsetenv', '--proc', '--dev', '--tmpfs', '--mqueue', '--dir', '--remount-ro', '--seccomp', '--add-seccomp-fd', '--info-fd', '--json-status-fd', '--block-fd', '--userns-block-fd', '--sync-fd', '--lock-file', '--userns', '--userns2', '--pidns', '--cap-add', '--cap-drop', '--exec-label', '--file-label', '--perms', '--size', '--overlay-src', '--tmp-overlay', '--ro-overlay', '--argv0'],
    arity: { '--bind': 2, '--bind-try': 2, '--ro-bind': 2, '--ro-bind-try': 2, '--dev-bind': 2, '--dev-bind-try': 2, '--setenv': 2, '--symlink': 2, '--file': 2, '--bind-data': 2, '--ro-bind-data': 2, '--chmod': 2, '--overlay': 3, '--bind-fd': 2, '--ro-bind-fd': 2 },
    // `--args FD` reads more arguments from a file descriptor: what runs is not on the command line.
    source: 'bubblewrap bubblewrap.c parse_args_recurse (options take fixed numbers of words; no abbreviations)',
  },
  proxychains: { kind: 'command', reason: 'runs its command through a proxy', flags: ['-q'], valueOptions: ['-f'] },
  proxychains4: { kind: 'command', reason: 'runs its command through a proxy', flags: ['-q'], valueOptions: ['-f'] },
  torsocks: { kind: 'command', reason: 'runs its command through Tor', flags: ['-i', '--isolate', '-q', '--quiet', '-d', '--debug', '-6', '--ipv6', '-h', '--help', '--version'], valueOptions: ['-u', '--user', '-p', '--pass', '-a', '--address', '-P', '--port'], noCommandOptions: ['--shell'] },
  dotenv: { kind: 'command', reason: 'runs its command with variables from a .env file', flags: ['-o', '--override', '-h', '--help'], valueOptions: ['-e', '-v', '-c', '-f', '-p'] },
  fakeroot: { kind: 'command', reason: 'runs its command with faked root privileges', flags: ['-u', '--unknown-is-real', '-h', '--help', '-v', '--version'], valueOptions: ['-l', '--lib', '--faked', '-s', '-i', '-b'], shellWithoutCommand: true },
  eatmydata: { kind: 'command', reason: 'runs its command with fsync disabled' },
  nocache: { kind: 'command', reason: 'runs its command without filling the page cache', valueOptions: ['-n'] },
  'xvfb-run': { kind: 'command', reason: 'runs its command with a virtual X server', flags: ['-a', '--auto-servernum', '-h', '--help'], valueOptions: ['-e', '--error-file', '-f', '--auth-file', '-n', '--server-num', '-l', '--listen-tcp', '-p', '--xauth-protocol', '-s', '--server-args', '-w', '--wait'] },
  'dbus-run-session': { kind: 'command', reason: 'runs its command with a private D-Bus session', flags: ['--help', '--version'], valueOptions: ['--config-file', '--dbus-daemon'] },
  sshpass: { kind: 'command', reason: 'runs its command feeding it a password', flags: ['-e', '-v', '-h', '-V'], valueOptions: ['-p', '-f', '-d', '-P'] },
  unbuffer: { kind: 'command', reason: 'runs its command on a pseudo-terminal (expect)', flags: ['-p'] },
  rlwrap: { kind: 'command', reason: 'runs its command with readline editing', flags: ['-a', '-A', '-c', '-i', '-m', '-n', '-N', '-o', '-r', '-R', '-v', '-h'], valueOptions: ['-b', '-C', '-D', '-e', '-f', '-F', '-g', '-H', '-l', '-O', '-p', '-P', '-q', '-s', '-S', '-t', '-w', '-W', '-z'] },
  'cross-env': { kind: 'command', reason: 'runs its command with variables set, on any platform', assignments: 'after-options' },
  'env-cmd': { kind: 'command', reason: 'runs its command with variables from a file', flags: ['--silent', '--no-override', '--use-shell', '--expand-envs', '--recursive', '--verbose'], valueOptions: ['-f', '--file', '-e', '--environments', '-r', '--rc-file'] },
  faketime: { kind: 'command', reason: 'runs its command with a faked clock', flags: ['-f', '--exclude-monotonic', '--date-prog'], valueOptions: ['-m', '-p'], positionals: 1 },
  setarch: { kind: 'command', reason: 'runs its command (or the user\'s shell) with another architecture', positionalsFirst: 1, flags: ['-3', '--3gb', '-B', '--32bit', '-F', '--fdpic-funcptrs', '-I', '--short-inode', '-L', '--addr-compat-layout', '-R', '--addr-no-randomize', '-S', '--whole-seconds', '-T', '--sticky-timeouts', '-X', '--read-implies-exec', '-Z', '--mmap-page-zero', '-v', '--verbose', '--list', '--uname-2.6', '-h', '--help', '-V', '--version'], shellWithoutCommand: true, source: 'util-linux sys-utils/setarch.c: the architecture first, then getopt "+…"' },
  prlimit: { kind: 'command', reason: 'runs its command with resource limits', flags: ['--noheadings', '--raw', '--verbose', '-h', '--help', '-V', '--version'], valueOptions: ['-o', '--output'], optionalValueOptions: ['--as', '--core', '--cpu', '--data', '--fsize', '--locks', '--memlock', '--msgqueue', '--nice', '--nofile', '--nproc', '--rss', '--rtprio', '--rttime', '--sigpending', '--stack', '-c', '-d', '-e', '-f', '-i', '-l', '-m', '-n', '-q', '-r', '-s', '-t', '-u', '-v', '-x', '-y'], noCommandOptions: ['-p', '--pid'] },
  cgexec: { kind: 'command', reason: 'runs its command in control groups', flags: ['--sticky', '-b'], valueOptions: ['-g', '-r'] },
  perf: { kind: 'command', reason: '`perf record|stat|trace cmd` runs its command while measuring', subcommands: ['record', 'stat', 'trace'], flags: ['-a', '--all-cpus', '-g', '-q', '--quiet', '-v', '--verbose', '-n', '--null', '-r', '-d', '--detailed', '-A', '--no-aggr', '-B', '--big-num'], valueOptions: ['-e', '--event', '-o', '--output', '-F', '--freq', '-c', '--count', '-p', '--pid', '-t', '--tid', '-C', '--cpu', '-G', '--cgroup', '--call-graph', '-m', '--mmap-pages', '-I', '--interval-print', '-x', '--field-separator', '-u', '--uid'] },
  screen: {
    kind: 'command',
    reason: 'runs its command (or the user\'s shell) in a new screen window; -X sends a screen command to a session',
    flags: ['-A', '-a', '-d', '-D', '-m', '-R', '-r', '-RR', '-U', '-x', '-q', '-O', '-i', '-l', '-ln', '-L', '-f', '-fn', '-fa', '-n', '-4', '-6'],
    valueOptions: ['-c', '-e', '-h', '-p', '-s', '-S', '-T', '-t', '-Logfile'],
    noCommandOptions: ['-ls', '-list', '-wipe', '-v', '-Q'],
    commandLanguageOptions: ['-X'],
    shellWithoutCommand: true,
    source: 'GNU screen screen.c: options are read letter by letter; -X sends the rest as a screen command',
  },
  hyperfine: {
    kind: 'each-script',
    reason: 'each command argument is run through the shell many times and timed',
    flags: ['-N', '-i', '--ignore-failure', '--show-output', '--help', '-h', '--version', '-V'],
    valueOptions: ['-w', '--warmup', '-m', '--min-runs', '-M', '--max-runs', '-r', '--runs', '-D', '--parameter-step-size', '-S', '--shell', '--style', '-n', '--command-name', '--export-asciidoc', '--export-csv', '--export-json', '--export-markdown', '--export-orgmode', '--output', '--input', '--sort', '-u', '--time-unit'],
    arity: { '-P': 3, '--parameter-scan': 3, '-L': 2, '--parameter-list': 2 },
    scriptOptions: ['-p', '--prepare', '-c', '--cleanup', '-C', '--conclude', '-s', '--setup'],
    source: 'sharkdp/hyperfine src/cli.rs: commands run through `sh -c` unless --shell=none (-N)',
  },
  concurrently: {
    kind: 'each-script',
    reason: 'each command argument is run through the shell at the same time',
    flags: ['-k', '--kill-others', '--kill-others-on-fail', '-r', '--raw', '--no-color', '--hide', '-g', '--group', '--timings', '-P', '--passthrough-arguments', '--handle-input', '-i', '--restart-tries', '-h', '--help', '-v', '-V', '--version'],
    valueOptions: ['-n', '--names', '--name-separator', '-s', '--success', '-c', '--prefix-colors', '-p', '--prefix', '-l', '--prefix-length', '-t', '--timestamp-format', '--restart-after', '--default-input-target', '-m', '--max-processes', '--pad-prefix'],
    source: 'open-cli-tools/concurrently: commands are spawned with a shell',
  },
  direnv: { kind: 'command', reason: '`direnv exec DIR cmd` runs its command in DIR\'s environment', subcommands: ['exec'], positionals: 1 },
  mise: {
    kind: 'command',
    reason: '`mise exec -- cmd` runs its command with tools installed',
    subcommands: ['exec', 'x'],
    valueOptions: ['-C', '--cd', '-j', '--jobs', '-E', '--env'],
    flags: ['--raw', '-q', '--quiet', '-v', '--verbose', '-y', '--yes', '--no-prepare'],
    scriptOptions: ['-c', '--command'],
    operandsAreNotCommand: true,
    source: 'mise docs "mise exec [TOOL@VERSION]... [-- COMMAND]"',
  },
  asdf: { kind: 'command', reason: '`asdf exec cmd` runs its command with the selected tool versions', subcommands: ['exec'] },
  rbenv: { kind: 'command', reason: '`rbenv exec cmd` runs its command with the selected Ruby', subcommands: ['exec'] },
  pyenv: { kind: 'command', reason: '`pyenv exec cmd` runs its command with the selected Python', subcommands: ['exec'] },
  nodenv: { kind: 'command', reason: '`nodenv exec cmd` runs its command with the selected Node.js', subcommands: ['exec'] },
  volta: { kind: 'command', reason: '`volta run cmd` runs its command with pinned tools', subcommands: ['run'], flags: ['--bundled-npm', '--no-yarn', '-v', '--verbose', '--quiet'], valueOptions: ['--node', '--npm', '--yarn', '--pnpm', '--env'] },
  fnm: { kind: 'command', reason: '`fnm exec --using V cmd` runs its command with a Node.js version', subcommands: ['exec'], valueOptions: ['--using', '--log-level', '--arch', '--fnm-dir', '--node-dist-mirror', '--version-file-strategy'], flags: ['--corepack-enabled', '--resolve-engines'] },
  nvm: { kind: 'command', reason: '`nvm exec VERSION cmd` runs its command with a Node.js version', subcommands: ['exec'], flags: ['--silent', '--lts'], positionals: 1 },
  uv: {
    kind: 'command',
    reason: '`uv run cmd` runs its command in the project environment',
    flags: ['-q', '--quiet', '-v', '--verbose', '--native-tls', '--offline', '-n', '--no-cache', '--no-python-downloads', '--no-config', '--no-progress', '--managed-python', '--no-managed-python', '--preview', '--no-preview', '--isolated', '--show-settings', '-h', '--help', '-V', '--version'],
    valueOptions: ['--directory', '--project', '--color', '--cache-dir', '--config-file', '--python-preference', '--allow-insecure-host'],
    // The legacy view (suggest/prefix.ts).
    subcommands: ['run'],
    commands: {
      run: {
        kind: 'command',
        reason: '`uv run cmd` runs its command in the project environment',
        flags: ['--all-extras', '--no-dev', '--dev', '--only-dev', '--all-groups', '--no-default-groups', '--no-sync', '--locked', '--frozen', '--all-packages', '--no-project', '--isolated', '--active', '--no-active', '--no-env-file', '--no-index', '-U', '--upgrade', '--reinstall', '--compile-bytecode', '--no-build-isolation', '--no-build', '--no-binary', '--exact', '--no-editable', '--refresh', '--gui-script', '-s', '--script', '-m', '--module', '-q', '--quiet', '-v', '--verbose', '--offline', '-n', '--no-cache', '--no-config', '--no-progress', '--native-tls', '--preview', '--managed-python', '--no-managed-python', '--no-python-downloads', '--with-editable-only'],
        valueOptions: ['--extra', '--no-extra', '--group', '--no-group', '--only-group', '--with', '--with-editable', '--with-requirements', '-w', '--package', '--python', '-p', '--env-file', '--index', '--index-url', '--extra-index-url', '--default-index', '-i', '-f', '--find-links', '--index-strategy', '--keyring-provider', '--resolution', '--prerelease', '-P', '--upgrade-package', '--reinstall-package', '--refresh-package', '--exclude-newer', '--link-mode', '--directory', '--project', '--color', '--cache-dir', '--config-file', '--python-preference', '--no-binary-package', '--no-build-package', '--config-setting', '-C', '--fork-strategy', '--max-recursion-depth'],
        source: 'uv crates/uv-cli/src/lib.rs (RunArgs: the command starts at the first operand)',
      },
    },
  },
  poetry: { kind: 'command', reason: '`poetry run cmd` runs its command in the project environment', subcommands: ['run'], flags: ['-q', '--quiet', '-v', '-vv', '-vvv', '--verbose', '-n', '--no-interaction', '--no-plugins', '--no-cache', '--ansi', '--no-ansi'], valueOptions: ['-C', '--directory', '-P', '--project'] },
  pipenv: { kind: 'command', reason: '`pipenv run cmd` runs its command in the project environment', subcommands: ['run'], flags: ['-v', '--verbose', '-q', '--quiet', '--system', '--site-packages', '--clear'], valueOptions: ['--python'] },
  pdm: { kind: 'command', reason: '`pdm run cmd` runs a script or its command in the project environment', subcommands: ['run'], flags: ['-v', '--verbose', '-q', '--quiet', '-g', '--global', '-l', '--list', '-j', '--json', '-s', '--site-packages', '--recreate', '--skip'], valueOptions: ['-p', '--project', '-c', '--config', '--venv', '--skip'] },
  rye: { kind: 'command', reason: '`rye run cmd` runs a script or its command in the project environment', subcommands: ['run'], flags: ['-l', '--list', '-v', '--verbose', '-q', '--quiet'], valueOptions: ['--pyproject'] },
  hatch: { kind: 'command', reason: '`hatch run cmd` runs a script or its command in a project environment', subcommands: ['run'], flags: ['-v', '--verbose', '-q', '--quiet', '--interactive', '--no-interactive', '--color', '--no-color'], valueOptions: ['-e', '--env', '-p', '--project', '--data-dir', '--cache-dir', '--config'] },
  pipx: { kind: 'command', reason: '`pipx run pkg` downloads and runs a Python tool', subcommands: ['run'], flags: ['--no-cache', '--path', '--system-site-packages', '-v', '--verbose', '-q', '--quiet'], valueOptions: ['--spec', '--python', '--index-url', '-i', '--pip-args', '--fetch-missing-python'] },
  conda: condaTool('`conda run -n ENV cmd` runs its command in a conda environment'),
  mamba: condaTool('`mamba run -n ENV cmd` runs its command in a conda environment'),
  micromamba: condaTool('`micromamba run -n ENV cmd` runs its command in a conda environment'),
  pixi: {
    kind: 'joined-script',
    reason: '`pixi run TASK-OR-COMMAND` runs a task or its arguments as a deno_task_shell script',
    subcommands: ['run'],
    flags: ['--frozen', '--locked', '--no-install', '--revalidate', '--clean-env', '--force-activate', '-v', '--verbose', '-q', '--quiet', '--skip-deps', '--dry-run', '-n'],
    valueOptions: ['-e', '--environment', '--manifest-path', '--executable', '--color', '--skip', '--tls-no-verify', '--auth-file', '--pypi-keyring-provider', '--concurrent-solves', '--concurrent-downloads', '--pinning-strategy'],
    source: 'prefix-dev/pixi docs "pixi run": tasks and commands run in deno_task_shell',
  },
  devbox: { kind: 'command', reason: '`devbox run cmd` runs its command in the devbox shell', subcommands: ['run'], flags: ['-q', '--quiet', '--pure', '--list', '-l'], valueOptions: ['-c', '--config', '-e', '--env', '--env-file', '--environment'] },
  bundle: { kind: 'command', reason: '`bundle exec cmd` runs its command with the bundle', subcommands: ['exec'], flags: ['--keep-file-descriptors', '--verbose', '--no-color', '-V'], valueOptions: ['--gemfile'] },
  dotnet: { kind: 'command', reason: '`dotnet exec APP.dll` runs a managed application', subcommands: ['exec'], flags: ['--roll-forward-on-no-candidate-fx'], valueOptions: ['--additionalprobingpath', '--additional-deps', '--depsfile', '--fx-version', '--roll-forward', '--runtimeconfig'] },
  npm: {
    kind: 'command',
    reason: '`npm exec cmd` downloads and runs a package binary',
    flags: ['-y', '--yes', '--no', '-s', '--silent', '-q', '--quiet', '-d', '-dd', '-ddd', '--verbose', '-g', '--global', '--workspaces', '-ws', '--include-workspace-root', '--no-audit', '--no-fund', '--offline', '--prefer-offline', '--prefer-online', '--ignore-scripts', '--foreground-scripts', '--no-color', '--json', '--dry-run', '-f', '--force', '-h', '--help', '-v', '--version'],
    valueOptions: ['-p', '--package', '-w', '--workspace', '--prefix', '-C', '--loglevel', '--registry', '--userconfig', '--globalconfig', '--cache', '--color', '--node-options', '--shell', '--script-shell'],
    scriptOptions: ['-c', '--call'],
    subcommands: ['exec', 'x'],
    commands: {
      exec: { kind: 'command', reason: '`npm exec cmd` downloads and runs a package binary', flags: ['-y', '--yes', '--no', '--workspaces', '-ws', '--include-workspace-root', '-s', '--silent', '-q', '--quiet'], valueOptions: ['-p', '--package', '-w', '--workspace', '--prefix', '--loglevel', '--registry', '--userconfig', '--cache'], scriptOptions: ['-c', '--call'] },
      x: { kind: 'command', reason: '`npm x` is `npm exec`', flags: ['-y', '--yes', '--no', '--workspaces', '-ws', '-s', '--silent'], valueOptions: ['-p', '--package', '-w', '--workspace', '--prefix', '--loglevel', '--registry'], scriptOptions: ['-c', '--call'] },
    },
    source: 'npm lib/commands/exec.js',
  },
  pnpm: {
    kind: 'command',
    reason: '`pnpm exec`/`pnpm dlx` run a package binary',
    flags: ['-r', '--recursive', '-w', '--workspace-root', '-s', '--silent', '--stream', '--parallel', '--aggregate-output', '--sort', '--no-sort', '--reverse', '--color', '--no-color', '--fail-if-no-match', '--include-workspace-root', '-h', '--help', '-v', '--version', '-y', '--yes'],
    valueOptions: ['-F', '--filter', '--filter-prod', '-C', '--dir', '--workspace-concurrency', '--reporter', '--loglevel', '--changed-files-ignore-pattern', '--test-pattern', '--resume-from', '--report-summary'],
    subcommands: ['exec', 'dlx'],
    commands: {
      exec: { kind: 'command', reason: '`pnpm exec cmd` runs a package binary in the project', flags: ['-r', '--recursive', '--parallel', '--no-bail', '--no-reporter-hide-prefix', '--report-summary', '--resume-from', '-s', '--silent', '--stream', '--workspace-root', '-w'], valueOptions: ['-F', '--filter', '-C', '--dir', '--workspace-concurrency', '--reporter'], scriptOptions: ['-c', '--shell-mode'] },
      dlx: { kind: 'command', reason: '`pnpm dlx pkg` downloads and runs a package binary', flags: ['-s', '--silent'], valueOptions: ['--package', '--allow-build'], scriptOptions: ['-c', '--shell-mode'] },
    },
    source: 'pnpm docs "pnpm exec" (-c/--shell-mode runs the command in a shell), "pnpm dlx"',
  },
  yarn: { kind: 'command', reason: '`yarn dlx`/`yarn exec` run a package binary', subcommands: ['dlx', 'exec'], flags: ['-q', '--quiet', '--silent', '--verbose'], valueOptions: ['-p', '--package', '--cwd'] },
  bun: {
    kind: 'command',
    reason: '`bun x pkg` downloads and runs a package binary; `bun exec SCRIPT` runs a Bun Shell script',
    subcommands: ['x'],
    flags: ['--bun', '--silent', '--verbose', '--no-install', '--smol', '--hot', '--watch'],
    valueOptions: ['-p', '--package', '--cwd', '-r', '--preload', '--config', '-c'],
    commands: {
      x: { kind: 'command', reason: '`bun x pkg` downloads and runs a package binary', flags: ['--bun', '--silent', '--verbose', '--no-install'], valueOptions: ['-p', '--package'] },
      exec: { kind: 'joined-script', reason: '`bun exec SCRIPT` runs its argument as a Bun Shell script (close to sh syntax)' },
    },
  },
  corepack: { kind: 'command', reason: '`corepack pnpm …` runs the package manager named first' },
  docker: containerTool('`docker exec`/`docker run` run their command in a container'),
  podman: containerTool('`podman exec`/`podman run` run their command in a container'),
  nerdctl: containerTool('`nerdctl exec`/`nerdctl run` run their command in a container'),
  'docker-compose': { ...COMPOSE, reason: '`docker-compose exec`/`run` run their command in a service container' },
  kubectl: {
    kind: 'command',
    reason: '`kubectl exec POD -- cmd` runs its command in a pod',
    syntax: 'pflag',
    flags: KUBECTL_GLOBAL_FLAGS,
    valueOptions: KUBECTL_GLOBAL_VALUES,
    subcommands: ['exec'],
    positionals: 1,
    commands: {
      exec: {
        kind: 'command',
        reason: '`kubectl exec POD -- cmd` runs its command in a pod',
        syntax: 'pflag',
        flags: ['-i', '--stdin', '-t', '--tty', '-q', '--quiet', ...KUBECTL_GLOBAL_FLAGS],
        valueOptions: ['-c', '--container', '-f', '--filename', '--pod-running-timeout', ...KUBECTL_GLOBAL_VALUES],
        positionals: 1,
        dashDashAfterPositionals: true,
        source: 'kubectl pkg/cmd/exec/exec.go: flags may come anywhere before `--`',
      },
    },
  },
  oc: {
    kind: 'command',
    reason: '`oc exec POD -- cmd` runs its command in a pod',
    syntax: 'pflag',
    flags: KUBECTL_GLOBAL_FLAGS,
    valueOptions: KUBECTL_GLOBAL_VALUES,
    commands: { exec: { kind: 'command', reason: '`oc exec POD -- cmd` runs its command in a pod', syntax: 'pflag', flags: ['-i', '--stdin', '-t', '--tty', '-q', '--quiet', ...KUBECTL_GLOBAL_FLAGS], valueOptions: ['-c', '--container', '-f', '--filename', '--pod-running-timeout', ...KUBECTL_GLOBAL_VALUES], positionals: 1, dashDashAfterPositionals: true } },
  },
  lxc: { kind: 'command', reason: '`lxc exec CT -- cmd` runs its command in a container', subcommands: ['exec'], flags: ['-T', '-t', '-n', '--force-interactive', '--force-noninteractive', '--mode', '-q', '--quiet'], valueOptions: ['--cwd', '--env', '--group', '--user', '--project'], positionals: 1 },
  incus: { kind: 'command', reason: '`incus exec CT -- cmd` runs its command in a container', subcommands: ['exec'], flags: ['-T', '-t', '-n', '--force-interactive', '--force-noninteractive', '-q', '--quiet'], valueOptions: ['--cwd', '--env', '--group', '--user', '--project', '--mode'], positionals: 1 },
  multipass: { kind: 'command', reason: '`multipass exec VM -- cmd` runs its command in a VM', subcommands: ['exec'], flags: ['-v', '--verbose', '-n', '--no-map-working-directory'], valueOptions: ['-d', '--working-directory'], positionals: 1 },
  distrobox: { kind: 'command', reason: '`distrobox enter NAME -- cmd` runs its command in a container', subcommands: ['enter'], flags: ['-T', '--no-tty', '-nw', '--no-workdir', '-v', '--verbose', '-d', '--dry-run', '-r', '--root', '-a', '--additional-flags'], valueOptions: ['-n', '--name', '-e'], positionals: 1 },
  toolbox: { kind: 'command', reason: '`toolbox run cmd` runs its command in a container', subcommands: ['run'], valueOptions: ['-c', '--container', '-d', '--distro', '-r', '--release'], flags: ['--preserve-fds'] },
  flatpak: { kind: 'command', reason: '`flatpak run APP` runs an application (`--command` names the program)', subcommands: ['run'], syntax: 'self-contained' },
  wsl: { kind: 'command', reason: '`wsl -e cmd` (or `wsl cmd` through the default shell) runs its command in Linux', flags: ['--shell-type', '-u', '--user', '-d', '--distribution', '--cd', '--system'], valueOptions: ['-u', '--user', '-d', '--distribution', '--cd'], argsOptions: ['-e', '--exec', '--'] },
  script: {
    kind: 'command',
    reason: '`script -c CMD` runs its command through the shell while recording; without -c it runs the shell',
    syntax: 'permute',
    flags: ['-a', '--append', '-e', '--return', '-f', '--flush', '--force', '-q', '--quiet', '-h', '--help', '-V', '--version'],
    valueOptions: ['-E', '--echo', '-I', '--log-in', '-O', '--log-out', '-B', '--log-io', '-T', '--log-timing', '-m', '--logging-format', '-o', '--output-limit'],
    optionalValueOptions: ['-t', '--timing'],
    scriptOptions: ['-c', '--command'],
    positionals: 1,
    shellWithoutCommand: true,
    source: 'util-linux term-utils/script.c: getopt_long "+aB:c:eE:fI:O:o:qm:T:t::Vh"',
  },
  'nix-shell': {
    kind: 'command',
    reason: '`nix-shell --run CMD` runs its command in a Nix shell',
    syntax: 'permute',
    flags: ['--pure', '--impure', '-Q', '--no-build-output', '-v', '--verbose', '--show-trace', '-K', '--keep-failed', '-k', '--keep-going', '--quiet', '--refresh', '--offline'],
    valueOptions: ['-p', '--packages', '-A', '--attr', '-I', '--include', '--keep', '-j', '--max-jobs', '--cores', '--expr', '-E', '--exclude'],
    arity: { '--arg': 2, '--argstr': 2, '--option': 2 },
    scriptOptions: ['--run', '--command'],
    shellWithoutCommand: true,
  },
  nix: {
    kind: 'command',
    reason: '`nix develop -c`, `nix shell -c` and `nix run` run commands with Nix packages',
    flags: ['-v', '--verbose', '-L', '--print-build-logs', '--quiet', '--offline', '--refresh', '--impure', '--show-trace', '--no-write-lock-file', '-k', '--keep-going', '--debug'],
    valueOptions: ['--extra-experimental-features', '--experimental-features', '--log-format', '-j', '--max-jobs', '--store'],
    arity: { '--option': 2 },
    commands: {
      develop: {
        kind: 'command',
        reason: '`nix develop -c cmd` runs its command in the development shell',
        syntax: 'permute',
        flags: ['-i', '--ignore-environment', '--impure', '--refresh', '--offline', '-L', '--print-build-logs', '--no-write-lock-file', '-v', '--verbose', '--quiet', '--show-trace', '--unpack', '--configure', '--build', '--check', '--install', '--installcheck', '--phase'],
        valueOptions: ['-k', '--keep', '-u', '--unset', '--profile', '--redirect', '-f', '--file', '--expr', '--arg-from-file', '--arg-from-stdin', '--override-input', '--inputs-from', '--reference-lock-file', '--output-lock-file', '--extra-experimental-features', '--experimental-features', '--set-env-var', '--keep-env-var', '--chdir'],
        arity: { '--arg': 2, '--argstr': 2, '--option': 2, '-s': 2, '--set-env-var': 2, '--override-input': 2 },
        argsOptions: ['-c', '--command'],
        operandsAreNotCommand: true,
        shellWithoutCommand: true,
        source: 'nix manual "nix develop": `--command CMD ARGS…` runs CMD ARGS directly',
      },
      shell: {
        kind: 'command',
        reason: '`nix shell PKG… -c cmd` runs its command with the packages',
        syntax: 'permute',
        flags: ['-i', '--ignore-environment', '--impure', '--refresh', '--offline', '-L', '--print-build-logs', '--no-write-lock-file', '-v', '--verbose', '--quiet', '--show-trace'],
        valueOptions: ['-k', '--keep', '-u', '--unset', '-f', '--file', '--expr', '--override-input', '--inputs-from', '--extra-experimental-features', '--experimental-features', '--chdir', '--set-env-var', '--keep-env-var'],
        arity: { '--arg': 2, '--argstr': 2, '--option': 2, '-s': 2 },
        argsOptions: ['-c', '--command'],
        operandsAreNotCommand: true,
        shellWithoutCommand: true,
      },
      run: {
        kind: 'command',
        reason: '`nix run INSTALLABLE -- args` builds and runs a package\'s program',
        syntax: 'getopt',
        flags: ['-i', '--ignore-environment', '--impure', '--refresh', '--offline', '-L', '--print-build-logs', '--no-write-lock-file', '-v', '--verbose', '--quiet', '--show-trace'],
        valueOptions: ['-k', '--keep', '-u', '--unset', '-f', '--file', '--expr', '--override-input', '--inputs-from', '--extra-experimental-features', '--experimental-features', '--chdir'],
        arity: { '--arg': 2, '--argstr': 2, '--option': 2 },
        source: 'nix manual "nix run": the installable names the program; the arguments after it are passed to it',
      },
    },
  },
};

(WRAPPERS.uv!.commands as Record<string, WrapperSpec>)['tool run'] = WRAPPERS.uvx!;

// The legacy view read by suggest/prefix.ts: a wrapper with sub-commands lists them.
for (const spec of Object.values(WRAPPERS)) {
  const commands = spec.commands;
  if (commands && !spec.subcommands) {
    (spec as { subcommands?: readonly string[] }).subcommands = Object.keys(commands).filter((k) => !k.includes(' '));
  }
}

/** Every wrapper entry, by name (for the tests that every entry is exercised). */
export const WRAPPER_NAMES: readonly string[] = Object.keys(WRAPPERS);

/**
 * The wrapper named `name`: its basename, compared case-insensitively (a case-insensitive file
 * system runs `SUDO` as sudo; see program-names.ts) and without a `.exe` suffix.
 */
export function wrapperSpec(name: string): WrapperSpec | undefined {
  return lookupProgram(WRAPPERS, name, false);
}

/** How a shell reads its own command line. */
export interface ShellSpec {
  reason: string;
  /**
   * `posix`: the script is shell syntax escalint parses as bash does; `foreign`: another language
   * (fish, csh), parsed the same way for the commands it names, with the reason `inline-code`.
   */
  syntax: 'posix' | 'foreign';
  /** Letters valid in a short cluster (`-ec`) that take no value. */
  flags: string;
  /**
   * Letters that take the next word as their value, one word per letter, wherever they sit in
   * the cluster (bash shell.c parse_shell_options: `bash -oO pipefail extglob`).
   */
  valueLetters: string;
  /** Long options without a value (`--norc`). */
  longFlags?: readonly string[];
  /** Long options taking the next word or `=value` (`--rcfile FILE`). */
  longValues?: readonly string[];
  /** Long options whose value is a script run before the main one (`fish --init-command`). */
  initOptions?: readonly string[];
  /** Short letters whose value is a script run before the main one (`fish -C`). */
  initLetters?: string;
  /** Options whose value is the script (`fish --command=…`); short `-c` is the generic script letter. */
  scriptLongOptions?: readonly string[];
  /** Any `--name` is a shell option without value (zsh: `--shwordsplit`). */
  anyLongFlag?: boolean;
  /** `+` starts a cluster too (`+o name` unsets an option). */
  plus: boolean;
  /** Whole-word options after which the shell prints something (version, help) and exits, running nothing. */
  infoOptions?: readonly string[];
}

const BASH_SET_LETTERS = 'abefhkmnptuvxBCEHPT';
const POSIX_SHELL: ShellSpec = {
  reason: 'a POSIX shell: -c runs its first operand as a script',
  syntax: 'posix',
  flags: `${BASH_SET_LETTERS}cilrsD`,
  valueLetters: 'oO',
  plus: true,
};
const BASH: ShellSpec = {
  ...POSIX_SHELL,
  reason: 'GNU bash: -c runs its first operand as a script (bash(1) "INVOCATION")',
  longFlags: ['--debug', '--debugger', '--dump-po-strings', '--dump-strings', '--help', '--login', '--noediting', '--noprofile', '--norc', '--posix', '--pretty-print', '--protected', '--restricted', '--verbose', '--version', '--wordexp'],
  longValues: ['--rcfile', '--init-file'],
  infoOptions: ['--version', '--help'],
};
const KSH: ShellSpec = {
  ...POSIX_SHELL,
  reason: 'a Korn shell: -c runs its first operand as a script',
  // ksh93 `-R FILE` writes a cross-reference database; `-T` and `-D` are mksh/ksh93 flags.
  flags: `${BASH_SET_LETTERS}cilrsDUXRTg`,
  valueLetters: 'oO',
};
const CSH: ShellSpec = {
  reason: 'the C shell: -c runs its first operand as a csh script',
  syntax: 'foreign',
  flags: 'bcdDefFilmnqsStvVxX',
  valueLetters: '',
  plus: false,
};

/** Shells whose `-c` string (or stdin) is a script (design.md §3). */
const SHELL_TABLE: Record<string, ShellSpec> = {
  bash: BASH,
  rbash: { ...BASH, reason: 'restricted bash: still runs -c scripts' },
  sh: { ...POSIX_SHELL, reason: 'the POSIX shell' },
  dash: { ...POSIX_SHELL, reason: 'the Debian Almquist shell' },
  ash: { ...POSIX_SHELL, reason: 'the Almquist shell (busybox)' },
  hush: { ...POSIX_SHELL, reason: 'busybox hush' },
  posh: { ...POSIX_SHELL, reason: 'the Policy-compliant Ordinary SHell' },
  yash: { ...POSIX_SHELL, reason: 'yet another shell', longFlags: ['--posix', '--help', '--version', '--noprofile', '--norcfile', '--interactive', '--login'], longValues: ['--profile', '--rcfile'], infoOptions: ['--version', '--help'] },
  ksh: KSH,
  ksh93: KSH,
  mksh: KSH,
  lksh: KSH,
  pdksh: KSH,
  oksh: KSH,
  loksh: KSH,
  zsh: {
    ...POSIX_SHELL,
    reason: 'the Z shell: -c runs its first operand as a script; any --option-name sets an option',
    flags: `${BASH_SET_LETTERS}cilrsdfgjqwyzDFGIJKLMNQRSUVWXYZ0123456789`,
    valueLetters: 'o',
    longValues: ['--emulate'],
    anyLongFlag: true,
    infoOptions: ['--version', '--help'],
  },
  fish: {
    reason: 'the friendly interactive shell: -c/--command runs a fish script, -C/--init-command one before it',
    syntax: 'foreign',
    flags: 'cilnNPhv',
    valueLetters: 'dfop',
    longFlags: ['--interactive', '--login', '--no-execute', '--no-config', '--private', '--print-rusage-self', '--print-debug-categories', '--help', '--version'],
    longValues: ['--debug', '--debug-output', '--features', '--profile', '--profile-startup', '--debug-stack-frames'],
    initLetters: 'C',
    initOptions: ['--init-command'],
    scriptLongOptions: ['--command'],
    plus: false,
    infoOptions: ['--version', '--help', '-v', '-h'],
  },
  csh: CSH,
  tcsh: { ...CSH, reason: 'the TENEX C shell: -c runs its first operand as a csh script' },
  rc: { reason: 'the Plan 9 shell: -c runs a script in rc syntax', syntax: 'foreign', flags: 'ceilInpsvxdV', valueLetters: '', plus: false },
  es: { reason: 'the extensible shell: -c runs a script in es syntax', syntax: 'foreign', flags: 'ceilInpsvxdVo', valueLetters: '', plus: false },
  elvish: { reason: 'elvish: -c runs an elvish script', syntax: 'foreign', flags: 'ci', valueLetters: '', longValues: ['-rc', '-sock', '-db'], longFlags: ['-norc', '-compileonly', '-json', '-help', '-version', '-buildinfo'], plus: false },
  nu: { reason: 'nushell: -c/--commands runs a nu script', syntax: 'foreign', flags: 'cilnh', valueLetters: 'eI', longValues: ['--config', '--env-config', '--log-level', '--log-target', '--include-path', '--plugin-config', '--table-mode', '--error-style', '--experimental-options'], longFlags: ['--interactive', '--login', '--no-config-file', '--no-history', '--no-std-lib', '--stdin', '--help', '--version', '--ide-check'], initLetters: 'e', initOptions: ['--execute'], scriptLongOptions: ['--commands'], plus: false },
  xonsh: { reason: 'xonsh: -c runs a xonsh (Python-like) script', syntax: 'foreign', flags: 'cilh', valueLetters: 'DV', longFlags: ['--interactive', '--login', '--no-rc', '--help', '--version'], longValues: ['--rc', '--shell-type', '--timings'], plus: false },
};

/** The shells, by name: a reason each (design.md §3). */
export const SHELLS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(SHELL_TABLE).map(([k, v]) => [k, v.reason]));

/** Every shell entry, by name. */
export const SHELL_NAMES: readonly string[] = Object.keys(SHELL_TABLE);

/**
 * The shell named `name` (basename, case-folded, `.exe` and version suffixes dropped:
 * `ksh93`, `bash5.2`). `busybox sh`, `toybox sh` reach it through their applet.
 */
export function shellSpec(name: string): ShellSpec | undefined {
  return lookupProgram(SHELL_TABLE, name, true);
}

/** Words that end a shell's options (bash shell.c: a lone `-` or `--`). */
export const SHELL_END_OF_OPTIONS: readonly string[] = ['--', '-'];
/** In a short cluster: the first operand is the script (`-c`, also `-lc`, and `+c` in bash). */
export const SHELL_SCRIPT_LETTER = 'c';
/** In a short cluster: the script is read from standard input; operands are positional parameters. */
export const SHELL_STDIN_LETTER = 's';
