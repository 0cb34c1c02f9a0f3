// Conformance of `escalint import` (then `escalint compile`) against the real Codex 0.169.0: for
// generated `.rules` files — odd tokens, alternatives, implicit decisions, canonical rules,
// examples, host executables, positional and keyword arguments, comments — and for a default.rules
// grown the way Codex grows it, Codex loads the file compiled from the imported YAML and, for
// generated argv, decides and matches exactly as it does on the original file. Files Codex refuses
// are refused by import too (exit 1); a file with variables, which Codex runs, exits 2. The engine
// on the imported YAML agrees with Codex as well.
//
// Seeded: the seed is printed; ESCALINT_SEED=<n> replays a run, ESCALINT_SEED=random picks a fresh
// one. ESCALINT_IMPORT_SETS sets the number of generated files (default 25).
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeStarlarkString } from '../../src/emit/starlark.js';
import { RuleIndex, strictestDecision } from '../../src/engine/match.js';
import { loadRuleFiles } from '../../src/load.js';
import type { PatternElement, RuleExample } from '../../src/types.js';
import { codexRules, toRulesText } from '../../bench/data/codex-rules.js';
import { runCli } from '../cli/run.js';
import type { RuleSpec } from '../engine/make-rule.js';
import { codexShape, compareCodexMatches } from './compare.js';
import { Gen, generateSet, prng, type HostSpec } from './generate.js';
import { makeScratch, requireCodex, runChecks, type CheckRequest, type CodexMatch, type CodexResult } from './harness.js';

const DEFAULT_SEED = 169_17;
const seedEnv = process.env.ESCALINT_SEED;
const SEED = seedEnv === 'random' ? Math.floor(Math.random() * 2 ** 31) : seedEnv ? Number(seedEnv) : DEFAULT_SEED;
const SETS = Number(process.env.ESCALINT_IMPORT_SETS ?? 25);

const bin = requireCodex('escalint import vs codex');

function str(s: string): string {
  const r = encodeStarlarkString(s);
  if (!r.ok) throw new Error(r.message);
  return r.text;
}
const list = (xs: readonly (string | readonly string[])[]): string => `[${xs.map((x) => (typeof x === 'string' ? str(x) : list(x))).join(', ')}]`;
const examples = (xs: readonly RuleExample[]) => list(xs);

/** A `.rules` file as people write it: positional or keyword arguments, implicit decisions, comments. */
function rulesText(g: Gen, rules: readonly RuleSpec[], hosts: readonly HostSpec[]): string {
  const lines: string[] = ['# generated for escalint import conformance', ''];
  for (const h of hosts) lines.push(g.chance(0.5) ? `host_executable(${str(h.name)}, ${list(h.paths)})` : `host_executable(name=${str(h.name)}, paths=${list(h.paths)})  # where it lives`);
  for (const r of rules) {
    const kw: string[] = [];
    if (r.decision !== undefined) kw.push(`decision=${str(r.decision)}`);
    if (r.justification !== undefined) kw.push(`justification=${str(r.justification)}`);
    if (r.match) kw.push(`match=${examples(r.match)}`);
    if (r.notMatch) kw.push(`not_match=${examples(r.notMatch)}`);
    if (r.canonical) kw.push('canonical_matching=True');
    const pattern = list(r.pattern as PatternElement[]);
    if (g.chance(0.2)) lines.push(`# rule on ${str(String(r.pattern[0]))}`);
    if (g.chance(0.3)) lines.push(`prefix_rule(\n    ${pattern},  # the pattern\n${kw.map((k) => `    ${k},\n`).join('')})`);
    else lines.push(`prefix_rule(${g.chance(0.5) ? pattern : `pattern=${pattern}`}${kw.map((k) => `, ${k}`).join('')})`);
    if (g.chance(0.1)) lines.push('');
  }
  return lines.join('\n') + '\n';
}

/**
 * Whether two runs of Codex decided alike: the decision, and the matches as a multiset (canonical-head
 * matches come in varying order). With `distinct`, a match counted once: compile writes an exact
 * duplicate call once (design.md §5), and Codex reports each copy.
 */
