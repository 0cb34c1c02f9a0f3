import { describe, expect, it } from 'vitest';
import { admitsCode, admitsDestruction, programKey } from '../../src/engine/admits.js';
import type { PatternElement } from '../../src/types.js';

const code = (p: PatternElement[], canonical = false) => admitsCode(p, canonical)?.example ?? null;
const destroy = (p: PatternElement[], canonical = false) => admitsDestruction(p, canonical)?.example ?? null;

describe('programKey', () => {
  it.each([
    ['python3', 'python3'],
    ['/usr/bin/python3', 'python3'],
    ['C:/Windows/System32/cmd.exe', 'cmd'],
    ['PowerShell.EXE', 'powershell'],
    ['C:\\Python312\\python.exe', 'python'],
    ['Rscript', 'rscript'],
    ['/usr/bin/', '/usr/bin/'],
  ])('%s → %s', (head, key) => expect(programKey(head)).toBe(key));
});

describe('admitsCode', () => {
  it.each<[PatternElement[], string | null]>([
    [['python3'], "python3 -c '…'"],
    [['python3', '-c'], "python3 -c '…'"],
    [['python3', '-c', 'print(1)'], null],
    [['python3', '-m'], 'python3 -m timeit'],
    [['python3', '-m', 'pytest'], null],
    [['python3', '-m', 'timeit'], 'python3 -m timeit'],
    [['python3', '-m', 'timeit', '-n', '1'], 'python3 -m timeit -n 1 …'],
    [['python3', '-W', 'ignore'], "python3 -W ignore -c '…'"],
    [['python3', '-W'], "python3 -W … -c '…'"],
    [['python3', 'script.py'], null],
    [['python3', '--version'], null],
    [['python3', '-'], 'python3 -'],
    [['node', '--test'], null],
    [['node', '--run'], 'node --run SCRIPT'],
    [['git'], "git -c alias.x='!…' x"],
    [['git', '-c', 'color.ui=never'], "git -c color.ui=never -c alias.x='!…' x"],
    [['git', '-c', 'color.ui=never', 'log'], null],
    [['git', '--exec-path'], null],
    [['git', 'submodule'], 'git submodule foreach …'],
    [['git', 'submodule', 'update'], null],
    [['bash', '-e', 'ci.sh'], null],
    [['bash', '-e'], "bash -e -c '…'"],
    [['bash', '-s'], 'bash -s'],
    [['pwsh', '-comm'], "pwsh -comm '…'"],
    [['POWERSHELL', '-NOPROFILE'], "POWERSHELL -NOPROFILE -c '…'"],
    [['cmd', '/C'], "cmd /C '…'"],
    [['awk', '-F', ','], `awk -F , 'BEGIN { system("…") }'`],
    [['awk', '-f', 'x.awk'], null],
    [['sudo', '-l'], null],
    [['sudo', '-s'], 'sudo -s'],
    [['env', '-S'], "env -S 'sh -c …'"],
    [['timeout', '10'], "timeout 10 sh -c '…'"],
    [['watch', '-n', '5'], "watch -n 5 -x sh -c '…'"],
    [['watch', '-n', '5', 'date'], 'watch -n 5 date …'],
    [['docker', 'compose', 'exec', 'web'], "docker compose exec web sh -c '…'"],
    [['docker', 'compose', 'exec', 'web', 'ls'], null],
    [['kubectl', '-n', 'prod', 'exec', 'web', '--', 'ls'], null],
    [['find', '.', '-name', 'x'], null],
    [['find', '.', '-name', 'x', '-exec'], "find . -name x -exec sh -c '…'"],
    [['ssh', '-p', '22', 'host'], 'ssh -p 22 host …'],
    [['ssh', '-V'], null],
    [['npm', 'run-script'], 'npm run-script SCRIPT'],
    [['npm', 'exec', 'prettier'], null],
    [['pnpm', 'dlx'], "pnpm dlx sh -c '…'"],
    [['uvx', '--from', 'x', 'ruff'], null],
    [['psql', '-c', 'select 1'], "psql -c 'select 1' -c '\\! …'"],
    [['sqlite3', '--version'], null],
    [['tclsh'], 'tclsh'],
    [['tclsh', 'build.tcl'], null],
    [['node18'], "node18 -e '…'"],
    [['toString'], null],
    [['constructor', 'x'], null],
    [['__proto__'], null],
  ])('%j → %s', (pattern, example) => expect(code(pattern)).toBe(example));

  it('compares later tokens canonically only for canonical rules', () => {
    expect(code(['python3', '-C', 'x'])).toBeNull();
    expect(code(['python3', '-C'], true)).toBe("python3 -C '…'");
  });

  it('goes on to another spelling or form when the file stops the first one', () => {
    const stopsDashC = (argv: readonly string[]) => argv[1] === '-c';
    expect(admitsCode(['python3'], false, stopsDashC)?.example).toBe("python3 -Bc '…'");
    const stopsAll = () => true;
    expect(admitsCode(['python3'], false, stopsAll)).toBeUndefined();
  });

  it('tests a wrapped command with its wrapper in front', () => {
    const seen: string[] = [];
    admitsCode(['sudo', 'python3'], false, (argv) => {
      seen.push(argv.slice(0, 3).join(' '));
      return false;
    });
    expect(seen).toEqual(['sudo python3 -c']);
  });
});

