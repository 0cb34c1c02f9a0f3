// Benchmark of `escalint hook` (design.md §9): the agent starts one hook process before every
// shell command, so the whole process counts. Runs `node bin/escalint.js hook
// codex-permission-request --rules <100-rule file>` with an event on standard input, interleaved
// with bare `node -e 0`, and prints the medians and their ratio (target: at most 2x node's own
// start-up). The events cycle through an allowed compound command, a forbidden command hidden in
// `$(…)` and a command no rule matches, so the allow, deny and no-opinion paths all count.
// ESM importing nothing from dist/ itself (run `npm run build` first; bench/run.js does).
// `node bench/hook.js` runs it alone; BENCH_RUNS sets the number of runs of each side, and
// ESCALINT_BENCH_BIN another escalint launcher than bin/escalint.js.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleIsCurrent } from '../bin/load-bundle.js';
import { generateRuleFile } from './check-data.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Rules the events meet, before 100 generated ones (so the file has 103). */
const RULES = `  - pattern: [git, [status, diff, log]]
    decision: allow
  - pattern: [ls]
    decision: allow
  - pattern: [rm, -rf]
    decision: forbidden
    justification: Use trash instead
`;

const COMMANDS = [
  { command: 'git status && git diff --stat | ls -la', expect: '"behavior":"allow"' },
  { command: 'echo $(rm -rf /) hi', expect: '"behavior":"deny"' },
  { command: 'cargo build --release', expect: '' },
];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * CPU time of the reaped children of this process, in ms (Linux: /proc/self/stat cutime + cstime,
 * in clock ticks of 10 ms), or null elsewhere. Summed over many runs, it says what a process costs
 * when other processes compete for the CPU, which wall-clock time on a busy machine does not.
 */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10; // fields 16 and 17: cutime, cstime
  } catch {
    return null;
  }
}

/** What bin/escalint.js runs: the bundle when it is there and not older than dist/src (its own test). */
function launcherRunsFrom() {
  return bundleIsCurrent(join(root, 'dist/src/cli/escalint.cjs'), join(root, 'dist/src/cli/main.js')) ? 'the bundle' : 'the ES modules (no bundle, or an older one: npm run build)';
}

function timeSpawn(args, input, cwd) {
  const c0 = childrenCpuMs();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, input, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c1 = childrenCpuMs();
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr || r.stdout}`);
  return { ms, cpuMs: c0 === null || c1 === null ? null : c1 - c0, stdout: r.stdout };
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

export async function run({ runs = Number(process.env.BENCH_RUNS ?? 30) } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'escalint-bench-hook-'));
  try {
    const rules = join(dir, 'rules.yaml');
    writeFileSync(rules, generateRuleFile(100).replace('rules:\n', `rules:\n${RULES}`));
    const bin = process.env.ESCALINT_BENCH_BIN ?? join(root, 'bin/escalint.js');
    const args = [bin, 'hook', 'codex-permission-request', '--rules', rules];
    const events = COMMANDS.map(({ command, expect }) => ({
      expect,
      input: JSON.stringify({ session_id: 's', turn_id: 't', cwd: dir, hook_event_name: 'PermissionRequest', model: 'm', permission_mode: 'default', tool_name: 'Bash', tool_input: { command } }),
    }));
    // Warm the file-system cache, and check each answer once.
    timeSpawn(['-e', '0'], '', dir);
    for (const e of events) {
      const { stdout } = timeSpawn(args, e.input, dir);
      if (e.expect === '' ? stdout !== '' : !stdout.includes(e.expect)) throw new Error(`unexpected hook output ${JSON.stringify(stdout)} (expected ${e.expect || 'nothing'})`);
    }
    const node = [];
    const hook = [];
    for (let i = 0; i < runs; i++) {
      node.push(timeSpawn(['-e', '0'], '', dir));
      hook.push(timeSpawn(args, events[i % events.length].input, dir));
    }
    const nodeMs = median(node.map((r) => r.ms));
    const hookMs = median(hook.map((r) => r.ms));
    const cpu = node.every((r) => r.cpuMs !== null) ? { nodeMs: sum(node.map((r) => r.cpuMs)) / runs, hookMs: sum(hook.map((r) => r.cpuMs)) / runs } : null;
    return { runs, rules: 103, nodeMs, hookMs, ratio: hookMs / nodeMs, cpu, target: 2, runsFrom: launcherRunsFrom() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function report(r) {
  const f = (x) => x.toFixed(1);
  const lines = [
    `hook process from ${r.runsFrom} (median of ${r.runs}, interleaved; ${r.rules}-rule file; allow, deny and no-opinion events): node -e 0 ${f(r.nodeMs)} ms, escalint hook ${f(r.hookMs)} ms, ratio ${r.ratio.toFixed(2)}x (target <= ${r.target}x: ${r.ratio <= r.target ? 'ok' : 'MISSED'})`,
  ];
  if (r.cpu) lines.push(`hook process CPU time (mean of ${r.runs}): node -e 0 ${f(r.cpu.nodeMs)} ms, escalint hook ${f(r.cpu.hookMs)} ms, ratio ${(r.cpu.hookMs / r.cpu.nodeMs).toFixed(2)}x`);
  return lines.join('\n');
}

export function summary(r) {
  return `hook: ${f1(r.hookMs)} ms per process, ${r.ratio.toFixed(2)}x node -e 0 (target <= ${r.target}x)`;
}

function f1(x) {
  return x.toFixed(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then(
    (r) => console.log(report(r)),
    (err) => {
      console.error(`bench/hook.js: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
