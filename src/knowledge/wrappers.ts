// Commands that run another command given in their arguments (design.md §3 "Wrappers").
// Each entry says how to find the wrapped command; `reason` is why the entry exists.
// Option tables list the options that take a *separate* value (`-u root`); `-uroot` and
// `--user=root` forms are recognised generically. Unknown options are taken as flags.
import { own } from './lookup.js';

type WrapperKind =
  /** options, optional positionals, then the wrapped command and its arguments */
  | 'command'
  /** runs its arguments joined by spaces as a shell script (`eval`, `watch` without -x) */
  | 'joined-script';

export interface WrapperSpec {
  kind: WrapperKind;
  reason: string;
  /** Options taking a separate value. */
  valueOptions?: readonly string[];
  /** Short options whose value may be attached (`-n10`, `-oL`, `-I{}`). Letters only. */
  attachedShort?: string;
  /** Leading positional arguments before the command (`timeout DURATION`, `flock FILE`). */
  positionals?: number;
  /** `NAME=value` arguments before the command are assignments for it (`env`). */
  assignments?: boolean;
  /** Options after which there is no wrapped command at all (`command -v`, `sudo -l`). */
  noCommandOptions?: readonly string[];
  /** Options whose value is a shell script (`flock -c`, `su -c`, `npx -c`). */
  scriptOptions?: readonly string[];
  /** Options whose value is a string split into a command (`env -S`). */
  splitOptions?: readonly string[];
  /** Options that switch a `joined-script` wrapper to running argv directly (`watch -x`). */
  execOptions?: readonly string[];
  /** Options that end option parsing and take the rest as the command (`gdb --args`). */
  argsOptions?: readonly string[];
  /** Sub-commands that must come first (`uv run`, `npm exec`): the wrapper is `name sub`. */
  subcommands?: readonly string[];
  /**
   * A `joined-script` wrapper that expands its text a second time before running it (`eval`,
   * bash manual §4.1): always reported as `eval`, and its script's context is `eval-string`.
   */
  reexpands?: boolean;
}

