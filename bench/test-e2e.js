// End-to-end benchmark of `escalint test` (issue 5, "Benchmark"):
//  1. ONE process `node bin/escalint.js test rules.yaml --commands cmds.txt --format json` over 10,000
//     agent-like commands and a 1,000-rule YAML set, whole-process wall time (start-up, loading, output);
//  2. real `codex execpolicy check --rules rules.rules --resolve-host-executables -- <argv>`, one process
//     per argv of Codex's own split of `["/bin/bash", "-lc", command]` (`codexSplit`), as Codex core checks
//     them one by one; a few hundred commands are timed and the total extrapolated to 10,000
//     (skipped, and said so, without ESCALINT_CODEX_BIN);
//  3. in-process `Evaluator.evaluate` over the same commands: segment evaluations per second.
// Targets: escalint at least 100x faster in total; at least 50,000 segment evaluations/s.
// ESM from dist/ (`npm run build` first, or `npm run bench`, which builds). `node bench/test-e2e.js` runs it alone.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Evaluator } from '../dist/src/engine/evaluate.js';
import { emitRulesFile } from '../dist/src/emit/starlark.js';
import { loadRuleFiles } from '../dist/src/load.js';
import { codexSplit } from '../dist/src/shell/codex-split.js';
import { agentCommand, rng } from './data/agent-commands.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RULES = 1000;
const COMMANDS = 10000;
const CODEX_SAMPLE = 300;
const ESCALINT_RUNS = 3;

// ---------------------------------------------------------------------------------------------
// The rule set: realistic prefixes for the tools agents run, with alternatives, mostly allow, some
// prompt and forbidden. Unique patterns, deterministic.

/** Tools, their subcommands (first alternatives are the common ones) and some flags/objects for a third token. */
const TOOLS = {
  git: { subs: ['status', 'log', 'diff', 'show', 'branch', 'add', 'commit', 'push', 'pull', 'fetch', 'checkout', 'switch', 'rebase', 'reset', 'stash', 'tag', 'remote', 'clean', 'rev-parse', 'blame', 'merge', 'cherry-pick', 'restore', 'worktree'], third: ['--force', '-f', '--hard', '-u', 'origin', '--oneline', '--stat', '-b', '-d', '-D', '--all', '--amend', '-fd', 'HEAD'] },
  npm: { subs: ['install', 'ci', 'test', 'run', 'start', 'publish', 'audit', 'ls', 'outdated', 'uninstall', 'update', 'exec', 'pack', 'version', 'link', 'init'], third: ['build', 'lint', 'test', 'dev', '--save-dev', '--global', '-g', '--force', 'fix', '--dry-run'] },
  pnpm: { subs: ['install', 'add', 'test', 'run', 'build', 'dlx', 'exec', 'remove', 'publish'], third: ['build', 'lint', '-D', '-g', 'test'] },
  yarn: { subs: ['install', 'add', 'test', 'run', 'build', 'dlx', 'remove', 'publish'], third: ['build', 'lint', '-D', 'test'] },
  cargo: { subs: ['build', 'test', 'check', 'clippy', 'fmt', 'run', 'doc', 'publish', 'install', 'update', 'clean', 'bench', 'tree', 'add', 'remove'], third: ['--release', '-p', '--all-features', '--workspace', '--', '--locked', '--offline', '--check'] },
  docker: { subs: ['ps', 'images', 'build', 'run', 'exec', 'logs', 'pull', 'push', 'rm', 'rmi', 'stop', 'compose', 'system', 'volume', 'network', 'inspect', 'tag', 'login'], third: ['--rm', '-it', '-f', 'prune', 'up', 'down', 'logs', 'ls', '-a', '--force', 'ps', 'build'] },
  kubectl: { subs: ['get', 'describe', 'logs', 'apply', 'delete', 'exec', 'rollout', 'scale', 'port-forward', 'config', 'top', 'create', 'edit', 'patch', 'drain', 'cordon'], third: ['pods', 'deployments', 'services', 'nodes', '-n', '--all-namespaces', '-f', 'status', 'restart', 'use-context', 'get-contexts', 'secret', 'configmap'] },
  go: { subs: ['build', 'test', 'vet', 'run', 'mod', 'get', 'install', 'fmt', 'generate'], third: ['./...', '-race', '-v', 'tidy', 'download'] },
  make: { subs: ['build', 'test', 'lint', 'clean', 'install', 'release', 'deploy', 'all'], third: ['-j4', 'V=1'] },
  gh: { subs: ['pr', 'issue', 'run', 'repo', 'release', 'api', 'workflow', 'auth'], third: ['view', 'list', 'create', 'merge', 'checkout', 'diff', 'status', 'clone', 'delete', 'watch'] },
  terraform: { subs: ['init', 'plan', 'apply', 'destroy', 'fmt', 'validate', 'state', 'import'], third: ['-auto-approve', 'list', 'rm', '-check'] },
  helm: { subs: ['install', 'upgrade', 'uninstall', 'list', 'template', 'repo', 'status', 'rollback'], third: ['--install', 'add', 'update', '-n'] },
  python3: { subs: ['-m', '-c', 'manage.py', 'setup.py'], third: ['pytest', 'pip', 'venv', 'http.server', 'black', 'mypy', 'unittest'] },
  pip: { subs: ['install', 'uninstall', 'list', 'freeze', 'show', 'download'], third: ['-r', '-e', '--upgrade', '-U'] },
  aws: { subs: ['s3', 'ec2', 'iam', 'lambda', 'sts', 'logs', 'cloudformation', 'ecr'], third: ['ls', 'cp', 'rm', 'sync', 'describe-instances', 'get-caller-identity', 'tail', 'delete-stack'] },
  rm: { subs: ['-rf', '-r', '-f', '-fr', '--recursive', '-i'], third: ['/', 'node_modules', 'dist', 'target', '~', '.git'] },
  curl: { subs: ['-fsSL', '-s', '-X', '-o', '-L', '-I'], third: ['POST', 'DELETE', 'https://example.com'] },
  sed: { subs: ['-i', '-n', '-e', '-E'], third: ['-e'] },
  find: { subs: ['.', '/', 'src'], third: ['-name', '-type', '-delete', '-exec'] },
  chmod: { subs: ['-R', '+x', '755', '777'], third: ['.', '/'] },
};
/** Read-only commands allowed whole. */
const READ_ONLY = ['ls', 'cat', 'head', 'tail', 'wc', 'grep', 'rg', 'echo', 'pwd', 'which', 'jq', 'sort', 'uniq', 'date', 'true', 'test', 'diff', 'tree', 'file', 'stat', 'du', 'df'];
const DANGEROUS = new Set(['push', 'publish', 'delete', 'destroy', 'apply', 'rm', 'rmi', 'reset', 'clean', 'drain', 'uninstall', '--force', '-f', '--hard', '-rf', '-fr', '-D', '-auto-approve', '777', 'DELETE', '-delete', '-exec', 'merge', 'release', 'deploy']);

