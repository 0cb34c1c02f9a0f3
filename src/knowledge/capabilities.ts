// What a command needs that a strict Codex sandbox does not grant (`escalint escalate`, design.md §8).
// Codex runs commands in a sandbox: `read-only` writes nothing, `workspace-write` writes the
// workspace, /tmp and `writable_roots` but keeps `.git` read-only, and both start with the network
// off (`sandbox_workspace_write.network_access`). `danger-full-access` has no sandbox.
//
// Like every table in escalint this says what is understood, not every command that needs
// access: a program that is not listed is taken to need nothing, and the failing output
// (sandbox-failures.ts) is the evidence for the rest. Every lookup goes through `own()`.
import { own } from './lookup.js';

/** What the sandbox must grant for a capability. */
export type Grant =
  /** the network: `danger-full-access`, or the network turned on for the sandbox */
  | 'network'
  /** only `danger-full-access` */
  | 'full-access'
  /** a write: granted per target path, by the writable roots (escalate/detect.ts) */
  | 'writable-root';

export interface CapabilityInfo {
  /** What the capability is, as a person reads it. */
  reason: string;
  grant: Grant;
}

/** The capabilities, in the order they are reported. */
export const CAPABILITIES = {
  network: { reason: 'talks to other hosts; Codex sandboxes start with the network off', grant: 'network' },
  'git-remote': { reason: "talks to a git remote and updates .git, which Codex keeps read-only even in workspace-write", grant: 'full-access' },
  'package-install': { reason: 'downloads packages and writes caches or system folders outside the workspace', grant: 'full-access' },
  'service-control': { reason: 'controls system services through the init system, outside any sandbox', grant: 'full-access' },
  'write-outside-workspace': { reason: 'writes outside the writable roots (the workspace, /tmp, writable_roots; never .git)', grant: 'writable-root' },
  gui: { reason: 'opens a window or a browser in the desktop session, which the sandbox cannot reach', grant: 'full-access' },
} as const satisfies Record<string, CapabilityInfo>;

export type CapabilityName = keyof typeof CAPABILITIES;

export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as CapabilityName[];

export interface Need {
  capability: CapabilityName;
  /** Why this command needs it (one line). */
  reason: string;
}

const need = (capability: CapabilityName, reason: string): Need => ({ capability, reason });

/** A program's sub-commands (after its global options) that need a capability; a nested table is the next word. */
export interface SubcommandTable {
  readonly [sub: string]: Need | SubcommandTable;
}

export function isNeed(x: Need | SubcommandTable): x is Need {
  return typeof (x as Need).capability === 'string' && typeof (x as Need).reason === 'string';
}

/** Programs that need a capability whatever their arguments. */
export const PROGRAMS = {
  curl: need('network', 'transfers URLs'),
  wget: need('network', 'downloads URLs'),
  ssh: need('network', 'logs in to another host'),
  scp: need('network', 'copies files to or from another host'),
  sftp: need('network', 'transfers files with another host'),
  ftp: need('network', 'transfers files with another host'),
  telnet: need('network', 'connects to another host'),
  nc: need('network', 'opens network connections'),
  ncat: need('network', 'opens network connections'),
  ping: need('network', 'sends packets to another host'),
  dig: need('network', 'asks a DNS server'),
  nslookup: need('network', 'asks a DNS server'),
  whois: need('network', 'asks a whois server'),
  gh: need('network', 'the GitHub CLI talks to the GitHub API'),
  glab: need('network', 'the GitLab CLI talks to the GitLab API'),
  systemctl: need('service-control', 'talks to systemd over the system bus'),
  service: need('service-control', 'runs init scripts that start and stop system services'),
  launchctl: need('service-control', 'talks to launchd (macOS services)'),
  'rc-service': need('service-control', 'starts and stops OpenRC services'),
  'xdg-open': need('gui', 'opens a file or URL in the desktop session'),
  open: need('gui', 'macOS: opens a file, URL or application in the desktop session'),
  'sensible-browser': need('gui', 'starts a web browser'),
  'x-www-browser': need('gui', 'starts a web browser'),
  'gnome-open': need('gui', 'opens a file or URL in the GNOME session'),
  'kde-open': need('gui', 'opens a file or URL in the KDE session'),
  'kde-open5': need('gui', 'opens a file or URL in the KDE session'),
  wslview: need('gui', 'WSL: opens a file or URL with Windows'),
} as const satisfies Record<string, Need>;

