// Wrapper unwrapping (issue 3): each wrapper's option handling, as tables of
// script → the wrapped commands (segments whose context contains "wrapped"), in order.
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/shell/parse.js';

function wrapped(script: string): string[][] {
  const r = parseShell(script);
  expect(r.diagnostics).toEqual([]);
  return r.segments.filter((s) => s.context.includes('wrapped')).map((s) => s.argv);
}

const table: [string, string[][]][] = [
  // sudo / doas
  ['sudo rm -rf /', [['rm', '-rf', '/']]],
  ['sudo -u root -- rm x', [['rm', 'x']]],
  ['sudo -uroot rm x', [['rm', 'x']]],
  ['sudo --user=root -E rm x', [['rm', 'x']]],
  ['sudo -n -H -u deploy systemctl restart app', [['systemctl', 'restart', 'app']]],
  ['sudo -l', []],
  ['doas -u root rm x', [['rm', 'x']]],
  // env
  ['env -i A=1 rm x', [['rm', 'x']]],
  ['env FOO=1 BAR=2 rm x', [['rm', 'x']]],
  ['env -u HOME --chdir=/tmp rm x', [['rm', 'x']]],
  ['env -C /tmp rm x', [['rm', 'x']]],
  ['env -S "rm -rf /"', [['rm', '-rf', '/']]],
  ['env', []],
  // priority, time, session
  ['nice -n 10 make', [['make']]],
  ['nice -n10 make', [['make']]],
  ['nice make -j4', [['make', '-j4']]],
  ['nohup ./server --port 80 &', [['./server', '--port', '80']]],
  ['timeout 30 npm test', [['npm', 'test']]],
  ['timeout -s KILL 5 rm x', [['rm', 'x']]],
  ['timeout --signal=KILL -k 10 5 rm x', [['rm', 'x']]],
  ['timeout --preserve-status 1m rm x', [['rm', 'x']]],
  ['stdbuf -oL rm -rf /', [['rm', '-rf', '/']]],
  ['stdbuf -o L -e 0 grep x', [['grep', 'x']]],
  ['setsid -f rm x', [['rm', 'x']]],
  ['ionice -c3 rm x', [['rm', 'x']]],
  ['ionice -c 2 -n 7 rm x', [['rm', 'x']]],
  ['ionice -p 1234', []],
  ['flock /tmp/lock rm x', [['rm', 'x']]],
  ['flock -w 5 /tmp/lock rm x', [['rm', 'x']]],
  ["flock /tmp/lock -c 'rm x'", [['rm', 'x']]],
  ['chronic rm x', [['rm', 'x']]],
  ['command rm x', [['rm', 'x']]],
  ['command -v rm', []],
  ['command -p rm x', [['rm', 'x']]],
  ['builtin eval ls', [['eval', 'ls'], ['ls']]],
  ['exec rm -rf /', [['rm', '-rf', '/']]],
  ['exec -a name rm x', [['rm', 'x']]],
  ['exec 3>&1', []],
  ['\\time -f %e rm x', [['rm', 'x']]],
  // xargs
  ['xargs rm', [['rm']]],
  ['xargs -0 -n1 rm', [['rm']]],
  ['xargs -0 -n 1 -P 4 rm -f', [['rm', '-f']]],
  ['find . -print0 | xargs -0 -I{} rm {}', [['rm', '{}']]],
  ['xargs -I {} sh -c "rm {}"', [['sh', '-c', 'rm {}'], ['rm', '{}']]],
  ['xargs --max-args=1 --null rm', [['rm']]],
  ['xargs', []],
  // watch
  ["watch -n 5 'ls | wc -l'", [['ls'], ['wc', '-l']]],
  ['watch -x rm x', [['rm', 'x']]],
  ['watch rm x', [['rm', 'x']]],
  // find
  ['find . -exec rm {} \\;', [['rm', '{}']]],
  ['find . -name "*.o" -execdir rm -f {} +', [['rm', '-f', '{}']]],
  ['find . -ok rm {} \\; -exec echo {} \\;', [['rm', '{}'], ['echo', '{}']]],
  ['find . -okdir rm {} ;', [['rm', '{}']]],
  ['find . -type f -delete', []],
  // shells
  ["bash -c 'rm -rf /'", [['rm', '-rf', '/']]],
  ["sh -c 'a | b'", [['a'], ['b']]],
  ["bash -lc 'git status && git push'", [['git', 'status'], ['git', 'push']]],
  ["bash -ec 'rm x'", [['rm', 'x']]],
  ["/bin/zsh -c 'rm x'", [['rm', 'x']]],
  ["dash -c 'rm x' name arg", [['rm', 'x']]],
  ["ksh -o pipefail -c 'rm x'", [['rm', 'x']]],
  ["fish -c 'rm x'", [['rm', 'x']]],
  ['bash -c "bash -c \'rm x\'"', [['bash', '-c', 'rm x'], ['rm', 'x']]],
  ['bash <<EOF\nrm x\nEOF', [['rm', 'x']]],
  ["bash <<< 'rm x'", [['rm', 'x']]],
  ['sh -s <<\'EOF\'\nrm x\nEOF', [['rm', 'x']]],
  ['bash script.sh', []],
  // eval
  ['eval "rm -rf /"', [['rm', '-rf', '/']]],
  ["eval 'a; b'", [['a'], ['b']]],
  ['eval rm x', [['rm', 'x']]],
  // git
  ["git ls-remote --upload-pack='touch x' origin", [['touch', 'x']]],
  ['git fetch --upload-pack "rm x" origin', [['rm', 'x']]],
  ['git clone -u "rm x" repo', [['rm', 'x']]],
  ['git push --receive-pack="rm x" origin', [['rm', 'x']]],
  ["git -c core.sshCommand='rm x' fetch", [['rm', 'x']]],
  ["git -c core.pager='less; rm x' log", [['less'], ['rm', 'x']]],
  ["git -c alias.x='!rm x' x", [['rm', 'x']]],
  ['git -c user.name=x commit', []],
  ["git rebase -x 'make test' main", [['make', 'test']]],
  ["git submodule foreach 'git pull'", [['git', 'pull']]],
  ['git bisect run make test', [['make', 'test']]],
  ['git -C /repo status', []],
  // runners
  ['npx rimraf /', [['rimraf', '/']]],
  ['npx -y cowsay hi', [['cowsay', 'hi']]],
  ["npx -c 'rm x'", [['rm', 'x']]],
  ['busybox rm -rf /', [['rm', '-rf', '/']]],
  ['uv run pytest -x', [['pytest', '-x']]],
  ['uv run --with rich python x.py', [['python', 'x.py']]],
  ['npm exec -- rimraf x', [['rimraf', 'x']]],
  ['npm test', []],
  ['docker exec -it web rm x', [['rm', 'x']]],
  ['kubectl exec pod -- rm x', [['rm', 'x']]],
  ['poetry run pytest', [['pytest']]],
  ['su -c "rm x" root', [['rm', 'x']]],
  ['chroot /mnt rm x', [['rm', 'x']]],
  ['strace -f -o out rm x', [['rm', 'x']]],
  ['gdb --args rm x', [['rm', 'x']]],
  // deferred and recorded commands
  ["trap 'rm -rf /tmp/x' EXIT", [['rm', '-rf', '/tmp/x']]],
  ['trap -- "cleanup; rm x" INT TERM', [['cleanup'], ['rm', 'x']]],
  ['trap - EXIT', []],
  ['trap -p', []],
  ["script -q -c 'rm x' /dev/null", [['rm', 'x']]],
  ["nix-shell -p jq --run 'jq . x'", [['jq', '.', 'x']]],
  // nesting
  ['sudo env FOO=1 timeout 5 rm x', [['env', 'FOO=1', 'timeout', '5', 'rm', 'x'], ['timeout', '5', 'rm', 'x'], ['rm', 'x']]],
  ['(exec rm -rf /)', [['rm', '-rf', '/']]],
  ['echo $(sudo rm x)', [['rm', 'x']]],
  // wrappers modelled as themselves: clusters whose last letter takes a value, values, operands
  ['sudo -iu root rm x', [['rm', 'x']]],
  ['sudo -u root FOO=1 rm x', [['rm', 'x']]],
  ['xargs -rn 1 rm', [['rm']]],
  ['watch -tn 1 rm x', [['rm', 'x']]],
  ["su user -c 'rm x'", [['rm', 'x']]],
  ["runuser -l app -c 'rm x'", [['rm', 'x']]],
  ["script -qc 'rm x' /dev/null", [['rm', 'x']]],
  ['docker --context x exec c rm x', [['rm', 'x']]],
  ['kubectl -n ns exec pod -- rm x', [['rm', 'x']]],
  ['pnpm --filter w exec rm x', [['rm', 'x']]],
  ['uv --directory d run rm x', [['rm', 'x']]],
  ['docker compose exec web rm x', [['rm', 'x']]],
  ['docker container exec c rm x', [['rm', 'x']]],
  ['env -S "A=1 rm -rf /"', [['rm', '-rf', '/']]],
  ['env ./a=b rm x', [['rm', 'x']]],
  ['find . -exec echo + \\; -exec rm x \\;', [['echo', '+'], ['rm', 'x']]],
  ['sudo --frobnicate rm x', []],
  // ordinary tools whose options run a literal program
  ["rsync -e 'ssh -p 2' a h:b", [['ssh', '-p', '2']]],
  ["ssh h 'rm x'", [['rm', 'x']]],
];