function sameDecision(a: CodexResult, b: CodexResult, distinct = false): string | null {
  if (a.exitCode !== 0 || b.exitCode !== 0) return `exit ${a.exitCode} vs ${b.exitCode}: ${a.stderr.slice(0, 300)} ${b.stderr.slice(0, 300)}`;
  if (a.decision !== b.decision) return `decision ${a.decision} vs ${b.decision}`;
  const key = (m: CodexMatch) => JSON.stringify([m.matchedPrefix, m.decision, m.resolvedProgram, m.justification]);
  const keys = (r: CodexResult) => {
    const all = r.matches!.map(key);
    return (distinct ? [...new Set(all)] : all).sort();
  };
  const sa = keys(a);
  const sb = keys(b);
  if (JSON.stringify(sa) !== JSON.stringify(sb)) return 'matches differ';
  return null;
}

describe.skipIf(!bin)('escalint import, then compile, against codex 0.169.0', () => {
  const scratch = makeScratch();
  afterAll(() => scratch.dispose());

  /** Imports and compiles `rules`; returns the compiled file, or the exit code import gave. */
  async function importAndCompile(name: string): Promise<{ compiled: string; yaml: string } | { code: number; stderr: string }> {
    const rules = `${scratch.root}/rules/${name}.rules`;
    const yaml = `${scratch.root}/rules/${name}.yaml`;
    const compiled = `${scratch.root}/rules/${name}.compiled.rules`;
    const imported = await runCli(['import', rules, '-o', yaml, '--force', '--schema', 'x.json'], { cwd: scratch.root });
    if (imported.code !== 0) return { code: imported.code, stderr: imported.stderr };
    const c = await runCli(['compile', yaml, '-o', compiled], { cwd: scratch.root });
    expect(c, `compile of the import of ${name}`).toMatchObject({ code: 0, stderr: '' });
    return { compiled, yaml };
  }

  it(`Codex decides on the compiled import as on the original, for ${SETS} generated .rules files (seed ${SEED})`, async () => {
    console.log(`codex import: seed ${SEED} (replay with ESCALINT_SEED=${SEED}), ${SETS} files`);
    const g = new Gen(prng(SEED));
    type Job = { original: CheckRequest; imported: CheckRequest; set: number; yaml: string; text: string };
    const jobs: Job[] = [];
    const refusals: { set: number; original: string; code: number; stderr: string }[] = [];
    for (let s = 0; s < SETS; s++) {
      const set = generateSet(g, scratch);
      const text = rulesText(
        g,
        set.files.flatMap((f) => f.rules),
        set.files.flatMap((f) => f.hosts),
      );
      const original = scratch.write(`i${s}.rules`, text);
      const out = await importAndCompile(`i${s}`);
      if ('code' in out) {
        refusals.push({ set: s, original, code: out.code, stderr: out.stderr });
        continue;
      }
      const probes = [...set.commands, { argv: ['\u0001no-such-program'], resolveHostExecutables: true }];
      for (const c of probes) {
        const base = { argv: c.argv, resolveHostExecutables: c.resolveHostExecutables, cwd: scratch.cwd, home: scratch.home };
        jobs.push({ original: { ...base, files: [original] }, imported: { ...base, files: [out.compiled] }, set: s, yaml: out.yaml, text });
      }
    }
    // A file import refuses is one Codex refuses too (exit 1 from import), never one escalint merely cannot read.
    const refusedByCodex = await runChecks(
      bin!,
      refusals.map((r) => ({ files: [r.original], argv: ['x'], resolveHostExecutables: true, cwd: scratch.cwd, home: scratch.home })),
    );
    refusals.forEach((r, i) => {
      expect(r.code, r.stderr).toBe(1);
      expect(refusedByCodex[i]!.exitCode, `codex loads set ${r.set}, which import refused:\n${r.stderr}`).not.toBe(0);
    });

    const started = Date.now();
    const results = await runChecks(bin!, jobs.flatMap((j) => [j.original, j.imported]));
    const failures: string[] = [];
    let matched = 0;
    const engines = new Map<string, RuleIndex>();
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
      const [a, b] = [results[2 * i]!, results[2 * i + 1]!];
      const where = `set ${job.set} argv ${JSON.stringify(job.original.argv)} resolve=${job.original.resolveHostExecutables}\n--- original\n${job.text}`;
      const why = sameDecision(a, b);
      if (why) {
        failures.push(`${why}: original ${a.stdout.trim()} / imported ${b.stdout.trim()}\n${where}`);
        continue;
      }
      if (a.matches!.length > 0) matched++;
      // The engine on the imported YAML agrees with Codex on the original.
      let index = engines.get(job.yaml);
      if (!index) {
        const loaded = await loadRuleFiles([job.yaml]);
        engines.set(job.yaml, (index = new RuleIndex(loaded.ruleSet.rules, loaded.ruleSet.hostExecutables)));
      }
      const ours = index.match(job.original.argv, { resolveHostExecutables: job.original.resolveHostExecutables, cwd: scratch.cwd, home: scratch.home });
      const engineWhy = compareCodexMatches(a.matches!, ours);
      if (engineWhy || strictestDecision(ours) !== a.decision) {
        failures.push(`engine on the YAML: ${engineWhy ?? 'decision differs'}: codex ${a.stdout.trim()} escalint ${JSON.stringify(ours.map(codexShape))}\n${where}`);
      }
    }
    console.log(
      `codex import: ${jobs.length} argv × 2 files in ${Date.now() - started} ms; ${matched} matched; ${refusals.length} files refused by both; ${failures.length} disagreements (seed ${SEED})`,
    );
    expect(failures.slice(0, 5)).toEqual([]);
    expect(jobs.length).toBeGreaterThan(SETS * 3);
    expect(matched).toBeGreaterThan(jobs.length / 4);
  }, 280_000);

  it.each([
    ['a bad decision', 'prefix_rule(pattern=["ls"], decision="ask")\n', 1, false],
    ['a failing example', 'prefix_rule(pattern=["git", "status"], match=["git log"])\n', 1, false],
    ['a blank justification', 'prefix_rule(pattern=["ls"], justification=" ")\n', 1, false],
    ['an unknown argument', 'prefix_rule(pattern=["ls"], reviewer="user")\n', 1, false],
    ['a syntax error', 'prefix_rule(pattern=["ls"]\n', 1, false],
    // Codex runs variables; escalint reads without running: exit 2, as test and compile.
    ['a variable', 'x = ["ls"]\nprefix_rule(pattern=x)\n', 2, true],
  ])('%s: import exits %i, writes nothing, and Codex loads it: %s', async (what, text, code, codexLoads) => {
    const name = `refused-${what.replace(/\W+/g, '-')}`;
    const original = scratch.write(`${name}.rules`, `prefix_rule(pattern=["ok"], decision="allow")\n${text}`);
    const r = await runCli(['import', original, '-o', `${scratch.root}/rules/${name}.yaml`], { cwd: scratch.root });
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toMatch(/\.rules:\d+:\d+: /);
    const [codex] = await runChecks(bin!, [{ files: [original], argv: ['ok'], resolveHostExecutables: true, cwd: scratch.cwd, home: scratch.home }]);
    expect(codex!.exitCode === 0, codex!.stderr).toBe(codexLoads);
  });

  it('a default.rules grown the way Codex grows it (findings as comments, repeated lines): the same decisions and matches', async () => {
    const rules = codexRules(300, 31);
    scratch.write('grown.rules', toRulesText(rules));
    const out = await importAndCompile('grown');
    if ('code' in out) throw new Error(`import refused the grown file: ${out.stderr}`);
    // Most whole commands sit under a categorical rule of the file (one finding each: remove it).
    const yaml = readFileSync(out.yaml, 'utf8');
    for (const check of ['redundant-rule', 'duplicate-rule', 'ineffective-rule', 'shell-wrapper']) expect(yaml).toContain(`# escalint: ${check}`);
    // Each rule's own command, a longer one, and a neighbour that only some rules cover.
    const g = new Gen(prng(SEED + 1));
    const argvs: string[][] = [];
    for (let i = 0; i < 40; i++) {
      const r = g.pick(rules);
      const argv = r.pattern.map((e: PatternElement) => (typeof e === 'string' ? e : g.pick(e)));
      if (g.chance(0.4)) argv.push('--extra');
      if (g.chance(0.2)) argv[argv.length - 1] = 'other';
      argvs.push(argv);
    }
    const reqs = argvs.flatMap((argv) => {
      const base = { argv, resolveHostExecutables: true, cwd: scratch.cwd, home: scratch.home };
      return [
        { ...base, files: [`${scratch.root}/rules/grown.rules`] },
        { ...base, files: [out.compiled] },
      ];
    });
    const results = await runChecks(bin!, reqs);
    const failures: string[] = [];
    for (let i = 0; i < argvs.length; i++) {
      // The grown file repeats some lines exactly, as Codex's own file does.
      const why = sameDecision(results[2 * i]!, results[2 * i + 1]!, true);
      if (why) failures.push(`${why}: ${JSON.stringify(argvs[i])}`);
    }
    expect(failures).toEqual([]);
    expect(results.filter((r, i) => i % 2 === 0 && r.decision !== null).length).toBeGreaterThan(20);
  }, 120_000);
});
