// The red-team table (test/shell/red-team-table.ts): every row's hidden program is a segment, or
// its reason is reported; the clean rows gain no reason. See that file for the rows and sources.
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/shell/parse.js';
import { REASONS } from '../../src/shell/wrappers.js';
import { CLEAN, RED_TEAM, type Expected } from './red-team-table.js';

function check(script: string, expected: Expected): void {
  const r = parseShell(script);
  expect(r.diagnostics).toEqual([]);
  const argv = typeof expected === 'string' ? undefined : Array.isArray(expected[0]) ? (expected[0] as string[]) : (expected as string[]);
  const reason = typeof expected === 'string' ? expected : Array.isArray(expected[0]) ? (expected[1] as string) : undefined;
  const seen = { segments: r.segments.map((s) => s.argv), reasons: [...new Set(r.segments.flatMap((s) => s.reasons.map((x) => x.id)))] };
  if (argv) expect(seen.segments, JSON.stringify(seen)).toContainEqual(argv);
  if (reason) expect(seen.reasons, JSON.stringify(seen)).toContain(reason);
}

describe('red team: the hidden program is a segment, or the reason is given', () => {
  it('has a few hundred rows, each expectation a documented reason id', () => {
    expect(RED_TEAM.length).toBeGreaterThanOrEqual(300);
    for (const [, e] of RED_TEAM) {
      const id = typeof e === 'string' ? e : Array.isArray(e[0]) ? (e[1] as string) : undefined;
      if (id) expect(Object.keys(REASONS)).toContain(id);
    }
    expect(new Set(RED_TEAM.map(([s]) => s)).size).toBe(RED_TEAM.length);
  });
  for (const [script, expected] of RED_TEAM) {
    it(JSON.stringify(script), () => check(script, expected));
  }
});

describe('red team: commands that must stay clean', () => {
  for (const script of CLEAN) {
    it(JSON.stringify(script), () => {
      const r = parseShell(script);
      expect(r.diagnostics).toEqual([]);
      expect(r.segments.flatMap((s) => s.reasons.map((x) => `${s.argv.join(' ')}: ${x.id}: ${x.message}`))).toEqual([]);
    });
  }
});
