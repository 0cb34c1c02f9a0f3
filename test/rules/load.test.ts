import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { lintFiles } from '../../src/lint.js';
import { loadRuleFiles, loadRuleText } from '../../src/load.js';
import { ruleFileKind } from '../../src/rules/load.js';
import { ruleFileSchema } from '../../src/rules/schema.js';

const dir = mkdtempSync(path.join(tmpdir(), 'escalint-load-'));
const write = (name: string, text: string | Buffer): string => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('loadRuleFiles', async () => {
  const a = write(
    'a.yaml',
    'version: 1\nrules:\n  - pattern: [git, status]\n  - pattern: [ls]\nhost_executables:\n  - {name: git, paths: [/usr/bin/git]}\nsettings:\n  checks: {too-specific: warn, implicit-decision: off}\n  codex_version: "0.168.0"\n',
  );
  const b = write(
    'b.yml',
    'version: 1\nrules:\n  - pattern: [git, push]\n    decision: prompt\nhost_executables:\n  - {name: git, paths: [/opt/bin/git]}\nsettings:\n  checks: {too-specific: error}\n  codex_version: "0.169.0"\n',
  );
  const c = write('c.rules', 'prefix_rule(pattern=["rm", "-rf"], decision="forbidden")\n');

  test('merges in the order given; rule index continues across files', async () => {
    const { ruleSet, diagnostics, fatal } = await loadRuleFiles([a, b, c]);
    expect(fatal).toBe(false);
    expect(diagnostics).toEqual([]);
    expect(ruleSet.rules.map((r) => [r.pattern, r.index, path.basename(r.source.file)])).toEqual([
      [['git', 'status'], 0, 'a.yaml'],
      [['ls'], 1, 'a.yaml'],
      [['git', 'push'], 2, 'b.yml'],
      [['rm', '-rf'], 3, 'c.rules'],
    ]);
    // Concatenated in order; the engine lets the last definition of a name win.
    expect(ruleSet.hostExecutables.map((h) => h.paths)).toEqual([['/usr/bin/git'], ['/opt/bin/git']]);
    expect(ruleSet.files.map((f) => [path.basename(f.path), f.kind])).toEqual([
      ['a.yaml', 'yaml'],
      ['b.yml', 'yaml'],
      ['c.rules', 'rules'],
    ]);
    expect(ruleSet.files[0]!.text).toBe(readFileSync(a, 'utf8'));
  });

  test('later settings override earlier ones, per check', async () => {
    const { ruleSet } = await loadRuleFiles([a, b]);
    expect(ruleSet.settings).toEqual({ checks: { 'too-specific': 'error', 'implicit-decision': 'off' }, codexVersion: '0.169.0' });
  });

  test.each([
    ['a missing file', path.join(dir, 'missing.yaml'), 'no such file'],
    ['a directory', dir, 'is a directory'],
  ])('%s is fatal with one line', async (_name, p, reason) => {
    const { diagnostics, fatal, ruleSet } = await loadRuleFiles([a, p]);
    expect(fatal).toBe(true);
    expect(diagnostics).toEqual([
      { check: 'io', messageId: 'unreadable', severity: 'error', message: `cannot read ${JSON.stringify(p)}: ${reason}`, file: p, start: 0, end: 0 },
    ]);
    expect(ruleSet.rules).toHaveLength(2); // the readable file still loads
  });

  test('a file over the size limit is refused from its size, not read', async () => {
    const big = write('big.yaml', `version: 1\n${'#'.repeat(100)}\n`);
    const { diagnostics, fatal } = await loadRuleFiles([big], { maxBytes: 64 });
    expect(fatal).toBe(false);
    expect(diagnostics.map((d) => [d.check, d.messageId])).toEqual([['yaml', 'too-large']]);
  });

  test('invalid UTF-8 on disk is found from the bytes', async () => {
    const bad = write('bad.yaml', Buffer.from([0x76, 0x3a, 0x20, 0xc3, 0x28, 0x0a]));
    const { diagnostics } = await loadRuleFiles([bad]);
    expect(diagnostics.map((d) => [d.messageId, d.start])).toEqual([['invalid-utf8', 3]]);
  });
});

describe('loadRuleText', async () => {
  test('in memory, YAML by default', async () => {
    const { ruleSet: r } = await loadRuleText('<stdin>', 'version: 1\nrules: [{pattern: [a]}]\n');
    expect(r.rules.map((x) => x.pattern)).toEqual([['a']]);
  });

  test('.rules by extension', async () => {
    const { ruleSet: r } = await loadRuleText('x.rules', 'prefix_rule(pattern=["a"])\n');
    expect(r.rules.map((x) => [x.pattern, x.decisionExplicit])).toEqual([[['a'], false]]);
  });

  test.each([
    ['a.yaml', 'yaml'],
    ['a.YML', 'yaml'],
    ['default.rules', 'rules'],
    ['a.json', undefined],
  ])('ruleFileKind(%s)', (p, kind) => expect(ruleFileKind(p)).toBe(kind));
});

describe('rules.example.yaml', async () => {
  const example = fileURLToPath(new URL('../../rules.example.yaml', import.meta.url));
  const text = readFileSync(example, 'utf8');

  test('its modeline resolves, relative to the file, to the schema', async () => {
    const m = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text);
    expect(m).not.toBeNull();
    const target = path.resolve(path.dirname(example), m![1]!);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(ruleFileSchema);
  });

  test('loads with zero diagnostics', async () => {
    const { diagnostics, fatal } = await loadRuleFiles([example]);
    expect(fatal).toBe(false);
    expect(diagnostics).toEqual([]);
  });

  test('lints clean', async () => {
    const result = await lintFiles([example]);
    expect(result.diagnostics).toEqual([]);
  });

  test('uses every field of the schema', async () => {
    const { ruleSet: r } = await loadRuleText(example, text);
    const fields = new Set<string>();
    for (const rule of r.rules) {
      if (rule.id) fields.add('id');
      if (rule.decisionExplicit) fields.add('decision');
      if (rule.justification !== undefined) fields.add('justification');
      if (rule.match.length) fields.add('match');
      if (rule.notMatch.length) fields.add('not_match');
      if (rule.canonicalMatching) fields.add('canonical_matching');
      if (rule.pattern.some(Array.isArray)) fields.add('alternatives');
    }
    expect([...fields].sort()).toEqual(['alternatives', 'canonical_matching', 'decision', 'id', 'justification', 'match', 'not_match']);
    expect(r.hostExecutables).toHaveLength(1);
    expect(r.networkRules.map((n) => n.justification !== undefined)).toEqual([true]);
    expect(Object.keys(r.settings.checks).length).toBeGreaterThan(0);
    expect(r.settings.codexVersion).toBe('0.169.0');
  });
});

