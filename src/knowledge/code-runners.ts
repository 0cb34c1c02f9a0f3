// Programs whose command line can run arbitrary code, and the command lines that do (the forms of
// command-forms.ts): interpreters and shells with their inline-code options, programs that run
// another command given as arguments (sudo, env, xargs, npx, uv run, docker exec …), and the
// package and version-control commands that run whatever a script name or a configuration value
// says (npm run, git -c). The arbitrary-code check reports an allow rule that admits one of them;
// it covers every prefix on Codex's own banned list (codex-banned.ts).
//
// What is *not* here, on purpose: running a named file or the project's own tests (`python3
// script.py`, `npm test`, `cargo test`, `make`): that runs code of the repository, which the agent
// could already edit; installing packages (`npm install`); and options a program accepts anywhere
// among its arguments (`git fetch --upload-pack`, `find … -exec` without `-exec` in the rule),
// which no longer prefix rule can keep out. escalint's own segmentation (design.md §3) unwraps
// those at run time; these tables only say what a prefix rule lets through.
import { abbreviations, any, command, gap, hole, like, options, rest, word, type Form, type OptionTable, type ProgramForms } from './command-forms.js';
import { globalValueOptions } from './global-options.js';

const CODE = "'…'";

// --- Interpreters -------------------------------------------------------------------------------

const python: ProgramForms = {
  reason: 'Python runs code from -c, from standard input, or from modules such as timeit',
  // -m and -c end the interpreter's options: what follows belongs to the module or the code.
  options: { value: ['-W', '-X', '--check-hash-based-pycs'], stop: ['-c', '-m', '-V', '--version', '-h', '-?', '--help', '--help-env', '--help-xoptions', '--help-all'] },
  forms: [
    { steps: [like(/^-[A-Za-z]*c$/, '-c', '-Bc', '-Ic'), hole(CODE)], reason: 'runs the code given to -c' },
    { steps: [word('-')], reason: 'reads the program from standard input' },
    { steps: [word('-m'), word('timeit', 'code', 'pdb')], reason: 'this module runs code given as arguments or on standard input' },
    { steps: [word('-m'), hole('MODULE')], reason: 'runs any module, e.g. timeit with code as arguments' },
  ],
  narrower: ['-m', 'pytest'],
};

const node: ProgramForms = {
  reason: 'Node.js runs code from -e/-p or standard input',
  options: {
    value: ['-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--inspect-port', '--title'],
    // --test refuses --eval; --check only parses the file.
    stop: ['-e', '--eval', '-p', '--print', '-pe', '--run', '-v', '--version', '-h', '--help', '--v8-options', '--test', '-c', '--check'],
  },
  forms: [
    { steps: [word('-e', '--eval', '-p', '--print', '-pe'), hole(CODE)], reason: 'runs the code given to -e' },
    { steps: [word('-')], reason: 'reads the program from standard input' },
    { steps: [word('--run'), hole('SCRIPT')], reason: 'runs any script of package.json' },
  ],
  narrower: ['--test'],
};

const perlLike = (name: string, stop: string[], value: string[]): ProgramForms => ({
  reason: `${name} runs code from -e or standard input`,
  options: { value, stop },
  forms: [
    // `-ne`, `-pe`, `-lne`: the cluster ends with e, whose value is the code.
    { steps: [like(/^-[A-Za-z0-9]*[eE]$/, '-e', '-E', '-ne', '-pe'), hole(CODE)], reason: 'runs the code given to -e' },
    { steps: [word('-')], reason: 'reads the program from standard input' },
  ],
});

const simpleInterpreter = (reason: string, codeOptions: string[], extra: Partial<ProgramForms> = {}, table: OptionTable = {}): ProgramForms => ({
  reason,
  options: { ...table, stop: [...codeOptions, ...(table.stop ?? []), '--version', '--help'] },
  forms: [
    { steps: [word(...codeOptions), hole(CODE)], reason: `runs the code given to ${codeOptions[0]}` },
    { steps: [word('-')], reason: 'reads the program from standard input' },
  ],
  ...extra,
});

/** Interpreters whose only way to take code is standard input (a REPL), so only the bare name admits it. */
const stdinOnly = (reason: string): ProgramForms => ({ reason, forms: [{ steps: [hole('')], reason: 'reads a program from standard input' }] });

