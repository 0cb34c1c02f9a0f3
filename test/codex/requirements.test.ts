// Conformance of `escalint compile --target codex-requirements` against the real Codex 0.169.0,
// which reads the file as /etc/codex/requirements.toml (see requirements-harness.ts for how):
// - Codex accepts what escalint writes, and refuses what escalint refuses to write (an allow rule,
//   a blank token, an empty list), each with Codex's own message;
// - Codex enforces it as escalint's engine predicts: for generated YAML rule sets, a fake model asks
//   `codex exec` to run generated commands, and each is rejected (forbidden), refused for approval
//   (prompt) or run (no rule), exactly as escalint decides on the YAML.
//
// Seeded: ESCALINT_SEED=<n> replays a run, ESCALINT_SEED=random picks one. ESCALINT_REQUIREMENTS_SETS
// sets the number of generated rule sets (default 4; one `codex exec` run of 8 commands each).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/emit/compile.js';
import { RuleIndex, strictestDecision } from '../../src/engine/match.js';
import { loadRuleText } from '../../src/load.js';
import type { PatternElement } from '../../src/types.js';
import { runCli } from '../cli/run.js';
import type { RuleSpec } from '../engine/make-rule.js';
import { Gen, prng } from './generate.js';
import { requireCodex } from './harness.js';
import { classifyOutput, execCommands, loadRequirements, requireOverlay } from './requirements-harness.js';
import { ruleFileYaml } from './yaml-set.js';

const DEFAULT_SEED = 169_9;
const seedEnv = process.env.ESCALINT_SEED;
const SEED = seedEnv === 'random' ? Math.floor(Math.random() * 2 ** 31) : seedEnv ? Number(seedEnv) : DEFAULT_SEED;
const SETS = Number(process.env.ESCALINT_REQUIREMENTS_SETS ?? 4);

const bin = requireCodex('escalint compile --target codex-requirements vs codex');
const canRun = requireOverlay('escalint compile --target codex-requirements vs codex', bin);

const fixture = fileURLToPath(new URL('../fixtures/compile/rules.yaml', import.meta.url));

/** The requirements.toml escalint writes for a YAML text (the CLI path: load, refuse, compile). */
async function compileYaml(yaml: string, extra: string[] = []): Promise<{ code: number; text: string; stderr: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'escalint-req-'));
  writeFileSync(path.join(dir, 'rules.yaml'), yaml);
  const r = await runCli(['compile', 'rules.yaml', '--target', 'codex-requirements', ...extra], { cwd: dir });
  return { code: r.code, text: r.stdout, stderr: r.stderr };
}