function decisionFor(tokens, r) {
  if (tokens[0] === 'rm' && tokens.length > 1 && r() < 0.8) return 'forbidden';
  const dangerous = tokens.slice(1).some((t) => (Array.isArray(t) ? t : [t]).some((x) => DANGEROUS.has(x)));
  if (dangerous) return r() < 0.35 ? 'forbidden' : 'prompt';
  const x = r();
  return x < 0.8 ? 'allow' : x < 0.95 ? 'prompt' : 'forbidden';
}

/** More tools agents meet, with the generic subcommands and flags most CLIs share. */
const MORE_TOOLS = ['npx', 'node', 'deno', 'bun', 'pytest', 'ruff', 'mypy', 'poetry', 'uv', 'rustup', 'brew', 'apt-get', 'systemctl', 'journalctl', 'ssh', 'scp', 'rsync', 'tar', 'psql', 'mysql', 'redis-cli', 'az', 'gcloud', 'flyctl', 'vercel', 'netlify', 'firebase', 'heroku', 'ansible', 'podman', 'minikube', 'kind', 'skaffold', 'bazel', 'gradle', 'mvn', 'dotnet', 'swift', 'flutter', 'dart', 'composer', 'bundle', 'rake', 'rails', 'mix', 'sam', 'pulumi', 'nomad', 'consul', 'vault'];
const GENERIC = { subs: ['build', 'test', 'run', 'install', 'deploy', 'status', 'list', 'delete', 'init', 'login', 'logs', 'exec', 'start', 'stop', 'publish', 'clean'], third: ['--force', '-v', '--dry-run', '--all', '-f', '--yes', '--prod', '--help'] };
const toolOf = (head) => TOOLS[head] ?? GENERIC;

/**
 * 1,000 rules as YAML, shaped like a real policy: each `tool sub` prefix is covered once (alone, or in a
 * group of alternatives with the same intent), read-only commands whole, and narrower 3- and 4-token rules
 * on dangerous flags (`git push --force`). So a command meets one to three rules, not dozens. Deterministic.
 */