// `-s` (read the script from standard input) is a form of its own, not a flag before `-c`.
const shellOptions: OptionTable = { signs: '-+', value: ['-o', '+o', '-O', '+O', '--rcfile', '--init-file'], stop: ['-s', '--version', '--help'] };
const shell = (name: string): ProgramForms => ({
  reason: `${name} runs the script given to -c, or one read from standard input`,
  options: shellOptions,
  forms: [
    // bash(1): with -c, commands are read from the first non-option argument (`-lc`, `-c -e 'x'`).
    { steps: [like(/^-[A-Za-z]*c[A-Za-z]*$/, '-c', '-lc', '-ec', '-ic'), options(shellOptions), hole(CODE)], reason: 'runs the script given to -c' },
    { steps: [word('--command'), hole(CODE)], reason: 'runs the script given to --command' },
    { steps: [like(/^-[A-Za-z]*s[A-Za-z]*$/, '-s')], reason: 'reads the script from standard input' },
  ],
});

const pwshCode = [...abbreviations('-command', 2), ...abbreviations('-encodedcommand', 2), '-ec', '-cwa', '-commandwithargs'];
const pwshFile = abbreviations('-file', 2);
const pwsh: ProgramForms = {
  reason: 'PowerShell runs the script given to -Command/-EncodedCommand, or read from standard input',
  caseInsensitive: true,
  options: {
    value: ['-executionpolicy', '-ep', '-workingdirectory', '-wd', '-configurationname', '-outputformat', '-of', '-inputformat', '-inf', '-windowstyle', '-settingsfile'],
    stop: [...pwshCode, ...pwshFile, '-version', '-v', '-help', '-h', '-?'],
  },
  forms: [
    { steps: [word(...pwshCode), hole(CODE)], reason: 'runs the script given to -Command' },
    { steps: [word(...pwshFile), hole('-')], reason: 'runs the script file given; `-` reads it from standard input' },
    { steps: [word('-')], reason: 'reads the script from standard input' },
  ],
};

const cmd: ProgramForms = {
  reason: 'cmd.exe runs the command line given to /c or /k, or read from standard input',
  caseInsensitive: true,
  options: { signs: '/', stop: ['/c', '/k', '/r', '/?'] },
  forms: [{ steps: [word('/c', '/k', '/r'), hole(CODE)], reason: 'runs the command line given to /c' }],
};

const awk: ProgramForms = {
  reason: 'awk programs can run commands with system() and pipes',
  options: { value: ['-F', '-v', '--field-separator', '--assign'], stop: ['-f', '--file', '-e', '--source', '--version', '-V', '--help', '-h'] },
  forms: [
    { steps: [hole(`'BEGIN { system("…") }'`)], reason: 'the program given as the first argument can run commands with system()' },
    { steps: [word('-e', '--source'), hole(CODE)], reason: 'runs the program given to -e' },
  ],
};

const psql: ProgramForms = {
  reason: 'psql runs SQL and meta-commands, including \\! which runs a shell command',
  // psql accepts several -c and -f, so a fixed one does not keep another out.
  options: { value: ['-h', '--host', '-p', '--port', '-U', '--username', '-d', '--dbname', '-v', '--set', '--variable', '-P', '--pset', '-o', '--output', '-L', '--log-file', '-c', '--command', '-f', '--file'], stop: ['-l', '--list', '-V', '--version', '-?', '--help'] },
  forms: [
    { steps: [word('-c', '--command'), hole("'\\! …'")], reason: 'runs any SQL or meta-command, and \\! runs a shell command' },
    { steps: [any('DBNAME'), options(), rest], reason: 'reads SQL and meta-commands (\\! runs a shell command) from standard input' },
  ],
};

const mysql: ProgramForms = {
  reason: 'the MySQL client runs SQL and client commands, including system, which runs a shell command',
  options: { value: ['-h', '--host', '-u', '--user', '-P', '--port', '-D', '--database', '-S', '--socket'], stop: ['-e', '--execute', '-V', '--version', '-?', '--help'] },
  forms: [
    { steps: [word('-e', '--execute'), hole("'system …'")], reason: 'runs any SQL or client command, and system runs a shell command' },
    { steps: [any('DATABASE'), options(), rest], reason: 'reads SQL and client commands (system runs a shell command) from standard input' },
  ],
};

