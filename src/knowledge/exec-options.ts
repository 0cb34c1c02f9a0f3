// Options of ordinary tools that run a program (design.md §10 `exec-option`): each entry is an
// option that escalint understands, with how its value runs and where that is documented. A
// segment using one gets the reason `exec-option`; where the program is literal it also becomes
// a segment of its own (context `wrapped`), so rules on it apply (`rsync -e 'ssh -p 2'` → `ssh -p 2`).
//
// Not here, because they run nothing: `find -fprint FILE` (writes a file), `ffmpeg` options,
// `rg --type`. `awk`'s system() is read by interpreters.ts; git by git.ts; `env`, `xargs`,
// `find -exec` by wrappers.ts and commands.ts.
import { lookupProgram } from './program-names.js';

/**
 * How an option's value runs:
 * - `shell`: a shell command line (`sh -c VALUE`): parsed as a script;
 * - `words`: split on blanks, quotes grouping words, and run without a shell (rsync -e);
 * - `program`: one program, run without arguments of the user's;
 * - `opaque`: something the value does not show (a configuration file, a pager chosen elsewhere);
 * - `remote`: a shell command line run on the remote host (rsync --rsync-path);
 * - `rest`: the words after the option are a program and its arguments (`xterm -e cmd args`).
 */
export type ExecRun = 'shell' | 'words' | 'program' | 'opaque' | 'remote' | 'rest';

export interface ExecOption {
  /** Spellings: `-e` (a letter, also inside a cluster), `--rsh` (also `--rsh=VALUE`). */
  options: readonly string[];
  runs: ExecRun;
  /** The value can only be attached (`git grep -O[PAGER]`, `--open-files-in-pager[=PAGER]`); without it the program is chosen elsewhere. */
  optional?: boolean;
  /** Only after one of these sub-commands (`go test -exec`). */
  subcommands?: readonly string[];
  /** `{}` (or this text) in the value is replaced at run time (`zip -TT 'unzip -t {}'`). */
  placeholder?: string;
  /** For `rest`: a word that ends the command (`fd -x cmd args \;`). */
  terminator?: string;
  reason: string;
}

/** How a tool's other options are read, so that a value is never mistaken for an option. */
export interface ExecTool {
  reason: string;
  /**
   * `getopt`: short clusters and `--long[=v]` (the default); `go`: Go's flag package, one or two
   * dashes, `-name=v` or `-name v`, no clusters; `single`: every option is a whole word.
   */
  syntax?: 'getopt' | 'go' | 'single';
  /** Short letters taking a value, so a cluster such as `tar -cf X -I zstd` is read right. */
  valueLetters?: string;
  /** Long options taking a separate value, so the value word is skipped. */
  valueOptions?: readonly string[];
  options: readonly ExecOption[];
  /** A reader of the tool's own language in wrappers.ts (sed scripts, ssh -o, make arguments …). */
  handler?: ExecHandler;
  /** Sub-commands (first operand) that the options are looked for after (go test, cargo build). */
  subcommandFirst?: boolean;
}

export type ExecHandler = 'sed' | 'ssh-config' | 'make' | 'cargo' | 'vim' | 'less' | 'npm';

/** ssh_config(5) keywords (given with `-o`) that run commands or load code; case-insensitive. */
export const SSH_EXEC_KEYWORDS = {
  proxycommand: { runs: 'shell', reason: 'ProxyCommand: run with the user\'s shell (`exec COMMAND`) to reach the host (ssh_config(5))' },
  localcommand: { runs: 'shell', reason: 'LocalCommand: run with the user\'s shell after connecting, when PermitLocalCommand is on (ssh_config(5))' },
  permitlocalcommand: { runs: 'opaque', reason: 'PermitLocalCommand: turns on the LocalCommand of the configuration files (ssh_config(5))' },
  knownhostscommand: { runs: 'shell', reason: 'KnownHostsCommand: run to list host keys (ssh_config(5))' },
  securitykeyprovider: { runs: 'opaque', reason: 'SecurityKeyProvider: a library ssh loads (ssh_config(5))' },
  pkcs11provider: { runs: 'opaque', reason: 'PKCS11Provider: a library ssh loads (ssh_config(5))' },
  include: { runs: 'opaque', reason: 'Include: reads more configuration, which can set ProxyCommand (ssh_config(5))' },
} as const satisfies Record<string, { runs: ExecRun; reason: string }>;