describe('admitsDestruction', () => {
  it.each<[PatternElement[], string | null]>([
    [['rm'], 'rm -rf'],
    [['rm', '-v'], 'rm -v -rf'],
    [['rm', '--', 'x'], null],
    [['rm', 'x'], null],
    [['rm', '--help'], null],
    [['git', 'push', '-u', 'origin', 'feature'], null],
    [['git', 'push', 'origin', ':old'], 'git push origin :old'],
    [['git', 'push', '-nf'], null],
    [['git', 'clean', '-nf'], null],
    [['git', 'clean', '-fd'], 'git clean -fd'],
    [['fdisk', '-l'], null],
    [['fdisk'], 'fdisk /dev/sda'],
    [['wipefs', '/dev/sdb'], null],
    [['chmod', '-R'], 'chmod -R'],
    [['chmod', '755', 'x'], null],
    [['gcloud', 'compute', 'instances', 'delete'], 'gcloud compute instances delete'],
    [['gcloud', 'config', 'list'], null],
    [['aws', 'sts', 'get-caller-identity'], null],
    [['aws', 'ec2', 'terminate-instances'], 'aws ec2 terminate-instances'],
    [['redis-cli', 'GET'], null],
    [['redis-cli', 'flushall'], 'redis-cli flushall'],
    [['sudo', '-u', 'root', 'rm'], 'sudo -u root rm -rf'],
    [['sudo'], null],
    [['env', 'A=1', 'git', 'push'], 'env A=1 git push --force'],
    [['nice', 'ls'], null],
  ])('%j → %s', (pattern, example) => expect(destroy(pattern)).toBe(example));
});

describe('hostile patterns', () => {
  it('reads a pattern of 100 000 tokens without running out of stack', () => {
    const t = Date.now();
    expect(code(['env', ...Array<string>(100_000).fill('A=1')])).toMatch(/^env A=1 .* sh -c '…'$/);
    expect(destroy(['find', ...Array<string>(100_000).fill('x')])).toBeNull();
    expect(Date.now() - t).toBeLessThan(20_000);
  });

  it('does not explode on alternatives of wrappers at every position', () => {
    const t = Date.now();
    expect(destroy(Array<PatternElement>(200).fill(['sudo', 'env', 'nice', 'timeout', 'xargs']))).toBeNull();
    expect(Date.now() - t).toBeLessThan(10_000);
  });
});
