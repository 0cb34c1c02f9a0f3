import { ineffectiveRule } from '../../src/checks/ineffective-rule.js';
import { runCheckTable } from './check-tester.js';

runCheckTable(ineffectiveRule, {
  valid: [
    // The normal shape: a broader permission with a stricter exception.
    '- pattern: [git]\n  decision: allow\n- pattern: [git, push]\n  decision: forbidden',
    '- pattern: [git, push]\n  decision: prompt\n- pattern: [git]\n  decision: allow',
    // Same decision: redundant-rule's.
    '- pattern: [git]\n  decision: prompt\n- pattern: [git, status]\n  decision: prompt',
    // The stricter rule covers only part of the alternatives.
    '- pattern: [git, push]\n  decision: prompt\n- pattern: [git, [push, status]]\n  decision: allow',
    // A longer stricter rule does not cover a shorter allow.
    '- pattern: [rm, -rf, /]\n  decision: forbidden\n- pattern: [rm, -rf]\n  decision: prompt',
    // A program path is not covered by a rule on its basename, nor the other way round.
    '- pattern: [git]\n  decision: prompt\n- pattern: [/usr/bin/git, status]\n  decision: allow',
    '- pattern: [/usr/bin/git]\n  decision: prompt\n- pattern: [git, status]\n  decision: allow',
    // An exact stricter rule does not cover a canonical allow (GIT STATUS escapes it).
    '- pattern: [git]\n  decision: prompt\n- pattern: [git, status]\n  decision: allow\n  canonical_matching: true',
  ],
  invalid: [
    {
      code: '- pattern: [git]\n  decision: prompt\n- pattern: [git, status]\n  decision: allow',
      errors: [
        {
          messageId: 'ineffective',
          line: 3,
          column: 12,
          related: [1],
          data: { decision: 'allow', pattern: '["git", "status"]', otherDecision: 'prompt', other: '["git"]', where: 'earlier' },
        },
      ],
      output: '- pattern: [git]\n  decision: prompt',
    },
    {
      // Order does not matter: the strictest decision wins wherever it is.
      code: '- pattern: [git, push]\n  decision: allow\n- id: no-push\n  pattern: [git, [push, fetch]]\n  decision: forbidden\n  justification: No network',
      errors: [{ messageId: 'ineffective', line: 1, column: 12, related: [4], data: { otherDecision: 'forbidden', other: '"no-push" ["git", ["push", "fetch"]]', where: 'later' } }],
      output: '- id: no-push\n  pattern: [git, [push, fetch]]\n  decision: forbidden\n  justification: No network',
    },
    {
      // Same pattern, two decisions: the weaker one never decides.
      code: '- pattern: [rm, -rf]\n  decision: prompt\n- pattern: [rm, -rf]\n  decision: forbidden\n  justification: Use trash',
      errors: [{ messageId: 'ineffective', line: 1, column: 12, related: [3] }],
      output: '- pattern: [rm, -rf]\n  decision: forbidden\n  justification: Use trash',
    },
    {
      // prompt under forbidden too; an implicit allow under prompt; names the rule that stays.
      code:
        '- pattern: [docker]\n  decision: forbidden\n' +
        '- pattern: [docker, run]\n  decision: prompt\n' +
        '- pattern: [docker, run, --rm]',
      errors: [
        { messageId: 'ineffective', line: 3, column: 12, related: [1], data: { decision: 'prompt' } },
        { messageId: 'ineffective', line: 5, column: 12, related: [1], data: { decision: 'allow' } },
      ],
      output: '- pattern: [docker]\n  decision: forbidden',
    },
    {
      // A canonical stricter rule covers the exact allow with the same tokens.
      code: '- pattern: [git, push]\n  decision: allow\n- pattern: [GIT, PUSH]\n  decision: prompt\n  canonical_matching: true',
      errors: [{ messageId: 'ineffective', line: 1, column: 12, related: [3] }],
      output: '- pattern: [GIT, PUSH]\n  decision: prompt\n  canonical_matching: true',
    },
    {
      // Head alternatives: every head must be covered.
      code: '- pattern: [[bash, sh, zsh]]\n  decision: prompt\n- pattern: [[sh, bash], -lc, cd app && npm test]\n  decision: allow',
      errors: [{ messageId: 'ineffective', line: 3, column: 12, related: [1] }],
      output: '- pattern: [[bash, sh, zsh]]\n  decision: prompt',
    },
    {
      // With examples: reported, not removed.
      code: '- pattern: [curl]\n  decision: prompt\n- pattern: [curl, -s]\n  decision: allow\n  match: [curl -s example.com]',
      errors: [{ messageId: 'ineffective', line: 3, column: 12, related: [1] }],
    },
  ],
});