/** Values of those keywords that run nothing. */
export const SSH_INERT_VALUES = { none: 'turns the command off', no: 'keeps it off' } as const satisfies Record<string, string>;

const SSH_VALUE_LETTERS = 'bcDeEFiIJlLmoOpPQRSwW';

const EXEC_TOOLS: Record<string, ExecTool> = {
  ssh: {
    reason: 'ssh runs ProxyCommand/LocalCommand from -o, loads -I libraries and reads -F configurations',
    valueLetters: SSH_VALUE_LETTERS,
    handler: 'ssh-config',
    options: [
      { options: ['-F'], runs: 'opaque', reason: 'ssh(1) -F: a configuration file, which can set ProxyCommand, LocalCommand and Match exec' },
      { options: ['-I'], runs: 'opaque', reason: 'ssh(1) -I: a PKCS#11 library ssh loads' },
    ],
  },
  scp: {
    reason: 'scp runs the program given to -S instead of ssh and passes -o to ssh',
    valueLetters: 'cDFiJlloPSX',
    handler: 'ssh-config',
    options: [
      { options: ['-S'], runs: 'program', reason: 'scp(1) -S: the program used for the connection instead of ssh' },
      { options: ['-F'], runs: 'opaque', reason: 'scp(1) -F: an ssh configuration file (ProxyCommand …)' },
    ],
  },
  sftp: {
    reason: 'sftp runs the program given to -S instead of ssh, or -D as a local server, and passes -o to ssh',
    valueLetters: 'aBcDFiJlloPRsSX',
    handler: 'ssh-config',
    options: [
      { options: ['-S'], runs: 'program', reason: 'sftp(1) -S: the program used for the connection instead of ssh' },
      { options: ['-D'], runs: 'words', reason: 'sftp(1) -D: runs a local sftp server program instead of ssh' },
      { options: ['-F'], runs: 'opaque', reason: 'sftp(1) -F: an ssh configuration file (ProxyCommand …)' },
    ],
  },
  rsync: {
    reason: 'rsync runs the remote shell of -e/--rsh and the remote program of --rsync-path',
    valueLetters: 'eBfMT',
    valueOptions: ['--exclude', '--include', '--filter', '--files-from', '--exclude-from', '--include-from', '--compare-dest', '--copy-dest', '--link-dest', '--partial-dir', '--temp-dir', '--backup-dir', '--suffix', '--chmod', '--chown', '--usermap', '--groupmap', '--timeout', '--contimeout', '--port', '--bwlimit', '--max-size', '--min-size', '--max-delete', '--log-file', '--log-file-format', '--out-format', '--password-file', '--block-size', '--checksum-choice', '--compress-choice', '--compress-level', '--skip-compress', '--info', '--debug', '--address', '--sockopts', '--outbuf', '--iconv', '--modify-window', '--stop-after', '--stop-at', '--early-input', '--write-batch', '--only-write-batch', '--read-batch', '--protocol', '--remote-option'],
    options: [
      { options: ['-e', '--rsh'], runs: 'words', reason: 'rsync(1) -e/--rsh: the remote shell program and its arguments, split by rsync (spaces separate, quotes group)' },
      { options: ['--rsync-path'], runs: 'remote', reason: 'rsync(1) --rsync-path: the program run on the remote host, through its shell' },
      { options: ['-M', '--remote-option'], runs: 'opaque', reason: 'rsync(1) -M: an option for the remote rsync, which can be --rsync-path or a filter' },
    ],
  },
  tar: {
    reason: 'GNU tar runs compression programs, --to-command, checkpoint actions and volume scripts',
    valueLetters: 'bCfFgHIKLNTVX',
    valueOptions: ['--file', '--directory', '--exclude', '--files-from', '--label', '--newer', '--after-date', '--newer-mtime', '--owner', '--group', '--mode', '--mtime', '--transform', '--xform', '--format', '--blocking-factor', '--record-size', '--tape-length', '--starting-file', '--strip-components', '--suffix', '--backup', '--volno-file', '--exclude-from', '--index-file', '--listed-incremental', '--level', '--occurrence', '--hole-detection', '--sort', '--quoting-style', '--warning', '--atime-preserve', '--xattrs-include', '--xattrs-exclude', '--exclude-tag', '--exclude-tag-all', '--exclude-tag-under', '--add-file', '--pax-option', '--checkpoint'],
    options: [
      { options: ['-I', '--use-compress-program'], runs: 'shell', reason: 'GNU tar manual "gzip": --use-compress-program=COMMAND, run through /bin/sh -c (src/system.c xexec)' },
      { options: ['--to-command'], runs: 'shell', reason: 'GNU tar manual "Writing to an External Program": each file is piped to COMMAND run through the shell' },
      { options: ['--checkpoint-action'], runs: 'opaque', reason: 'GNU tar manual "checkpoints": --checkpoint-action=exec=COMMAND runs a command (other actions print)' },
      { options: ['-F', '--info-script', '--new-volume-script'], runs: 'shell', reason: 'GNU tar manual "Multi-Volume Archives": the script is run at the end of each volume' },
      { options: ['--rsh-command'], runs: 'program', reason: 'GNU tar manual "Remote Tape Server": the remote shell program' },
      { options: ['--rmt-command'], runs: 'remote', reason: 'GNU tar manual "Remote Tape Server": the rmt program run on the remote host' },
    ],
  },
  zip: {
    reason: 'zip runs the test command of -TT/--unzip-command',
    valueLetters: 'bnOt',
    options: [{ options: ['--unzip-command', '-TT'], runs: 'shell', placeholder: '{}', reason: 'zip(1) -TT: the command used to test the archive, with {} replaced by its name; run with system()' }],
  },
  sort: {
    reason: 'GNU sort runs the program of --compress-program',
    valueLetters: 'kSTotz',
    valueOptions: ['--key', '--buffer-size', '--temporary-directory', '--output', '--field-separator', '--parallel', '--batch-size', '--files0-from', '--random-source', '--sort'],
    options: [{ options: ['--compress-program'], runs: 'program', reason: 'sort(1) --compress-program=PROG: compresses temporary files with PROG (and PROG -d)' }],
  },
  man: {
    reason: 'man runs the pager of -P/--pager and the browser of -H/--html',
    valueLetters: 'CMPSseLmpRrEI',
    options: [
      { options: ['-P', '--pager'], runs: 'shell', reason: 'man(1) -P PAGER: the pager, run through the shell' },
      { options: ['-H', '--html'], runs: 'shell', optional: true, reason: 'man(1) -H[BROWSER]: the browser, run through the shell' },
      { options: ['-p', '--preprocessor'], runs: 'opaque', reason: 'man(1) -p: the preprocessors run before nroff' },
    ],
  },
  less: {
    reason: 'less runs `!command` and other commands given with +CMD, and key files of --lesskey-file',
    handler: 'less',
    valueLetters: 'bhjkoOpPtTxyz',
    options: [
      { options: ['-k', '--lesskey-file', '--lesskey-src', '--lesskey-content'], runs: 'opaque', reason: 'less(1) -k: a key binding file, whose bindings can run shell commands' },
    ],
  },
  make: {
    reason: 'make runs --eval makefile text and uses SHELL= and other command-line variables for recipes',
    handler: 'make',
    valueLetters: 'CfIjloWE',
    valueOptions: ['--directory', '--file', '--makefile', '--include-dir', '--jobs', '--load-average', '--max-load', '--old-file', '--assume-old', '--what-if', '--new-file', '--assume-new', '--output-sync', '--debug', '--shuffle', '--jobserver-style'],
    options: [{ options: ['-E', '--eval'], runs: 'opaque', reason: 'GNU make manual "Options Summary": --eval=STRING evaluates STRING as makefile text ($(shell …) and recipes run commands)' }],
  },
  go: {
    reason: 'go runs the programs of -exec, -toolexec and -vettool',
    syntax: 'go',
    subcommandFirst: true,
    valueOptions: ['-o', '-C', '-p', '-run', '-bench', '-count', '-timeout', '-tags', '-ldflags', '-gcflags', '-asmflags', '-mod', '-modfile', '-coverprofile', '-covermode', '-coverpkg', '-cpu', '-parallel', '-benchtime', '-blockprofile', '-cpuprofile', '-memprofile', '-mutexprofile', '-outputdir', '-trace', '-shuffle', '-fuzz', '-fuzztime', '-skip', '-json', '-pgo', '-buildmode', '-compiler', '-gccgoflags', '-installsuffix', '-overlay', '-pkgdir', '-covermode', '-list', '-vet'],
    options: [
      { options: ['-exec'], runs: 'words', subcommands: ['run', 'test'], reason: 'go help run/test: -exec xprog runs the binary as `xprog a.out args`' },
      { options: ['-toolexec'], runs: 'words', subcommands: ['build', 'install', 'run', 'test', 'vet', 'list', 'get', 'clean', 'generate'], reason: 'go help build: -toolexec \'cmd args\' runs each toolchain program through cmd' },
      { options: ['-vettool'], runs: 'program', subcommands: ['vet', 'test'], reason: 'go help vet: -vettool=prog runs prog instead of vet' },
    ],
  },
  cargo: {
    reason: 'cargo runs runners, linkers and wrappers given by --config',
    handler: 'cargo',
    valueLetters: 'pjFZ',
    valueOptions: ['--package', '--jobs', '--features', '--target', '--target-dir', '--manifest-path', '--profile', '--bin', '--example', '--test', '--bench', '--color', '--exclude', '--message-format', '--lockfile-path', '-C'],
    options: [{ options: ['--config'], runs: 'opaque', reason: 'cargo --config KEY=VALUE or a file: keys such as target.*.runner, build.rustc-wrapper, target.*.linker run programs (The Cargo Book "Configuration")' }],
  },
  npm: {
    reason: 'npm runs scripts with --script-shell, and `npm config set`/`npm pkg set` define commands run later',
    handler: 'npm',
    valueLetters: 'wpC',
    options: [
      { options: ['--script-shell'], runs: 'program', reason: 'npm config "script-shell": the shell npm runs package scripts with' },
      { options: ['--shell'], runs: 'program', reason: 'npm config "shell": the shell of npm exec and npm explore' },
      { options: ['--node-options'], runs: 'opaque', reason: 'npm config "node-options": NODE_OPTIONS for scripts (--require loads code)' },
      { options: ['--userconfig', '--globalconfig'], runs: 'opaque', reason: 'npm config: another .npmrc, which can set script-shell' },
    ],
  },
  rg: {
    reason: 'ripgrep runs the preprocessor of --pre for every file searched',
    valueLetters: 'ABCeEfgjmMtTrd',
    valueOptions: ['--regexp', '--file', '--glob', '--iglob', '--type', '--type-not', '--type-add', '--type-clear', '--max-count', '--max-depth', '--context', '--after-context', '--before-context', '--encoding', '--replace', '--threads', '--max-columns', '--max-filesize', '--sort', '--sortr', '--colors', '--color', '--path-separator', '--engine', '--dfa-size-limit', '--regex-size-limit', '--ignore-file', '--pre-glob', '--context-separator', '--field-match-separator', '--field-context-separator', '--hostname-bin', '--hyperlink-format', '--generate'],
    options: [
      { options: ['--pre'], runs: 'program', reason: 'rg(1) --pre COMMAND: runs COMMAND with each file path and searches its output' },
      { options: ['--hostname-bin'], runs: 'program', reason: 'rg(1) --hostname-bin: a program run to find the host name' },
    ],
  },
  fd: {
    reason: 'fd runs the command of -x/--exec for each result and of -X/--exec-batch once',
    valueLetters: 'deEjotcS',
    valueOptions: ['--extension', '--exclude', '--max-depth', '--min-depth', '--exact-depth', '--type', '--owner', '--size', '--changed-within', '--changed-before', '--threads', '--max-results', '--color', '--base-directory', '--path-separator', '--search-path', '--ignore-file', '--batch-size', '--format', '--max-buffer-time', '--and'],
    options: [
      { options: ['-x', '--exec'], runs: 'rest', terminator: ';', placeholder: '{', reason: 'fd(1) -x/--exec: runs the command for each result, placeholders {} {.} {/} replaced' },
      { options: ['-X', '--exec-batch'], runs: 'rest', terminator: ';', placeholder: '{', reason: 'fd(1) -X/--exec-batch: runs the command once with all results' },
    ],
  },
  git: {
    reason: 'git: options and configuration keys that run programs (git.ts, read by the git handler)',
    options: [],
  },
  ncat: {
    reason: 'ncat runs the program of -e/--exec, the shell command of -c/--sh-exec and Lua of --lua-exec',
    valueLetters: 'egGiopswxd',
    options: [
      { options: ['-e', '--exec'], runs: 'words', reason: 'ncat(1) -e: runs the command with its input and output on the socket' },
      { options: ['-c', '--sh-exec'], runs: 'shell', reason: 'ncat(1) -c: runs the command through /bin/sh with its input and output on the socket' },
      { options: ['--lua-exec'], runs: 'opaque', reason: 'ncat(1) --lua-exec: runs a Lua script' },
    ],
  },
  nc: {
    reason: 'traditional netcat runs the program of -e and the shell command of -c',
    valueLetters: 'egGiIOpPqsTVwX',
    options: [
      { options: ['-e'], runs: 'program', reason: 'nc.traditional(1) -e: runs the program with its input and output on the socket' },
      { options: ['-c'], runs: 'shell', reason: 'nc.traditional(1) -c: runs the command through /bin/sh' },
    ],
  },
  xterm: {
    reason: 'terminal emulators run the command of -e',
    syntax: 'single',
    options: [
      { options: ['-e'], runs: 'rest', reason: 'xterm(1) -e: runs the rest of the command line as a program and its arguments' },
      { options: ['-x', '--'], runs: 'rest', reason: 'gnome-terminal(1) -x/--: runs the rest of the command line' },
    ],
  },
  vim: {
    reason: 'vim runs Ex commands given with -c, +CMD and --cmd (`:!cmd` runs the shell) and -S session files',
    handler: 'vim',
    syntax: 'single',
    valueOptions: ['-u', '-U', '-i', '-T', '-w', '-W', '-s', '-t', '-q', '--servername', '--remote', '--remote-send', '--remote-expr'],
    options: [
      { options: ['-c', '--cmd'], runs: 'opaque', reason: 'vim(1) -c/--cmd: Ex commands, which run shell commands with :! and system()' },
      { options: ['-S'], runs: 'opaque', reason: 'vim(1) -S FILE: sources a file of Ex commands' },
      { options: ['--remote-send', '--remote-expr'], runs: 'opaque', reason: 'vim(1) --remote-send/--remote-expr: keys or an expression run in another vim' },
    ],
  },
  emacsclient: {
    reason: 'emacsclient evaluates Lisp with -e/--eval',
    options: [{ options: ['-e', '--eval'], runs: 'opaque', reason: 'emacsclient(1) -e: evaluates Lisp in the running Emacs' }],
  },
  sed: {
    reason: 'GNU sed runs shell commands with the `e` command and the `e` flag of `s`',
    handler: 'sed',
    valueLetters: 'eflsE',
    options: [],
  },
  jq: { reason: 'jq runs no programs; listed so that its options are read as values', options: [] },
};

// Aliases: the same program under other names.
const ALIASES: Record<string, string> = {
  netcat: 'nc',
  'nc.traditional': 'nc',
  'nc.openbsd': 'nc',
  gtar: 'tar',
  bsdtar: 'tar',
  gsed: 'sed',
  gsort: 'sort',
  nvim: 'vim',
  vi: 'vim',
  view: 'vim',
  ex: 'vim',
  gvim: 'vim',
  vimdiff: 'vim',
  'gnome-terminal': 'xterm',
  konsole: 'xterm',
  alacritty: 'xterm',
  urxvt: 'xterm',
  'x-terminal-emulator': 'xterm',
  gmake: 'make',
  fdfind: 'fd',
};
for (const [alias, name] of Object.entries(ALIASES)) EXEC_TOOLS[alias] = EXEC_TOOLS[name]!;

/** Every exec-option tool, by name. */
export const EXEC_TOOL_NAMES: readonly string[] = Object.keys(EXEC_TOOLS);

/** The options of `name` that run programs (basename; case-folded, `.exe` dropped). */
export function execTool(name: string): ExecTool | undefined {
  return lookupProgram(EXEC_TOOLS, name, false);
}