const sqlite3: ProgramForms = {
  reason: 'sqlite3 runs SQL and dot-commands given as arguments or on standard input; .shell runs a shell command',
  options: { value: ['-separator', '-nullvalue', '-newline', '-init'], stop: ['-cmd', '-version', '--version', '-help', '--help'] },
  forms: [
    { steps: [word('-cmd'), hole("'.shell …'")], reason: 'runs the dot-command given, and .shell runs a shell command' },
    { steps: [any('DATABASE'), options(), rest], reason: 'runs the SQL and dot-commands given or read from standard input; .shell runs a shell command' },
  ],
};

// --- Programs that run another command given as arguments ----------------------------------------

/** A wrapper whose operands, after its options, are a command and its arguments. */
const wrapper = (reason: string, table: OptionTable = {}, before: Form['steps'] = []): ProgramForms => ({
  reason,
  options: table,
  forms: [{ steps: [...before, command], reason }],
});

const sudo: ProgramForms = {
  reason: 'sudo runs the command given as another user (root by default)',
  options: {
    value: ['-u', '--user', '-g', '--group', '-h', '--host', '-p', '--prompt', '-C', '--close-from', '-D', '--chdir', '-r', '--role', '-t', '--type', '-U', '--other-user', '-T', '--command-timeout'],
    stop: ['-s', '--shell', '-i', '--login', '-l', '--list', '-v', '--validate', '-k', '-K', '--remove-timestamp', '-V', '--version', '-e', '--edit', '--help'],
  },
  forms: [
    { steps: [command], reason: 'runs the command given as root' },
    { steps: [word('-s', '--shell', '-i', '--login')], reason: 'starts a root shell, which reads commands from standard input' },
  ],
};

const env: ProgramForms = {
  reason: 'env runs the command given with a changed environment',
  options: { value: ['-u', '--unset', '-C', '--chdir', '-P'], stop: ['-S', '--split-string', '--version', '--help'], assignments: true },
  forms: [
    { steps: [command], reason: 'runs the command given' },
    { steps: [word('-S', '--split-string'), hole("'sh -c …'")], reason: 'splits its value into a command and runs it' },
  ],
};

const watch: ProgramForms = {
  reason: 'watch runs its arguments again and again, through sh -c unless -x is given',
  options: { value: ['-n', '--interval', '-q', '--equexit'], stop: ['-x', '--exec', '-v', '--version', '-h', '--help'] },
  forms: [
    { steps: [word('-x', '--exec'), options({ value: ['-n', '--interval'] }), command], reason: 'runs the command given again and again' },
    { steps: [rest], reason: 'joins its arguments into a script for sh -c, so any later argument can add commands' },
  ],
};

const npxLike = (reason: string, table: OptionTable = {}): ProgramForms => ({
  reason,
  options: { ...table, stop: [...(table.stop ?? []), '-c', '--call', '-v', '--version', '-h', '--help'] },
  forms: [
    { steps: [command], reason: 'downloads and runs the package binary given' },
    { steps: [word('-c', '--call'), hole(CODE)], reason: 'runs the script given to --call' },
  ],
});

const npmExec: OptionTable = { value: ['-p', '--package', '-w', '--workspace'], stop: ['-c', '--call'] };
const npmRun: OptionTable = { value: ['-w', '--workspace'] };
const npm: ProgramForms = {
  reason: 'npm runs package scripts and downloads and runs package binaries',
  options: { value: globalValueOptions('npm'), stop: ['-v', '--version', '-h', '--help'] },
  forms: [
    { steps: [word('run', 'run-script', 'rum', 'urn'), options(npmRun), hole('SCRIPT')], reason: 'runs any script of package.json (Codex bans this prefix too)' },
    { steps: [word('exec', 'x'), options(npmExec), word('-c', '--call'), hole(CODE)], reason: 'runs the script given to --call' },
    { steps: [word('exec', 'x'), options(npmExec), command], reason: 'downloads and runs the package binary given' },
    { steps: [word('init', 'create', 'innit'), options(), hole('INITIALIZER')], reason: 'downloads and runs the create-<name> package named' },
  ],
  narrower: ['test'],
};

