// Benchmark of `escalint compile`: the whole process (`node bin/escalint.js compile rules.yaml
// -o out`), start-up and writing included, on a generated 10,000-rule YAML file
// (bench/check-data.js), for each target. Target: under 1 s for `--target codex`.
// ESM running dist/ through bin/escalint.js (run `npm run build` first). `node bench/compile.js`
// runs it alone; `run()` returns the figures for bench/run.js. BENCH_RUNS sets the runs per target.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateRuleFile } from './check-data.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RULES = 10_000;
const TARGETS = [
  ['codex', []],
  ['codex-requirements', ['--drop-allow']],
  ['json', []],
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeCompile(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'bin/escalint.js'), 'compile', ...args], { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`escalint compile ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 500)}`);
  return ms;
}

export async function run({ runs = Number(process.env.BENCH_RUNS ?? 7) } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'escalint-bench-compile-'));
  try {
    const file = join(dir, `rules-${RULES}.yaml`);
    writeFileSync(file, generateRuleFile(RULES));
    const out = {};
    for (const [target, extra] of TARGETS) {
      const output = join(dir, `out-${target}`);
      const args = [file, '--target', target, ...extra, '-o', output];
      timeCompile(args); // warm the file-system cache
      const times = Array.from({ length: runs }, () => timeCompile(args));
      out[target] = { ms: median(times), bestMs: Math.min(...times), bytes: readFileSync(output).length };
    }
    return { rules: RULES, runs, targets: out, targetMs: 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function report(result) {
  const f = (x) => x.toFixed(1);
  return Object.entries(result.targets)
    .map(([target, t]) => {
      const goal = target === 'codex' ? ` (target < ${result.targetMs} ms: ${t.ms < result.targetMs ? 'ok' : 'MISSED'})` : '';
      return `compile --target ${target}, ${result.rules} rules, whole process (median of ${result.runs}): ${f(t.ms)} ms, best ${f(t.bestMs)} ms, ${t.bytes} bytes written${goal}`;
    })
    .join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then(
    (r) => console.log(report(r)),
    (err) => {
      console.error(`bench/compile.js: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
