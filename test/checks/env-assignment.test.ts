import { envAssignment } from '../../src/checks/env-assignment.js';
import { runCheckTable } from './check-tester.js';

runCheckTable(envAssignment, {
  valid: ['- pattern: [env, FOO=1, make]\n  decision: prompt', '- pattern: [make, CC=clang]\n  decision: allow', '- pattern: ["=x"]\n  decision: allow'],
  invalid: [
    {
      code: '- pattern: [RUST_LOG=debug, cargo, test]\n  decision: allow',
      errors: [
        {
          messageId: 'assignment',
          line: 1,
          column: 12,
          data: { token: 'RUST_LOG=debug', suggested: '["cargo", "test"]' },
          suggestions: ['- pattern: [cargo, test]\n  decision: allow'],
        },
      ],
    },
    {
      code: '- pattern: [A=1, B=2, ls]\n  decision: allow',
      errors: [{ messageId: 'assignment', line: 1, column: 12, suggestions: ['- pattern: [ls]\n  decision: allow'] }],
    },
    { code: '- pattern: [FOO=bar]\n  decision: forbidden\n  justification: x', errors: [{ messageId: 'onlyAssignments', line: 1, column: 12 }] },
  ],
});
