// Checks escalint's generated case-folding table (src/knowledge/case-folding.ts) against Codex's own
// `canonical_matching` on a seeded sample of its entries, plus lookalikes that must stay apart.
// ESCALINT_CASEFOLD_FULL=1 checks every entry (a few thousand processes).
import { afterAll, describe, expect, it } from 'vitest';
import { emitRulesFile } from '../../src/emit/starlark.js';
import { RuleIndex } from '../../src/engine/match.js';
import { CASE_FOLDING_DATA } from '../../src/knowledge/case-folding.js';
import { makeRules } from '../engine/make-rule.js';
import { DISTINCT, Gen, prng } from './generate.js';
import { makeScratch, requireCodex, runChecks } from './harness.js';

const SEED = process.env.ESCALINT_SEED && process.env.ESCALINT_SEED !== 'random' ? Number(process.env.ESCALINT_SEED) : 1690;
const FULL = process.env.ESCALINT_CASEFOLD_FULL === '1';
const bin = requireCodex('codex case folding');

const entries = CASE_FOLDING_DATA.split(',').map((e) => {
  const [from, to] = e.split(':') as [string, string];
  return [String.fromCodePoint(parseInt(from, 16)), to.split(' ').map((h) => String.fromCodePoint(parseInt(h, 16))).join('')] as const;
});

describe.skipIf(!bin)('case folding table against codex canonical_matching', () => {
  const scratch = makeScratch();
  afterAll(() => scratch.dispose());

  it(`agrees on ${FULL ? 'every entry' : 'a sample'} (seed ${SEED})`, async () => {
    const g = new Gen(prng(SEED));
    const fixed = ['ẞ', 'İ', 'ı', 'ﬁ', '\u212A', '\u2126', '\u212B', 'ꭰ', 'Ꭰ', 'ς', '\u0345', 'ᾈ', 'ǅ'];
    const sample = FULL ? entries : [...fixed.map((c) => entries.find(([f]) => f === c) ?? ([c, c] as const)), ...Array.from({ length: 50 }, () => g.pick(entries)), ["\u{16EA0}", "\u{16EA0}"] as const, ["\uA7D2", "\uA7D2"] as const];
    const chunks: (typeof sample)[] = [];
    for (let i = 0; i < sample.length; i += 200) chunks.push(sample.slice(i, i + 200));
    const failures: string[] = [];
    let checks = 0;
    for (const [ci, chunk] of chunks.entries()) {
      const tokens = [...new Set(chunk.flatMap(([c, f]) => [c, f, f.toUpperCase(), c.normalize('NFD')]).concat(DISTINCT))];
      const rules = makeRules(tokens.map((t, i) => ({ pattern: ['x', t], justification: `t${i}`, canonical: true })));
      const file = scratch.write(`fold${ci}.rules`, emitRulesFile({ rules }).text!);
      const index = new RuleIndex(rules, []);
      const commands = [...new Set(chunk.flatMap(([c]) => [c, c.toLowerCase(), c.toUpperCase(), c.normalize('NFC')]).concat(['i', 'I']))];
      const results = await runChecks(
        bin!,
        commands.map((t) => ({ files: [file], argv: ['x', t], resolveHostExecutables: false, cwd: scratch.cwd, home: scratch.home })),
      );
      checks += commands.length;
      results.forEach((r, i) => {
        const t = commands[i]!;
        const theirs = (r.matches ?? []).map((m) => m.justification!).sort();
        const ours = index.match(['x', t], { resolveHostExecutables: false }).map((m) => m.justification!).sort();
        if (r.exitCode !== 0 || JSON.stringify(theirs) !== JSON.stringify(ours)) {
          const show = (ids: string[]) => ids.map((id) => JSON.stringify(tokens[Number(id.slice(1))])).join(' ');
          failures.push(`${JSON.stringify(t)}: codex matches [${show(theirs)}], escalint [${show(ours)}] ${r.stderr.slice(0, 200)}`);
        }
      });
    }
    console.log(`codex case folding: ${checks} checks of ${sample.length} table entries; ${failures.length} disagreements`);
    expect(failures).toEqual([]);
  }, 280_000);
});
