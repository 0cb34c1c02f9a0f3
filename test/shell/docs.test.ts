// docs/segments.md documents every context id, and only those (style.md: meta-tests keep the
// registry and its documentation in step).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CONTEXT_IDS } from '../../src/shell/segments.js';

it('docs/segments.md has one row per context id', () => {
  const doc = readFileSync(new URL('../../docs/segments.md', import.meta.url), 'utf8');
  const table = doc.slice(doc.indexOf('## Context ids'), doc.indexOf('## Limits'));
  const rows = [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
  expect([...rows].sort()).toEqual([...CONTEXT_IDS].sort());
});