describe.skipIf(!canRun)('requirements.toml against codex 0.169.0', () => {
  it('Codex accepts the file escalint writes for the fixture (and reads it: a broken copy is refused)', async () => {
    const r = await compileYaml(readFileSync(fixture, 'utf8'), ['--drop-allow']);
    expect(r.code).toBe(0);
    const accepted = await loadRequirements(bin!, r.text);
    expect(accepted.stderr).not.toMatch(/requirements|Error/);
    expect(accepted.exitCode).toBe(0);
    // The same text with one rule changed to allow: Codex reads this very file, and refuses it.
    const broken = await loadRequirements(bin!, r.text.replace('decision = "forbidden"', 'decision = "allow"'));
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toContain('invalid rules in requirements (set by /etc/codex/requirements.toml): rules prefix_rule at index 0 has decision \'allow\'');
  });

  type Doc = { rules: { prefix_rules: { pattern: Record<string, unknown>[]; decision: string }[] } };
  it.each([
    {
      name: 'an allow rule',
      yaml: 'version: 1\nrules:\n  - pattern: [git, push]\n    decision: prompt\n  - pattern: [ls]\n    decision: allow\n',
      escalint: 'allow rule ["ls"] cannot go in requirements.toml',
      mutate: (d: Doc) => void d.rules.prefix_rules.push({ pattern: [{ token: 'ls' }], decision: 'allow' }),
      codex: "rules prefix_rule at index 1 has decision 'allow', which is not permitted in requirements.toml",
    },
    {
      name: 'a blank token',
      yaml: 'version: 1\nrules:\n  - pattern: [git, "\\u0085"]\n    decision: prompt\n',
      escalint: 'pattern token "\u0085" of ["git","\u0085"] is blank',
      mutate: (d: Doc) => void d.rules.prefix_rules[0]!.pattern.push({ token: '\u0085' }),
      codex: 'rules prefix_rule at index 0 has an invalid pattern token at index 1: token cannot be empty',
    },
    {
      name: 'a blank alternative',
      yaml: 'version: 1\nrules:\n  - pattern: [git, [a, " "]]\n    decision: forbidden\n',
      escalint: 'pattern token " " of ["git",["a"," "]] is blank',
      mutate: (d: Doc) => void d.rules.prefix_rules[0]!.pattern.push({ any_of: ['a', ' '] }),
      codex: 'rules prefix_rule at index 0 has an invalid pattern token at index 1: any_of cannot include empty tokens',
    },
    {
      name: 'no rule at all',
      yaml: 'version: 1\nrules:\n  - pattern: [ls]\n    decision: allow\n',
      extra: ['--drop-allow'],
      escalint: 'no prompt or forbidden rules to write once allow rules are dropped',
      mutate: (d: Doc) => void d.rules.prefix_rules.splice(0),
      codex: 'rules prefix_rules cannot be empty',
    },
  ])('escalint refuses $name, and so does Codex', async ({ yaml, extra, escalint, mutate, codex }) => {
    const refused = await compileYaml(yaml, extra ?? []);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(escalint);
    // What escalint would have had to write: a valid file (accepted), then the same with the problem.
    const valid = await compileYaml('version: 1\nrules:\n  - pattern: [git]\n    decision: prompt\n');
    expect((await loadRequirements(bin!, valid.text)).exitCode).toBe(0);
    const doc = parse(valid.text) as unknown as Doc;
    mutate(doc);
    const r = await loadRequirements(bin!, stringify(doc));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`invalid rules in requirements (set by /etc/codex/requirements.toml): ${codex}`);
  });

  it(`Codex enforces the compiled rules as escalint decides, on ${SETS} generated rule sets (seed ${SEED})`, async () => {
    console.log(`codex requirements: seed ${SEED} (replay with ESCALINT_SEED=${SEED}), ${SETS} rule sets`);
    const g = new Gen(prng(SEED));
    const sets = Array.from({ length: SETS }, (_, s) => generateRequirementsSet(g, s));
    const failures: string[] = [];
    const counts = { forbidden: 0, prompt: 0, ran: 0 };
    // Two `codex exec` runs at a time.
    let next = 0;
    await Promise.all(
      [0, 1].map(async () => {
        while (next < sets.length) {
          const s = next++;
          const set = sets[s]!;
          const yaml = ruleFileYaml(set.rules);
          const loaded = await loadRuleText('rules.yaml', yaml);
          expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const out = compile(loaded.ruleSet, { target: 'codex-requirements', source: 'rules.yaml' });
          expect(out.diagnostics).toEqual([]);
          const { run, outputs } = await execCommands(bin!, out.text!, set.commands.map((c) => c.join(' ')));
          if (run.exitCode !== 0 || outputs.length !== set.commands.length) {
            failures.push(`set ${s}: codex exec exit ${run.exitCode}, ${outputs.length} of ${set.commands.length} answers\n${run.stderr.slice(-1500)}\n${out.text}`);
            continue;
          }
          const index = new RuleIndex(loaded.ruleSet.rules, []);
          set.commands.forEach((argv, k) => {
            const matches = index.match(argv, { resolveHostExecutables: true, cwd: '/' });
            const decision = strictestDecision(matches);
            const got = classifyOutput(outputs[k]!);
            const want = decision === 'forbidden' ? 'forbidden' : decision === 'prompt' ? 'prompt' : 'ran';
            if (got.kind === 'forbidden' || got.kind === 'prompt' || got.kind === 'ran') counts[got.kind]++;
            const reasons = matches.filter((m) => m.decision === 'forbidden').map((m) => m.justification ?? `policy forbids commands starting with \`${m.matchedPrefix.join(' ')}\``);
            if (got.kind !== want || (got.kind === 'forbidden' && !reasons.includes(got.reason))) {
              failures.push(
                `set ${s} command ${JSON.stringify(argv.join(' '))}: codex ${JSON.stringify(got)}, escalint ${want}` +
                  `${want === 'forbidden' ? ` (reasons ${JSON.stringify(reasons)})` : ''}\n${out.text}`,
              );
            }
          });
        }
      }),
    );
    console.log(`codex requirements: ${SETS * 8} commands: ${counts.forbidden} rejected, ${counts.prompt} refused for approval, ${counts.ran} ran; ${failures.length} disagreements (seed ${SEED})`);
    expect(failures.slice(0, 5)).toEqual([]);
    // Each outcome must occur, or the comparison proves little.
    if (SETS >= 4) {
      expect(counts.forbidden).toBeGreaterThan(0);
      expect(counts.prompt).toBeGreaterThan(0);
      expect(counts.ran).toBeGreaterThan(0);
    }
  }, 280_000);
});

// ---------------------------------------------------------------------------------------------
// Rule sets whose commands are harmless to run: programs that do not exist (`codex exec` really
// runs what no rule stops), plain words only, so Codex splits `bash -lc "<words>"` into exactly them.

const HEADS = ['esc-zq1', 'esc-zq2', 'esc-zq3'];
const ARGS = ['a', 'b', 'sub', '-x', '--y'];

function generateRequirementsSet(g: Gen, s: number): { rules: RuleSpec[]; commands: string[][] } {
  const element = (pool: string[]): PatternElement => (g.chance(0.3) ? [g.pick(pool), g.pick(pool)].filter((t, i, a) => a.indexOf(t) === i) : g.pick(pool));
  const rules: RuleSpec[] = [];
  for (let i = g.int(2, 5); i > 0; i--) {
    const pattern: PatternElement[] = [element(HEADS)];
    for (let j = g.int(0, 2); j > 0; j--) pattern.push(element(ARGS));
    const spec: RuleSpec = { pattern, decision: g.pick(['prompt', 'forbidden'] as const) };
    if (g.chance(0.5)) spec.justification = `reason ${s}-${i}`;
    if (g.chance(0.3)) spec.canonical = true;
    rules.push(spec);
  }
  // A spelling of a token: upper case now and then (canonical rules match it, others do not).
  const spell = (t: string) => (g.chance(0.2) ? t.toUpperCase() : t);
  const commands: string[][] = [];
  for (let c = 0; c < 8; c++) {
    let argv: string[];
    if (g.chance(0.8)) {
      const rule = g.pick(rules);
      argv = rule.pattern.map((el) => spell(typeof el === 'string' ? el : g.pick(el)));
      if (argv.length > 1 && g.chance(0.15)) argv.pop();
      if (g.chance(0.4)) argv.push(g.pick(ARGS));
    } else {
      argv = [g.pick(HEADS), ...Array.from({ length: g.int(0, 2) }, () => g.pick(ARGS))];
    }
    commands.push(argv);
  }
  return { rules, commands };
}
