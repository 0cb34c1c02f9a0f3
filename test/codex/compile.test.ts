// Conformance of `escalint compile --target codex` against the real Codex 0.169.0: for generated
// YAML rule sets (one or two files, odd tokens, alternatives, canonical rules, examples, host
// executables), Codex loads the compiled `.rules` file, and for generated argv its decision and
// matches equal escalint's engine on the YAML. Also: an injection attempt comes out as text.
//
// Seeded: the seed is printed; ESCALINT_SEED=<n> replays a run, ESCALINT_SEED=random picks a fresh
// one. ESCALINT_COMPILE_SETS sets the number of rule sets (default 30).
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/emit/compile.js';
import { RuleIndex, strictestDecision } from '../../src/engine/match.js';
import { CODEX_REFUSES, loadRuleFiles } from '../../src/load.js';
import type { RuleSet } from '../../src/types.js';
import { runCli } from '../cli/run.js';
import { codexShape, compareCodexMatches } from './compare.js';
import { Gen, generateSet, prng } from './generate.js';
import { makeScratch, requireCodex, runChecks, type CheckRequest } from './harness.js';
import { ruleFileYaml } from './yaml-set.js';

const DEFAULT_SEED = 169_7;
const seedEnv = process.env.ESCALINT_SEED;
const SEED = seedEnv === 'random' ? Math.floor(Math.random() * 2 ** 31) : seedEnv ? Number(seedEnv) : DEFAULT_SEED;
const SETS = Number(process.env.ESCALINT_COMPILE_SETS ?? 30);

const bin = requireCodex('escalint compile vs codex');

const INJECTION = 'x")\nprefix_rule(pattern=["rm"])\n#';

describe.skipIf(!bin)('escalint compile --target codex against codex 0.169.0', () => {
  const scratch = makeScratch();
  afterAll(() => scratch.dispose());

  it(`Codex loads the compiled file and decides as escalint does, on ${SETS} generated YAML rule sets (seed ${SEED})`, async () => {
    console.log(`codex compile: seed ${SEED} (replay with ESCALINT_SEED=${SEED}), ${SETS} rule sets`);
    const g = new Gen(prng(SEED));
    type Job = { req: CheckRequest; set: number; ruleSet: RuleSet; compiled: string };
    const jobs: Job[] = [];
    for (let s = 0; s < SETS; s++) {
      const set = generateSet(g, scratch);
      const files = set.files.map((f, fi) => scratch.write(`c${s}f${fi}.yaml`, ruleFileYaml(f.rules, f.hosts)));
      const loaded = await loadRuleFiles(files);
      expect(loaded.diagnostics.filter((d) => CODEX_REFUSES.has(d.check) && d.severity === 'error')).toEqual([]);
      // The YAML says what the generator meant (so the engine below judges the intended rules).
      expect(loaded.ruleSet.rules.map((r) => r.pattern)).toEqual(set.files.flatMap((f) => f.rules.map((r) => r.pattern)));
      const out = compile(loaded.ruleSet, { target: 'codex', source: files.join(', ') });
      expect(out.diagnostics).toEqual([]);
      const compiled = scratch.write(`c${s}.rules`, out.text!);
      // A command no rule can match still proves that Codex loads the file.
      const probes = [...set.commands, { argv: ['\u0001no-such-program'], resolveHostExecutables: true }];
      for (const c of probes) {
        jobs.push({
          req: { files: [compiled], argv: c.argv, resolveHostExecutables: c.resolveHostExecutables, cwd: scratch.cwd, home: scratch.home },
          set: s,
          ruleSet: loaded.ruleSet,
          compiled: out.text!,
        });
      }
    }
    const started = Date.now();
    const results = await runChecks(bin!, jobs.map((j) => j.req));
    const failures: string[] = [];
    let matched = 0;
    results.forEach((r, i) => {
      const job = jobs[i]!;
      const where = `set ${job.set} argv ${JSON.stringify(job.req.argv)} resolve=${job.req.resolveHostExecutables}\n--- compiled\n${job.compiled}`;
      if (r.exitCode !== 0) {
        failures.push(`codex did not load the compiled file (exit ${r.exitCode}): ${r.stderr.slice(0, 400)}\n${where}`);
        return;
      }
      const index = new RuleIndex(job.ruleSet.rules, job.ruleSet.hostExecutables);
      const ours = index.match(job.req.argv, { resolveHostExecutables: job.req.resolveHostExecutables, cwd: scratch.cwd, home: scratch.home });
      if (ours.length > 0) matched++;
      const why = compareCodexMatches(r.matches!, ours);
      const decision = strictestDecision(ours);
      if (why || decision !== r.decision) {
        failures.push(
          `${why ?? 'decision differs'}: codex ${JSON.stringify({ decision: r.decision, matches: r.matches })}\n` +
            `escalint ${JSON.stringify({ decision, matches: ours.map(codexShape) })}\n${where}`,
        );
      }
    });
    console.log(`codex compile: ${jobs.length} checks in ${Date.now() - started} ms; ${matched} matched; ${failures.length} disagreements (seed ${SEED})`);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(matched).toBeGreaterThan(jobs.length / 4);
  }, 280_000);

  it('writes an injection attempt in a token and a justification as text, which Codex reads back exactly', async () => {
    const yaml = [
      'version: 1',
      'rules:',
      `  - pattern: [git, ${JSON.stringify(INJECTION)}]`,
      '    decision: forbidden',
      `    justification: ${JSON.stringify(INJECTION)}`,
      '',
    ].join('\n');
    const src = scratch.write('inject.yaml', yaml);
    const out = scratch.write('inject.rules', '');
    const r = await runCli(['compile', src, '-o', out], { cwd: scratch.root });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    const [rm, git] = await runChecks(bin!, [
      { files: [out], argv: ['rm', '-rf', '/'], resolveHostExecutables: true, cwd: scratch.cwd, home: scratch.home },
      { files: [out], argv: ['git', INJECTION, 'x'], resolveHostExecutables: true, cwd: scratch.cwd, home: scratch.home },
    ]);
    // No rule on rm was smuggled in; the one rule matches with the justification as written.
    expect(rm).toMatchObject({ exitCode: 0, matches: [], decision: null });
    expect(git).toMatchObject({ exitCode: 0, decision: 'forbidden', matches: [{ matchedPrefix: ['git', INJECTION], decision: 'forbidden', justification: INJECTION }] });
  });
});