export function makeRuleSet(count = RULES, seed = 1690) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const shuffle = (xs) => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  const rules = [];
  const seen = new Set();
  const add = (pattern) => {
    const k = JSON.stringify(pattern);
    if (seen.has(k) || rules.length >= count) return;
    seen.add(k);
    const rule = { pattern, decision: decisionFor(pattern, r) };
    if (rule.decision !== 'allow' || r() < 0.2) rule.justification = rule.decision === 'forbidden' ? `never run \`${pattern.flat().join(' ')}\` from an agent` : 'needs review';
    rules.push(rule);
  };
  for (const head of READ_ONLY) add([head]);
  const heads = [...Object.keys(TOOLS), ...MORE_TOOLS];
  // Every `tool sub` prefix once; a third of them grouped into alternatives.
  for (const head of heads) {
    const subs = shuffle(toolOf(head).subs);
    for (let i = 0; i < subs.length; ) {
      const n = r() < 0.3 ? Math.min(1 + Math.ceil(r() * 2), subs.length - i) : 1;
      const group = subs.slice(i, i + n);
      add([head === 'python3' && r() < 0.3 ? ['python3', 'python'] : head, n === 1 ? group[0] : group]);
      i += n;
    }
  }
  // Narrower rules on flags and objects, until the set has `count` rules.
  for (let guard = 0; rules.length < count && guard < count * 50; guard++) {
    const head = pick(heads);
    const { subs, third } = toolOf(head);
    const pattern = [head, pick(subs), r() < 0.15 ? [...new Set([pick(third), pick(third)])] : pick(third)];
    if (r() < 0.1) pattern.push(pick(third));
    add(pattern.map((el) => (Array.isArray(el) && el.length === 1 ? el[0] : el)));
  }
  const y = (s) => JSON.stringify(s); // a JSON string is a valid YAML flow scalar
  const lines = ['version: 1', 'rules:'];
  for (const rule of rules) {
    lines.push(`  - pattern: [${rule.pattern.map((el) => (Array.isArray(el) ? `[${el.map(y).join(', ')}]` : y(el))).join(', ')}]`);
    lines.push(`    decision: ${rule.decision}`);
    if (rule.justification) lines.push(`    justification: ${y(rule.justification)}`);
  }
  lines.push('host_executables:');
  for (const name of ['git', 'npm', 'cargo', 'docker', 'kubectl']) lines.push(`  - name: ${name}`, `    paths: [/usr/bin/${name}, /usr/local/bin/${name}, /opt/homebrew/bin/${name}]`);
  return { rules, yaml: lines.join('\n') + '\n' };
}

// ---------------------------------------------------------------------------------------------
// Commands: the agent templates of bench/data (one line each), plain tool invocations Codex splits,
// `&&` chains, pipelines, `$(…)` and wrappers.

function plainCommand(r) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  if (r() < 0.15) return `${pick(READ_ONLY)} ${pick(['-la', 'src', 'README.md', '-n 20', ''])}`.trim();
  const head = r() < 0.7 ? pick(Object.keys(TOOLS)) : r() < 0.9 ? pick(MORE_TOOLS) : pick(['make-it', 'deploy.sh', 'ninja', 'just']);
  const { subs, third } = toolOf(head);
  const argv = [r() < 0.08 ? `/usr/bin/${head}` : head, pick(subs)];
  for (let k = Math.floor(r() * 3); k > 0; k--) argv.push(pick(third));
  return argv.join(' ');
}

