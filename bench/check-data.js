// Generates large, realistic escalint rule files for bench/check.js: a deterministic mix of the
// rule shapes people write (program + subcommand, alternatives, flags, ids, justifications, a few
// match/not_match examples), every rule distinct. Plain Node ESM, no dependencies.

import { rng as prng } from './data/agent-commands.js';

const SUBCOMMANDS = ['status', 'log', 'diff', 'push', 'pull', 'install', 'run', 'build', 'test', 'show', 'list', 'view'];
const FLAGS = ['-v', '--dry-run', '-n', '--all', '--json', '-q'];
const DECISIONS = ['allow', 'allow', 'allow', 'prompt', 'forbidden'];

/** YAML text of a rule file with `count` rules (seeded, so every run lints the same file). */
export function generateRuleFile(count, seed = 20250) {
  const rand = prng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const lines = ['# yaml-language-server: $schema=../schemas/escalint.schema.json', 'version: 1', 'rules:'];
  for (let i = 0; i < count; i++) {
    const program = `tool${i}`; // distinct heads keep every rule distinct
    const sub = pick(SUBCOMMANDS);
    const shape = rand();
    let pattern;
    let example = null;
    if (shape < 0.25) {
      pattern = `[${program}, [${sub}, ${pick(SUBCOMMANDS)}]]`;
    } else if (shape < 0.5) {
      pattern = `[${program}, ${sub}, "${pick(FLAGS)}"]`;
    } else {
      pattern = `[${program}, ${sub}]`;
      if (rand() < 0.2) example = `${program} ${sub} x`;
    }
    const decision = pick(DECISIONS);
    if (rand() < 0.3) lines.push(`  - id: rule-${i}`, `    pattern: ${pattern}`);
    else lines.push(`  - pattern: ${pattern}`);
    lines.push(`    decision: ${decision}`);
    if (decision !== 'allow' || rand() < 0.3) lines.push(`    justification: "Reviewed use of ${program} ${sub}"`);
    if (example) lines.push(`    match: ["${example}"]`, `    not_match: ["${program} other"]`);
  }
  lines.push('settings:', '  codex_version: "0.169.0"', '');
  return lines.join('\n');
}
