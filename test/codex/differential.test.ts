// Differential conformance: escalint's engine against the real `codex execpolicy check` 0.169.0 on
// generated rule sets and argv. Seeded: the seed is printed; ESCALINT_SEED=<n> replays a run,
// ESCALINT_SEED=random picks a fresh one. ESCALINT_DIFF_SETS overrides the number of rule sets.
import { afterAll, describe, expect, it } from 'vitest';
import { emitRulesFile } from '../../src/emit/starlark.js';
import { RuleIndex, strictestDecision, type PrefixMatch } from '../../src/engine/match.js';
import type { HostExecutable, Rule } from '../../src/types.js';
import { makeRules } from '../engine/make-rule.js';
import { Gen, generateSet, prng } from './generate.js';
import { makeScratch, requireCodex, runChecks, type CheckRequest, type CodexMatch } from './harness.js';

const DEFAULT_SEED = 169_0;
const seedEnv = process.env.ESCALINT_SEED;
const SEED = seedEnv === 'random' ? Math.floor(Math.random() * 2 ** 31) : seedEnv ? Number(seedEnv) : DEFAULT_SEED;
const SETS = Number(process.env.ESCALINT_DIFF_SETS ?? 250);

const bin = requireCodex('codex differential');

function shape(m: PrefixMatch): CodexMatch {
  const out: CodexMatch = { matchedPrefix: m.matchedPrefix, decision: m.decision };
  if (m.resolvedProgram !== undefined) out.resolvedProgram = m.resolvedProgram;
  if (m.justification !== undefined) out.justification = m.justification;
  return out;
}

const sortKey = (m: CodexMatch): string => JSON.stringify([m.matchedPrefix, m.decision, m.resolvedProgram, m.justification]);

/**
 * Compares Codex's list with escalint's: exact-head matches in order, then canonical-only-head matches as
 * a multiset (Codex's order for those varies between runs, reference §2.1). Returns a reason or null.
 */
export function compareMatches(codex: CodexMatch[], ours: PrefixMatch[]): string | null {
  const exact = ours.filter((m) => m.headMatch === 'exact').map(shape);
  const canonical = ours.filter((m) => m.headMatch === 'canonical').map(shape);
  if (codex.length !== ours.length) return `codex reported ${codex.length} matches, escalint ${ours.length}`;
  const head = codex.slice(0, exact.length);
  if (JSON.stringify(head) !== JSON.stringify(exact)) return 'exact-head matches differ (order or content)';
  const a = codex.slice(exact.length).map(sortKey).sort();
  const b = canonical.map(sortKey).sort();
  if (JSON.stringify(a) !== JSON.stringify(b)) return 'canonical-head matches differ (as a set)';
  return null;
}

describe.skipIf(!bin)('differential against codex execpolicy check 0.169.0', () => {
  const scratch = makeScratch();
  afterAll(() => scratch.dispose());

  it(`agrees on ${SETS} generated rule sets (seed ${SEED})`, async () => {
    console.log(`codex differential: seed ${SEED} (replay with ESCALINT_SEED=${SEED}), ${SETS} rule sets`);
    const g = new Gen(prng(SEED));
    type Job = { req: CheckRequest; set: number; rules: Rule[]; hosts: HostExecutable[]; texts: string[] };
    const jobs: Job[] = [];
    for (let s = 0; s < SETS; s++) {
      const set = generateSet(g, scratch);
      const rules: Rule[] = [];
      const hosts: HostExecutable[] = [];
      const files: string[] = [];
      const texts: string[] = [];
      set.files.forEach((f, fi) => {
        const fileRules = makeRules(f.rules, `s${s}f${fi}.rules`);
        const fileHosts = f.hosts.map((h) => ({ ...h, source: { file: `s${s}f${fi}.rules`, start: 0, end: 0 } }));
        const emitted = emitRulesFile({ rules: fileRules, hostExecutables: fileHosts });
        expect(emitted.problems).toEqual([]);
        texts.push(emitted.text!);
        files.push(scratch.write(`s${s}f${fi}.rules`, emitted.text!));
        rules.push(...fileRules);
        hosts.push(...fileHosts);
      });
      for (const c of set.commands) {
        jobs.push({ req: { files, argv: c.argv, resolveHostExecutables: c.resolveHostExecutables, cwd: scratch.cwd, home: scratch.home }, set: s, rules, hosts, texts });
      }
    }
    const started = Date.now();
    const results = await runChecks(bin!, jobs.map((j) => j.req));
    const failures: string[] = [];
    let matched = 0;
    let canonicalOnly = 0;
    let viaHost = 0;
    results.forEach((r, i) => {
      const job = jobs[i]!;
      const describeJob = (): string =>
        `set ${job.set} argv ${JSON.stringify(job.req.argv)} resolve=${job.req.resolveHostExecutables}\n` +
        job.texts.map((t, k) => `--- file ${k}\n${t}`).join('');
      if (r.exitCode !== 0) {
        failures.push(`codex failed (exit ${r.exitCode}): ${r.stderr.slice(0, 400)}\n${describeJob()}`);
        return;
      }
      const index = new RuleIndex(job.rules, job.hosts);
      const ours = index.match(job.req.argv, { resolveHostExecutables: job.req.resolveHostExecutables, cwd: scratch.cwd, home: scratch.home });
      if (ours.length > 0) matched++;
      if (ours.some((m) => m.headMatch === 'canonical')) canonicalOnly++;
      if (ours.some((m) => m.resolvedProgram !== undefined)) viaHost++;
      const why = compareMatches(r.matches!, ours);
      const decision = strictestDecision(ours);
      if (why || decision !== r.decision) {
        failures.push(
          `${why ?? 'decision differs'}: codex ${JSON.stringify({ decision: r.decision, matches: r.matches })}\n` +
            `escalint ${JSON.stringify({ decision, matches: ours.map(shape) })}\n${describeJob()}`,
        );
      }
    });
    console.log(
      `codex differential: ${jobs.length} checks in ${Date.now() - started} ms; ${matched} matched, ` +
        `${canonicalOnly} with canonical-only heads, ${viaHost} through basename fallback; ${failures.length} disagreements (seed ${SEED})`,
    );
    expect(failures.slice(0, 5)).toEqual([]);
    // The generator must keep exercising the interesting paths, or this suite proves little.
    expect(matched).toBeGreaterThan(jobs.length / 4);
    expect(canonicalOnly).toBeGreaterThan(10);
    expect(viaHost).toBeGreaterThan(10);
  }, 280_000);
});
