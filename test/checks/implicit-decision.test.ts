import { describe, expect, it } from 'vitest';
import { implicitDecision } from '../../src/checks/implicit-decision.js';
import { runCheckTable } from './check-tester.js';
import { ruleSetOf, runCheck, span } from './helpers.js';

const at = (text: string, needle: string) => {
  const s = span(text, needle);
  return `${s.start}-${s.end}`;
};

const yaml = `version: 1
rules:
  - pattern: [git, status]
    decision: allow
  - id: gh-checks
    pattern: [gh, pr, checks]
  - pattern: [ls]
`;

const starlark = `prefix_rule(pattern = ["git", "status"], decision = "prompt")
prefix_rule(pattern = ["ls"])
`;

describe('implicit-decision', () => {
  it('is quiet when every rule has a decision', () => {
    const set = ruleSetOf([{ path: 'a.yaml', text: yaml, rules: [{ at: '[git, status]', pattern: ['git', 'status'], decision: 'allow' }] }]);
    expect(runCheck(implicitDecision, set)).toEqual([]);
  });

  it('reports each YAML rule without decision at its pattern, naming its id', () => {
    const set = ruleSetOf([
      {
        path: 'a.yaml',
        text: yaml,
        rules: [
          { at: '[git, status]', pattern: ['git', 'status'], decision: 'allow' },
          { at: '[gh, pr, checks]', pattern: ['gh', 'pr', 'checks'], id: 'gh-checks' },
          { at: '[ls]', pattern: ['ls'] },
        ],
      },
    ]);
    expect(runCheck(implicitDecision, set)).toEqual([
      `yaml@a.yaml:${at(yaml, '[gh, pr, checks]')}: rule "gh-checks" has no decision; Codex treats it as "allow": write decision: allow explicitly`,
      `yaml@a.yaml:${at(yaml, '[ls]')}: rule has no decision; Codex treats it as "allow": write decision: allow explicitly`,
    ]);
  });

  it('speaks Starlark for a .rules file', () => {
    const set = ruleSetOf([
      {
        path: 'default.rules',
        text: starlark,
        rules: [
          { at: '["git", "status"]', pattern: ['git', 'status'], decision: 'prompt' },
          { at: '["ls"]', pattern: ['ls'] },
        ],
      },
    ]);
    expect(runCheck(implicitDecision, set)).toEqual([
      `rules@default.rules:${at(starlark, '["ls"]')}: prefix_rule has no decision; Codex treats it as "allow": write decision="allow" explicitly`,
    ]);
  });
});

runCheckTable(implicitDecision, {
  valid: ['- pattern: [git, status]\n  decision: allow', '- pattern: [rm]\n  decision: forbidden\n  justification: use trash'],
  invalid: [
    {
      code: '- pattern: [git, status]\n  decision: allow\n- id: gh-checks\n  pattern: [gh, pr, checks]\n- pattern: [ls]',
      errors: [
        { messageId: 'yaml', line: 4, column: 12, data: { name: ' "gh-checks"' } },
        { messageId: 'yaml', line: 5, column: 12, data: { name: '' } },
      ],
      rulesMessageIds: { yaml: 'rules' },
    },
  ],
});
