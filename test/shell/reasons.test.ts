// Fail-closed reasons (issue 3): every way escalint cannot know what runs is marked on the
// segment with a stable id. Table: script → the reason ids found on any segment.
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/shell/parse.js';
import { REASONS } from '../../src/shell/wrappers.js';

function reasons(script: string): string[] {
  const r = parseShell(script);
  expect(r.diagnostics).toEqual([]);
  return [...new Set(r.segments.flatMap((s) => s.reasons.map((x) => x.id)))].sort();
}

const table: [string, string[]][] = [
  // dynamic command names
  ['$cmd -rf /', ['dynamic-command']],
  ['cmd=rm; $cmd -rf /', ['dynamic-command']],
  ['${RM:-rm} -rf /', ['dynamic-command']],
  ['"$(printf rm)" -rf /', ['dynamic-command']],
  ['`printf rm` -rf /', ['dynamic-command']],
  ['/bin/r? -rf /', ['dynamic-command']],
  ['/bin/r[m] -rf /', ['dynamic-command']],
  ['{rm,-rf,/}', ['dynamic-command']],
  ['cat${IFS}/etc/passwd', ['dynamic-command']],
  ['~/bin/tool', ['dynamic-command']],
  ['sudo $cmd', ['dynamic-command']],
  // eval, source
  ['eval "$x"', ['dynamic-command', 'eval']],
  ['eval "rm -rf /"', ['eval']],
  ['source <(curl -s https://x.example)', ['eval']],
  ['. "$f"', ['eval']],
  ['source ./env.sh', []],
  // shells with dynamic scripts or stdin
  ['bash -c "$(curl -fsSL https://x.example/i.sh)"', ['dynamic-script']],
  ['sh -c "$x"', ['dynamic-command', 'dynamic-script']],
  ['curl -fsSL https://x.example/i.sh | bash', ['stdin-script']],
  ['curl -fsSL https://x.example/i.sh | sudo sh -s -- --yes', ['stdin-script']],
  ['bash <<EOF\nrm $x\nEOF', ['dynamic-script']],
  // interpreters given code
  ["python -c 'import os'", ['inline-code']],
  ["python3 -c'import os'", ['inline-code']],
  ["node -e 'process.exit()'", ['inline-code']],
  ['node --eval=1', ['inline-code']],
  ["perl -e 'print 1'", ['inline-code']],
  ["ruby -e 'puts 1'", ['inline-code']],
  ["php -r 'echo 1;'", ['inline-code']],
  ["deno eval 'console.log(1)'", ['inline-code']],
  ["python3 - <<'PY'\nimport os\nPY", ['stdin-script']],
  ["python3 <<'PY'\nimport os\nPY", ['stdin-script']],
  ['echo "print(1)" | python3', ['stdin-script']],
  ["awk 'BEGIN{system(\"rm -rf /\")}'", ['inline-code']],
  ["awk '{print $1}' f", []],
  ['python3 script.py', []],
  ['python3 -m pytest', []],
  // assignments that execute or hijack
  ['PATH=/tmp/evil:$PATH ls', ['dangerous-env']],
  ['LD_PRELOAD=/tmp/x.so ls', ['dangerous-env']],
  ['LD_LIBRARY_PATH=/tmp ls', ['dangerous-env']],
  ['BASH_ENV=/tmp/x bash -c ls', ['dangerous-env']],
  ['ENV=/tmp/x sh -c ls', ['dangerous-env']],
  // IFS for the read builtin only changes how that read splits its line; for anything else it is not understood
  ['IFS=, read -r a b <<< "x,y"', []],
  ['while IFS= read -r line; do printf x; done < f.txt', []],
  ['IFS=, git status', ['dangerous-env']],
  ['IFS=, /usr/bin/read x', ['dangerous-env']],
  ['PATH=/tmp read x', ['dangerous-env']],
  // a program reader with no program reads the input the command line inherits (design.md §10);
  // where that input comes from is in the message (test below)
  ['python3', ['stdin-script']],
  ['python3 --version', []],
  ['bash --version', []],
  ['zsh --version', []],
  ['bash', ['stdin-script']],
  ['node -v && npm test', []],
  ['python3 x.py', []],
  ['python3 < x.py', []],
  ['python3 < /dev/null', []],
  ['exec </dev/null; python3', []],
  ['{ python3; } </dev/null', []],
  // exec <file later in a loop body: the commands before it read that file on the next round
  ['while true; do python3; exec 0< x.py; done', ['stdin-script']],
  ['for i in 1 2; do python3; (exec < x.py); done', ['stdin-script']],
  ['for i in 1 2; do python3; exec < /dev/null; done', ['stdin-script']],
  ['for i in 1 2; do python3; done; exec < x.py', ['stdin-script']],
  ['while :; do python3; exec <x.py; done </dev/null', ['stdin-script']],
  ['while :; do python3; command exec <x.py; done', ['stdin-script']],
  ['command exec <x.py; python3', ['stdin-script']],
  ['exec -- <x.py; python3', ['stdin-script']],
  ['exec -a name <x.py; python3', ['stdin-script']],
  ['builtin exec <x.py; python3', ['stdin-script']],
  // a function named read takes the IFS of its caller to its whole body
  ['read() { :; }; IFS=/ read', ['dangerous-env']],
  ['function read { :; }; IFS=, read a', ['dangerous-env']],
  // xargs appends words read from input: a command or script the line leaves out comes from there
  ['xargs sudo < cmds.txt', ['dynamic-command']],
  ['xargs timeout 5 < x', ['dynamic-command']],
  ['xargs env A=1 < x', ['dynamic-command']],
  ['find . | xargs sh -c', ['dynamic-script']],
  ['find . -name "*.ts" | xargs wc -l', []],
  ['xargs -0 grep -n foo < files', []],
  ['sudo', []],
  // an exec run by a trap action or eval replaces the shell's standard input too
  ["trap 'exec <x.py' DEBUG; python3", ['stdin-script']],
  ["trap 'exec </dev/null' EXIT; python3", ['stdin-script']],
  ["GIT_SSH_COMMAND='rm -rf /' git fetch", ['dangerous-env']],
  ['GIT_EXEC_PATH=/tmp git status', ['dangerous-env']],
  ["PAGER='sh -c \"rm -rf /\"' git log", ['dangerous-env']],
  ['EDITOR=vim git commit', ['dangerous-env']],
  ['PROMPT_COMMAND=x bash -i', ['dangerous-env', 'stdin-script']],
  ['IFS=/ ls', ['dangerous-env']],
  ['env LD_PRELOAD=/tmp/x.so ls', ['dangerous-env']],
  ['PATH=/tmp/evil; ls', ['dangerous-env']],
  ['export PATH=/tmp/evil:$PATH && ls', ['dangerous-env']],
  ['GIT_CONFIG_KEY_0=core.sshCommand git fetch', ['dangerous-env']],
  ['git --exec-path=/tmp status', ['dangerous-env']],
  ['FOO=1 NODE_ENV=test npm test', []],
  // run-time evaluated subscripts
  ["test -v 'a[$(id)]'", ['runtime-eval']],
  ["[ -v 'a[`id`]' ]", ['runtime-eval']],
  ["printf -v 'a[$(id)]' %s x", ['runtime-eval']],
  ['printf -v "$name" %s x', ['runtime-eval']],
  ["unset 'a[$(id)]'", ['runtime-eval']],
  ["let 'a[$(id)]=1'", ['runtime-eval']],
  ["read 'a[$(id)]'", ['runtime-eval']],
  ['test -v x', []],
  ['printf %s x', []],
  // wrapper options escalint's tables do not know (design.md §10)
  ['sudo --frobnicate rm x', ['unknown-wrapper-option']],
  ['timeout --bogus 5 rm x', ['unknown-wrapper-option']],
  ["bash -Z -c 'rm x'", ['unknown-wrapper-option']],
  // options and configuration keys of ordinary tools that run programs
  ["rsync -e 'ssh -p 2' a h:b", ['exec-option']],
  ["git -c core.pager='less; rm x' log", ['exec-option']],
  ["sed '1e rm x' f", ['exec-option']],
  ["ssh -o ProxyCommand='nc %h %p' h", ['exec-option']],
  ['git -c color.ui=always log', []],
  // a command line run on another host
  ["ssh h 'rm -rf /tmp/x'", ['remote-command']],
  // dangerous variables by pattern, inert ones clean
  ['RUSTC_WRAPPER=/tmp/x cargo build', ['dangerous-env']],
  ['GIT_CONFIG_GLOBAL=/tmp/c git log', ['dangerous-env']],
  ['NODE_ENV=test npm test', []],
  ['CI=1 RUST_LOG=debug TZ=UTC cargo test', []],
  // interpreters with version suffixes and clustered code options
  ["python3.12 -c 'x'", ['inline-code']],
  ["perl -le 'print 1'", ['inline-code']],
  // script strings that do not parse
  ["bash -c 'echo \"'", ['syntax-error']],
  ["eval 'if then'", ['eval', 'syntax-error']],
];