const install = (what: string): Need => need('package-install', `installs ${what}`);
const npmLike = (name: string): SubcommandTable => ({
  install: install(`${name} packages`),
  i: install(`${name} packages (short for install)`),
  add: install(`${name} packages and adds them to package.json`),
  update: install(`newer ${name} packages`),
  up: install(`newer ${name} packages (short for update)`),
});
const pip: SubcommandTable = {
  install: install('Python packages from an index'),
  download: install('Python packages from an index (downloads only)'),
};

/** Programs whose sub-command needs a capability. Keys are program names as typed. */
export const SUBCOMMANDS = {
  git: {
    push: need('git-remote', 'sends commits to a remote'),
    pull: need('git-remote', 'fetches from a remote and merges'),
    fetch: need('git-remote', 'downloads from a remote'),
    clone: need('git-remote', 'downloads a repository'),
    'ls-remote': need('git-remote', 'lists the refs of a remote'),
    submodule: { update: need('git-remote', 'clones or fetches submodules') },
  },
  npm: { ...npmLike('npm'), ci: install('the locked npm packages'), 'install-test': install('npm packages, then tests'), it: install('npm packages, then tests') },
  pnpm: npmLike('pnpm'),
  yarn: { add: install('Yarn packages'), install: install('Yarn packages'), up: install('newer Yarn packages'), upgrade: install('newer Yarn packages') },
  bun: { add: install('Bun packages'), install: install('Bun packages'), i: install('Bun packages (short for install)'), update: install('newer Bun packages') },
  pip,
  pip3: pip,
  pipx: { install: install('a Python application in its own environment') },
  uv: {
    add: install('Python packages and adds them to pyproject.toml'),
    sync: install('the locked Python packages'),
    pip: { install: install('Python packages from an index'), sync: install('the Python packages of a requirements file') },
    tool: { install: install('a Python tool') },
  },
  poetry: { add: install('Python packages'), install: install('the locked Python packages'), update: install('newer Python packages') },
  cargo: { install: install('a Rust binary from crates.io'), add: install('a crate and adds it to Cargo.toml'), fetch: install('the crates of Cargo.lock') },
  go: { get: install('Go modules'), install: install('a Go program'), mod: { download: install('Go modules') } },
  gem: { install: install('Ruby gems') },
  bundle: { install: install('the gems of Gemfile.lock') },
  composer: { install: install('PHP packages'), require: install('PHP packages and adds them to composer.json'), update: install('newer PHP packages') },
  apt: { install: install('system packages'), update: install('package lists'), upgrade: install('newer system packages') },
  'apt-get': { install: install('system packages'), update: install('package lists'), upgrade: install('newer system packages'), 'dist-upgrade': install('newer system packages') },
  dnf: { install: install('system packages'), upgrade: install('newer system packages') },
  yum: { install: install('system packages'), update: install('newer system packages') },
  zypper: { install: install('system packages'), in: install('system packages (short for install)') },
  apk: { add: install('Alpine packages') },
  brew: { install: install('Homebrew packages'), upgrade: install('newer Homebrew packages') },
  conda: { install: install('conda packages'), create: install('a conda environment and its packages') },
  mamba: { install: install('conda packages'), create: install('a conda environment and its packages') },
  snap: { install: install('snap packages') },
  flatpak: { install: install('Flatpak applications') },
  docker: { pull: need('network', 'downloads an image from a registry'), push: need('network', 'uploads an image to a registry'), login: need('network', 'signs in to a registry') },
  gio: { open: need('gui', 'opens a file or URL in the desktop session') },
} as const satisfies Record<string, SubcommandTable>;

/** The need of a program whatever its arguments, or undefined. */
export function programNeed(name: string): Need | undefined {
  return own<Need>(PROGRAMS, name);
}

