import { describe, expect, it } from 'vitest';
import { arbitraryCode } from '../../src/checks/arbitrary-code.js';
import { dangerousAllow } from '../../src/checks/dangerous-allow.js';
import { CODEX_BANNED_PREFIXES } from '../../src/knowledge/codex-banned.js';
import { loadStarlarkRuleFile } from '../../src/rules/starlark.js';
import { loadYamlRuleFile } from '../../src/rules/yaml.js';
import type { RuleSet } from '../../src/types.js';
import { findings, runCheckTable, toRulesText } from './check-tester.js';

function ruleSet(path: string, text: string): RuleSet {
  const r = path.endsWith('.rules') ? loadStarlarkRuleFile(path, text) : loadYamlRuleFile(path, text);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { rules: r.rules, hostExecutables: r.hostExecutables, networkRules: r.networkRules, settings: r.settings, files: [{ path, text: r.text, kind: path.endsWith('.rules') ? 'rules' : 'yaml' }] };
}

describe("Codex's banned prefixes", () => {
  // Codex refuses to persist these as allow rules (reference/codex-0.169.md §4); each one, written
  // as an allow rule by hand, must be reported: `rm` as destructive, every other one as running code.
  it.each(CODEX_BANNED_PREFIXES.map((p) => [p.join(' '), p] as const))('reports an allow rule on "%s"', (_, prefix) => {
    const yaml = ruleSet('banned.yaml', `version: 1\nrules:\n  - pattern: ${JSON.stringify(prefix)}\n    decision: allow\n`);
    const rules = ruleSet('banned.rules', toRulesText(yaml));
    const [reporting, silent] = prefix[0] === 'rm' ? [dangerousAllow, arbitraryCode] : [arbitraryCode, dangerousAllow];
    for (const set of [yaml, rules]) {
      expect(findings(reporting, set).map((d) => d.check)).toEqual([reporting.id]);
      expect(findings(silent, set)).toEqual([]);
    }
  });
});

