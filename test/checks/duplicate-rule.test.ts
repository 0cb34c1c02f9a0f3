import { duplicateRule } from '../../src/checks/duplicate-rule.js';
import { runCheckTable } from './check-tester.js';

runCheckTable(duplicateRule, {
  valid: [
    '- pattern: [git, status]\n  decision: allow\n- pattern: [git, log]\n  decision: allow',
    // Same pattern, other decision: the weaker one is ineffective-rule's, not a duplicate.
    '- pattern: [git, push]\n  decision: allow\n- pattern: [git, push]\n  decision: prompt',
    // A broader rule with the same decision: redundant-rule's.
    '- pattern: [git]\n  decision: allow\n- pattern: [git, status]\n  decision: allow',
    // canonical_matching is part of the identity.
    '- pattern: [git, status]\n  decision: allow\n- pattern: [git, status]\n  decision: allow\n  canonical_matching: true',
    // A program path and its basename are different rules (basename fallback only runs when nothing matched the path).
    '- pattern: [/usr/bin/git, status]\n  decision: allow\n- pattern: [git, status]\n  decision: allow',
    // Case matters without canonical_matching.
    '- pattern: [git, status]\n  decision: allow\n- pattern: [GIT, status]\n  decision: allow',
    // A longer pattern is narrower, not the same.
    '- pattern: [cargo, test]\n  decision: allow\n- pattern: [cargo, test, -p]\n  decision: prompt',
  ],
  invalid: [
    {
      code: '- pattern: [git, status]\n  decision: allow\n- pattern: [git, log]\n  decision: allow\n- pattern: [git, status]\n  decision: allow',
      errors: [{ messageId: 'duplicate', line: 5, column: 12, related: [1], data: { pattern: '["git", "status"]', decision: 'allow', other: '' } }],
      output: '- pattern: [git, status]\n  decision: allow\n- pattern: [git, log]\n  decision: allow',
    },
    {
      // Order and repeats of alternatives do not matter to Codex, nor [x] against x.
      code:
        '- pattern: [git, [status, log]]\n  decision: allow\n' +
        '- pattern: [git, [log, status, log]]\n  decision: allow\n' +
        '- pattern: [npm, [test]]\n  decision: allow\n' +
        '- pattern: [npm, test]\n  decision: allow',
      errors: [
        { messageId: 'duplicate', line: 3, column: 12, related: [1] },
        { messageId: 'duplicate', line: 7, column: 12, related: [5] },
      ],
      output: '- pattern: [git, [status, log]]\n  decision: allow\n- pattern: [npm, [test]]\n  decision: allow',
    },
    {
      // Every copy names the first one; --fix keeps only it.
      code:
        '- id: first\n  pattern: [cargo, test, -p, x]\n  decision: allow\n' +
        '- pattern: [cargo, test, -p, x]\n  decision: allow\n' +
        '- pattern: [cargo, test, -p, x]\n  decision: allow',
      errors: [
        { messageId: 'duplicate', line: 4, column: 12, related: [2], data: { other: ' "first"' } },
        { messageId: 'duplicate', line: 6, column: 12, related: [2] },
      ],
      output: '- id: first\n  pattern: [cargo, test, -p, x]\n  decision: allow',
    },
    {
      // Implicit allow is allow.
      code: '- pattern: [ls]\n  decision: allow\n- pattern: [ls]',
      errors: [{ messageId: 'duplicate', line: 3, column: 12, related: [1] }],
      output: '- pattern: [ls]\n  decision: allow',
    },
    {
      // A copy without a justification loses nothing.
      code: '- pattern: [rm, -rf]\n  decision: forbidden\n  justification: Use trash\n- pattern: [rm, -rf]\n  decision: forbidden',
      errors: [{ messageId: 'duplicate', line: 4, column: 12, related: [1] }],
      output: '- pattern: [rm, -rf]\n  decision: forbidden\n  justification: Use trash',
    },
    {
      // A copy with its own justification is still a duplicate, but --fix would drop text Codex shows.
      code: '- pattern: [rm, -rf]\n  decision: forbidden\n  justification: Use trash\n- pattern: [rm, -rf]\n  decision: forbidden\n  justification: Never',
      errors: [{ messageId: 'justification', line: 4, column: 12, related: [1] }],
    },
    {
      // Examples are tests the user wrote: no automatic removal.
      code: '- pattern: [git, status]\n  decision: allow\n- pattern: [git, status]\n  decision: allow\n  match: [git status -s]',
      errors: [{ messageId: 'duplicate', line: 3, column: 12, related: [1] }],
    },
    {
      code: '- pattern: [git, status]\n  decision: allow\n  canonical_matching: true\n- pattern: [git, status]\n  decision: allow\n  canonical_matching: true',
      errors: [{ messageId: 'duplicate', line: 4, column: 12, related: [1] }],
      output: '- pattern: [git, status]\n  decision: allow\n  canonical_matching: true',
    },
    {
      // First-position alternatives too.
      code: '- pattern: [[bash, sh], -lc]\n  decision: prompt\n- pattern: [[sh, bash], -lc]\n  decision: prompt',
      errors: [{ messageId: 'duplicate', line: 3, column: 12, related: [1] }],
      output: '- pattern: [[bash, sh], -lc]\n  decision: prompt',
    },
  ],
});