const pnpm: ProgramForms = {
  reason: 'pnpm runs package scripts and downloads and runs package binaries',
  options: { value: globalValueOptions('pnpm'), stop: ['-v', '--version', '-h', '--help'] },
  forms: [
    { steps: [word('run', 'run-script'), options(), hole('SCRIPT')], reason: 'runs any script of package.json (Codex bans this prefix too)' },
    { steps: [word('exec', 'dlx'), options(), command], reason: 'runs the package binary given, downloading it with dlx' },
    { steps: [word('create'), hole('STARTER')], reason: 'downloads and runs the create-<name> package named' },
  ],
  narrower: ['test'],
};

const yarn: ProgramForms = {
  reason: 'yarn runs package scripts and downloads and runs package binaries',
  options: { value: globalValueOptions('yarn'), stop: ['-v', '--version', '-h', '--help'] },
  forms: [
    { steps: [word('run'), options(), hole('SCRIPT')], reason: 'runs any script of package.json (Codex bans this prefix too)' },
    { steps: [word('dlx'), options({ value: ['-p', '--package'] }), command], reason: 'downloads and runs the package binary given' },
    { steps: [word('exec'), command], reason: 'runs the command given' },
    { steps: [word('create'), hole('STARTER')], reason: 'downloads and runs the create-<name> package named' },
  ],
  narrower: ['test'],
};

const bun: ProgramForms = {
  reason: 'Bun runs code from -e, package scripts, and package binaries',
  options: { stop: ['-e', '--eval', '-p', '--print', '-v', '--version', '-h', '--help'] },
  forms: [
    { steps: [word('-e', '--eval', '-p', '--print'), hole(CODE)], reason: 'runs the code given to -e' },
    { steps: [word('run'), options(), hole('SCRIPT')], reason: 'runs any script of package.json or any file (Codex bans this prefix too)' },
    { steps: [word('x'), options(), command], reason: 'downloads and runs the package binary given' },
    { steps: [word('repl')], reason: 'reads code from standard input' },
  ],
  narrower: ['test'],
};

const deno: ProgramForms = {
  reason: 'Deno runs code given to eval, and scripts from any file, URL or standard input',
  forms: [
    { steps: [word('eval'), options(), hole(CODE)], reason: 'runs the code given' },
    { steps: [word('repl')], reason: 'reads code from standard input' },
    { steps: [word('run'), options({ value: ['--config', '-c', '--import-map', '--location', '--cert', '--env-file'] }), hole('URL')], reason: 'runs any script, URL or standard input (`-`)' },
    { steps: [word('task'), options(), hole('TASK')], reason: 'runs any task of deno.json' },
  ],
  narrower: ['test'],
};

const uvRun: OptionTable = { value: ['--with', '--with-requirements', '--python', '-p', '--package', '--directory', '--project', '--group', '--extra', '--env-file', '--index', '--index-url'] };
const uvx: OptionTable = { value: ['--from', '--with', '--with-requirements', '--python', '-p', '--index', '--index-url'], stop: ['--version', '--help'] };

