// Deterministic generators of realistic agent shell commands for bench/parse.js: git, npm, cargo
// and docker pipelines, heredoc commits, `$(…)`, long `&&` chains, and long scripts of many such
// lines. Seeded, so every run parses the same text; nothing large is committed.

/** mulberry32: a small seeded PRNG (deterministic across runs and platforms). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIRS = ['src', 'src/shell', 'test/fixtures', 'packages/core', 'crates/cli', 'web/app', 'docs', 'scripts'];
const FILES = ['index.ts', 'main.rs', 'lib.rs', 'README.md', 'package.json', 'Cargo.toml', 'app.py', 'config.yaml'];
const WORDS = ['fix', 'parser', 'handle', 'empty', 'input', 'add', 'tests', 'for', 'heredoc', 'bump', 'deps', 'refactor', 'cli', 'flags', 'docs'];
const BRANCHES = ['main', 'feature/parse', 'fix/quoting', 'release-1.2'];
const IMAGES = ['node:20', 'rust:1.80', 'python:3.12-slim', 'postgres:16'];

function pick(r, xs) {
  return xs[Math.floor(r() * xs.length)];
}
function msg(r, n = 3 + Math.floor(r() * 6)) {
  return Array.from({ length: n }, () => pick(r, WORDS)).join(' ');
}
function path(r) {
  return `${pick(r, DIRS)}/${pick(r, FILES)}`;
}

const TEMPLATES = [
  (r) => `git status --short && git diff --stat ${pick(r, BRANCHES)}`,
  (r) => `git add ${path(r)} && git commit -m "${msg(r)}"`,
  (r) => `git commit -F - <<'EOF'\n${msg(r)}\n\n${msg(r, 12)}\n${msg(r, 10)}\nEOF`,
  (r) => `git log --oneline -n ${1 + Math.floor(r() * 30)} | cat`,
  (r) => `git checkout -b ${pick(r, BRANCHES)} && git push -u origin HEAD`,
  (r) => `cd ${pick(r, DIRS)} && npm ci && npm test -- --reporter=dot 2>&1 | tail -n 50`,
  (r) => `npm run build && node dist/${pick(r, FILES)} --help`,
  (r) => `cargo build --release 2>&1 | grep -E '^(warning|error)' | head -${10 + Math.floor(r() * 40)}`,
  (r) => `cargo test -p ${pick(r, ['core', 'cli', 'parser'])} -- --nocapture 2>&1 | tail -100`,
  (r) => `docker run --rm -v "$PWD":/src -w /src ${pick(r, IMAGES)} sh -c 'npm ci && npm test'`,
  (r) => `docker ps --format '{{.Names}}' | grep ${pick(r, WORDS)} | xargs -r docker stop`,
  (r) => `docker compose logs --tail=200 ${pick(r, ['api', 'db', 'worker'])} 2>&1 | grep -i error || true`,
  (r) => `rg -n "${pick(r, WORDS)}" ${pick(r, DIRS)} | wc -l`,
  (r) => `find . -name '*.ts' -not -path './node_modules/*' | xargs grep -l "${pick(r, WORDS)}" | head`,
  (r) => `for f in $(ls ${pick(r, DIRS)}/*.ts); do echo "$f"; wc -l "$f"; done`,
  (r) => `SHA=$(git rev-parse HEAD) && echo "build \${SHA:0:7} at $(date -u +%Y-%m-%dT%H:%M:%SZ)"`,
  (r) => `python3 - <<'PY'\nimport json, sys\ndata = json.load(open("${path(r)}"))\nprint(len(data))\nPY`,
  (r) => `if [ -f package.json ]; then npm run ${pick(r, ['build', 'lint', 'test'])}; else echo "no package.json"; fi`,
  (r) => `sed -i 's/${pick(r, WORDS)}/${pick(r, WORDS)}/g' ${path(r)} && git diff -- ${path(r)}`,
  (r) => `mkdir -p ${pick(r, DIRS)} && cat > ${path(r)} <<EOF\n# ${msg(r)}\ngenerated on $(date)\nEOF`,
  (r) => `export NODE_ENV=production PORT=${3000 + Math.floor(r() * 100)} && npm start &`,
  (r) => `ls -la ${pick(r, DIRS)} && cat ${path(r)} | head -n 40`,
  (r) => `test -d node_modules || npm install --no-audit --no-fund`,
  (r) => `jq -r '.dependencies | keys[]' package.json | sort | uniq -c | sort -rn | head`,
  (r) => `curl -fsSL https://example.com/${pick(r, WORDS)}.json -o /tmp/out.json && jq . /tmp/out.json`,
  (r) => `echo "$(( ${Math.floor(r() * 100)} + 1 ))" > /tmp/n && cat /tmp/n`,
];

/** One realistic agent command. */
export function agentCommand(r) {
  return pick(r, TEMPLATES)(r);
}

/** A long `&&` chain of `n` commands (agents like to chain a whole task). */
export function andChain(r, n) {
  return Array.from({ length: n }, () => agentCommand(r).replace(/\n/g, ' ').replace(/<<'?EOF'?.*/, 'true')).join(' && ');
}

/** `count` realistic commands: mostly single templates, some long `&&` chains. */
export function generateAgentCommands(count, seed = 169) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < count; i++) out.push(r() < 0.15 ? andChain(r, 5 + Math.floor(r() * 15)) : agentCommand(r));
  return out;
}

/** A long script of realistic lines, at most `chars` UTF-16 units, ending at a whole line. */
export function generateScript(chars, seed = 2025) {
  const r = rng(seed);
  const lines = [];
  let length = 0;
  for (;;) {
    const line = agentCommand(r);
    if (length + line.length + 1 > chars) break;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}