describe('wrappers', () => {
  for (const [script, want] of table) {
    it(JSON.stringify(script), () => expect(wrapped(script)).toEqual(want));
  }

  it('keeps the wrapper segment too, and marks the wrapped one', () => {
    const r = parseShell('sudo rm -rf /');
    expect(r.segments.map((s) => [s.argv, s.context])).toEqual([
      [['sudo', 'rm', '-rf', '/'], []],
      [['rm', '-rf', '/'], ['wrapped']],
    ]);
  });

  it('maps offsets of commands inside script strings back to the source', () => {
    const script = "bash -c 'echo hi && rm -rf /'";
    const rm = parseShell(script).segments.find((s) => s.argv[0] === 'rm')!;
    expect(script.slice(rm.start, rm.end)).toBe('rm -rf /');
    expect(rm.context).toEqual(['wrapped', 'shell-string', 'and-or']);
  });

  it('gives env assignments to the wrapped command', () => {
    const r = parseShell('env -i A=1 B=2 rm x');
    expect(r.segments[1]!.assigns).toEqual(['A=1', 'B=2']);
  });

  it('refuses to recurse without limit', () => {
    const s = `${'eval '.repeat(40)}rm x`;
    const r = parseShell(s, { maxDepth: 10 });
    expect(r.segments.some((x) => x.reasons.some((q) => q.id === 'too-deep'))).toBe(true);
  });
});