const docker = (name: string): ProgramForms => {
  const exec: OptionTable = { value: ['-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--detach-keys'] };
  const run: OptionTable = {
    value: [
      '-a', '--attach', '--add-host', '--cap-add', '--cap-drop', '--cgroup-parent', '--cidfile', '--cpus', '--cpu-shares', '-c', '--cpuset-cpus',
      '--device', '--dns', '-e', '--env', '--env-file', '--entrypoint', '--expose', '--gpus', '-h', '--hostname', '--health-cmd', '--ip', '--ipc',
      '-l', '--label', '--log-driver', '--log-opt', '-m', '--memory', '--mount', '--name', '--network', '--net', '--network-alias', '--pid',
      '--platform', '-p', '--publish', '--pull', '--restart', '--runtime', '--security-opt', '--shm-size', '--stop-signal', '--stop-timeout',
      '--tmpfs', '-u', '--user', '--ulimit', '-v', '--volume', '--volumes-from', '-w', '--workdir',
    ],
  };
  const compose: OptionTable = { value: ['-f', '--file', '-p', '--project-name', '--profile', '--env-file', '--project-directory'] };
  const composeRun: OptionTable = { value: ['-e', '--env', '-u', '--user', '-w', '--workdir', '-v', '--volume', '-p', '--publish', '--name', '--entrypoint', '-l', '--label', '--index'] };
  return {
    reason: `${name} runs commands and images in containers`,
    options: { value: globalValueOptions(name), stop: ['-v', '--version', '-h', '--help'] },
    forms: [
      { steps: [word('exec'), options(exec), any('CONTAINER'), command], reason: 'runs the command given in a container' },
      { steps: [word('run'), options(run), any('IMAGE'), command], reason: 'runs any image, or the command given in one' },
      { steps: [word('container'), word('exec'), options(exec), any('CONTAINER'), command], reason: 'runs the command given in a container' },
      { steps: [word('container'), word('run'), options(run), any('IMAGE'), command], reason: 'runs any image, or the command given in one' },
      { steps: [word('compose'), options(compose), word('exec'), options(composeRun), any('SERVICE'), command], reason: 'runs the command given in a service container' },
      { steps: [word('compose'), options(compose), word('run'), options(composeRun), any('SERVICE'), command], reason: 'runs the command given in a new service container' },
    ],
  };
};

const kubectlExec: OptionTable = { value: ['-c', '--container', '-n', '--namespace', '-f', '--filename', '--pod-running-timeout', '--context'] };
const kubectlRun: OptionTable = { value: ['--image', '--env', '--port', '-l', '--labels', '--overrides', '--restart', '-n', '--namespace', '--serviceaccount'] };

const ssh: OptionTable = {
  value: ['-B', '-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-Q', '-R', '-S', '-W', '-w'],
  stop: ['-V'],
};

const gitOptions: OptionTable = {
  // -c is an ordinary value option here: a fixed `-c k=v` still lets another `-c` follow.
  value: globalValueOptions('git'),
  stop: ['--exec-path', '--version', '--help', '-h', '--html-path', '--man-path', '--info-path'],
};

