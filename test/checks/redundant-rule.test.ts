import { redundantRule } from '../../src/checks/redundant-rule.js';
import { runCheckTable } from './check-tester.js';

runCheckTable(redundantRule, {
  valid: [
    '- pattern: [git, status]\n  decision: allow\n- pattern: [git, log]\n  decision: allow',
    // A broader weaker rule never makes a narrower stricter one redundant: the normal exception.
    '- pattern: [git]\n  decision: allow\n- pattern: [git, push]\n  decision: forbidden',
    // Exact copies are duplicate-rule's.
    '- pattern: [git, status]\n  decision: allow\n- pattern: [git, status]\n  decision: allow',
    // The broader rule is stricter: ineffective-rule's.
    '- pattern: [git]\n  decision: prompt\n- pattern: [git, status]\n  decision: allow',
    // Alternatives only partly covered.
    '- pattern: [git, [status, log]]\n  decision: allow\n- pattern: [git, [status, push]]\n  decision: allow',
    // A longer rule never covers a shorter one (and the shorter one here is weaker).
    '- pattern: [git, status, -s]\n  decision: forbidden\n- pattern: [git, status]\n  decision: allow',
    // A program path and its basename: the path rule matches first and stops basename fallback.
    '- pattern: [git]\n  decision: allow\n- pattern: [/usr/bin/git, status]\n  decision: allow',
    '- pattern: [/usr/bin/git]\n  decision: allow\n- pattern: [git, status]\n  decision: allow',
    // An exact rule does not cover a canonical one (it misses GIT STATUS).
    '- pattern: [git]\n  decision: allow\n- pattern: [git, status]\n  decision: allow\n  canonical_matching: true',
    // Case matters without canonical_matching.
    '- pattern: [Git]\n  decision: allow\n- pattern: [git, status]\n  decision: allow',
    // A canonical head caselessly equal but not equal, with its own host_executable allowlist:
    // `/usr/local/bin/git status` falls back to `git` and reaches the exact rule but not the canonical one.
    'version: 1\nhost_executables:\n  - name: GIT\n    paths: [/usr/bin/GIT]\nrules:\n  - pattern: [GIT]\n    decision: allow\n    canonical_matching: true\n  - pattern: [git, status]\n    decision: allow\n',
  ],
  invalid: [
    {
      code: '- pattern: [git]\n  decision: allow\n- pattern: [git, status]\n  decision: allow',
      errors: [{ messageId: 'redundant', line: 3, column: 12, related: [1], data: { pattern: '["git", "status"]', other: '["git"]', where: 'earlier', decision: 'allow' } }],
      output: '- pattern: [git]\n  decision: allow',
    },
    {
      // The covering rule comes later: still the narrower one is reported.
      code: '- pattern: [cargo, test, -p, codex-app-server]\n  decision: allow\n- id: cargo\n  pattern: [cargo, [test, build]]\n  decision: allow',
      errors: [{ messageId: 'redundant', line: 1, column: 12, related: [4], data: { other: '"cargo" ["cargo", ["test", "build"]]', where: 'later' } }],
      output: '- id: cargo\n  pattern: [cargo, [test, build]]\n  decision: allow',
    },
    {
      // Alternatives: covered by a superset at the same position, and by a shorter prefix.
      code:
        '- pattern: [git, [status, log, diff]]\n  decision: allow\n' +
        '- pattern: [git, [log, status]]\n  decision: allow\n' +
        '- pattern: [git, status, -s]\n  decision: allow\n' +
        '- pattern: [[git, hg], status]\n  decision: allow',
      errors: [
        { messageId: 'redundant', line: 3, column: 12, related: [1] },
        { messageId: 'redundant', line: 5, column: 12, related: [1] },
      ],
      output: '- pattern: [git, [status, log, diff]]\n  decision: allow\n- pattern: [[git, hg], status]\n  decision: allow',
    },
    {
      // A chain names the rule that stays, so removing every finding keeps the decisions.
      code:
        '- pattern: [npm, run, test]\n  decision: prompt\n' +
        '- pattern: [npm, run]\n  decision: prompt\n' +
        '- pattern: [npm]\n  decision: prompt',
      errors: [
        { messageId: 'redundant', line: 1, column: 12, related: [5] },
        { messageId: 'redundant', line: 3, column: 12, related: [5] },
      ],
      output: '- pattern: [npm]\n  decision: prompt',
    },
    {
      // An exact rule is covered by a canonical rule with the same tokens (which matches more), wherever it is.
      code: '- pattern: [git, status]\n  decision: allow\n- pattern: [git, Status]\n  decision: allow\n  canonical_matching: true',
      errors: [{ messageId: 'redundant', line: 1, column: 12, related: [3], data: { other: '["git", "Status"] (canonical_matching)' } }],
      output: '- pattern: [git, Status]\n  decision: allow\n  canonical_matching: true',
    },
    {
      // Canonical rules that are caselessly equal cover each other: the later one goes.
      code: '- pattern: [git, STATUS]\n  decision: forbidden\n  canonical_matching: true\n- pattern: [Git, status]\n  decision: forbidden\n  canonical_matching: true',
      errors: [{ messageId: 'redundant', line: 4, column: 12, related: [1] }],
      output: '- pattern: [git, STATUS]\n  decision: forbidden\n  canonical_matching: true',
    },
    {
      // A rule with examples is reported but not removed by --fix.
      code: '- pattern: [ls]\n  decision: allow\n- pattern: [ls, -la]\n  decision: allow\n  match: [ls -la src]',
      errors: [{ messageId: 'redundant', line: 3, column: 12, related: [1] }],
    },
    {
      // Path rules cover path rules with the same path.
      code: '- pattern: [/bin/bash, -lc]\n  decision: prompt\n- pattern: [/bin/bash, -lc, cd app && npm test]\n  decision: prompt',
      errors: [{ messageId: 'redundant', line: 3, column: 12, related: [1] }],
      output: '- pattern: [/bin/bash, -lc]\n  decision: prompt',
    },
  ],
});