describe('unwrapping stays bounded', () => {
  it.each([
    ['eval chain', `${'eval '.repeat(20000)}ls`],
    ['sudo chain', `${'sudo '.repeat(20000)}ls`],
    ['env chain', `${'env A=1 '.repeat(20000)}ls`],
  ])('%s: finishes quickly and fails closed', (_name, script) => {
    const t0 = performance.now();
    const r = parseShell(script);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(r.segments.some((s) => s.reasons.some((x) => x.id === 'too-deep'))).toBe(true);
  });
});

describe('names that are also JavaScript object members', () => {
  it.each(['toString', 'constructor x', 'hasOwnProperty', '__proto__ a', 'valueOf | toString'])('%s is an ordinary command', (script) => {
    const r = parseShell(script);
    expect(r.diagnostics).toEqual([]);
    expect(r.segments.map((s) => s.argv)).toEqual(script.split(' | ').map((c) => c.split(' ')));
  });

  // Keys taken from arguments, not the command name: each row changes if its table lookup
  // reaches Object.prototype (a script run, a command cut short, a reason added or lost).
  it.each<[string, string[][], string[]]>([
    ['git -c constructor=x -c toString=y status', [], []],
    ['git fetch constructor=x valueOf=y', [], []],
    ['find . -exec toString x \\;', [['toString', 'x']], []],
    ['trap toString EXIT', [['toString']], []],
    ['source toString', [], []],
    ['constructor=1 hasOwnProperty=2 ls', [], []],
  ])('%s: table lookups ignore inherited members', (script, wrappedArgv, ids) => {
    const r = parseShell(script);
    expect(r.diagnostics).toEqual([]);
    expect(r.segments.filter((s) => s.context.includes('wrapped')).map((s) => s.argv)).toEqual(wrappedArgv);
    expect(r.segments.flatMap((s) => s.reasons.map((x) => x.id))).toEqual(ids);
  });
});
