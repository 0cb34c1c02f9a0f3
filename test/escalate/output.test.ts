// Failure texts recorded from the real tools (test/fixtures/escalate/README.md says which command
// printed each): the evidence escalate quotes from them, and that every failure pattern of
// src/knowledge/sandbox-failures.ts is backed by at least one recording.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { failureLines, outputFailures } from '../../src/escalate/detect.js';
import { FAILURE_PATTERNS } from '../../src/knowledge/sandbox-failures.js';

const dir = fileURLToPath(new URL('../fixtures/escalate/output/', import.meta.url));
const read = (name: string) => fs.readFileSync(`${dir}${name}.txt`, 'utf8');

const NET = 'network';
const WRITE = 'write-outside-workspace';

const CASES: [string, [string, string][]][] = [
  // name resolution
  ['git-clone-dns', [[NET, "fatal: unable to access 'https://no-such-host.invalid/x/': Could not resolve host: no-such-host.invalid"]]],
  // curl's progress meter runs into the message; it is not part of the evidence
  ['curl-dns', [[NET, 'curl: (6) Could not resolve host: no-such-host.invalid']]],
  ['wget-dns', [[NET, 'Resolving no-such-host.invalid (no-such-host.invalid)... failed: Name or service not known.']]],
  ['npm-dns', [[NET, 'npm error network request to https://no-such-host.invalid/left-pad failed, reason: getaddrinfo ENOTFOUND no-such-host.invalid']]],
  [
    'pip-dns',
    [[NET, "WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f7c1988bb50>: Failed to establish a new connection: [Errno -2] Name or service not known')': /simple/left-pad/"]],
  ],
  ['python-dns-no-network', [[NET, 'socket.gaierror: [Errno -3] Temporary failure in name resolution']]],
  ['wget-dns-no-network', [[NET, 'Resolving no-such-host.invalid (no-such-host.invalid)... failed: Temporary failure in name resolution.']]],
  ['git-ls-remote-dns-no-network', [[NET, "fatal: unable to access 'https://no-such-host.invalid/x/': Could not resolve host: no-such-host.invalid"]]],
  // connection refused: one evidence for the capability, the first line that shows it
  ['curl-refused', [[NET, "curl: (7) Failed to connect to 127.0.0.1 port 49799 after 0 ms: Couldn't connect to server"]]],
  ['curl-refused-verbose', [[NET, '* connect to 127.0.0.1 port 49799 failed: Connection refused']]],
  ['git-clone-refused', [[NET, "fatal: unable to access 'http://127.0.0.1:49799/x.git/': Failed to connect to 127.0.0.1 port 49799 after 0 ms: Couldn't connect to server"]]],
  ['npm-refused', [[NET, 'npm error FetchError: request to http://127.0.0.1:49799/left-pad failed, reason: connect ECONNREFUSED 127.0.0.1:49799']]],
  [
    'pip-refused',
    [[NET, "WARNING: Retrying (Retry(total=0, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at 0x7fb90664a5d0>: Failed to establish a new connection: [Errno 111] Connection refused')': /simple/left-pad/"]],
  ],
  ['ssh-refused', [[NET, 'ssh: connect to host 127.0.0.1 port 49799: Connection refused']]],
  ['git-ssh-refused', [[NET, 'ssh: connect to host 127.0.0.1 port 49799: Connection refused']]],
  // no network at all
  ['curl-unreachable', [[NET, '* Immediate connect fail for 127.0.0.1: Network is unreachable']]],
  ['npm-unreachable', [[NET, 'npm error request to http://127.0.0.1:49799/left-pad failed, reason: connect ENETUNREACH 127.0.0.1:49799 - Local (0.0.0.0:0)']]],
  ['python-unreachable', [[NET, 'OSError: [Errno 101] Network is unreachable']]],
  // writes refused
  ['touch-sys', [[WRITE, "touch: cannot touch '/sys/x': Permission denied"]]],
  ['touch-read-only-fs', [[WRITE, "touch: cannot touch 'ro-mount/x': Read-only file system"]]],
  ['git-add-read-only-git', [[WRITE, "fatal: Unable to create '/tmp/escalint-record/repo/.git/index.lock': Read-only file system"]]],
  ['touch-locked-dir', [[WRITE, "touch: cannot touch '/tmp/escalint-record/locked/x': Permission denied"]]],
  ['redirect-locked-dir', [[WRITE, 'sh: 1: cannot create /tmp/escalint-record/locked/out: Permission denied']]],
  ['chmod-not-owner', [[WRITE, "chmod: changing permissions of '/etc/hostname': Operation not permitted"]]],
  ['npm-global-eacces', [[WRITE, "npm error Error: EACCES: permission denied, symlink '../../../tmp/escalint-record/pkg' -> '/usr/lib/node_modules/escalint-fixture-pkg'"]]],
  // failures that are not the sandbox's
  ['touch-proc', []],
  ['npm-missing-script', []],
  ['git-not-a-repo', []],
];

describe('outputFailures on recorded failure texts', () => {
  it.each(CASES)('%s', (name, expected) => {
    expect(outputFailures(read(name)).map((c) => [c.name, c.evidence])).toEqual(expected);
  });

  it('covers every recorded file', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
    expect(CASES.map(([n]) => n).sort()).toEqual(files);
  });

  it('backs every failure pattern with a recording', () => {
    const seen = new Set(CASES.flatMap(([name]) => failureLines(read(name)).map((l) => l.pattern.id)));
    expect([...seen].sort()).toEqual(FAILURE_PATTERNS.map((p) => p.id).sort());
  });

  it('reports each capability once, from the first line that shows it, in the order found', () => {
    const output = `${read('git-add-read-only-git')}${read('npm-dns')}${read('touch-sys')}`;
    expect(outputFailures(output).map((c) => c.name)).toEqual([WRITE, NET]);
  });

  it('drops colour sequences and shows other control characters as escapes', () => {
    const line = read('touch-sys').trim();
    expect(outputFailures(`\x1b[31m${line}\x1b[0m\n`)).toEqual([{ name: WRITE, evidence: line }]);
    expect(outputFailures(`${line}\x07\n`)).toEqual([{ name: WRITE, evidence: `${line}\\u0007` }]);
  });

  it('cuts a very long line around what matched', () => {
    const line = read('touch-sys').trim();
    const [c] = outputFailures(`${'x'.repeat(1000)} ${line} ${'y'.repeat(1000)}`);
    expect(c!.evidence).toContain('Permission denied');
    expect(c!.evidence.startsWith('…') && c!.evidence.endsWith('…')).toBe(true);
    expect(c!.evidence.length).toBeLessThanOrEqual(322);
  });

});
