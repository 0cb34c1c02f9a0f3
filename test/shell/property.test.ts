// Property tests (fast-check, seeded, bounded): (a) random script models printed as bash parse
// back to the segments the model implies; (b) random strings never throw, finish fast, and give
// either diagnostics or well-formed segments, never both.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/shell/parse.js';
import { FRAGMENTS, META } from './alphabets.js';
import { expectedSegments, printScript, scriptArbitraries } from './printer.js';
import { sanityProblems } from './sanity.js';
import { parseView } from './view.js';

const SEED = 20_260_421;

describe('printed random scripts parse to the segments of their model', () => {
  const { script } = scriptArbitraries();
  it('segments: argv, assigns, redirects, context, dynamic', () => {
    fc.assert(
      fc.property(script, (model) => {
        const text = printScript(model);
        expect(parseView(text)).toEqual({ segments: expectedSegments(model), errors: [] });
      }),
      { seed: SEED, numRuns: 250, interruptAfterTimeLimit: 10_000 },
    );
  });
  it('offsets pass the sanity walk', () => {
    fc.assert(
      fc.property(script, (model) => {
        expect(sanityProblems(printScript(model))).toEqual([]);
      }),
      { seed: SEED + 1, numRuns: 100, interruptAfterTimeLimit: 5_000 },
    );
  });
});

function checkWellFormed(text: string) {
  const t0 = performance.now();
  const r = parseShell(text);
  const ms = performance.now() - t0;
  expect(ms).toBeLessThan(1000);
  for (const d of r.diagnostics) {
    expect(d.start).toBeGreaterThanOrEqual(0);
    expect(d.end).toBeGreaterThanOrEqual(d.start);
    expect(d.end).toBeLessThanOrEqual(text.length);
  }
  if (r.diagnostics.length > 0) expect(r.segments).toEqual([]);
  for (const s of r.segments) {
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.argv.length).toBeGreaterThan(0);
  }
}

describe('random strings never throw and finish fast', () => {
  it('arbitrary unicode, lone surrogates and NUL', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkWellFormed), { seed: SEED, numRuns: 1000 });
  });
  it('metacharacter-heavy strings', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...META), maxLength: 120 }), checkWellFormed), { seed: SEED, numRuns: 3000 });
  });
  it('shell fragments', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((a) => a.join('')), checkWellFormed), { seed: SEED, numRuns: 3000 });
  });
  it('long fragment strings', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 500, maxLength: 3000 }).map((a) => a.join('')), checkWellFormed), { seed: SEED, numRuns: 40 });
  });
});

