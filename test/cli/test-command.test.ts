// `escalint test` end to end, in-process: JSON shape, text tree, --commands, --expect,
// --fail-on, and exit codes (design.md §5).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const root = mkdtempSync(path.join(tmpdir(), 'escalint-test-cmd-'));
const write = (name: string, text: string) => writeFileSync(path.join(root, name), text);

write(
  'rules.yaml',
  [
    'version: 1',
    'rules:',
    '  - id: git-read',
    '    pattern: [git, [status, log]]',
    '    decision: allow',
    '  - pattern: [rm, -rf]',
    '    decision: forbidden',
    '    justification: use trash',
    '  - pattern: [echo]',
    '    decision: allow',
    '',
  ].join('\n'),
);
write('extra.rules', 'prefix_rule(pattern=["git", "push"], decision="prompt")\n');
write('bad.yaml', 'version: 1\nrules:\n  - pattern: [ls]\n    decision: deny\n');
write('vars.rules', 'x = ["ls"]\nprefix_rule(pattern=x)\n');
write('not-match.yaml', 'version: 1\nrules:\n  - pattern: [git, status]\n    decision: allow\n    not_match: [git status -s]\n');
write('not-match.rules', 'prefix_rule(pattern=["git", "status"], decision="allow", not_match=["git status -s"])\n');
write('dup-id.yaml', 'version: 1\nrules:\n  - id: a\n    pattern: [ls]\n    decision: allow\n  - id: a\n    pattern: [cat]\n    decision: allow\n');
write('crlf.yaml', 'version: 1\r\nrules:\r\n  - pattern: [echo]\r\n    decision: allow\r\n  - pattern: [rm]\r\n    decision: forbidden\r\n');
write('commands.txt', '# agent commands\ngit status\n\necho $(rm -rf /)\r\ngit push\n');
write('expect-ok.yaml', '- command: git status\n  decision: allow\n  codex: allow\n- command: echo $(rm -rf /)\n  decision: forbidden\n  codex: null\n');
write('expect-bad.yaml', '- command: git status\n  decision: forbidden\n- command: make\n  codex: allow\n');
write('expect-broken.yaml', '- command: git status\n  decison: allow\n');

const run = (args: string[]) => runCli(args, { cwd: root });

