// Micro-benchmark of the Codex-semantics matching engine (issue 5, "Benchmark"):
//  1. in-process segment evaluations per second against a 1,000-rule set (target >= 50,000/s);
//  2. `codex execpolicy check` process calls on the same rules (a few hundred, timed, extrapolated to
//     10,000), when ESCALINT_CODEX_BIN points at the codex 0.169.0 binary.
// ESM from dist/ (run `npm run build` first). `node bench/engine.js` runs it alone; `run()` returns figures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RuleIndex, strictestDecision } from '../dist/src/engine/match.js';
import { emitRulesFile } from '../dist/src/emit/starlark.js';
import { rng as prng } from './data/agent-commands.js';


const SUBCOMMANDS = ['status', 'log', 'diff', 'push', 'pull', 'install', 'run', 'build', 'test', 'exec', 'rm', 'add', 'commit', 'show', 'list'];
const FLAGS = ['-f', '-rf', '--force', '-v', '--dry-run', '-n', '--all', '-C', '-c', '--'];

/** 1,000 rules over 250 programs (4 each, with alternatives; 5% canonical), 40 host executables. */
export function makeWorkload(seed = 1690, ruleCount = 1000, commandCount = 10000) {
  const rand = prng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const programs = Array.from({ length: Math.ceil(ruleCount / 4) }, (_, i) => `tool${i}`);
  const rules = [];
  for (let i = 0; i < ruleCount; i++) {
    const head = programs[i % programs.length];
    const pattern = [rand() < 0.1 ? [head, `${head}-alt`] : head];
    const len = 1 + Math.floor(rand() * 3);
    for (let j = 1; j < len; j++) pattern.push(rand() < 0.3 ? [pick(SUBCOMMANDS), pick(SUBCOMMANDS)] : pick(SUBCOMMANDS));
    rules.push({
      id: null,
      pattern,
      decision: pick(['allow', 'allow', 'prompt', 'forbidden']),
      decisionExplicit: true,
      match: [],
      notMatch: [],
      canonicalMatching: rand() < 0.05,
      source: { file: 'bench.rules', start: 0, end: 0 },
      patternSource: { file: 'bench.rules', start: 0, end: 0 },
      index: i,
    });
  }
  const hostExecutables = programs.slice(0, 40).map((p) => ({ name: p, paths: [`/usr/bin/${p}`, `/opt/homebrew/bin/${p}`], source: { file: 'bench.rules', start: 0, end: 0 } }));
  const commands = [];
  for (let i = 0; i < commandCount; i++) {
    let head = rand() < 0.85 ? pick(programs) : `unknown${i % 97}`;
    if (rand() < 0.15) head = `${pick(['/usr/bin/', '/opt/homebrew/bin/', './bin/'])}${head}`;
    if (rand() < 0.03) head = head.toUpperCase();
    const argv = [head];
    for (let k = Math.floor(rand() * 5); k > 0; k--) argv.push(rand() < 0.6 ? pick(SUBCOMMANDS) : pick(FLAGS));
    commands.push(argv);
  }
  return { rules, hostExecutables, commands };
}

export async function run({ codexSamples = 300, log = () => {} } = {}) {
  const { rules, hostExecutables, commands } = makeWorkload();
  const opts = { resolveHostExecutables: true, cwd: '/work/project', home: '/home/user' };

  let t0 = process.hrtime.bigint();
  const index = new RuleIndex(rules, hostExecutables);
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;

  // Warm up, then time whole passes over the 10,000 commands for at least a second.
  let matched = 0;
  for (const argv of commands) if (strictestDecision(index.match(argv, opts)) !== null) matched++;
  let evaluations = 0;
  t0 = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < 1e9) {
    for (const argv of commands) strictestDecision(index.match(argv, opts));
    evaluations += commands.length;
    elapsed = Number(process.hrtime.bigint() - t0);
  }
  const perSecond = Math.round(evaluations / (elapsed / 1e9));
  const result = {
    rules: rules.length,
    commands: commands.length,
    matchedCommands: matched,
    indexBuildMs: Math.round(buildMs * 100) / 100,
    evaluationsPerSecond: perSecond,
    target: 50000,
    meetsTarget: perSecond >= 50000,
  };
  log(`engine: ${rules.length} rules, index built in ${result.indexBuildMs} ms; ${perSecond.toLocaleString('en')} segment evaluations/s (target 50,000); ${matched}/${commands.length} commands matched`);

  const bin = process.env.ESCALINT_CODEX_BIN;
  if (bin && codexSamples > 0) {
    const dir = mkdtempSync(join(tmpdir(), 'escalint-bench-'));
    try {
      const file = join(dir, 'bench.rules');
      writeFileSync(file, emitRulesFile({ rules, hostExecutables }).text);
      const env = { ...process.env, HOME: dir, CODEX_HOME: join(dir, '.codex') };
      delete env.RUST_BACKTRACE;
      const sample = commands.slice(0, codexSamples);
      let disagreements = 0;
      t0 = process.hrtime.bigint();
      for (const argv of sample) {
        const out = execFileSync(bin, ['execpolicy', 'check', '--rules', file, '--resolve-host-executables', '--', ...argv], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
        const theirs = JSON.parse(out).decision ?? null;
        if (theirs !== strictestDecision(index.match(argv, { ...opts, cwd: dir, home: dir }))) disagreements++;
      }
      const codexMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const perCall = codexMs / sample.length;
      Object.assign(result, {
        codexBinary: bin,
        codexCalls: sample.length,
        codexMsPerCall: Math.round(perCall * 100) / 100,
        codexExtrapolated10kSeconds: Math.round((perCall * 10000) / 10) / 100,
        engine10kSeconds: Math.round((10000 / perSecond) * 1e4) / 1e4,
        speedup: Math.round((perCall * 10000) / 1000 / (10000 / perSecond)),
        codexDisagreements: disagreements,
      });
      log(`codex execpolicy check: ${sample.length} calls, ${result.codexMsPerCall} ms each, 10,000 extrapolated to ${result.codexExtrapolated10kSeconds} s; engine: ${result.engine10kSeconds} s for 10,000 (in-process, ${result.speedup.toLocaleString('en')}x); ${disagreements} decision disagreements`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    log('codex execpolicy check: skipped (set ESCALINT_CODEX_BIN to the codex 0.169.0 binary)');
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await run({ log: (line) => console.log(line) });
  console.log(JSON.stringify(result, null, 2));
}
