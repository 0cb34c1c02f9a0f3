// Every case of the Codex policy corpus (test/fixtures/codex/codex-policy.json, copied from
// /work/shared/corpus/codex-policy.json; each case confirmed against codex 0.169.0).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RuleIndex, strictestDecision } from '../../src/engine/match.js';
import type { Diagnostic, HostExecutable, Rule } from '../../src/types.js';
import { loadTexts } from './stages.js';

interface PolicyCase {
  name: string;
  rules: string;
  files?: string[];
  command: string[];
  resolveHostExecutables: boolean;
  decision: string | null;
  observed0169?: { decision: string | null };
  error?: string;
  via?: string;
  commands?: string[][];
}

const cases = JSON.parse(readFileSync(new URL('../fixtures/codex/codex-policy.json', import.meta.url), 'utf8')) as PolicyCase[];

/** Constructs escalint reports by design although Codex runs them (rules-syntax). */
const NOT_RUN = new Set(['variable', 'def', 'loop', 'if', 'f-string', 'lambda', 'comprehension', 'operator', 'call', 'attribute', 'subscript', 'unknown-function', 'unpacking']);

/** Loads the case's files in order, as Codex does (examples see earlier files' host executables). */
function loadCase(c: PolicyCase): { rules: Rule[]; hosts: HostExecutable[]; diagnostics: Diagnostic[] } {
  const r = loadTexts((c.files ?? [c.rules]).map((text, i) => ({ path: `f${i}.rules`, text })));
  return { rules: r.rules, hosts: r.hostExecutables, diagnostics: r.diagnostics };
}

const failing = cases.filter((c) => c.error !== undefined);
const loading = cases.filter((c) => c.error === undefined);

describe('corpus: files Codex refuses', () => {
  it('has cases', () => expect(failing.length).toBeGreaterThan(20));
  it.each(failing.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { diagnostics } = loadCase(c);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => ['codex-load', 'rules-syntax', 'example-mismatch'].includes(d.check))).toBe(true);
  });
});

describe('corpus: files Codex loads', () => {
  it.each(loading.map((c, i) => [`${i} ${c.name}`, c] as const))('%s', (_name, c) => {
    const { rules, hosts, diagnostics } = loadCase(c);
    const unexpected = diagnostics.filter((d) => !(d.check === 'rules-syntax' && NOT_RUN.has(d.messageId)));
    expect(unexpected).toEqual([]);
    // When escalint read the whole file, it decides as Codex did (execpolicy check, no shell splitting).
    if (diagnostics.length === 0 && c.via === undefined && c.commands === undefined) {
      const index = new RuleIndex(rules, hosts);
      const matches = index.match(c.command, { resolveHostExecutables: c.resolveHostExecutables, cwd: '/work' });
      const expected = c.observed0169 ? c.observed0169.decision : c.decision;
      expect(strictestDecision(matches)).toBe(expected);
    }
  });
});
