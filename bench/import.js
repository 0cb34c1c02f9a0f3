// Benchmark of `escalint import`: the whole process (`node bin/escalint.js import default.rules -o
// rules.yaml`), start-up, loading, every check and writing included, on a 10,000-rule .rules file
// grown the way Codex grows ~/.codex/rules/default.rules (bench/data/codex-rules.js: one
// prefix_rule line per approval, mostly whole commands, some repeats). Target: under 1 s. Also
// timed: --collapse (two passes of the checks). ESM running dist/ through bin/escalint.js (run
// `npm run build` first). `node bench/import.js` runs it alone; `run()` returns the figures for
// bench/run.js. BENCH_RUNS sets the runs per variant.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codexRules, toRulesText } from './data/codex-rules.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RULES = 10_000;
const VARIANTS = [
  ['import', []],
  ['import --collapse', ['--collapse']],
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeImport(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'bin/escalint.js'), 'import', ...args], { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`escalint import ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 500)}`);
  return ms;
}

export async function run({ log = () => {} } = {}) {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const dir = mkdtempSync(join(tmpdir(), 'escalint-bench-import-'));
  try {
    const file = join(dir, `default-${RULES}.rules`);
    writeFileSync(file, toRulesText(codexRules(RULES)));
    const out = {};
    for (const [name, extra] of VARIANTS) {
      const output = join(dir, `out-${name.replace(/\W+/g, '-')}.yaml`);
      const args = [file, ...extra, '-o', output, '--force', '--schema', './escalint.schema.json'];
      timeImport(args); // warm the file-system cache
      const times = Array.from({ length: runs }, () => timeImport(args));
      const text = readFileSync(output, 'utf8');
      out[name] = { ms: median(times), bestMs: Math.min(...times), bytes: Buffer.byteLength(text), comments: (text.match(/^\s*# escalint: /gm) ?? []).length };
      log(`${name}: ${out[name].ms.toFixed(1)} ms`);
    }
    return { rules: RULES, runs, variants: out, targetMs: 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function report(result) {
  const f = (x) => x.toFixed(1);
  return Object.entries(result.variants)
    .map(([name, v]) => {
      const goal = name === 'import' ? ` (target < ${result.targetMs} ms: ${v.ms < result.targetMs ? 'ok' : 'MISSED'})` : '';
      return `${name}, ${result.rules}-rule default.rules, whole process (median of ${result.runs}): ${f(v.ms)} ms, best ${f(v.bestMs)} ms, ${v.bytes} bytes, ${v.comments} findings as comments${goal}`;
    })
    .join('\n');
}

export function summary(result) {
  const v = result.variants.import;
  return `import: ${result.rules} rules in ${v.ms.toFixed(1)} ms (target < ${result.targetMs} ms: ${v.ms < result.targetMs ? 'ok' : 'MISSED'}); --collapse ${result.variants['import --collapse'].ms.toFixed(1)} ms`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run({ log: (l) => console.log(l) }).then(
    (r) => console.log(report(r)),
    (err) => {
      console.error(`bench/import.js: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
