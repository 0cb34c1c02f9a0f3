// How git's command line can run programs (design.md §3 and §10 `exec-option`). These tables say
// which forms escalint reads; see git(1), git-config(1), git-fetch(1), git-rebase(1),
// git-submodule(1), git-bisect(1), git-difftool(1), git-grep(1), git-send-email(1),
// git-filter-branch(1), git-clone(1).
import type { ExecRun } from './exec-options.js';

export interface GitGlobalOption {
  /**
   * `config`: its value is `key=value` (separate or attached, `-ckey=value`);
   * `config-env`: its value is `key=ENVVAR`, the value read from the environment;
   * `value`: takes the next word as its value (`-C DIR`), ignored when attached (`--git-dir=DIR`);
   * `program-folder`: with an attached value (`--exec-path=DIR`) it changes which programs git runs.
   */
  takes: 'config' | 'config-env' | 'value' | 'program-folder';
  reason: string;
}

/** Options before the sub-command; any other word starting with `-` is a flag. */
export const GIT_GLOBAL_OPTIONS = {
  '-c': { takes: 'config', reason: 'sets a configuration key for this run; program-valued keys run their value' },
  '--config-env': { takes: 'config-env', reason: 'sets a configuration key from an environment variable (git(1) --config-env=NAME=ENVVAR)' },
  '--exec-path': { takes: 'program-folder', reason: 'with a value, the folder git runs its sub-commands from; alone, it prints that folder' },
  '-C': { takes: 'value', reason: 'runs as if git were started in the folder given' },
  '--git-dir': { takes: 'value', reason: 'the repository folder' },
  '--work-tree': { takes: 'value', reason: 'the working tree folder' },
  '--namespace': { takes: 'value', reason: 'the ref namespace' },
  '--super-prefix': { takes: 'value', reason: 'an internal path prefix for submodules' },
  '--list-cmds': { takes: 'value', reason: 'lists commands of a group' },
  '--attr-source': { takes: 'value', reason: 'the tree to read .gitattributes from' },
} as const satisfies Record<string, GitGlobalOption>;

export interface GitProgramOption {
  runs: ExecRun;
  reason: string;
  /** Sub-commands where the option has this meaning; any sub-command when absent. */
  subcommands?: readonly string[];
  /** The value can only be attached (`-O[PAGER]`); alone the program comes from the configuration. */
  optional?: boolean;
  /** The value is `key=value` configuration (`git clone -c`). */
  config?: boolean;
}

