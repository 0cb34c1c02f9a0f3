// Snapshot tests of every output format on one shared result (fixture.ts). The snapshots are
// golden files under snapshots/; `UPDATE_GOLDEN=1 npx vitest run test/format` rewrites them; read the diff.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectGolden as goldenFile } from '../golden.js';
import { formatNames, formatters } from '../../src/format/index.js';
import { fixtureResult, formatContext } from './fixture.js';

function expectGolden(actual: string, rel: string): void {
  goldenFile(actual, new URL(rel, import.meta.url));
}

describe('output formats', () => {
  const { results } = fixtureResult();

  it.each(formatNames)('%s matches its snapshot', (name) => {
    const ext = name === 'json' || name === 'sarif' ? 'json' : 'txt';
    expectGolden(formatters[name](results, formatContext), `snapshots/${name}.${ext}`);
  });

  it('stylish colours only when asked', () => {
    const coloured = formatters.stylish(results, { ...formatContext, color: true });
    expect(coloured).toContain('\x1b[31m');
    expect(formatters.stylish(results, formatContext)).not.toContain('\x1b[');
    expectGolden(coloured, 'snapshots/stylish-color.txt');
  });

  it.each(formatNames)('%s is empty or valid for a clean run', (name) => {
    const clean = results.map((r) => ({ ...r, diagnostics: [], suppressed: [], errorCount: 0, warningCount: 0 }));
    const out = formatters[name](clean, formatContext);
    if (name === 'json' || name === 'sarif') expect(() => JSON.parse(out)).not.toThrow();
    else expect(out).toBe('');
  });

  it('json is ESLint-shaped: absolute paths, severities 1|2, counts', () => {
    const parsed = JSON.parse(formatters.json(results, formatContext)) as {
      filePath: string;
      messages: { ruleId: string; severity: number; line: number; column: number; endLine: number; endColumn: number }[];
      suppressedMessages: { ruleId: string; suppressions: unknown[] }[];
      errorCount: number;
      warningCount: number;
    }[];
    expect(parsed.map((r) => [r.filePath, r.errorCount, r.warningCount])).toEqual([
      ['/work/project/rules.yaml', 1, 1],
      ['/work/project/team/more rules.yaml', 2, 0],
      ['/work/project/default.rules', 0, 0],
    ]);
    expect(parsed[0]!.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn])).toEqual([
      ['implicit-decision', 1, 6, 14, 6, 30],
      ['schema', 2, 10, 15, 10, 19],
    ]);
    expect(parsed[0]!.suppressedMessages).toEqual([
      expect.objectContaining({
        ruleId: 'implicit-decision',
        suppressions: [{ kind: 'directive', justification: 'reviewed: read-only' }],
      }),
    ]);
  });
});
