// Benchmark of `escalint check` (issue 4, "Benchmark"):
//  (a) cold start: `node bin/escalint.js check rules.example.yaml` against bare `node -e 0`, runs
//      interleaved, medians and their ratio (target: at most 2x node's own start-up);
//  (b) in-process `lintFiles` on generated 10,000- and 20,000-rule files (targets: under 1 s, and
//      linear: 20,000 rules at most 2.3x the time of 10,000).
// ESM importing dist/ (run `npm run build` first). `node bench/check.js` runs it alone and prints
// the figures; `run()` returns them for bench/run.js. BENCH_RUNS sets the cold-start run count.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateRuleFile } from './check-data.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeSpawn(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr || r.stdout}`);
  return ms;
}

/** (a) Cold start, interleaved so drift affects both sides alike. */
export function coldStart(runs = Number(process.env.BENCH_RUNS ?? 15)) {
  const node = [];
  const check = [];
  timeSpawn(['-e', '0']); // warm the file-system cache once
  timeSpawn(['bin/escalint.js', 'check', 'rules.example.yaml']);
  for (let i = 0; i < runs; i++) {
    node.push(timeSpawn(['-e', '0']));
    check.push(timeSpawn(['bin/escalint.js', 'check', 'rules.example.yaml']));
  }
  const nodeMs = median(node);
  const checkMs = median(check);
  return { runs, nodeMs, checkMs, ratio: checkMs / nodeMs, target: 2 };
}

/**
 * (b) In-process lint of generated files. After one warm-up each, the sizes are run interleaved
 * (10k, 20k, 10k, …) so that load from other processes falls on both alike; the targets use each
 * size's median (as the cold start does), and the best runs are reported beside them.
 */
export async function largeFiles(sizes = [10_000, 20_000], repeats = Number(process.env.BENCH_REPEATS ?? 7)) {
  const { lintFiles, lintLoaded } = await import(pathToFileURL(join(root, 'dist/src/lint.js')).href);
  const { loadRuleFiles } = await import(pathToFileURL(join(root, 'dist/src/load.js')).href);
  const dir = mkdtempSync(join(tmpdir(), 'escalint-bench-'));
  try {
    const files = {};
    const times = {};
    for (const n of sizes) {
      const file = join(dir, `rules-${n}.yaml`);
      writeFileSync(file, generateRuleFile(n));
      const first = await lintFiles([file]);
      if (first.errorCount > 0) throw new Error(`generated ${n}-rule file has errors: ${first.diagnostics[0].message}`);
      files[n] = file;
      times[n] = [];
    }
    for (let i = 0; i < repeats; i++) {
      for (const n of sizes) {
        const t0 = process.hrtime.bigint();
        await lintFiles([files[n]]);
        times[n].push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
    const out = {};
    const med = {};
    const split = {};
    for (const n of sizes) {
      out[n] = Math.min(...times[n]);
      med[n] = median(times[n]);
      // Where the time goes: loading (src/load.ts) against the pipeline after it (src/lint.ts).
      const t0 = process.hrtime.bigint();
      const loaded = await loadRuleFiles([files[n]]);
      const t1 = process.hrtime.bigint();
      lintLoaded(loaded);
      const t2 = process.hrtime.bigint();
      split[n] = { loadMs: Number(t1 - t0) / 1e6, pipelineMs: Number(t2 - t1) / 1e6 };
    }
    const [small, large] = sizes;
    return { repeats, ms: med, bestMs: out, split, ratio: med[large] / med[small], bestRatio: out[large] / out[small], targetMs: 1000, targetRatio: 2.3 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run() {
  return { cold: coldStart(), large: await largeFiles() };
}

function report({ cold, large }) {
  const f = (x) => x.toFixed(1);
  const ok = (b) => (b ? 'ok' : 'MISSED');
  const lines = [
    `check cold start (median of ${cold.runs}): node -e 0 ${f(cold.nodeMs)} ms, escalint check rules.example.yaml ${f(cold.checkMs)} ms, ratio ${cold.ratio.toFixed(2)}x (target <= ${cold.target}x: ${ok(cold.ratio <= cold.target)})`,
  ];
  const sizes = Object.keys(large.ms);
  for (const n of sizes) {
    lines.push(
      `check ${n} rules in-process (median of ${large.repeats}, interleaved): ${f(large.ms[n])} ms, best ${f(large.bestMs[n])} ms (target < ${large.targetMs} ms: ${ok(large.ms[n] < large.targetMs)}); ` +
        `one run split: load ${f(large.split[n].loadMs)} ms, checks and directives ${f(large.split[n].pipelineMs)} ms`,
    );
  }
  lines.push(
    `check scaling ${sizes[1]}/${sizes[0]} (medians): ${large.ratio.toFixed(2)}x, of best runs ${large.bestRatio.toFixed(2)}x (target <= ${large.targetRatio}x: ${ok(large.ratio <= large.targetRatio)})`,
  );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then(
    (r) => console.log(report(r)),
    (err) => {
      console.error(`bench/check.js: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}

export { report };