describe('escalint test', () => {
  it('prints the fixed JSON shape', async () => {
    const r = await run(['test', 'rules.yaml', 'extra.rules', '-c', 'git status && rm -rf x', '--format', 'json']);
    expect(r.code).toBe(0);
    const [out] = JSON.parse(r.stdout);
    expect(out).toEqual({
      command: 'git status && rm -rf x',
      decision: 'forbidden',
      segments: [
        {
          argv: ['git', 'status'],
          decision: 'allow',
          matches: [{ rule: 'git-read', pattern: ['git', ['status', 'log']], matchedPrefix: ['git', 'status'], decision: 'allow', justification: null, file: 'rules.yaml', line: 3, column: 5 }],
          reasons: [],
          context: ['and-or'],
        },
        {
          argv: ['rm', '-rf', 'x'],
          decision: 'forbidden',
          matches: [{ rule: null, pattern: ['rm', '-rf'], matchedPrefix: ['rm', '-rf'], decision: 'forbidden', justification: 'use trash', file: 'rules.yaml', line: 6, column: 5 }],
          reasons: [],
          context: ['and-or'],
        },
      ],
      codex: {
        split: true,
        commands: [['git', 'status'], ['rm', '-rf', 'x']],
        decision: 'forbidden',
        matches: [
          { rule: 'git-read', pattern: ['git', ['status', 'log']], matchedPrefix: ['git', 'status'], decision: 'allow', justification: null, file: 'rules.yaml', line: 3, column: 5 },
          { rule: null, pattern: ['rm', '-rf'], matchedPrefix: ['rm', '-rf'], decision: 'forbidden', justification: 'use trash', file: 'rules.yaml', line: 6, column: 5 },
        ],
      },
    });
  });

  it('explains where Codex decides differently', async () => {
    const r = await run(['test', 'rules.yaml', '-c', 'echo $(rm -rf /)', '--format', 'json']);
    const [out] = JSON.parse(r.stdout);
    expect(out.codex).toMatchObject({ split: false, decision: null, matches: [] });
    expect(out.explanation).toBe('Codex checks this script whole, so the forbidden rule at rules.yaml:6 does not apply to `rm -rf /`');
  });

  it('prints a tree per command in text', async () => {
    const r = await run(['test', 'rules.yaml', '-c', 'sudo rm -rf /']);
    expect(r.stdout).toBe(
      [
        '$ sudo rm -rf /  forbidden',
        '├─ sudo rm -rf /  unmatched',
        '└─   rm -rf / [wrapped]  forbidden',
        '       forbidden by ["rm","-rf"] at rules.yaml:6:5 — use trash',
        'codex 0.169.0: splits into sudo rm -rf /  unmatched',
        'note: Codex does not look inside wrappers, so the forbidden rule at rules.yaml:6 does not apply to `rm -rf /`',
        '',
      ].join('\n'),
    );
  });

  it('reads --commands: LF lines, CR dropped, blanks and comments skipped', async () => {
    const r = await run(['test', 'rules.yaml', 'extra.rules', '--commands', 'commands.txt', '--format', 'json']);
    expect(JSON.parse(r.stdout).map((x: { command: string; decision: string }) => [x.command, x.decision])).toEqual([
      ['git status', 'allow'],
      ['echo $(rm -rf /)', 'forbidden'],
      ['git push', 'prompt'],
    ]);
  });

  it('reports a command that does not parse, and decides at least prompt', async () => {
    const r = await run(['test', 'rules.yaml', '-c', 'echo "oops', '--format', 'json']);
    const [out] = JSON.parse(r.stdout);
    expect(out.decision).toBe('prompt');
    expect(out.diagnostics[0].message).toMatch(/unexpected EOF/);
  });

  it('--expect: exit 0 when every case holds', async () => {
    const r = await run(['test', 'rules.yaml', '--expect', 'expect-ok.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('2 expectations met\n');
  });

  it('--expect: lists every mismatch and exits 1', async () => {
    const r = await run(['test', 'rules.yaml', '--expect', 'expect-bad.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      '2 expectations failed:\n' +
        '  expect-bad.yaml:1: "git status": expected forbidden, got allow\n' +
        '  expect-bad.yaml:3: "make": expected Codex to decide allow, it decides nothing (no rule matches)\n',
    );
  });

  it('--expect: a malformed case is a usage error with its position', async () => {
    const r = await run(['test', 'rules.yaml', '--expect', 'expect-broken.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('escalint: expect-broken.yaml:1:3: unknown key "decison"; a case has command, decision and codex\n');
  });

  it.each([
    ['prompt', 'git push', 1],
    ['prompt', 'git status', 0],
    ['forbidden', 'git push', 0],
    ['forbidden', 'rm -rf /', 1],
  ] as const)('--fail-on %s with %s exits %d', async (level, command, code) => {
    expect((await run(['test', 'rules.yaml', 'extra.rules', '-c', command, '--fail-on', level])).code).toBe(code);
  });

  it.each([
    ['a missing rule file', ['test', 'nope.yaml', '-c', 'ls']],
    ['an unreadable rule file', ['test', 'bad.yaml', '-c', 'ls']],
    ['a .rules file escalint does not run', ['test', 'vars.rules', '-c', 'ls']],
    ['a YAML not_match example that matches (Codex refuses to start)', ['test', 'not-match.yaml', '-c', 'ls']],
    ['a .rules not_match example that matches (Codex refuses to start)', ['test', 'not-match.rules', '-c', 'ls']],
    ['two rules with one id', ['test', 'dup-id.yaml', '-c', 'ls']],
    ['no command', ['test', 'rules.yaml']],
    ['a bad --fail-on', ['test', 'rules.yaml', '-c', 'ls', '--fail-on', 'allow']],
    ['a bad format', ['test', 'rules.yaml', '-c', 'ls', '--format', 'xml']],
  ])('exits 2 for %s', async (_name, args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it.each([
    ['not-match.yaml', 'not-match.yaml:5:17'],
    ['not-match.rules', 'not-match.rules:1:69'],
  ])('shows why Codex would refuse %s', async (file, at) => {
    const r = await run(['test', file, '-c', 'ls']);
    expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^${at.replace(/\./g, '\\.')}: not_match example .* \\[example-mismatch\\]$`));
  });

  it.each(['crlf.yaml'])('names the rule by its line in an explanation (%s line ends)', async (file) => {
    const r = await run(['test', file, '-c', 'echo $(rm x)', '--format', 'json']);
    expect(JSON.parse(r.stdout)[0].explanation).toBe(`Codex checks this script whole, so the forbidden rule at ${file}:5 does not apply to \`rm x\``);
  });

  it('shows the diagnostics of an unreadable rule file', async () => {
    const r = await run(['test', 'bad.yaml', '-c', 'ls']);
    expect(r.stderr).toMatch(/^bad\.yaml:4:15: .*deny.* \[schema\]\n/);
  });
});
