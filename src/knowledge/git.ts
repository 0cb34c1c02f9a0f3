// How git's command line can run programs (design.md §3: "git -c core.*=…/--upload-pack=…-style
// options that run programs"). These tables say which forms escalint reads; see git(1),
// git-config(1), git-fetch(1), git-rebase(1), git-submodule(1), git-bisect(1).

export interface GitGlobalOption {
  /**
   * `config`: its value is `key=value` (separate or attached, `-ckey=value`);
   * `value`: takes the next word as its value (`-C DIR`), ignored when attached (`--git-dir=DIR`);
   * `program-folder`: with an attached value (`--exec-path=DIR`) it changes which programs git runs.
   */
  takes: 'config' | 'value' | 'program-folder';
  reason: string;
}

/** Options before the sub-command; any other word starting with `-` is a flag. */
export const GIT_GLOBAL_OPTIONS = {
  '-c': { takes: 'config', reason: 'sets a configuration key for this run; program-valued keys run their value' },
  '--exec-path': { takes: 'program-folder', reason: 'with a value, the folder git runs its sub-commands from; alone, it prints that folder' },
  '-C': { takes: 'value', reason: 'runs as if git were started in the folder given' },
  '--git-dir': { takes: 'value', reason: 'the repository folder' },
  '--work-tree': { takes: 'value', reason: 'the working tree folder' },
  '--namespace': { takes: 'value', reason: 'the ref namespace' },
  '--config-env': { takes: 'value', reason: 'sets a configuration key from an environment variable' },
  '--super-prefix': { takes: 'value', reason: 'an internal path prefix for submodules' },
} as const satisfies Record<string, GitGlobalOption>;

export interface GitProgramOption {
  reason: string;
  /** Sub-commands where the option has this meaning; any sub-command when absent. */
  subcommands?: readonly string[];
}

/** Options after the sub-command whose value (`--opt=v` or `--opt v`) is a program git runs through the shell. */
export const GIT_PROGRAM_OPTIONS = {
  '--upload-pack': { reason: 'the program git runs on the remote side of fetch, clone and ls-remote (run through the shell for local and ssh remotes)' },
  '--receive-pack': { reason: 'the program git push runs on the remote side' },
  '--exec': { reason: 'the program git archive --remote and ls-remote run on the remote side; the command git rebase runs after each commit' },
  '-u': { reason: 'short for --upload-pack', subcommands: ['clone', 'ls-remote'] },
  '-x': { reason: 'short for git rebase --exec: a command run after each commit', subcommands: ['rebase'] },
} as const satisfies Record<string, GitProgramOption>;

/**
 * `-c key=value` keys whose value is a program git runs through the shell. Keys are lowercase:
 * git compares section and key names case-insensitively.
 */
export const GIT_PROGRAM_CONFIG = {
  'core.sshcommand': 'the ssh command git runs for ssh remotes',
  'core.pager': 'the pager git runs for long output',
  'core.editor': 'the editor git runs for commit messages',
  'core.fsmonitor': 'a hook program git runs to watch the file system',
  'core.hookspath': 'the folder whose hooks git runs',
  'core.askpass': 'the program git runs to ask for credentials',
  'core.gitproxy': 'a proxy program git runs for git:// remotes',
  'sequence.editor': 'the editor git rebase -i runs',
  'diff.external': 'the diff program git runs',
  'credential.helper': 'a credential helper git runs (a `!` value is a shell command)',
  'gpg.program': 'the signing program git runs',
  'pager.log': 'the pager of git log',
  'pager.diff': 'the pager of git diff',
  'uploadpack.packobjectshook': 'a program git runs when serving fetches',
  'protocol.ext.allow': 'allows the ext:: transport, which runs arbitrary commands',
} as const satisfies Record<string, string>;

/** Prefixes of `-c` keys whose value, when it starts with `!`, is a shell command (the rest of it). */
export const GIT_BANG_CONFIG_PREFIXES = {
  'alias.': 'an alias starting with `!` runs the rest of its value through the shell',
} as const satisfies Record<string, string>;

interface GitRunner {
  /** The sub-command and the word after it. */
  words: readonly [string, string];
  /**
   * `joined-script`: the arguments joined by spaces are a shell script;
   * `command`: the arguments are a command and its arguments.
   */
  runs: 'joined-script' | 'command';
  /** `--` options (`--recursive`, `--quiet`) come before the command. */
  skipsLongOptions?: boolean;
  reason: string;
}

/** Sub-commands whose remaining arguments are a command git runs. */
export const GIT_RUNNERS: readonly GitRunner[] = [
  { words: ['submodule', 'foreach'], runs: 'joined-script', skipsLongOptions: true, reason: 'runs its arguments through the shell in each submodule' },
  { words: ['bisect', 'run'], runs: 'command', reason: 'runs its command to test each commit' },
];
