// Every case of the Codex policy corpus (test/fixtures/codex/codex-policy.json, from
// ../shared/corpus): (1) real codex 0.169.0 still gives the recorded answer; (2) escalint, reading the
// same `.rules` text, gives the same decision and matched prefixes, or, for files that use Starlark
// beyond literal calls (variables, def, lambda, f-strings, …), reports that it cannot read them.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRuleSetExamples } from '../../src/engine/examples.js';
import { RuleIndex, strictestDecision } from '../../src/engine/match.js';
import { loadStarlarkRuleFile } from '../../src/rules/starlark.js';
import type { Diagnostic, RuleSet } from '../../src/types.js';
import { makeScratch, requireCodex, runChecks, type CheckRequest } from './harness.js';

interface PolicyCase {
  name: string;
  rules: string;
  files?: string[];
  command: string[];
  commands?: string[][];
  via?: string;
  resolveHostExecutables: boolean;
  decision: string | null;
  matchedPrefixes?: string[][];
  resolvedProgram?: string;
  observed0169?: { decision: string | null; matchedPrefixes: string[][]; commandsChecked?: string[][] };
  error?: string;
  exitCode?: number;
}

const cases = JSON.parse(readFileSync(new URL('../fixtures/codex/codex-policy.json', import.meta.url), 'utf8')) as PolicyCase[];

/** What Codex checks for a case: core cases check the commands Codex split the script into. */
function commandsOf(c: PolicyCase): string[][] {
  return c.observed0169?.commandsChecked ?? c.commands ?? [c.command];
}

function expected(c: PolicyCase): { decision: string | null; matchedPrefixes: string[][] } {
  const o = c.observed0169;
  return o ? { decision: o.decision, matchedPrefixes: o.matchedPrefixes } : { decision: c.decision, matchedPrefixes: c.matchedPrefixes ?? [] };
}

/**
 * Cases whose rule text uses Starlark beyond literal `prefix_rule`/`host_executable`/`network_rule`
 * calls. Codex evaluates them; escalint reads rules syntactically by design (design.md §2) and must
 * report a `rules-syntax` error instead.
 */
const NON_LITERAL = new Map<number, string>([
  [32, 'assignment (x = 1 << 70)'],
  [34, 'def'],
  [36, 'assignment and f-string'],
  [42, 'lambda'],
  [43, 'variable and list concatenation'],
  [44, 'list comprehension'],
  [56, 'def and recursion'],
  [58, 'assignment and ;'],
  [59, 'set literal (Codex refuses it too)'],
  [63, 'while (Codex refuses it too)'],
  [74, 'variable, f-string, string concatenation'],
  [75, 'def, for, *args'],
  [76, 'rebinding the builtin prefix_rule'],
]);

