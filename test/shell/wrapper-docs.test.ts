// docs/segments.md documents the context ids the wrapper analysis adds (WRAPPER_CONTEXT_IDS), and
// every segment's context holds only documented ids (design.md §5: a fixed vocabulary).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseShell } from '../../src/shell/parse.js';
import { CONTEXT_IDS } from '../../src/shell/segments.js';
import { WRAPPER_CONTEXT_IDS } from '../../src/shell/wrappers.js';
import { RED_TEAM } from './red-team-table.js';

const doc = readFileSync(new URL('../../docs/segments.md', import.meta.url), 'utf8');

it('docs/segments.md has one row per context id added by unwrapping', () => {
  const from = doc.indexOf('## Contexts added by unwrapping');
  expect(from).toBeGreaterThan(0);
  const next = doc.indexOf('\n## ', from + 1);
  const table = doc.slice(from, next < 0 ? undefined : next);
  const rows = [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!).sort();
  expect(rows).toEqual([...WRAPPER_CONTEXT_IDS].sort());
});

it('every context of the red-team segments is a documented id', () => {
  const known = new Set<string>([...CONTEXT_IDS, ...WRAPPER_CONTEXT_IDS]);
  const seen = new Set(RED_TEAM.flatMap(([s]) => parseShell(s).segments.flatMap((x) => x.context)));
  expect([...seen].filter((c) => !known.has(c))).toEqual([]);
  expect(seen.has('remote')).toBe(true);
});
