// Benchmark of duplicate-rule, redundant-rule and ineffective-rule on Codex-grown rule files
// (bench/data/codex-rules.js): 1,000, 10,000 and 20,000 rules, as a .rules file and as YAML.
//  (a) the whole process, `node bin/escalint.js check <file>` (load, every check, the stylish
//      report), medians of interleaved runs;
//  (b) in-process `lintFiles` (dist/src/lint.js), medians of interleaved runs, split into loading,
//      the coverage analysis the three checks share (src/engine/rule-coverage.ts), and the three
//      checks alone through the pipeline (analysis, findings, fixes, sorting);
//  (c) the whole process on the YAML files with every other check set to off in settings.checks,
//      which isolates these three checks from the cost of the others;
// and the 20k/10k ratios. Targets: 10,000 rules under 1 s for the whole process; doubling the file
// at most 2.3x the time. ESM importing dist/ (`npm run build` first; bench/run.js builds).
// BENCH_RUNS sets the process runs per file, BENCH_REPEATS the in-process repeats.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codexRules, toRulesText, toYamlText } from './data/codex-rules.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SIZES = [1_000, 10_000, 20_000];
const FORMATS = ['rules', 'yaml'];
const CHECK_IDS = ['duplicate-rule', 'redundant-rule', 'ineffective-rule'];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const since = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

