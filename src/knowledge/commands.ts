// Commands that run scripts or commands given in their arguments with a grammar of their own,
// unlike the option-then-command shape of wrappers.ts. Each is read by the SegmentAnalyzer
// method its `handler` names, from the tables below (and git.ts for git).

export type CommandHandler = 'find' | 'git' | 'trap' | 'source';

export interface CommandEntry {
  handler: CommandHandler;
  reason: string;
}

export const COMMANDS = {
  find: { handler: 'find', reason: '-exec, -execdir, -ok and -okdir run a command for the files found' },
  git: { handler: 'git', reason: 'options, configuration keys and sub-commands run programs (git.ts)' },
  trap: { handler: 'trap', reason: 'its action is a script the shell runs later (bash manual §4.2)' },
  source: { handler: 'source', reason: 'runs a file in the current shell (bash manual §4.2)' },
  '.': { handler: 'source', reason: 'runs a file in the current shell (the POSIX spelling of source)' },
} as const satisfies Record<string, CommandEntry>;

/** find(1) actions followed by a command, which runs with `{}` replaced by file names. */
export const FIND_EXEC_ACTIONS = {
  '-exec': 'runs a command for the files found',
  '-execdir': 'runs a command from the folder of each file found',
  '-ok': 'asks, then runs a command for each file found',
  '-okdir': 'asks, then runs a command from the folder of each file found',
} as const satisfies Record<string, string>;

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
