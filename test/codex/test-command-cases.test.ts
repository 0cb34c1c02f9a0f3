// Hand-picked cases for `escalint test`'s Codex view, with Codex 0.169.0's answers recorded in the table
// (one `codex execpolicy check --resolve-host-executables` per argv of Codex's split, merged in order, as
// in test-command.test.ts). The table runs without Codex; with ESCALINT_CODEX_BIN the recorded answers
// are checked against the real binary too, so the table cannot drift from Codex. Without the binary
// that part skips loudly, and fails under CI=true (requireCodex).
import { afterAll, describe, expect, it } from 'vitest';
import { emitRulesFile } from '../../src/emit/starlark.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { RuleSet } from '../../src/types.js';
import { makeRules, type RuleSpec } from '../engine/make-rule.js';
import { makeScratch, requireCodex, runChecks } from './harness.js';

const RULES: RuleSpec[] = [
  { pattern: ['git', ['status', 'log']], decision: 'allow' },
  { pattern: ['git', 'push'], decision: 'prompt', justification: 'review first' },
  { pattern: ['rm', '-rf'], decision: 'forbidden', justification: 'use trash' },
  { pattern: [['bash', 'sh'], '-lc'], decision: 'allow' },
  { pattern: ['ls'], decision: 'allow' },
  { pattern: ['cargo', 'test'], decision: 'allow', canonical: true },
];

type Row = [command: string, split: boolean, codex: string | null, matchedPrefixes: string[][]];

const TABLE: Row[] = [
  ['git status', true, 'allow', [['git', 'status']]],
  ['git status && git push origin', true, 'prompt', [['git', 'status'], ['git', 'push']]],
  ['ls | rm -rf /', true, 'forbidden', [['ls'], ['rm', '-rf']]],
  // Complex scripts are checked whole: only the rule on the shell applies, through basename fallback
  // (an allow on `bash -lc` lets them all through: the codex-script-gap).
  ['echo $(rm -rf /)', false, 'allow', [['bash', '-lc']]],
  ['ls > out.txt', false, 'allow', [['bash', '-lc']]],
  // Empty and comment-only scripts: Codex checks the whole argv; escalint sees no command (this crashed explain()).
  ['', false, 'allow', [['bash', '-lc']]],
  ['# nothing', false, 'allow', [['bash', '-lc']]],
  // Wrappers are ordinary commands to Codex.
  ['sudo rm -rf /', true, null, []],
  ['time git push', true, null, []],
  // Program paths resolve to their basename (no host_executable entry: any path).
  ['/usr/bin/git log', true, 'allow', [['git', 'log']]],
  ['./rm -rf x', true, 'forbidden', [['rm', '-rf']]],
  // Canonical matching: the command's own spelling is echoed.
  ['CARGO Test', true, 'allow', [['CARGO', 'Test']]],
  // Quoted program names are refused by Codex's parser.
  ['"git" status', false, 'allow', [['bash', '-lc']]],
];

const CWD = '/work/foo';
const ruleSet: RuleSet = { rules: makeRules(RULES, 'cases.rules'), hostExecutables: [], networkRules: [], settings: { checks: {} }, files: [] };

describe("escalint test's Codex view: recorded Codex answers", () => {
  it.each(TABLE)('%j', (command, split, codex, prefixes) => {
    const r = evaluate(ruleSet, command, { cwd: CWD });
    expect(r.codex.split).toBe(split);
    expect(r.codex.decision).toBe(codex);
    expect(r.codex.matches.map((m) => m.matchedPrefix)).toEqual(prefixes);
    // Where the views differ, there is a one-line explanation.
    if ((r.codex.decision ?? 'unmatched') !== r.decision) expect(r.explanation?.template).toMatch(/^[^\n]+$/);
  });
});

const bin = requireCodex('escalint test cases vs codex');
describe.skipIf(!bin)('the recorded answers are what codex 0.169.0 says', () => {
  const scratch = makeScratch();
  afterAll(() => scratch.dispose());

  it('agrees on every row', async () => {
    const file = scratch.write('cases.rules', emitRulesFile({ rules: ruleSet.rules, hostExecutables: [] }).text!);
    const rows = TABLE.map(([command]) => evaluate(ruleSet, command, { cwd: scratch.cwd }).codex.commands);
    const reqs = rows.flatMap((argvs) => argvs.map((argv) => ({ files: [file], argv, resolveHostExecutables: true, cwd: scratch.cwd, home: scratch.home })));
    const results = await runChecks(bin!, reqs);
    let at = 0;
    const got = rows.map((argvs) => {
      const mine = results.slice(at, at + argvs.length);
      at += argvs.length;
      const rank: Record<string, number> = { allow: 0, prompt: 1, forbidden: 2 };
      let decision: string | null = null;
      for (const r of mine) if (r.decision != null && (decision === null || rank[r.decision]! > rank[decision]!)) decision = r.decision;
      return [decision, mine.flatMap((r) => r.matches!.map((m) => m.matchedPrefix))];
    });
    expect(got).toEqual(TABLE.map(([, , codex, prefixes]) => [codex, prefixes]));
  });
});
