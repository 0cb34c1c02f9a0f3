// Every registered check is documented and tested (as typescript-eslint's meta-tests do): a file
// src/checks/<id>.ts, a test file test/checks/<id>.test.ts, a description, docs, a default
// severity and messages; ids are unique kebab-case and do not collide with the structural ids.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allChecks, checks, structuralChecks } from '../../src/checks/index.js';

const root = new URL('../../', import.meta.url);
const HELPERS = new Set(['index.ts', 'define.ts', 'structural.ts', 'directives.ts']);

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

    it('has lowercase messages whose every messageId is used by the check', () => {
      const source = readFileSync(new URL(`src/checks/${id}.ts`, root), 'utf8');
      for (const [messageId, message] of Object.entries(check.meta.messages)) {
        expect(message).toMatch(/^[a-z{"]/);
        expect(source).toContain(`'${messageId}'`);
      }
    });
  });

  it('has a section in docs/checks.md for every id (the SARIF helpUri anchors)', () => {
    const doc = readFileSync(new URL('docs/checks.md', root), 'utf8');
    for (const c of allChecks()) expect(doc).toContain(`\n## ${c.id}\n`);
  });

  it('documents every structural id too', () => {
    for (const c of structuralChecks) {
      expect(c.meta.description.length).toBeGreaterThan(10);
      expect(c.meta.docs.length).toBeGreaterThan(60);
    }
    expect(structuralChecks.filter((c) => c.fixed).map((c) => c.id)).toEqual(['yaml', 'schema', 'rules-syntax']);
  });
});