runCheckTable(arbitraryCode, {
  valid: [
    // Well-scoped rules people write every day.
    '- pattern: [git, status]\n  decision: allow',
    '- pattern: [git, [status, log, diff]]\n  decision: allow',
    '- pattern: [git, -C, sub, status]\n  decision: allow',
    '- pattern: [npm, test]\n  decision: allow',
    '- pattern: [npm, run, build]\n  decision: allow',
    '- pattern: [npm, [install, ci]]\n  decision: allow',
    '- pattern: [cargo, test]\n  decision: allow',
    '- pattern: [go, test]\n  decision: allow',
    '- pattern: [pytest]\n  decision: allow',
    '- pattern: [python3, -m, pytest]\n  decision: allow',
    '- pattern: [python3, scripts/gen.py]\n  decision: allow',
    '- pattern: [[python3, node], --version]\n  decision: allow',
    '- pattern: [node, --test]\n  decision: allow',
    '- pattern: [terraform, plan]\n  decision: allow',
    '- pattern: [gh, pr, checks]\n  decision: allow',
    '- pattern: [ls]\n  decision: allow',
    '- pattern: [rg]\n  decision: allow',
    '- pattern: [make, test]\n  decision: allow',
    '- pattern: [make]\n  decision: allow',
    '- pattern: [bash, scripts/ci.sh]\n  decision: allow',
    '- pattern: [npx, prettier]\n  decision: allow',
    '- pattern: [uv, run, pytest]\n  decision: allow',
    '- pattern: [env, CI=1, npm, test]\n  decision: allow',
    '- pattern: [timeout, "60", cargo, test]\n  decision: allow',
    '- pattern: [docker, [ps, build]]\n  decision: allow',
    '- pattern: [docker, exec, web, ls]\n  decision: allow',
    '- pattern: [kubectl, get]\n  decision: allow',
    '- pattern: [watch, -x, kubectl, get, pods]\n  decision: allow',
    '- pattern: [awk, "{print $1}"]\n  decision: allow',
    '- pattern: [psql, -l]\n  decision: allow',
    // find's -exec can come after any expression: no prefix rule could keep it out (see docs).
    '- pattern: [find, ., -name, "*.ts"]\n  decision: allow',
    // Prompt and forbidden rules on code runners are what a careful file does.
    '- pattern: [[bash, zsh, sh], [-lc, -c]]\n  decision: prompt',
    '- pattern: [python3]\n  decision: forbidden\n  justification: use the project scripts',
    // Every command line it admits is stopped by a stricter rule (ineffective-rule reports the allow).
    '- pattern: [npm, run]\n  decision: allow\n- pattern: [npm]\n  decision: prompt',
    // Names that are members of Object.prototype are no program.
    '- pattern: [[toString, constructor, __proto__]]\n  decision: allow',
  ],
  invalid: [
    {
      code: '- pattern: [python3]\n  decision: allow',
      errors: [{ messageId: 'narrow', line: 1, column: 12, data: { example: "python3 -c '…'", narrower: '["python3", "-m", "pytest"]' } }],
    },
    {
      // Alternatives in the first position and in later ones.
      code: '- pattern: [[python, python3]]\n  decision: allow\n- pattern: [python3, [-m, -c]]\n  decision: allow\n- pattern: [python3, -m]\n  decision: allow',
      errors: [
        { messageId: 'narrow', line: 1, column: 12, data: { example: "python -c '…'" } },
        { messageId: 'narrow', line: 3, column: 12, data: { example: "python3 -c '…'" } },
        { messageId: 'narrow', line: 5, column: 12, data: { example: 'python3 -m timeit' } },
      ],
    },
    {
      // A canonical rule matches `python3 -c` whatever the case it is written in.
      code: '- pattern: [PYTHON3, -C]\n  decision: allow\n  canonical_matching: true',
      errors: [{ messageId: 'narrow', line: 1, column: 12, data: { example: "PYTHON3 -C '…'" } }],
    },
    {
      // Paths, versioned names and interpreter flags before the code option.
      code: '- pattern: [/usr/bin/python3.12, -u]\n  decision: allow',
      errors: [{ messageId: 'narrow', line: 1, column: 12, data: { example: "/usr/bin/python3.12 -u -c '…'" } }],
    },
    {
      code: '- pattern: [git]\n  decision: allow\n- pattern: [git, -C, repo]\n  decision: allow',
      errors: [
        { messageId: 'narrow', line: 1, column: 12, data: { example: "git -c alias.x='!…' x", narrower: '["git", "status"]' } },
        { messageId: 'narrow', line: 3, column: 12, data: { example: "git -C repo -c alias.x='!…' x" } },
      ],
    },
    {
      code: '- pattern: [npm, run]\n  decision: allow\n- pattern: [uv, run, python]\n  decision: allow',
      errors: [
        { messageId: 'narrow', line: 1, column: 12, data: { example: 'npm run SCRIPT', narrower: '["npm", "test"]' } },
        { messageId: 'narrow', line: 3, column: 12, data: { example: "uv run python -c '…'", narrower: '["uv", "run", "python", "-m", "pytest"]' } },
      ],
    },
    {
      // Wrappers: the command after them is anything.
      code: '- pattern: [sudo]\n  decision: allow\n- pattern: [env, FOO=1]\n  decision: allow\n- pattern: [sudo, python3]\n  decision: allow\n- pattern: [find, ., -exec]\n  decision: allow',
      errors: [
        { messageId: 'narrowAny', line: 1, column: 12, data: { example: "sudo sh -c '…'" } },
        { messageId: 'narrowAny', line: 3, column: 12, data: { example: "env FOO=1 sh -c '…'" } },
        { messageId: 'narrow', line: 5, column: 12, data: { example: "sudo python3 -c '…'", narrower: '["sudo", "python3", "-m", "pytest"]' } },
        { messageId: 'narrowAny', line: 7, column: 12, data: { example: "find . -exec sh -c '…'" } },
      ],
    },
    {
      // Shells, with the script left open; the rule Codex itself would write for `bash -lc`.
      code: '- pattern: [/bin/zsh, -lc]\n  decision: allow\n- pattern: [pwsh, -NoProfile]\n  decision: allow',
      errors: [
        { messageId: 'narrowAny', line: 1, column: 12, data: { example: "/bin/zsh -lc '…'" } },
        { messageId: 'narrowAny', line: 3, column: 12, data: { example: "pwsh -NoProfile -c '…'" } },
      ],
    },
    {
      // No longer pattern helps where the rest of the line is a script.
      code: '- pattern: [ssh, build-host, uptime]\n  decision: allow\n- pattern: [watch, kubectl, get, pods]\n  decision: allow',
      errors: [
        { messageId: 'prompt', line: 1, column: 12, data: { example: 'ssh build-host uptime …' } },
        { messageId: 'prompt', line: 3, column: 12, data: { example: 'watch kubectl get pods …' } },
      ],
    },
    {
      // The file's own forbidden rule stops `python3 -c`, not the other spellings.
      code: '- pattern: [python3]\n  decision: allow\n- pattern: [python3, -c]\n  decision: forbidden\n  justification: use scripts',
      errors: [{ messageId: 'narrow', line: 1, column: 12, data: { example: "python3 -Bc '…'" } }],
    },
    {
      // Without a decision, Codex allows.
      code: '- pattern: [node]',
      errors: [{ messageId: 'narrow', line: 1, column: 12, data: { example: "node -e '…'" } }],
    },
  ],
});
