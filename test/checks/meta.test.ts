// Every registered check is documented and tested (as typescript-eslint's meta-tests do): a file
// src/checks/<id>.ts, a test file test/checks/<id>.test.ts, a description, docs, a default
// severity and messages; ids are unique kebab-case and do not collide with the structural ids.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allChecks, checks, structuralChecks } from '../../src/checks/index.js';

const root = new URL('../../', import.meta.url);
const HELPERS = new Set(['dead-rules.ts', 'index.ts', 'define.ts', 'structural.ts', 'directives.ts', 'edits.ts', 'rule-shape.ts']);

describe('check registry', () => {
  it('has unique kebab-case ids across registered and structural checks', () => {
    const ids = allChecks().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('registers every check file in src/checks', () => {
    const files = readdirSync(new URL('src/checks/', root)).filter((f) => f.endsWith('.ts') && !HELPERS.has(f));
    expect(files.map((f) => f.slice(0, -3)).sort()).toEqual(checks.map((c) => c.id).sort());
  });

  describe.each(checks.map((c) => [c.id, c] as const))('%s', (id, check) => {
    it('lives in its own file and has a test file', () => {
      expect(existsSync(new URL(`src/checks/${id}.ts`, root))).toBe(true);
      expect(existsSync(new URL(`test/checks/${id}.test.ts`, root))).toBe(true);
    });

    it('is documented', () => {
      expect(check.meta.description).toMatch(/^[a-z].{10,}[^.]$/);
      expect(check.meta.docs.length).toBeGreaterThan(60);
      expect(['error', 'warn', 'off']).toContain(check.meta.defaultSeverity);
      expect(Object.keys(check.meta.messages).length).toBeGreaterThan(0);
    });

    it('has lowercase messages, and a RuleTester table (which proves every messageId is produced)', () => {
      for (const message of Object.values(check.meta.messages)) expect(message).toMatch(/^[a-z{"]/);
      // runCheckTable (test/checks/check-tester.ts) fails unless the table's invalid cases produce
      // every messageId of the meta, in YAML or .rules.
      const test = readFileSync(new URL(`test/checks/${id}.test.ts`, root), 'utf8');
      expect(test).toMatch(new RegExp(`runCheckTable\\(\\s*${check.id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}\\b`));
    });
  });

  it('has a section in docs/checks.md for every id (the SARIF helpUri anchors)', () => {
    const doc = readFileSync(new URL('docs/checks.md', root), 'utf8');
    for (const c of allChecks()) expect(doc).toContain(`\n## ${c.id}\n`);
  });

  it('shows an incorrect and a correct example for every registered check', () => {
    const doc = readFileSync(new URL('docs/checks.md', root), 'utf8');
    for (const c of checks) {
      const section = doc.split(`\n## ${c.id}\n`)[1]!.split('\n## ')[0]!;
      expect(section, c.id).toMatch(/Incorrect:\n\n```yaml\n[\s\S]+?```[\s\S]*Correct:\n\n```yaml\n/);
    }
  });

  it('documents every structural id too', () => {
    for (const c of structuralChecks) {
      expect(c.meta.description.length).toBeGreaterThan(10);
      expect(c.meta.docs.length).toBeGreaterThan(60);
    }
    expect(structuralChecks.filter((c) => c.fixed).map((c) => c.id)).toEqual(['yaml', 'schema', 'rules-syntax']);
  });
});