const TABLE = {
  python,
  python2: python,
  python3: python,
  pythonw: python,
  pypy: python,
  pypy3: python,
  py: { ...python, reason: 'the Python launcher runs code from -c or standard input' },
  pyw: { ...python, reason: 'the Python launcher runs code from -c or standard input' },
  ipython: { ...python, reason: 'IPython runs code from -c, from modules, or from standard input', narrower: undefined },
  node,
  nodejs: node,
  tsx: { ...node, reason: 'tsx runs TypeScript code from -e/-p or standard input', narrower: undefined },
  'ts-node': { ...node, reason: 'ts-node runs TypeScript code from -e/-p or standard input', narrower: undefined },
  deno,
  bun,
  perl: perlLike('Perl', ['-v', '-V', '--version', '-h', '--help'], ['-I', '-x']),
  ruby: perlLike('Ruby', ['-v', '--version', '-h', '--help'], ['-I', '-r', '-C', '-E']),
  php: simpleInterpreter('PHP runs code from -r/-R or standard input', ['-r', '-R', '-B', '-E', '-a'], {}, { value: ['-c', '-d', '-z'], stop: ['-v', '-l', '-i', '-m', '-h'] }),
  lua: simpleInterpreter('Lua runs code from -e or standard input', ['-e', '-i'], {}, { value: ['-l'], stop: ['-v'] }),
  luajit: simpleInterpreter('LuaJIT runs code from -e or standard input', ['-e', '-i'], {}, { value: ['-l'], stop: ['-v'] }),
  rscript: simpleInterpreter('Rscript runs code from -e or standard input', ['-e']),
  r: simpleInterpreter('R runs code from -e or standard input', ['-e'], {}, { stop: ['-f', '--file'] }),
  julia: simpleInterpreter('Julia runs code from -e or standard input', ['-e', '--eval', '-E', '--print'], {}, { value: ['-p', '--procs', '-t', '--threads', '-J', '--sysimage'], stop: ['-v'] }),
  osascript: simpleInterpreter('osascript runs AppleScript or JavaScript from -e or standard input', ['-e'], {}, { value: ['-l', '-s'] }),
  tclsh: stdinOnly('Tcl reads a program from standard input'),
  wish: stdinOnly('Tk reads a program from standard input'),
  irb: stdinOnly('irb reads Ruby code from standard input'),
  jshell: stdinOnly('jshell reads Java code from standard input'),
  pwsh,
  powershell: pwsh,
  cmd,
  awk,
  gawk: awk,
  mawk: awk,
  nawk: awk,
  psql,
  mysql,
  mariadb: mysql,
  sqlite3,

  bash: shell('bash'),
  sh: shell('sh'),
  zsh: shell('zsh'),
  dash: shell('dash'),
  ksh: shell('ksh'),
  mksh: shell('mksh'),
  ash: shell('ash'),
  yash: shell('yash'),
  csh: shell('csh'),
  tcsh: shell('tcsh'),
  fish: shell('fish'),

  sudo,
  doas: {
    reason: 'doas runs the command given as another user (root by default)',
    options: { value: ['-u', '-C'], stop: ['-s'] },
    forms: [
      { steps: [command], reason: 'runs the command given as root' },
      { steps: [word('-s')], reason: 'starts a root shell, which reads commands from standard input' },
    ],
  },
  su: {
    reason: 'su runs a shell, or the command given to -c, as another user',
    options: { value: ['-s', '--shell', '-g', '--group', '-G', '--supp-group'], stop: ['-c', '--command', '--session-command', '-h', '--help', '-V', '--version'] },
    forms: [
      { steps: [word('-c', '--command', '--session-command'), hole(CODE)], reason: 'runs the command line given to -c' },
      { steps: [any('USER'), options(), word('-c', '--command', '--session-command'), hole(CODE)], reason: 'runs the command line given to -c' },
    ],
  },
  runuser: wrapper('runuser runs the command given as another user', { value: ['-u', '--user', '-g', '--group', '-s', '--shell'] }),
  env,
  nice: wrapper('nice runs the command given at another priority', { value: ['-n', '--adjustment'] }),
  nohup: wrapper('nohup runs the command given, immune to hangups'),
  setsid: wrapper('setsid runs the command given in a new session'),
  stdbuf: wrapper('stdbuf runs the command given with other stdio buffering', { value: ['-i', '-o', '-e', '--input', '--output', '--error'] }),
  ionice: wrapper('ionice runs the command given at another I/O priority', { value: ['-c', '--class', '-n', '--classdata'], stop: ['-p', '--pid', '-P', '--pgid', '-u', '--uid'] }),
  chronic: wrapper('chronic runs the command given and hides its output unless it fails'),
  caffeinate: wrapper('caffeinate runs the command given, keeping the machine awake', { value: ['-t', '-w'] }),
  time: wrapper('the time program runs and times the command given', { value: ['-f', '--format', '-o', '--output'] }),
  timeout: wrapper('timeout runs the command given with a time limit', { value: ['-s', '--signal', '-k', '--kill-after'], stop: ['--help', '--version'] }, [any('10')]),
  command: wrapper('command runs the command given, bypassing shell functions', { stop: ['-v', '-V'] }),
  builtin: wrapper('builtin runs the shell builtin given (eval, source …)'),
  exec: wrapper('exec replaces the shell with the command given', { value: ['-a'] }),
  eval: { reason: 'eval runs its arguments as a shell script', forms: [{ steps: [rest], reason: 'joins its arguments into a script and runs it, so any later argument can add commands' }] },
  xargs: wrapper('xargs runs the command given with arguments read from standard input', {
    value: ['-a', '--arg-file', '-d', '--delimiter', '-E', '-I', '-L', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars', '--process-slot-var'],
    stop: ['--help', '--version'],
  }),
  parallel: { reason: 'GNU parallel runs the commands given or read from standard input', forms: [{ steps: [rest], reason: 'runs its arguments, and lines read from standard input, as shell commands' }] },
  watch,
  flock: {
    reason: 'flock runs the command given while holding a lock',
    options: { value: ['-w', '--wait', '--timeout', '-E', '--conflict-exit-code'] },
    forms: [
      { steps: [any('LOCKFILE'), options(), word('-c', '--command'), hole(CODE)], reason: 'runs the command line given to -c' },
      { steps: [any('LOCKFILE'), command], reason: 'runs the command given while holding a lock' },
    ],
  },
  script: {
    reason: 'script runs a shell, or the command line given to -c, while recording',
    options: { value: ['-E', '--echo', '-I', '--log-in', '-O', '--log-out', '-B', '--log-io', '-T', '--log-timing', '-m', '--logging-format'], stop: ['-c', '--command'] },
    forms: [{ steps: [word('-c', '--command'), hole(CODE)], reason: 'runs the command line given to -c' }],
  },
  chroot: wrapper('chroot runs the command given (a shell by default) in another root folder', { value: ['--userspec', '--groups'] }, [any('NEWROOT')]),
  unshare: wrapper('unshare runs the command given (a shell by default) in new namespaces'),
  nsenter: wrapper('nsenter runs the command given (a shell by default) in other namespaces', { value: ['-t', '--target'] }),
  taskset: wrapper('taskset runs the command given on the CPUs given', {}, [any('MASK')]),
  strace: wrapper('strace runs and traces the command given', { value: ['-o', '-e', '-p', '-s', '-u', '-E', '-a'] }),
  ltrace: wrapper('ltrace runs and traces the command given', { value: ['-o', '-e', '-p', '-s', '-u'] }),
  valgrind: wrapper('valgrind runs the command given under a checker'),
  gdb: { reason: 'gdb runs debugger commands, including shell, from its options or standard input', forms: [{ steps: [rest], reason: 'reads debugger commands, and `shell …` runs a shell command, from -ex or standard input' }] },
  'systemd-run': wrapper('systemd-run runs the command given as a transient unit', { value: ['-u', '--unit', '-p', '--property', '-M', '--machine', '--uid', '--gid', '-E', '--setenv'] }),
  firejail: wrapper('firejail runs the command given in a sandbox'),
  proxychains: wrapper('proxychains runs the command given through a proxy', { value: ['-f'] }),
  proxychains4: wrapper('proxychains runs the command given through a proxy', { value: ['-f'] }),
  torsocks: wrapper('torsocks runs the command given through Tor'),
  busybox: wrapper('busybox runs the applet named (sh, …)'),
  dotenv: wrapper('dotenv runs the command given with variables from a .env file', { value: ['-e', '-v', '-c'] }),
  npx: npxLike('npx downloads and runs package binaries', { value: ['-p', '--package', '--cache', '--userconfig', '--registry'] }),
  pnpx: npxLike('pnpx downloads and runs package binaries'),
  bunx: npxLike('bunx downloads and runs package binaries', { value: ['-p', '--package'] }),
  uvx: wrapper('uvx downloads and runs the Python tool given', uvx),
  npm,
  pnpm,
  yarn,
  uv: {
    reason: 'uv runs the command given in the project environment',
    options: { value: ['--directory', '--project', '--config-file', '--cache-dir'], stop: ['-V', '--version', '-h', '--help'] },
    forms: [
      { steps: [word('run'), options(uvRun), command], reason: 'runs the command given in the project environment' },
      { steps: [word('tool'), word('run'), options(uvx), command], reason: 'downloads and runs the Python tool given' },
    ],
    narrower: ['run', 'pytest'],
  },
  pipx: { reason: 'pipx downloads and runs Python tools', forms: [{ steps: [word('run'), options({ value: ['--spec', '--python', '--index-url', '--pip-args'] }), command], reason: 'downloads and runs the Python tool given' }] },
  poetry: { reason: 'poetry runs the command given in the project environment', options: { value: ['-C', '--directory', '-P', '--project'] }, forms: [{ steps: [word('run'), command], reason: 'runs the command given in the project environment' }], narrower: ['run', 'pytest'] },
  pipenv: { reason: 'pipenv runs the command given in the project environment', forms: [{ steps: [word('run'), command], reason: 'runs the command given in the project environment' }], narrower: ['run', 'pytest'] },
  pdm: { reason: 'pdm runs the command or script given in the project environment', options: { value: ['-p', '--project'] }, forms: [{ steps: [word('run'), options(), command], reason: 'runs the command given in the project environment' }], narrower: ['run', 'pytest'] },
  conda: { reason: 'conda runs the command given in an environment', forms: [{ steps: [word('run'), options({ value: ['-n', '--name', '-p', '--prefix', '--cwd'] }), command], reason: 'runs the command given in an environment' }] },
  mamba: { reason: 'mamba runs the command given in an environment', forms: [{ steps: [word('run'), options({ value: ['-n', '--name', '-p', '--prefix', '--cwd'] }), command], reason: 'runs the command given in an environment' }] },
  micromamba: { reason: 'micromamba runs the command given in an environment', forms: [{ steps: [word('run'), options({ value: ['-n', '--name', '-p', '--prefix', '--cwd'] }), command], reason: 'runs the command given in an environment' }] },
  bundle: { reason: 'bundle exec runs the command given with the bundle', forms: [{ steps: [word('exec'), command], reason: 'runs the command given with the bundle' }] },
  mise: { reason: 'mise exec runs the command given with its tools', forms: [{ steps: [word('exec', 'x'), options({ value: ['-C', '--cd'] }), command], reason: 'runs the command given with its tools' }] },
  direnv: { reason: "direnv exec runs the command given in a folder's environment", forms: [{ steps: [word('exec'), any('DIR'), command], reason: "runs the command given in a folder's environment" }] },
  devbox: { reason: 'devbox run runs the command given in the devbox shell', forms: [{ steps: [word('run'), options(), command], reason: 'runs the command given in the devbox shell' }] },
  'nix-shell': {
    reason: 'nix-shell runs the command line given to --run, or a shell reading standard input',
    options: { stop: ['--run', '--command'] },
    forms: [{ steps: [word('--run', '--command'), hole(CODE)], reason: 'runs the command line given to --run' }],
  },
  'aws-vault': { reason: 'aws-vault exec runs the command given with cloud credentials', forms: [{ steps: [word('exec'), options(), any('PROFILE'), command], reason: 'runs the command given with cloud credentials' }] },
  op: { reason: '1Password op run runs the command given with secrets', forms: [{ steps: [word('run'), options({ value: ['--env-file'] }), command], reason: 'runs the command given with secrets' }] },
  doppler: { reason: 'doppler run runs the command given with secrets', forms: [{ steps: [word('run'), options({ value: ['-p', '--project', '-c', '--config', '--command'] }), command], reason: 'runs the command given with secrets' }] },
  docker: docker('docker'),
  podman: docker('podman'),
  kubectl: {
    reason: 'kubectl runs commands and images in the cluster',
    options: { value: globalValueOptions('kubectl') },
    forms: [
      { steps: [word('exec'), options(kubectlExec), any('POD'), options(kubectlExec), command], reason: 'runs the command given in a pod' },
      { steps: [word('run'), options(kubectlRun), any('NAME'), options(kubectlRun), command], reason: 'runs any image, or the command given in it, in the cluster' },
    ],
  },
  ssh: {
    reason: 'ssh runs a command line, or a shell reading standard input, on another host',
    options: ssh,
    forms: [{ steps: [any('HOST'), options(ssh), rest], reason: 'the remote shell runs its arguments joined into one command line, so any later argument can add commands' }],
  },
  find: {
    reason: 'find runs the command given to -exec, -execdir, -ok or -okdir for the files found',
    options: { value: ['-D', '-O'] },
    forms: [{ steps: [gap, word('-exec', '-execdir', '-ok', '-okdir'), command], reason: 'runs the command given for each file found' }],
  },
  git: {
    reason: 'git runs aliases, hooks and helper programs named in its configuration',
    options: gitOptions,
    forms: [
      { steps: [word('-c', '--config-env'), hole(`alias.x='!…' x`)], reason: 'a -c value can define an alias or a helper that git runs through the shell' },
      { steps: [like(/^--exec-path=/, '--exec-path=DIR')], reason: 'runs its sub-commands from the folder given' },
      { steps: [word('submodule'), options(), word('foreach'), rest], reason: 'runs its arguments through the shell in each submodule' },
      { steps: [word('bisect'), word('run'), command], reason: 'runs the command given on each commit' },
    ],
    narrower: ['status'],
  },
} as const satisfies Record<string, ProgramForms>;

/** Programs by name, lowercase (file names are case-insensitive on macOS and Windows). */
export const CODE_RUNNERS: ReadonlyMap<string, ProgramForms> = new Map(Object.entries(TABLE).map(([name, forms]) => [name.toLowerCase(), forms]));