/** Options after the sub-command whose value (`--opt=v` or `--opt v`) is a program git runs. */
export const GIT_PROGRAM_OPTIONS = {
  '--upload-pack': { runs: 'shell', reason: 'the program git runs on the remote side of fetch, clone and ls-remote (through the shell for local and ssh remotes)' },
  '--receive-pack': { runs: 'shell', reason: 'the program git push runs on the remote side' },
  '--exec': { runs: 'shell', reason: 'the program git archive --remote runs on the remote side; the command git rebase runs after each commit' },
  '-u': { runs: 'shell', reason: 'short for --upload-pack', subcommands: ['clone', 'ls-remote', 'fetch-pack'] },
  '-x': { runs: 'shell', reason: 'git rebase -x: a command run after each commit; git difftool -x: the diff command', subcommands: ['rebase', 'difftool'] },
  '--extcmd': { runs: 'shell', reason: 'git difftool --extcmd: the command run for each file pair', subcommands: ['difftool'] },
  '-O': { runs: 'shell', optional: true, reason: 'git grep -O[PAGER]: opens the matching files in the pager', subcommands: ['grep'] },
  '--open-files-in-pager': { runs: 'shell', optional: true, reason: 'git grep --open-files-in-pager[=PAGER]', subcommands: ['grep'] },
  '--sendmail-cmd': { runs: 'shell', reason: 'git send-email: the command that sends mail', subcommands: ['send-email'] },
  '--to-cmd': { runs: 'shell', reason: 'git send-email --to-cmd: a command whose output lists To: recipients', subcommands: ['send-email'] },
  '--cc-cmd': { runs: 'shell', reason: 'git send-email --cc-cmd: a command whose output lists Cc: recipients', subcommands: ['send-email'] },
  '--header-cmd': { runs: 'shell', reason: 'git send-email: a command whose output adds headers', subcommands: ['send-email'] },
  '--smtp-server': { runs: 'opaque', reason: 'git send-email: a path here is a sendmail program run instead of a server', subcommands: ['send-email'] },
  '--tree-filter': { runs: 'shell', reason: 'git filter-branch --tree-filter: a script evaluated in each commit\'s checked-out tree', subcommands: ['filter-branch'] },
  '--index-filter': { runs: 'shell', reason: 'git filter-branch --index-filter: a script evaluated on each commit\'s index', subcommands: ['filter-branch'] },
  '--env-filter': { runs: 'shell', reason: 'git filter-branch --env-filter: a script evaluated to set each commit\'s environment', subcommands: ['filter-branch'] },
  '--msg-filter': { runs: 'shell', reason: 'git filter-branch: a script evaluated for each commit message', subcommands: ['filter-branch'] },
  '--commit-filter': { runs: 'shell', reason: 'git filter-branch: a script run instead of git commit-tree', subcommands: ['filter-branch'] },
  '--parent-filter': { runs: 'shell', reason: 'git filter-branch --parent-filter: a script evaluated on each commit\'s parents', subcommands: ['filter-branch'] },
  '--tag-name-filter': { runs: 'shell', reason: 'git filter-branch: a script evaluated for each tag', subcommands: ['filter-branch'] },
  '--template': { runs: 'opaque', reason: 'git clone/init --template=DIR: copies DIR\'s hooks into the repository, which git then runs', subcommands: ['clone', 'init'] },
  '--config': { runs: 'opaque', config: true, reason: 'git clone --config key=value: configuration of the new repository, read from the start', subcommands: ['clone'] },
  '-c': { runs: 'opaque', config: true, reason: 'git clone -c key=value: configuration of the new repository, read from the start', subcommands: ['clone'] },
  '--httpd': { runs: 'program', reason: 'git instaweb --httpd: the web server run', subcommands: ['instaweb'] },
  '--browser': { runs: 'program', reason: 'git instaweb/help --browser: the browser run', subcommands: ['instaweb', 'web--browse'] },
} as const satisfies Record<string, GitProgramOption>;

/**
 * How a configuration value runs: `shell` (sh -c), `program` (a program path), `bang` (a shell
 * command when it starts with `!`, else a helper program), `alias` (`!cmd` a shell command, else
 * a git command line), `pager` (a shell command unless a boolean), `opaque` (another file or
 * setting the value does not show), `enables` (opaque unless the value turns it off).
 */
export type GitConfigRun = 'shell' | 'program' | 'bang' | 'alias' | 'pager' | 'opaque' | 'enables';

export interface GitConfigRule {
  /** Lower-case section (`core`), or `*` for any. */
  section: string;
  /** Lower-case last part of the key (`sshcommand`), or `*` for any. */
  name: string;
  runs: GitConfigRun;
  reason: string;
}

/**
 * Configuration keys that run programs (git-config(1) "Variables"). Section and key names are
 * compared in lower case: git treats them case-insensitively (the subsection is not compared).
 */