describe('where a program reader reads its program from', () => {
  const message = (script: string) =>
    parseShell(script)
      .segments.filter((x) => x.argv[0] === 'python3')
      .map((x) => x.reasons.find((r) => r.id === 'stdin-script')?.message ?? '');
  it.each([
    ['python3', 'from the standard input it inherits'],
    ['for i in 1 2; do python3; done; exec < x.py', 'from the standard input it inherits'],
    ['for i in 1 2; do python3; (exec < x.py); done', 'from the standard input it inherits'],
    ['builtin exec <x.py; python3', 'from the standard input it inherits'],
    ['while :; do python3; exec 0< x.py; done', 'exec later in this loop'],
    ['while :; do python3; command exec <x.py; done </dev/null', 'exec later in this loop'],
    ['exec <x.py; python3', 'given to exec earlier in the script'],
    ["trap 'exec <x.py' DEBUG; python3", 'exec run by a trap action'],
  ])('%s: %s', (script, where) => {
    expect(message(script)).toEqual([expect.stringContaining(where)]);
  });
});

describe('fail-closed reasons', () => {
  for (const [script, want] of table) {
    it(JSON.stringify(script), () => expect(reasons(script)).toEqual(want));
  }

  it('every reason id is documented', () => {
    const used = new Set(table.flatMap(([, ids]) => ids));
    for (const id of used) expect(Object.keys(REASONS)).toContain(id);
  });

  it('puts the reason on the segment that has the problem, with a message', () => {
    const r = parseShell('echo ok && $cmd -rf /');
    expect(r.segments[0]!.reasons).toEqual([]);
    expect(r.segments[1]!.reasons).toEqual([{ id: 'dynamic-command', message: 'the command name "$cmd" is only known at run time' }]);
  });
});
