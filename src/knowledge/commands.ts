// Commands that run scripts or commands given in their arguments with a grammar of their own,
// unlike the option-then-command shape of wrappers.ts. Each is read by the SegmentAnalyzer
// method its `handler` names, from the tables below (and git.ts for git).

export type CommandHandler = 'find' | 'git' | 'trap' | 'source' | 'ssh' | 'tmux' | 'socat' | 'at' | 'parallel' | 'gh';

export interface CommandEntry {
  handler: CommandHandler;
  reason: string;
}

export const COMMANDS = {
  find: { handler: 'find', reason: '-exec, -execdir, -ok and -okdir run a command for the files found' },
  ssh: { handler: 'ssh', reason: 'the words after the host are a command line run by the remote shell (ssh(1): joined by spaces)' },
  tmux: { handler: 'tmux', reason: 'new-session, new-window, split-window, run-shell, if-shell … run shell commands; send-keys types into a pane' },
  socat: { handler: 'socat', reason: 'EXEC: and SYSTEM: addresses run programs (socat(1) "ADDRESS TYPES")' },
  at: { handler: 'at', reason: 'at reads the commands it schedules from standard input or -f FILE (at(1))' },
  batch: { handler: 'at', reason: 'batch reads the commands it schedules from standard input (at(1))' },
  parallel: { handler: 'parallel', reason: 'GNU parallel runs its command through the shell for each input, or reads commands from standard input' },
  gh: { handler: 'gh', reason: '`gh alias set` defines a command later run by `gh NAME` (a shell command with --shell or a leading !)' },
  git: { handler: 'git', reason: 'options, configuration keys and sub-commands run programs (git.ts)' },
  trap: { handler: 'trap', reason: 'its action is a script the shell runs later (bash manual §4.2)' },
  source: { handler: 'source', reason: 'runs a file in the current shell (bash manual §4.2)' },
  '.': { handler: 'source', reason: 'runs a file in the current shell (the POSIX spelling of source)' },
} as const satisfies Record<string, CommandEntry>;

/**
 * find(1) actions followed by a command, which runs with `{}` replaced by file names. `plus`:
 * a `+` right after a word containing `{}` also ends the command (findutils parser.c
 * insert_exec_ok: only for -exec and -execdir).
 */
export const FIND_EXEC_ACTIONS = {
  '-exec': { plus: true, reason: 'runs a command for the files found' },
  '-execdir': { plus: true, reason: 'runs a command from the folder of each file found' },
  '-ok': { plus: false, reason: 'asks, then runs a command for each file found' },
  '-okdir': { plus: false, reason: 'asks, then runs a command from the folder of each file found' },
} as const satisfies Record<string, { plus: boolean; reason: string }>;

/** The text find replaces by a file name, anywhere in a word of the command (findutils: `mbsstr(arg, "{}")`). */
export const FIND_PLACEHOLDER = '{}';

/**
 * find(1) tests and actions that take words of their own, so that a value such as `-name -exec`
 * is not read as an action. Only certain entries: an entry missing here at worst makes a phantom
 * segment, never a missed one.
 */
export const FIND_VALUE_PRIMARIES = {
  '-name': 1, '-iname': 1, '-path': 1, '-ipath': 1, '-wholename': 1, '-iwholename': 1, '-regex': 1, '-iregex': 1,
  '-lname': 1, '-ilname': 1, '-type': 1, '-xtype': 1, '-user': 1, '-group': 1, '-perm': 1, '-size': 1,
  '-newer': 1, '-anewer': 1, '-cnewer': 1, '-samefile': 1, '-printf': 1, '-fprint': 1, '-fprint0': 1, '-fls': 1,
  '-fprintf': 2, '-maxdepth': 1, '-mindepth': 1, '-mtime': 1, '-atime': 1, '-ctime': 1, '-mmin': 1, '-amin': 1,
  '-cmin': 1, '-inum': 1, '-links': 1, '-uid': 1, '-gid': 1, '-used': 1, '-regextype': 1, '-fstype': 1,
  '-context': 1, '-files0-from': 1,
} as const satisfies Record<string, number>;

/**
 * tmux(1) commands whose shell-command argument runs through the default shell, with the
 * letters of their options that take a value (tmux(1) "COMMANDS": each command's synopsis).
 */
export const TMUX_SHELL_COMMANDS = {
  'new-session': { values: 'cefFnstxy', reason: 'the first window runs the shell command given' },
  new: { values: 'cefFnstxy', reason: 'alias of new-session' },
  'new-window': { values: 'ceFnt', reason: 'the window runs the shell command given' },
  neww: { values: 'ceFnt', reason: 'alias of new-window' },
  'split-window': { values: 'ceFlt', reason: 'the pane runs the shell command given' },
  splitw: { values: 'ceFlt', reason: 'alias of split-window' },
  'respawn-pane': { values: 'cet', reason: 'the pane runs the shell command given' },
  respawnp: { values: 'cet', reason: 'alias of respawn-pane' },
  'respawn-window': { values: 'cet', reason: 'the window runs the shell command given' },
  respawnw: { values: 'cet', reason: 'alias of respawn-window' },
  'run-shell': { values: 'cdt', reason: 'runs the shell command' },
  run: { values: 'cdt', reason: 'alias of run-shell' },
  'if-shell': { values: 't', reason: 'runs the shell command to choose a tmux command' },
  if: { values: 't', reason: 'alias of if-shell' },
  'pipe-pane': { values: 't', reason: 'pipes the pane to the shell command' },
  pipep: { values: 't', reason: 'alias of pipe-pane' },
  'display-popup': { values: 'bcdehsStTwxy', reason: 'the popup runs the shell command' },
  popup: { values: 'bcdehsStTwxy', reason: 'alias of display-popup' },
} as const satisfies Record<string, { values: string; reason: string }>;

/** tmux commands that type into a pane: what runs depends on the program there. */
export const TMUX_TYPING_COMMANDS = {
  'send-keys': 'types keys into a pane, where a shell may run them', send: 'alias of send-keys',
  'paste-buffer': 'pastes into a pane', pasteb: 'alias of paste-buffer',
} as const satisfies Record<string, string>;

/** Option letters of send-keys and paste-buffer that take a value (tmux(1)). */
export const TMUX_TYPING_VALUE_LETTERS = 'Nbst';

/** socat(1) address types that run a program: how the address parameter runs. */
export const SOCAT_EXEC_ADDRESSES = {
  exec: 'words',
  system: 'shell',
  shell: 'shell',
} as const satisfies Record<string, 'words' | 'shell'>;

/** Words that end the command of a find action. */
export const FIND_EXEC_TERMINATORS = {
  ';': 'the command runs once per file',
  '+': 'the command runs once with many files',
} as const satisfies Record<string, string>;

/** Letters of `trap` options that take no value (bash manual §4.2), alone or clustered (`-lp`). */
export const TRAP_FLAGS = {
  l: 'lists the signal names',
  p: 'prints the traps set',
  P: 'prints the trap actions of the signals given',
} as const satisfies Record<string, string>;

/** `trap` actions that are no script at all. */
export const TRAP_NO_SCRIPT_ACTIONS = {
  '-': 'resets the signals given to their defaults',
  '': 'ignores the signals given',
} as const satisfies Record<string, string>;

/** Arguments of `source`/`.` that name standard input rather than a file on disk. */
export const SOURCE_STDIN_FILES = {
  '/dev/stdin': 'standard input, which the command line does not show',
  '-': 'the usual name of standard input',
} as const satisfies Record<string, string>;