export const GIT_CONFIG_RULES: readonly GitConfigRule[] = [
  { section: 'core', name: 'sshcommand', runs: 'shell', reason: 'the ssh command git runs for ssh remotes' },
  { section: 'core', name: 'pager', runs: 'shell', reason: 'the pager git runs for long output' },
  { section: 'core', name: 'editor', runs: 'shell', reason: 'the editor git runs for messages' },
  { section: 'core', name: 'askpass', runs: 'program', reason: 'the program git runs to ask for credentials' },
  { section: 'core', name: 'fsmonitor', runs: 'enables', reason: 'a hook program git runs to watch the file system (true means the built-in daemon)' },
  { section: 'core', name: 'hookspath', runs: 'opaque', reason: 'the folder whose hooks git runs' },
  { section: 'core', name: 'gitproxy', runs: 'program', reason: 'a proxy program git runs for git:// remotes' },
  { section: 'core', name: 'alternaterefscommand', runs: 'shell', reason: 'a command git runs to list the refs of alternates' },
  { section: 'sequence', name: 'editor', runs: 'shell', reason: 'the editor git rebase -i runs' },
  { section: 'diff', name: 'external', runs: 'shell', reason: 'the diff program git runs' },
  { section: 'diff', name: 'textconv', runs: 'shell', reason: 'diff.<driver>.textconv: a program run to convert files before diffing' },
  { section: 'diff', name: 'command', runs: 'shell', reason: 'diff.<driver>.command: the diff program of a driver' },
  { section: 'merge', name: 'driver', runs: 'shell', reason: 'merge.<driver>.driver: the command run to merge files' },
  { section: 'filter', name: 'clean', runs: 'shell', reason: 'filter.<driver>.clean: a command run on files staged' },
  { section: 'filter', name: 'smudge', runs: 'shell', reason: 'filter.<driver>.smudge: a command run on files checked out' },
  { section: 'filter', name: 'process', runs: 'shell', reason: 'filter.<driver>.process: a long-running filter command' },
  { section: '*', name: 'cmd', runs: 'shell', reason: 'difftool/mergetool/browser/man.<tool>.cmd: the command run for the tool' },
  { section: '*', name: 'command', runs: 'shell', reason: 'trailer.<token>.command, hook.<name>.command: a command git runs' },
  { section: '*', name: 'program', runs: 'program', reason: 'gpg.program, gpg.<format>.program: the signing program' },
  { section: 'difftool', name: 'path', runs: 'program', reason: 'difftool.<tool>.path: the program of a diff tool' },
  { section: 'mergetool', name: 'path', runs: 'program', reason: 'mergetool.<tool>.path: the program of a merge tool' },
  { section: 'browser', name: 'path', runs: 'program', reason: 'browser.<tool>.path: the browser program' },
  { section: 'man', name: 'path', runs: 'program', reason: 'man.<tool>.path: the man viewer program' },
  { section: 'credential', name: 'helper', runs: 'bang', reason: 'a credential helper git runs (a `!` value is a shell command)' },
  { section: 'gpg', name: 'defaultkeycommand', runs: 'shell', reason: 'gpg.ssh.defaultKeyCommand: a command run to find the signing key' },
  { section: 'sendemail', name: 'sendmailcmd', runs: 'shell', reason: 'the command git send-email sends mail with' },
  { section: 'sendemail', name: 'tocmd', runs: 'shell', reason: 'sendemail.toCmd: a command git send-email runs to list To: recipients' },
  { section: 'sendemail', name: 'cccmd', runs: 'shell', reason: 'sendemail.ccCmd: a command git send-email runs to list Cc: recipients' },
  { section: 'sendemail', name: 'headercmd', runs: 'shell', reason: 'a command git send-email runs to add headers' },
  { section: 'sendemail', name: 'smtpserver', runs: 'opaque', reason: 'a path here is a sendmail program git send-email runs' },
  { section: 'remote', name: 'uploadpack', runs: 'shell', reason: 'remote.<name>.uploadpack: the program fetch runs on the remote side' },
  { section: 'remote', name: 'receivepack', runs: 'shell', reason: 'remote.<name>.receivepack: the program push runs on the remote side' },
  { section: 'remote', name: 'vcs', runs: 'opaque', reason: 'remote.<name>.vcs: runs the remote helper git-remote-<vcs>' },
  { section: 'uploadpack', name: 'packobjectshook', runs: 'shell', reason: 'a program git runs when serving fetches' },
  { section: 'protocol', name: 'allow', runs: 'enables', reason: 'protocol.<name>.allow: allows transports such as ext::, which run arbitrary commands' },
  { section: 'include', name: 'path', runs: 'opaque', reason: 'include.path: reads another configuration file, whose keys can run programs' },
  { section: 'includeif', name: 'path', runs: 'opaque', reason: 'includeIf.<condition>.path: reads another configuration file when the condition holds' },
  { section: 'alias', name: '*', runs: 'alias', reason: 'an alias runs its `!` value through the shell, or its value as a git command line' },
  { section: 'pager', name: '*', runs: 'pager', reason: 'pager.<cmd>: a pager command for one git command (a boolean only turns paging on or off)' },
  { section: 'submodule', name: 'update', runs: 'bang', reason: 'submodule.<name>.update=!command runs the command' },
  { section: 'interactive', name: 'difffilter', runs: 'shell', reason: 'a filter command git add -p runs on diffs' },
  { section: 'web', name: 'browser', runs: 'program', reason: 'the browser git web--browse runs' },
  { section: 'help', name: 'browser', runs: 'program', reason: 'the browser git help --web runs' },
  { section: 'instaweb', name: 'httpd', runs: 'program', reason: 'the web server git instaweb runs' },
  { section: 'man', name: 'viewer', runs: 'program', reason: 'the man viewer git help runs' },
];

