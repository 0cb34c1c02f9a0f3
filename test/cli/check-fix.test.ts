// `escalint check --fix`: safe fixes rewrite YAML in place (comments and formatting kept), a
// suggestion is applied only with --fix-type suggestion, --fix-dry-run writes nothing, and a Codex
// .rules file is never rewritten: its changes come as a diff on standard error.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const root = mkdtempSync(path.join(tmpdir(), 'escalint-fix-'));
const write = (name: string, text: string) => {
  writeFileSync(path.join(root, name), text);
  return name;
};
const read = (name: string) => readFileSync(path.join(root, name), 'utf8');
const run = (args: string[]) => runCli(args, { cwd: root });

const SUGGESTIBLE = '# team rules\nversion: 1\nrules:\n  # tests\n  - pattern: [RUST_LOG=debug, cargo, test]   # from a session\n    decision: allow\n';

describe('escalint check --fix', () => {
  it('applies no suggestion without --fix-type suggestion', async () => {
    const f = write('a.yaml', SUGGESTIBLE);
    const r = await run(['check', '--fix', f, '--format', 'compact']);
    expect(read(f)).toBe(SUGGESTIBLE);
    expect(r.stdout).toContain('[env-assignment]');
    expect(r.code).toBe(1);
  });

  it('applies the first suggestion with --fix-type suggestion, keeping comments and layout, and reports what remains', async () => {
    const f = write('b.yaml', SUGGESTIBLE);
    const r = await run(['check', '--fix', '--fix-type', 'suggestion', f, '--format', 'compact']);
    expect(read(f)).toBe(SUGGESTIBLE.replace('[RUST_LOG=debug, cargo, test]', '[cargo, test]'));
    expect(r.stdout).not.toContain('[env-assignment]');
    expect(r.stderr).toBe('');
  });

  it('--fix-dry-run prints the diff and writes nothing', async () => {
    const f = write('c.yaml', SUGGESTIBLE);
    const r = await run(['check', '--fix-dry-run', '--fix-type', 'suggestion', f, '--format', 'compact']);
    expect(read(f)).toBe(SUGGESTIBLE);
    expect(r.stderr).toContain('-  - pattern: [RUST_LOG=debug, cargo, test]   # from a session\n+  - pattern: [cargo, test]   # from a session\n');
  });

  it('never rewrites a .rules file: the changes are a diff on standard error', async () => {
    const text = '# written by Codex\nprefix_rule(pattern=["RUST_LOG=debug", "cargo", "test"], decision="allow")\n';
    const f = write('default.rules', text);
    const r = await run(['check', '--fix', '--fix-type', 'suggestion', f, '--format', 'compact']);
    expect(read(f)).toBe(text);
    expect(r.stderr).toContain("escalint does not rewrite Codex's rule file default.rules; apply these changes yourself:");
    expect(r.stderr).toContain('+prefix_rule(pattern=["cargo", "test"], decision="allow")');
  });

  it.each([
    [['check', '--fix-type', 'suggestion', 'x.yaml'], '--fix-type needs --fix or --fix-dry-run'],
    [['check', '--fix', '--fix-type', 'layout', 'x.yaml'], 'unknown --fix-type "layout"'],
  ])('%j is a usage error', async (args, message) => {
    write('x.yaml', SUGGESTIBLE);
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('shows fixes and suggestions in the JSON and SARIF formats', async () => {
    const f = write('d.yaml', SUGGESTIBLE);
    const json = JSON.parse((await run(['check', f, '--format', 'json'])).stdout);
    const m = json[0].messages.find((x: { ruleId: string }) => x.ruleId === 'env-assignment');
    const start = SUGGESTIBLE.indexOf('[RUST_LOG');
    expect(m.suggestions).toEqual([
      { desc: 'match the command: ["cargo", "test"]', fix: { range: [start, start + '[RUST_LOG=debug, cargo, test]'.length], text: '[cargo, test]' } },
    ]);
    const sarif = JSON.parse((await run(['check', f, '--format', 'sarif'])).stdout);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'env-assignment');
    expect(result.fixes[0].artifactChanges[0].replacements).toEqual([
      { deletedRegion: { startLine: 5, startColumn: 14, endLine: 5, endColumn: 43 }, insertedContent: { text: '[cargo, test]' } },
    ]);
  });
});
