// `escalint suggest` end to end: the JSON shape of design §8, YAML and Codex rules ready to paste
// (the YAML loads and lints clean, the .rules text is what the one encoder writes), --rules.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintLoaded } from '../../src/lint.js';
import { loadTexts } from '../rules/stages.js';
import { runCli } from './run.js';

const root = mkdtempSync(path.join(tmpdir(), 'escalint-suggest-'));
writeFileSync(path.join(root, 'rules.yaml'), 'version: 1\nrules:\n  - id: git-pull\n    pattern: [git, pull]\n    decision: allow\n');
const run = (args: string[]) => runCli(args, { cwd: root });

describe('escalint suggest', () => {
  it('prints design §8 JSON, one suggestion per segment', async () => {
    const r = await run(['suggest', '--format', 'json', '--', 'git pull | tee output.txt && python3 gen.py']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['command', 'suggestions']);
    expect(out.command).toBe('git pull | tee output.txt && python3 gen.py');
    expect(out.suggestions.map((s: { argv: string[]; prefix_rule: string[] | null }) => [s.argv, s.prefix_rule])).toEqual([
      [['git', 'pull'], ['git', 'pull']],
      [['tee', 'output.txt'], ['tee']],
      [['python3', 'gen.py'], null],
    ]);
    for (const s of out.suggestions) expect(Object.keys(s)).toEqual(['argv', 'prefix_rule', 'reason', 'sandbox_permissions', 'justification']);
  });

  it('writes YAML rules that load and lint clean', async () => {
    const r = await run(['suggest', '--format', 'yaml', '--', 'cargo test -p codex-app-server && gh pr checks 42']);
    const text = `version: 1\nrules:\n${r.stdout.replace(/^/gm, '  ').replace(/ +$/, '')}`;
    const loaded = loadTexts([{ path: 'paste.yaml', text }]);
    expect(loaded.rules.map((x) => x.pattern)).toEqual([['cargo', 'test'], ['gh', 'pr', 'checks']]);
    expect(lintLoaded({ ruleSet: loaded, diagnostics: loaded.diagnostics, fatal: false }).diagnostics).toEqual([]);
  });

  it('writes Codex prefix_rule lines', async () => {
    const r = await run(['suggest', '--format', 'codex', '--', 'npm run dev']);
    expect(r.stdout).toBe('prefix_rule(pattern=["npm", "run", "dev"], decision="allow")\n');
  });

  it('names the rule that already allows a segment', async () => {
    const r = await run(['suggest', '--rules', 'rules.yaml', '--', 'git pull | tee out.txt']);
    expect(r.stdout).toContain('git pull\n  already allowed by ["git","pull"] at rules.yaml:3\n');
    const json = JSON.parse((await run(['suggest', '--rules', 'rules.yaml', '--format', 'json', '--', 'git pull'])).stdout);
    expect(json.suggestions).toEqual([]);
    expect(json.allowed).toEqual([{ argv: ['git', 'pull'], rules: [{ rule: 'git-pull', pattern: ['git', 'pull'], at: 'rules.yaml:3' }] }]);
  });

  it.each([
    [['suggest', '--format', 'xml', '--', 'ls'], 'unknown format'],
    [['suggest', '--rules', 'nope.yaml', '--', 'ls'], 'nope.yaml'],
  ])('%j exits 2 with one line', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
