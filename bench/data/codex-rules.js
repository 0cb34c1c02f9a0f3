// Deterministic rule files grown the way Codex grows ~/.codex/rules/default.rules: one
// `prefix_rule(pattern=[…], decision="allow")` line appended per "don't ask again" approval. Most
// lines are over-specific whole commands (`["cargo","test","-p","codex-app-server"]`,
// `["/bin/bash","-lc","cd app && npm test"]`), some are categorical (`["git","status"]`), the same
// command is approved again with other arguments, and now and then exactly again (a duplicate). A
// few hand-written prompt/forbidden rules sit at the top, as people add them. The same rules can be
// written as a .rules file or as escalint YAML. Seeded, so every run and every test sees the same
// file; nothing large is committed. Plain Node ESM, no dependencies (bench/checks.js, tests).
import { rng } from './agent-commands.js';

const CRATES = ['codex-core', 'codex-app-server', 'codex-cli', 'codex-exec', 'codex-tui', 'execpolicy', 'mcp-types', 'protocol'];
const SCRIPTS = ['test', 'build', 'lint', 'dev', 'typecheck', 'format', 'e2e', 'bench'];
const DIRS = ['app', 'web', 'packages/core', 'crates/cli', 'services/api', 'docs', 'scripts', 'sdk/typescript'];
const FILES = ['src/main.rs', 'src/lib.rs', 'src/index.ts', 'README.md', 'package.json', 'Cargo.toml', 'app.py', 'tests/test_api.py'];
const WORDS = ['fix', 'parser', 'handle', 'empty', 'input', 'add', 'tests', 'heredoc', 'bump', 'deps', 'cli', 'flags'];
const BRANCHES = ['main', 'feature/parse', 'fix/quoting', 'release-1.2'];

/** Hand-written rules people put at the top (prompt/forbidden exceptions, a broad read-only allow). */
const HEADER = [
  { pattern: ['git', ['push', 'fetch', 'pull']], decision: 'prompt', justification: 'Network access; review the remote first' },
  { pattern: ['rm', '-rf'], decision: 'forbidden', justification: 'Use `trash` instead.' },
  { pattern: ['git', ['status', 'log', 'diff', 'show']], decision: 'allow' },
  { pattern: ['ls'], decision: 'allow' },
  { pattern: ['docker'], decision: 'prompt', justification: 'Containers can reach the host' },
];

/** Categorical rules Codex proposes when the model follows its guidance. */
const CATEGORICAL = [
  ['git', 'status'], ['git', 'log'], ['git', 'diff'], ['git', 'add'], ['git', 'commit'], ['cargo', 'test'], ['cargo', 'build'],
  ['cargo', 'clippy'], ['npm', 'test'], ['npm', 'run'], ['pnpm', 'install'], ['rg'], ['sed', '-n'], ['gh', 'pr', 'view'], ['gh', 'pr', 'checks'],
  ['python3', '-m', 'pytest'], ['just', 'fmt'], ['make', 'test'], ['go', 'test'], ['docker', 'compose', 'ps'],
];

/** One approved command, as Codex writes it: the whole argv. */
function wholeCommand(r, n) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const num = () => String(1 + Math.floor(r() * 400));
  const id = () => `${n % 997}`; // many distinct values, as real files have
  switch (Math.floor(r() * 14)) {
    case 0: return ['cargo', 'test', '-p', pick(CRATES)];
    case 1: return ['cargo', 'test', '-p', pick(CRATES), '--', `${pick(WORDS)}_${id()}`];
    case 2: return ['npm', 'run', pick(SCRIPTS)];
    case 3: return ['npm', 'run', pick(SCRIPTS), '--', `--filter=${pick(WORDS)}${id()}`];
    case 4: return ['/bin/bash', '-lc', `cd ${pick(DIRS)} && npm ${pick(SCRIPTS)}`];
    case 5: return ['/bin/zsh', '-lc', `cd ${pick(DIRS)} && cargo test -p ${pick(CRATES)} ${pick(WORDS)}${id()}`];
    case 6: return ['sed', '-n', `${num()},${num()}p`, pick(FILES)];
    case 7: return ['rg', '-n', `${pick(WORDS)}_${id()}`, pick(DIRS)];
    case 8: return ['git', 'commit', '-m', `${pick(WORDS)} ${pick(WORDS)} ${id()}`];
    case 9: return ['git', 'push', 'origin', pick(BRANCHES)];
    case 10: return ['python3', '-m', 'pytest', `${pick(DIRS)}/${pick(FILES)}`, '-k', `${pick(WORDS)}${id()}`];
    case 11: return ['gh', 'pr', 'view', num(), '--json', 'title,body'];
    case 12: return ['docker', 'compose', 'up', '-d', pick(WORDS)];
    default: return ['git', 'diff', `${pick(BRANCHES)}...HEAD`, '--', `${pick(DIRS)}/${pick(FILES)}`];
  }
}

/**
 * `count` rules in file order: the hand-written header, then approvals: about 15% categorical,
 * 7% exact repeats of an earlier line, the rest whole commands (repeats with other arguments come
 * from the generator's small vocabularies).
 */
export function codexRules(count, seed = 169) {
  const r = rng(seed);
  const rules = HEADER.slice(0, count).map((h) => ({ ...h }));
  while (rules.length < count) {
    const x = r();
    if (x < 0.07 && rules.length > HEADER.length) rules.push({ ...rules[HEADER.length + Math.floor(r() * (rules.length - HEADER.length))] });
    else if (x < 0.22) rules.push({ pattern: [...CATEGORICAL[Math.floor(r() * CATEGORICAL.length)]], decision: 'allow' });
    else rules.push({ pattern: wholeCommand(r, rules.length), decision: 'allow' });
  }
  return rules;
}

const str = (s) => JSON.stringify(s); // valid in Starlark and in YAML flow style for these strings
const list = (p) => `[${p.map((e) => (typeof e === 'string' ? str(e) : list(e))).join(', ')}]`;

/** As Codex writes default.rules: one prefix_rule call per line. */
export function toRulesText(rules) {
  return (
    rules
      .map((rule) => {
        const j = rule.justification === undefined ? '' : `, justification=${str(rule.justification)}`;
        return `prefix_rule(pattern=${list(rule.pattern)}, decision=${str(rule.decision)}${j})`;
      })
      .join('\n') + '\n'
  );
}

/** The same rules as an escalint YAML rule file. */
export function toYamlText(rules) {
  const lines = ['version: 1', 'rules:'];
  for (const rule of rules) {
    lines.push(`  - pattern: ${list(rule.pattern)}`, `    decision: ${rule.decision}`);
    if (rule.justification !== undefined) lines.push(`    justification: ${str(rule.justification)}`);
  }
  return lines.join('\n') + '\n';
}
