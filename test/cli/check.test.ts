// `escalint check` in-process through main() with a fake CliIO: exit codes, file selection,
// formats, -o, --quiet, --max-warnings, colour. The transcript (command, stdout, stderr, exit
// code) of the main scenarios is a golden file, as arethetypeswrong records its CLI snapshots.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { expectGolden as goldenFile } from '../golden.js';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

function expectGolden(actual: string, rel: string): void {
  goldenFile(actual, new URL(rel, import.meta.url));
}

const root = mkdtempSync(path.join(tmpdir(), 'escalint-check-'));
afterAll(() => {
  // Leave the temp dir: the OS cleans it, and a failing test can be inspected.
});

function write(rel: string, text: string): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const CLEAN = 'version: 1\nrules:\n  - pattern: [git, status]\n    decision: allow\n';
const WARN = 'version: 1\nrules:\n  - pattern: [ls]\n';
const ERROR = 'version: 1\nrules:\n  - pattern: [git, push]\n    decision: deny\n  - pattern: [ls]\n';
const UNUSED = 'version: 1\nrules:\n  # escalint-disable-next-line implicit-decision\n  - pattern: [ls]\n    decision: allow\n';

write('clean.yaml', CLEAN);
write('warn.yaml', WARN);
write('error.yaml', ERROR);
write('unused.yaml', UNUSED);
write('dir/b.yaml', WARN);
write('dir/a.rules', 'prefix_rule(pattern=["ls"])\n');
write('dir/notes.txt', 'not a rule file\n');
write('empty/readme.md', '# nothing\n');
write('with-default/rules.yaml', WARN);
write('no-default/other.yaml', CLEAN);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], opts: { cwd?: string; isTTY?: boolean; env?: Record<string, string> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => '',
    isTTY: opts.isTTY ?? false,
    env: opts.env ?? {},
    cwd: opts.cwd ?? root,
  };
  const code = await main(['node', 'escalint', 'check', ...args], io);
  return { code, stdout, stderr };
}

describe('escalint check: exit codes', () => {
  it.each([
    ['a clean file', ['clean.yaml'], 0],
    ['warnings only', ['warn.yaml'], 0],
    ['warnings within --max-warnings', ['warn.yaml', '--max-warnings', '1'], 0],
    ['more warnings than --max-warnings', ['warn.yaml', '--max-warnings', '0'], 1],
    ['--quiet drops warnings before --max-warnings', ['warn.yaml', '--quiet', '--max-warnings', '0'], 0],
    ['errors', ['error.yaml'], 1],
    ['errors with --quiet', ['error.yaml', '--quiet'], 1],
    ['an unused directive, not asked', ['unused.yaml'], 0],
    ['an unused directive, asked', ['unused.yaml', '--report-unused-disable-directives'], 1],
    ['a missing file', ['nope.yaml'], 2],
    ['a missing file among good ones', ['clean.yaml', 'nope.yaml'], 2],
    ['an unexpanded glob', ['*.yml'], 2],
    ['an unknown format', ['clean.yaml', '--format', 'xml'], 2],
    ['a bad --max-warnings', ['clean.yaml', '--max-warnings', 'many'], 2],
    ['a directory without rule files', ['empty'], 2],
    ['an unknown option', ['clean.yaml', '--frmat', 'json'], 2],
  ] as const)('%s', async (_name, args, code) => {
    expect((await run([...args])).code).toBe(code);
  });

  it('reports a missing file in one line on stderr, and nothing on stdout', async () => {
    const r = await run(['clean.yaml', 'nope.yaml']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'escalint: no such file: nope.yaml\n' });
  });
});

describe('escalint check: files', () => {
  it('lints a directory as its rule files, sorted, not other files', async () => {
    const r = await run(['dir', '--format', 'compact']);
    expect(r.stdout).toBe(
      'dir/a.rules:1:21: warning: prefix_rule has no decision; Codex treats it as "allow": write decision="allow" explicitly [implicit-decision]\n' +
        // The files merge in order (Codex merges rules/*.rules), so b.yaml's ["ls"] repeats a.rules's.
        'dir/b.yaml:3:14: warning: rule ["ls"] repeats the earlier rule with the same decision "allow"; remove this copy [duplicate-rule]\n' +
        'dir/b.yaml:3:14: warning: rule has no decision; Codex treats it as "allow": write decision: allow explicitly [implicit-decision]\n',
    );
  });

  it('uses rules.yaml of the working directory when no file is given', async () => {
    const r = await run(['--format', 'compact'], { cwd: path.join(root, 'with-default') });
    expect(r.stdout).toMatch(/^rules\.yaml:3:14: warning: /);
  });

  it('is a usage error when no file is given and there is no default file', async () => {
    const r = await run([], { cwd: path.join(root, 'no-default') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('escalint: no rule file given and no rules.yaml or .escalint.yaml here; run: escalint check <file>\n');
  });

  it('writes the report to -o FILE and nothing to stdout', async () => {
    const r = await run(['error.yaml', '--format', 'sarif', '-o', 'out/report.sarif']);
    expect([r.code, r.stdout]).toEqual([1, '']);
    const log = JSON.parse(readFileSync(path.join(root, 'out/report.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(log.runs[0]!.results).toHaveLength(2);
  });
});

describe('escalint check: colour', () => {
  const ESC = '\x1b[';
  it.each([
    ['not a TTY', ['error.yaml'], {}, false, false],
    ['a TTY', ['error.yaml'], {}, true, true],
    ['a TTY with NO_COLOR', ['error.yaml'], { NO_COLOR: '1' }, true, false],
    ['a TTY with an empty NO_COLOR', ['error.yaml'], { NO_COLOR: '' }, true, true],
    ['a TTY with --no-color', ['error.yaml', '--no-color'], {}, true, false],
    ['not a TTY with --color', ['error.yaml', '--color'], {}, false, true],
    ['--color beats NO_COLOR', ['error.yaml', '--color'], { NO_COLOR: '1' }, false, true],
  ] as const)('%s', async (_name, args, env, isTTY, coloured) => {
    const r = await run([...args], { env: { ...env }, isTTY });
    expect(r.stdout.includes(ESC)).toBe(coloured);
  });
});

describe('escalint check: transcript', () => {
  it('matches the golden transcript', async () => {
    const scenarios: string[][] = [
      ['error.yaml'],
      ['error.yaml', 'warn.yaml', '--format', 'compact'],
      ['error.yaml', '--quiet', '--format', 'compact'],
      ['warn.yaml', '--max-warnings', '0'],
      ['error.yaml', '--format', 'github'],
      ['error.yaml', '--format', 'json'],
      ['unused.yaml', '--report-unused-disable-directives', '--format', 'compact'],
      ['nope.yaml'],
    ];
    let transcript = '';
    for (const args of scenarios) {
      const r = await run(args);
      // The json format holds absolute paths; make them stable.
      const stdout = r.stdout.split(root).join('<tmp>');
      transcript += `$ escalint check ${args.join(' ')}\n${stdout}${r.stderr ? `[stderr]\n${r.stderr}` : ''}[exit ${r.code}]\n\n`;
    }
    expectGolden(transcript, 'snapshots/check.txt');
  });
});
