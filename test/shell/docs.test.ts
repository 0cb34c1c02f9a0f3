// docs/segments.md documents every context id and every reason id, and only those (style.md:
// meta-tests keep the registries and their documentation in step).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CONTEXT_IDS } from '../../src/shell/segments.js';
import { REASONS } from '../../src/shell/wrappers.js';

const doc = readFileSync(new URL('../../docs/segments.md', import.meta.url), 'utf8');

function rowsBetween(from: string, to: string): string[] {
  const table = doc.slice(doc.indexOf(from), doc.indexOf(to));
  return [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!).sort();
}

it('docs/segments.md has one row per context id', () => {
  expect(rowsBetween('## Context ids', '## Reasons')).toEqual([...CONTEXT_IDS].sort());
});

it('docs/segments.md has one row per reason id', () => {
  expect(rowsBetween('## Reasons', '## Limits')).toEqual(Object.keys(REASONS).sort());
});