/** The sub-command table of a program, or undefined. */
export function subcommandTable(name: string): SubcommandTable | undefined {
  return own<SubcommandTable>(SUBCOMMANDS, name);
}

/** The entry for `word` in a sub-command table, or undefined. */
export function subcommandEntry(table: SubcommandTable, word: string): Need | SubcommandTable | undefined {
  return own<Need | SubcommandTable>(table, word);
}

/** How a program that writes files names its targets. */
export interface WriterSpec {
  reason: string;
  /** Which operands are written: all of them, the last (the destination), or all but the first (a mode or owner). */
  targets: 'all' | 'last' | 'after-first';
  /** Options taking a separate value that is not a target. */
  valueOptions?: readonly string[];
  /** Options whose value is the target folder (`cp -t DIR`). */
  targetOptions?: readonly string[];
  /** `KEY=PATH` operands whose path is written (`dd of=PATH`); other operands are not targets. */
  assignTargets?: readonly string[];
}

const copyLike = (reason: string): WriterSpec => ({ reason, targets: 'last', valueOptions: ['-S', '--suffix'], targetOptions: ['-t', '--target-directory'] });

/** Programs that write the paths given as operands. */
export const WRITERS = {
  touch: { reason: 'creates or updates the files given', targets: 'all', valueOptions: ['-d', '-r', '-t', '--date', '--reference'] },
  mkdir: { reason: 'creates the folders given', targets: 'all', valueOptions: ['-m', '--mode'] },
  rm: { reason: 'removes the files given', targets: 'all' },
  rmdir: { reason: 'removes the folders given', targets: 'all' },
  tee: { reason: 'writes its input to the files given', targets: 'all' },
  truncate: { reason: 'changes the size of the files given', targets: 'all', valueOptions: ['-s', '--size', '-r', '--reference'] },
  cp: copyLike('copies to the last operand'),
  mv: copyLike('moves to the last operand'),
  ln: copyLike('creates a link at the last operand'),
  install: { ...copyLike('copies to the last operand'), valueOptions: ['-m', '-o', '-g', '--mode', '--owner', '--group', '-S', '--suffix'] },
  chmod: { reason: 'changes the mode of the files after the mode', targets: 'after-first', valueOptions: ['--reference'] },
  chown: { reason: 'changes the owner of the files after the owner', targets: 'after-first', valueOptions: ['--reference', '--from'] },
  chgrp: { reason: 'changes the group of the files after the group', targets: 'after-first', valueOptions: ['--reference'] },
  dd: { reason: 'writes the file named by of=', targets: 'all', assignTargets: ['of'] },
} as const satisfies Record<string, WriterSpec>;

export function writerSpec(name: string): WriterSpec | undefined {
  return own<WriterSpec>(WRITERS, name);
}

/**
 * Write targets that are not files a sandbox guards: the null device and the process's own
 * streams (bash manual §3.6: `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` are handled by the shell).
 */
export const HARMLESS_WRITE_TARGETS = {
  '/dev/null': 'discards the data',
  '/dev/stdout': "the process's own standard output",
  '/dev/stderr': "the process's own standard error",
  '/dev/stdin': "the process's own standard input",
  '/dev/tty': 'the terminal',
} as const satisfies Record<string, string>;

export function isHarmlessWriteTarget(path: string): boolean {
  return own<string>(HARMLESS_WRITE_TARGETS, path) !== undefined || /^\/dev\/fd\/\d+$/.test(path) || /^\/proc\/self\/fd\/\d+$/.test(path);
}

/**
 * Folders of the workspace that Codex keeps read-only in workspace-write (its "protected paths in
 * writable roots"): writing them is writing outside the writable roots.
 */
export const PROTECTED_WORKSPACE_FOLDERS = {
  '.git': 'repository metadata: hooks and config run code on the host later',
  '.codex': "Codex's own project configuration",
  '.agents': 'agent instructions and skills',
} as const satisfies Record<string, string>;

export function isProtectedWorkspaceFolder(name: string): boolean {
  return own<string>(PROTECTED_WORKSPACE_FOLDERS, name) !== undefined;
}