const WRAP = [
  (c) => `sudo ${c}`,
  (c) => `timeout 300 ${c}`,
  (c) => `env CI=1 ${c}`,
  (c) => `bash -lc '${c.replace(/'/g, `'\\''`)}'`,
  (c) => `nohup ${c}`,
  (c) => `xargs -r ${c} < files.txt`,
  (c) => `time ${c}`,
];

export function makeCommands(count = COMMANDS, seed = 169) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const out = [];
  while (out.length < count) {
    const x = r();
    let c;
    if (x < 0.35) {
      c = agentCommand(r);
      if (c.includes('\n')) continue; // --commands is one command per line
    } else if (x < 0.6) c = plainCommand(r);
    else if (x < 0.75) c = Array.from({ length: 2 + Math.floor(r() * 4) }, () => plainCommand(r)).join(pick([' && ', ' && ', '; ', ' || ']));
    else if (x < 0.83) c = `${plainCommand(r)} 2>&1 | ${pick(['tail -n 50', 'grep -i error', 'head', 'tee out.log', 'wc -l'])}`;
    else if (x < 0.9) c = `${plainCommand(r)} $(${plainCommand(r)})`;
    else c = pick(WRAP)(plainCommand(r));
    out.push(c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** Preloaded into the escalint process: prints its own CPU time (user, system; µs) on stderr at exit. */
const CPU_REPORTER = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('escalint-bench-cpu '+u.user+' '+u.system+'\\n')})`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => n.toLocaleString('en');

export async function run({ log = () => {}, codexSample = CODEX_SAMPLE } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'escalint-bench-e2e-'));
  try {
    const { rules, yaml } = makeRuleSet();
    const commands = makeCommands();
    const rulesYaml = join(dir, 'rules.yaml');
    const cmdsTxt = join(dir, 'cmds.txt');
    writeFileSync(rulesYaml, yaml);
    writeFileSync(cmdsTxt, commands.join('\n') + '\n');

    // The same rules as Codex reads them.
    const loaded = await loadRuleFiles([rulesYaml]);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (loaded.fatal || errors.length > 0) throw new Error(`the generated rule set does not load: ${errors[0]?.message ?? 'fatal'}`);
    const emitted = emitRulesFile({ rules: loaded.ruleSet.rules, hostExecutables: loaded.ruleSet.hostExecutables });
    if (emitted.problems.length > 0) throw new Error(`cannot emit .rules: ${emitted.problems[0].message}`);
    const rulesFile = join(dir, 'rules.rules');
    writeFileSync(rulesFile, emitted.text);

    // 1. escalint: one process, whole wall time; output to a file as a user would redirect it.
    const escalintMs = [];
    const escalintCpuMs = [];
    let outBytes = 0;
    let escalintJson;
    for (let k = 0; k < ESCALINT_RUNS; k++) {
      const outFile = join(dir, 'out.json');
      const fd = openSync(outFile, 'w');
      const t0 = process.hrtime.bigint();
      const p = spawnSync(process.execPath, ['--import', CPU_REPORTER, join(root, 'bin/escalint.js'), 'test', 'rules.yaml', '--commands', 'cmds.txt', '--format', 'json'], { cwd: dir, stdio: ['ignore', fd, 'pipe'] });
      escalintMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      closeSync(fd);
      if (p.status !== 0) throw new Error(`escalint test exited ${p.status}: ${String(p.stderr).slice(0, 300)}`);
      const cpu = /escalint-bench-cpu (\d+) (\d+)/.exec(String(p.stderr));
      if (cpu) escalintCpuMs.push((Number(cpu[1]) + Number(cpu[2])) / 1000);
      outBytes = statSync(outFile).size;
      if (k === 0) escalintJson = JSON.parse(readFileSync(outFile, 'utf8'));
    }
    if (escalintJson.length !== commands.length) throw new Error(`escalint test printed ${escalintJson.length} results for ${commands.length} commands`);
    const escalintTotalMs = median(escalintMs);
    const load = loadavg()[0].toFixed(1);
    const segmentsTotal = escalintJson.reduce((n, x) => n + x.segments.length, 0);
    const result = {
      loadAverage: Number(load),
      cpus: cpus().length,
      rules: rules.length,
      commands: commands.length,
      segments: segmentsTotal,
      escalintProcessMs: Math.round(escalintTotalMs),
      escalintRunsMs: escalintMs.map(Math.round),
      escalintCpuMs: escalintCpuMs.length ? Math.round(median(escalintCpuMs)) : null,
      escalintOutputBytes: outBytes,
    };
    log(`escalint test: 1 process, ${fmt(rules.length)} rules, ${fmt(commands.length)} commands (${fmt(segmentsTotal)} segments), ${(escalintTotalMs / 1000).toFixed(2)} s wall (median of ${ESCALINT_RUNS}: ${escalintMs.map((m) => (m / 1000).toFixed(2)).join(', ')} s; ${result.escalintCpuMs === null ? '?' : (result.escalintCpuMs / 1000).toFixed(2)} s CPU), ${(outBytes / 1e6).toFixed(1)} MB of JSON; load average ${load} on ${cpus().length} CPUs`);

    // 3. In-process segment evaluations per second.
    const evaluator = new Evaluator(loaded.ruleSet, { cwd: dir });
    let segs = 0;
    for (const c of commands) segs += evaluator.evaluate(c).segments.length; // warm-up pass
    let evaluated = 0;
    let passes = 0;
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < 2e9 || passes < 2) {
      for (const c of commands) evaluated += evaluator.evaluate(c).segments.length;
      passes++;
      elapsed = Number(process.hrtime.bigint() - t0);
    }
    const segmentsPerSecond = Math.round(evaluated / (elapsed / 1e9));
    const cpu = process.cpuUsage(cpu0);
    const segmentsPerCpuSecond = Math.round(evaluated / ((cpu.user + cpu.system) / 1e6));
    Object.assign(result, {
      segmentsPerPass: segs,
      inProcessPasses: passes,
      segmentEvaluationsPerSecond: segmentsPerSecond,
      segmentEvaluationsPerCpuSecond: segmentsPerCpuSecond,
      commandsPerSecond: Math.round((passes * commands.length) / (elapsed / 1e9)),
      segmentTarget: 50000,
      meetsSegmentTarget: segmentsPerSecond >= 50000,
    });
    log(`Evaluator.evaluate in-process: ${fmt(segmentsPerSecond)} segment evaluations/s wall, ${fmt(segmentsPerCpuSecond)} per CPU-second (${fmt(result.commandsPerSecond)} commands/s, full view and Codex view each; target 50,000 segments/s: ${result.meetsSegmentTarget ? 'met' : 'MISSED'})`);

    // 2. Codex: one process per argv of its own split, sequentially, on an evenly spread sample.
    const bin = process.env.ESCALINT_CODEX_BIN;
    if (!bin || codexSample <= 0) {
      log('codex execpolicy check: SKIPPED (set ESCALINT_CODEX_BIN to the codex 0.169.0 native binary; .ci/run installs it)');
      result.codex = 'skipped';
      return result;
    }
    const env = { ...process.env, HOME: dir, CODEX_HOME: join(dir, '.codex') };
    delete env.RUST_BACKTRACE;
    const step = commands.length / codexSample;
    const rank = { allow: 0, prompt: 1, forbidden: 2 };
    let calls = 0;
    let disagreements = 0;
    let codexNs = 0;
    for (let s = 0; s < codexSample; s++) {
      const k = Math.floor(s * step);
      const argvs = codexSplit(['/bin/bash', '-lc', commands[k]]).commands;
      let decision = null;
      for (const argv of argvs) {
        const t = process.hrtime.bigint();
        const out = execFileSync(bin, ['execpolicy', 'check', '--rules', rulesFile, '--resolve-host-executables', '--', ...argv], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        codexNs += Number(process.hrtime.bigint() - t);
        calls++;
        const d = JSON.parse(out).decision ?? null;
        if (d !== null && (decision === null || rank[d] > rank[decision])) decision = d;
      }
      if (decision !== escalintJson[k].codex.decision) disagreements++;
    }
    const codexSampleMs = codexNs / 1e6;
    const codexTotalMs = (codexSampleMs * commands.length) / codexSample;
    Object.assign(result, {
      codexBinary: bin,
      codexSampleCommands: codexSample,
      codexSampleCalls: calls,
      codexMsPerCall: Math.round((codexSampleMs / calls) * 100) / 100,
      codexExtrapolatedMs: Math.round(codexTotalMs),
      speedup: Math.round(codexTotalMs / escalintTotalMs),
      speedupTarget: 100,
      meetsSpeedupTarget: codexTotalMs / escalintTotalMs >= 100,
      codexDecisionDisagreements: disagreements,
    });
    log(`codex execpolicy check: ${codexSample} commands sampled = ${calls} processes (one per argv of Codex's split), ${result.codexMsPerCall} ms each; 10,000 commands extrapolated to ${(codexTotalMs / 1000).toFixed(1)} s`);
    log(`total: escalint ${(escalintTotalMs / 1000).toFixed(2)} s vs codex ${(codexTotalMs / 1000).toFixed(1)} s = ${fmt(result.speedup)}x (target 100x: ${result.meetsSpeedupTarget ? 'met' : 'MISSED'}); ${disagreements} Codex-decision disagreements on the sample`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function summary(r) {
  const codex = r.codex === 'skipped' ? 'codex skipped (no ESCALINT_CODEX_BIN)' : `codex ${(r.codexExtrapolatedMs / 1000).toFixed(1)} s extrapolated, ${fmt(r.speedup)}x`;
  return `test-e2e: ${fmt(r.commands)} commands × ${fmt(r.rules)} rules in one escalint process ${(r.escalintProcessMs / 1000).toFixed(2)} s; ${codex}; ${fmt(r.segmentEvaluationsPerSecond)} segment evaluations/s in-process`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await run({ log: (line) => console.log(line) });
  console.log(JSON.stringify(result, null, 2));
}