function timeCheck(file) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['bin/escalint.js', 'check', file], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const ms = since(t0);
  // 0 or 1 (findings); 2 is a usage, I/O or internal error.
  if (r.status !== 0 && r.status !== 1) throw new Error(`escalint check ${file} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return ms;
}

export async function run({ log = () => {} } = {}) {
  if (!existsSync(join(root, 'dist/src/lint.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const repeats = Number(process.env.BENCH_REPEATS ?? 5);
  const { lintFiles, lintLoaded } = await import(pathToFileURL(join(root, 'dist/src/lint.js')).href);
  const { loadRuleFiles } = await import(pathToFileURL(join(root, 'dist/src/load.js')).href);
  const { ruleCoverage } = await import(pathToFileURL(join(root, 'dist/src/engine/rule-coverage.js')).href);
  const dir = mkdtempSync(join(tmpdir(), 'escalint-bench-checks-'));
  try {
    const { checks } = await import(pathToFileURL(join(root, 'dist/src/checks/index.js')).href);
    const mine = checks.filter((c) => CHECK_IDS.includes(c.id));
    const othersOff = ['settings:', '  checks:', ...checks.filter((c) => !CHECK_IDS.includes(c.id)).map((c) => `    ${c.id}: off`)].join('\n') + '\n';
    const files = [];
    const isolated = {};
    for (const n of SIZES) {
      const rules = codexRules(n);
      for (const format of FORMATS) {
        const path = join(dir, `default-${n}.${format}`);
        writeFileSync(path, format === 'rules' ? toRulesText(rules) : toYamlText(rules));
        files.push({ n, format, path });
      }
      isolated[n] = join(dir, `only-coverage-checks-${n}.yaml`);
      writeFileSync(isolated[n], toYamlText(rules) + othersOff);
    }

    // What the three checks find, and a warm-up of every file.
    const found = {};
    for (const f of files) {
      const result = await lintFiles([f.path]);
      const fatal = result.diagnostics.find((d) => ['yaml', 'schema', 'rules-syntax', 'codex-load'].includes(d.check));
      if (fatal) throw new Error(`generated ${f.path} does not load: ${fatal.message}`);
      const counts = Object.fromEntries(CHECK_IDS.map((id) => [id, result.diagnostics.filter((d) => d.check === id).length]));
      found[`${f.n}.${f.format}`] = { counts, total: result.diagnostics.length };
    }
    log(`findings per file: ${files.map((f) => `${f.n}.${f.format}: ${CHECK_IDS.map((id) => found[`${f.n}.${f.format}`].counts[id]).join('/')}`).join(', ')} (duplicate/redundant/ineffective)`);

    // (a) and (c): whole process, interleaved.
    const proc = Object.fromEntries(files.map((f) => [f.path, []]));
    const procIsolated = Object.fromEntries(SIZES.map((n) => [n, []]));
    timeCheck(files[0].path);
    for (let i = 0; i < runs; i++) {
      for (const f of files) proc[f.path].push(timeCheck(f.path));
      for (const n of SIZES) procIsolated[n].push(timeCheck(isolated[n]));
    }

    // (b) in-process, interleaved; then one split of load / coverage analysis.
    const inproc = Object.fromEntries(files.map((f) => [f.path, []]));
    for (let i = 0; i < repeats; i++) {
      for (const f of files) {
        const t0 = process.hrtime.bigint();
        await lintFiles([f.path]);
        inproc[f.path].push(since(t0));
      }
    }
    const split = Object.fromEntries(files.map((f) => [f.path, { loadMs: [], coverageMs: [], threeChecksMs: [] }]));
    for (let i = 0; i < repeats; i++) {
      for (const f of files) {
        const t0 = process.hrtime.bigint();
        const loaded = await loadRuleFiles([f.path]);
        const t1 = process.hrtime.bigint();
        ruleCoverage(loaded.ruleSet);
        const t2 = process.hrtime.bigint();
        const again = await loadRuleFiles([f.path]); // a fresh RuleSet: the analysis is cached per RuleSet
        const t3 = process.hrtime.bigint();
        lintLoaded(again, { checks: mine });
        split[f.path].loadMs.push(Number(t1 - t0) / 1e6);
        split[f.path].coverageMs.push(Number(t2 - t1) / 1e6);
        split[f.path].threeChecksMs.push(since(t3));
      }
    }

    const rows = files.map((f) => ({
      n: f.n,
      format: f.format,
      processMs: median(proc[f.path]),
      lintMs: median(inproc[f.path]),
      loadMs: median(split[f.path].loadMs),
      coverageMs: median(split[f.path].coverageMs),
      threeChecksMs: median(split[f.path].threeChecksMs),
      isolatedMs: f.format === 'yaml' ? median(procIsolated[f.n]) : undefined,
      ...found[`${f.n}.${f.format}`],
    }));
    const ratios = {};
    for (const format of FORMATS) {
      const at = (n) => rows.find((r) => r.n === n && r.format === format);
      ratios[format] = {
        process: at(20_000).processMs / at(10_000).processMs,
        lint: at(20_000).lintMs / at(10_000).lintMs,
        coverage: at(20_000).coverageMs / at(10_000).coverageMs,
        threeChecks: at(20_000).threeChecksMs / at(10_000).threeChecksMs,
        ...(format === 'yaml' ? { isolated: at(20_000).isolatedMs / at(10_000).isolatedMs } : {}),
      };
    }
    return { runs, repeats, rows, ratios, targetMs: 1000, targetRatio: 2.3 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function report({ runs, repeats, rows, ratios, targetMs, targetRatio }) {
  const f = (x) => x.toFixed(1);
  const ok = (b) => (b ? 'ok' : 'MISSED');
  const lines = [`checks on Codex-grown rule files (process: median of ${runs}; in-process: median of ${repeats}; interleaved)`];
  for (const r of rows) {
    const target = r.n === 10_000 ? ` (target < ${targetMs} ms: ${ok(r.processMs < targetMs)})` : '';
    lines.push(
      `  ${String(r.n).padStart(6)} rules .${r.format.padEnd(5)} escalint check ${f(r.processMs)} ms${target}; lintFiles ${f(r.lintMs)} ms ` +
        `(load ${f(r.loadMs)} ms; coverage analysis ${f(r.coverageMs)} ms; the three checks through the pipeline ${f(r.threeChecksMs)} ms); ` +
        `findings ${r.counts['duplicate-rule']} duplicate, ${r.counts['redundant-rule']} redundant, ${r.counts['ineffective-rule']} ineffective of ${r.total}`,
    );
    if (r.isolatedMs !== undefined) {
      const t = r.n === 10_000 ? ` (target < ${targetMs} ms: ${ok(r.isolatedMs < targetMs)})` : '';
      lines.push(`  ${' '.repeat(6)}       .yaml  escalint check with only these three checks on: ${f(r.isolatedMs)} ms${t}`);
    }
  }
  for (const [format, q] of Object.entries(ratios)) {
    lines.push(
      `  20k/10k .${format}: escalint check ${q.process.toFixed(2)}x (target <= ${targetRatio}x: ${ok(q.process <= targetRatio)}), ` +
        `lintFiles ${q.lint.toFixed(2)}x, coverage analysis ${q.coverage.toFixed(2)}x, the three checks ${q.threeChecks.toFixed(2)}x` +
        (q.isolated !== undefined ? `, escalint check with only them ${q.isolated.toFixed(2)}x (target <= ${targetRatio}x: ${ok(q.isolated <= targetRatio)})` : ''),
    );
  }
  return lines.join('\n');
}

export function summary(result) {
  const at = (n, format) => result.rows.find((r) => r.n === n && r.format === format);
  return FORMATS.map(
    (format) =>
      `checks .${format}: escalint check 10k ${at(10_000, format).processMs.toFixed(0)} ms, 20k ${at(20_000, format).processMs.toFixed(0)} ms (${result.ratios[format].process.toFixed(2)}x); ` +
      `coverage analysis 10k ${at(10_000, format).coverageMs.toFixed(1)} ms, 20k ${at(20_000, format).coverageMs.toFixed(1)} ms` +
      (format === 'yaml' ? `; only these checks on: escalint check 10k ${at(10_000, format).isolatedMs.toFixed(0)} ms, 20k ${at(20_000, format).isolatedMs.toFixed(0)} ms` : ''),
  ).join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run({ log: (line) => console.log(line) }).then(
    (r) => console.log(report(r)),
    (err) => {
      console.error(`bench/checks.js: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