const WRAPPERS = {
  sudo: {
    kind: 'command',
    reason: 'runs its command as another user',
    valueOptions: ['-u', '--user', '-g', '--group', '-h', '--host', '-p', '--prompt', '-C', '--close-from', '-D', '--chdir', '-r', '--role', '-t', '--type', '-U', '--other-user', '-T', '--command-timeout'],
    attachedShort: 'ugpCDrtUTh',
    noCommandOptions: ['-l', '--list', '-v', '--validate', '-k', '-K', '--remove-timestamp', '-e', '--edit', '-V', '--version'],
  },
  doas: { kind: 'command', reason: 'runs its command as another user', valueOptions: ['-u', '-C'], attachedShort: 'uC' },
  env: {
    kind: 'command',
    reason: 'runs its command with a changed environment',
    valueOptions: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string', '-P'],
    attachedShort: 'uCSP',
    assignments: true,
    splitOptions: ['-S', '--split-string'],
  },
  nice: { kind: 'command', reason: 'runs its command at another priority', valueOptions: ['-n', '--adjustment'], attachedShort: 'n' },
  nohup: { kind: 'command', reason: 'runs its command immune to hangups' },
  time: {
    kind: 'command',
    reason: 'the time program (not the keyword) runs and times its command',
    valueOptions: ['-f', '--format', '-o', '--output'],
    attachedShort: 'fo',
  },
  timeout: {
    kind: 'command',
    reason: 'runs its command with a time limit',
    valueOptions: ['-s', '--signal', '-k', '--kill-after'],
    attachedShort: 'sk',
    positionals: 1,
  },
  stdbuf: { kind: 'command', reason: 'runs its command with changed stdio buffering', valueOptions: ['-i', '-o', '-e', '--input', '--output', '--error'], attachedShort: 'ioe' },
  setsid: { kind: 'command', reason: 'runs its command in a new session' },
  ionice: { kind: 'command', reason: 'runs its command at another I/O priority', valueOptions: ['-c', '--class', '-n', '--classdata'], attachedShort: 'cn', noCommandOptions: ['-p', '--pid', '-P', '--pgid', '-u', '--uid'] },
  flock: {
    kind: 'command',
    reason: 'runs its command holding a lock',
    valueOptions: ['-w', '--wait', '--timeout', '-E', '--conflict-exit-code'],
    attachedShort: 'wE',
    positionals: 1,
    scriptOptions: ['-c', '--command'],
  },
  chronic: { kind: 'command', reason: 'runs its command and hides its output unless it fails' },
  command: { kind: 'command', reason: 'runs its command bypassing functions', noCommandOptions: ['-v', '-V'] },
  builtin: { kind: 'command', reason: 'runs a shell builtin' },
  exec: { kind: 'command', reason: 'replaces the shell with its command', valueOptions: ['-a'] },
  xargs: {
    kind: 'command',
    reason: 'runs its command with arguments read from input',
    valueOptions: ['-a', '--arg-file', '-d', '--delimiter', '-E', '-I', '-L', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars', '--process-slot-var'],
    attachedShort: 'adEILnPsei',
  },
  watch: {
    kind: 'joined-script',
    reason: 'runs its arguments again and again, through sh -c unless -x is given',
    valueOptions: ['-n', '--interval', '-q', '--equexit'],
    attachedShort: 'nq',
    execOptions: ['-x', '--exec'],
  },
  eval: { kind: 'joined-script', reason: 'runs its arguments joined by spaces as a shell script', reexpands: true },
  busybox: { kind: 'command', reason: 'runs the applet named by its first argument' },
  npx: {
    kind: 'command',
    reason: 'downloads and runs a package binary',
    valueOptions: ['-p', '--package', '--cache', '--userconfig'],
    attachedShort: 'p',
    scriptOptions: ['-c', '--call'],
  },
  bunx: { kind: 'command', reason: 'downloads and runs a package binary', valueOptions: ['-p', '--package'] },
  pnpx: { kind: 'command', reason: 'downloads and runs a package binary' },
  uvx: { kind: 'command', reason: 'downloads and runs a Python tool', valueOptions: ['--from', '--with', '--python', '-p'], attachedShort: 'p' },
  su: { kind: 'command', reason: 'runs a shell or command as another user', valueOptions: ['-s', '--shell', '-g', '--group', '-G'], scriptOptions: ['-c', '--command'], noCommandOptions: [] },
  runuser: { kind: 'command', reason: 'runs its command as another user', valueOptions: ['-u', '--user', '-g', '--group', '-s', '--shell'], scriptOptions: ['-c', '--command'] },
  chroot: { kind: 'command', reason: 'runs its command in another root directory', valueOptions: ['--userspec', '--groups'], positionals: 1 },
  unshare: { kind: 'command', reason: 'runs its command in new namespaces' },
  nsenter: { kind: 'command', reason: 'runs its command in other namespaces', valueOptions: ['-t', '--target'], attachedShort: 't' },
  taskset: { kind: 'command', reason: 'runs its command on chosen CPUs', positionals: 1 },
  strace: { kind: 'command', reason: 'runs and traces its command', valueOptions: ['-o', '-e', '-p', '-s', '-u', '-E'], attachedShort: 'oepsuE' },
  ltrace: { kind: 'command', reason: 'runs and traces its command', valueOptions: ['-o', '-e', '-p', '-s', '-u'], attachedShort: 'oepsu' },
  valgrind: { kind: 'command', reason: 'runs its command under a checker' },
  gdb: { kind: 'command', reason: 'runs its command under a debugger', argsOptions: ['--args'] },
  caffeinate: { kind: 'command', reason: 'runs its command keeping the machine awake', valueOptions: ['-t', '-w'] },
  'systemd-run': { kind: 'command', reason: 'runs its command as a transient unit', valueOptions: ['-u', '--unit', '-p', '--property', '-M', '--machine', '--uid', '--gid'] },
  firejail: { kind: 'command', reason: 'runs its command in a sandbox' },
  proxychains: { kind: 'command', reason: 'runs its command through a proxy', valueOptions: ['-f'] },
  proxychains4: { kind: 'command', reason: 'runs its command through a proxy', valueOptions: ['-f'] },
  torsocks: { kind: 'command', reason: 'runs its command through Tor' },
  'dotenv': { kind: 'command', reason: 'runs its command with variables from a .env file', valueOptions: ['-e', '-v', '-c'] },
  direnv: { kind: 'command', reason: '`direnv exec DIR cmd` runs its command in DIR\'s environment', subcommands: ['exec'], positionals: 1 },
  mise: { kind: 'command', reason: '`mise exec -- cmd` runs its command with tools installed', subcommands: ['exec', 'x'], valueOptions: ['-C', '--cd'] },
  uv: { kind: 'command', reason: '`uv run cmd` runs its command in the project environment', subcommands: ['run'], valueOptions: ['--with', '--python', '-p', '--package', '--directory', '--project', '--group', '--extra', '--env-file'], attachedShort: 'p' },
  poetry: { kind: 'command', reason: '`poetry run cmd` runs its command in the project environment', subcommands: ['run'] },
  pipenv: { kind: 'command', reason: '`pipenv run cmd` runs its command in the project environment', subcommands: ['run'] },
  pipx: { kind: 'command', reason: '`pipx run pkg` downloads and runs a Python tool', subcommands: ['run'], valueOptions: ['--spec', '--python'] },
  devbox: { kind: 'command', reason: '`devbox run cmd` runs its command in the devbox shell', subcommands: ['run'] },
  bundle: { kind: 'command', reason: '`bundle exec cmd` runs its command with the bundle', subcommands: ['exec'] },
  npm: { kind: 'command', reason: '`npm exec cmd` downloads and runs a package binary', subcommands: ['exec', 'x'], valueOptions: ['-p', '--package', '-w', '--workspace'], scriptOptions: ['-c', '--call'] },
  pnpm: { kind: 'command', reason: '`pnpm exec`/`pnpm dlx` run a package binary', subcommands: ['exec', 'dlx'] },
  yarn: { kind: 'command', reason: '`yarn dlx`/`yarn exec` run a package binary', subcommands: ['dlx', 'exec'] },
  docker: { kind: 'command', reason: '`docker exec CONTAINER cmd` runs its command in a container', subcommands: ['exec'], valueOptions: ['-e', '--env', '-u', '--user', '-w', '--workdir', '--env-file', '--detach-keys'], attachedShort: 'euw', positionals: 1 },
  script: { kind: 'command', reason: '`script -c CMD` runs its command through the shell while recording', valueOptions: ['-E', '--echo', '-I', '--log-in', '-O', '--log-out', '-B', '--log-io', '-T', '--log-timing', '-m', '--logging-format'], scriptOptions: ['-c', '--command'] },
  'nix-shell': { kind: 'command', reason: '`nix-shell --run CMD` runs its command in a Nix shell', valueOptions: ['-p', '--packages', '-A', '--attr', '-I', '--arg', '--argstr'], scriptOptions: ['--run', '--command'] },
  kubectl: { kind: 'command', reason: '`kubectl exec POD -- cmd` runs its command in a pod', subcommands: ['exec'], valueOptions: ['-n', '--namespace', '-c', '--container', '--context', '-f', '--filename'], attachedShort: 'ncf', positionals: 1 },
} as const satisfies Record<string, WrapperSpec>;

export function wrapperSpec(name: string): WrapperSpec | undefined {
  return own<WrapperSpec>(WRAPPERS, name);
}

/** Shells whose `-c` string (or stdin) is a script (design.md §3). */
export const SHELLS = {
  bash: 'GNU bash',
  sh: 'the POSIX shell',
  zsh: 'the Z shell',
  dash: 'the Debian Almquist shell',
  ksh: 'the Korn shell',
  mksh: 'the MirBSD Korn shell',
  fish: 'the friendly interactive shell (its syntax is close enough to find the commands)',
  ash: 'the Almquist shell',
  busybox_sh: 'busybox sh',
} as const satisfies Record<string, string>;

interface ShellCommandLine {
  /** Words that end the options; the next word is the first operand. */
  endOfOptions: readonly string[];
  /** First characters of a short option cluster (`-ec`; `+o name` turns an option off). */
  optionSigns: readonly string[];
  /** In a short cluster: the first operand is the script (`-c`, also `-lc`). */
  scriptLetter: string;
  /** In a short cluster: the script is read from standard input; operands are positional parameters. */
  stdinLetter: string;
  /** A short cluster ending in one of these takes the next word as its value (`-eo pipefail`). */
  valueLetters: string;
  /** Options taking a separate value, with why. */
  valueOptions: Readonly<Record<string, string>>;
}

/** How the shells above read their own command line (bash(1) "OPTIONS" and "INVOCATION", sh(1)). */
export const SHELL_COMMAND_LINE: ShellCommandLine = {
  endOfOptions: ['--', '-'],
  optionSigns: ['-', '+'],
  scriptLetter: 'c',
  stdinLetter: 's',
  valueLetters: 'oO',
  valueOptions: {
    '-o': 'sets the option named next (`-o pipefail`)',
    '+o': 'unsets the option named next',
    '-O': 'sets the shopt option named next (`-O extglob`)',
    '+O': 'unsets the shopt option named next',
    '--rcfile': 'the start-up file to read instead of ~/.bashrc',
    '--init-file': 'the start-up file to read instead of ~/.bashrc',
  },
};