describe('codex policy corpus', () => {
  it('classifies the non-literal cases it expects', () => {
    // Guards the table above against a changed fixture: each listed case really is non-literal.
    for (const [i, what] of NON_LITERAL) {
      expect(cases[i]!.rules, what).toMatch(/^\s*\w+\s*=[^=]|\bdef |lambda|\{1, 2\}|\bwhile\b|\bfor\b|f"|;/m);
    }
    const literal = cases.filter((_, i) => !NON_LITERAL.has(i));
    for (const c of literal) expect(c.rules, c.name).not.toMatch(/\bdef |lambda|^\w+ = /m);
  });

  const bin = requireCodex('codex policy corpus');
  describe.skipIf(!bin)('real codex 0.169.0 confirms every recorded answer', () => {
    const scratch = makeScratch();
    afterAll(() => scratch.dispose());
    it(`all ${cases.length} cases`, async () => {
      const reqs: { c: PolicyCase; i: number; req: CheckRequest }[] = [];
      cases.forEach((c, i) => {
        const files = (c.files ?? [c.rules]).map((t, k) => scratch.write(`c${i}-${k}.rules`, t));
        for (const argv of commandsOf(c)) reqs.push({ c, i, req: { files, argv, resolveHostExecutables: c.resolveHostExecutables, cwd: scratch.cwd, home: scratch.home } });
      });
      const results = await runChecks(bin!, reqs.map((r) => r.req));
      const byCase = new Map<number, typeof results>();
      results.forEach((r, k) => byCase.set(reqs[k]!.i, [...(byCase.get(reqs[k]!.i) ?? []), r]));
      const failures: string[] = [];
      cases.forEach((c, i) => {
        const rs = byCase.get(i)!;
        if (c.error !== undefined) {
          const r = rs[0]!;
          if (r.exitCode !== (c.exitCode ?? 1) || !r.stderr.includes(c.error)) failures.push(`${i} ${c.name}: exit ${r.exitCode}, stderr ${r.stderr.slice(0, 300)}`);
          return;
        }
        if (rs.some((r) => r.exitCode !== 0)) {
          failures.push(`${i} ${c.name}: codex failed: ${rs.map((r) => r.stderr).join('')}`);
          return;
        }
        const matches = rs.flatMap((r) => r.matches!);
        const decision = strictestDecision(matches as { decision: 'allow' }[]);
        const want = expected(c);
        if (decision !== want.decision || JSON.stringify(matches.map((m) => m.matchedPrefix)) !== JSON.stringify(want.matchedPrefixes)) {
          failures.push(`${i} ${c.name}: codex now says ${JSON.stringify({ decision, matches })}, recorded ${JSON.stringify(want)}`);
        }
        if (c.resolvedProgram !== undefined) {
          const rp = c.resolvedProgram.replace('<cwd>', scratch.cwd);
          if (matches[0]?.resolvedProgram !== rp) failures.push(`${i} ${c.name}: resolvedProgram ${matches[0]?.resolvedProgram}, recorded ${rp}`);
        }
      });
      expect(failures).toEqual([]);
    }, 120_000);
  });

  describe('escalint reading the same rule text', () => {
    const cwd = '/tmp/escalint-corpus/work/foo';

    /**
     * Loads the case's files in order and merges them, then checks examples over the merged set, as
     * src/load.ts does: Codex validates a file's examples with the host executables of that file and
     * of earlier files (reference/codex-0.169.md §1.3).
     */
    function loadCase(c: PolicyCase, i: number): { ruleSet: RuleSet; errors: Diagnostic[] } {
      const ruleSet: RuleSet = { rules: [], hostExecutables: [], networkRules: [], settings: { checks: {} }, files: [] };
      const diagnostics: Diagnostic[] = [];
      for (const [k, text] of (c.files ?? [c.rules]).entries()) {
        const path = `c${i}-${k}.rules`;
        const loaded = loadStarlarkRuleFile(path, text);
        for (const rule of loaded.rules) ruleSet.rules.push({ ...rule, index: ruleSet.rules.length });
        ruleSet.hostExecutables.push(...loaded.hostExecutables);
        ruleSet.networkRules.push(...loaded.networkRules);
        ruleSet.files.push({ path, text: loaded.text, kind: 'rules' });
        diagnostics.push(...loaded.diagnostics);
      }
      diagnostics.push(...checkRuleSetExamples(ruleSet, { cwd }));
      return { ruleSet, errors: diagnostics.filter((d) => d.severity === 'error') };
    }

    it.each(cases.map((c, i) => [i, c.name, c] as const))('%i %s', (i, _name, c) => {
      const { ruleSet, errors } = loadCase(c, i);
      if (NON_LITERAL.has(i)) {
        expect(errors.map((d) => d.check)).toContain('rules-syntax');
        return;
      }
      if (c.error !== undefined) {
        expect(errors.length, `codex refuses this file: ${c.error}`).toBeGreaterThan(0);
        return;
      }
      expect(errors).toEqual([]);
      const index = new RuleIndex(ruleSet.rules, ruleSet.hostExecutables);
      const matches = index.matchAll(commandsOf(c), { resolveHostExecutables: c.resolveHostExecutables, cwd, home: '/tmp/escalint-corpus/home/me' });
      const want = expected(c);
      expect({ decision: strictestDecision(matches), matchedPrefixes: matches.map((m) => m.matchedPrefix) }).toEqual(want);
      if (c.resolvedProgram !== undefined) expect(matches[0]?.resolvedProgram).toBe(c.resolvedProgram.replace('<cwd>', cwd));
    });
  });
});