/** Values of `enables` keys that turn them off. */
export const GIT_OFF_VALUES = {
  false: 'off',
  no: 'off',
  off: 'off',
  '0': 'off',
  '': 'unset',
  never: 'protocol.*.allow=never',
  user: 'protocol.*.allow=user: only when GIT_PROTOCOL_FROM_USER allows it',
} as const satisfies Record<string, string>;

/** Program values that run nothing foreign: git's own default pager and no-op programs. */
export const GIT_INERT_PROGRAM_VALUES = {
  '': 'unset: git uses its default',
  cat: 'prints its input',
  less: 'the default pager',
  true: 'does nothing',
  ':': 'does nothing',
} as const satisfies Record<string, string>;

/** Boolean values, which a `pager` key takes to turn paging on or off. */
export const GIT_BOOLEAN_VALUES = {
  true: 'on',
  false: 'off',
  yes: 'on',
  no: 'off',
  on: 'on',
  off: 'off',
  '1': 'on',
  '0': 'off',
  '': 'unset',
} as const satisfies Record<string, string>;

/** The rule of a configuration key (`core.sshCommand`, `difftool.x.cmd`), or undefined. */
export function gitConfigRule(key: string): GitConfigRule | undefined {
  const dot = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (dot <= 0 || last === key.length - 1) return undefined;
  const section = key.slice(0, dot).toLowerCase();
  const name = key.slice(last + 1).toLowerCase();
  for (const r of GIT_CONFIG_RULES) {
    if ((r.section === '*' || r.section === section) && (r.name === '*' || r.name === name)) return r;
  }
  return undefined;
}

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

/**
 * `git config` writes configuration that later git commands read: these forms name the key and
 * value (git-config(1)). Options with a separate value, skipped to find the key.
 */
export const GIT_CONFIG_VALUE_OPTIONS = {
  '-f': 'the configuration file to write',
  '--file': 'the configuration file to write',
  '--blob': 'a blob to read',
  '--type': 'the type of the value',
  '-t': 'the type of the value',
  '--default': 'a default value',
  '--comment': 'a comment to write',
  '--value': 'a value pattern',
} as const satisfies Record<string, string>;

/** `git config` sub-commands (git 2.46) that write a key and value. */
export const GIT_CONFIG_SETTERS = {
  set: 'git config set KEY VALUE',
} as const satisfies Record<string, string>;
