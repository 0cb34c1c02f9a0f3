import { missingJustification } from '../../src/checks/missing-justification.js';
import { runCheckTable } from './check-tester.js';

runCheckTable(missingJustification, {
  valid: [
    '- pattern: [rm, -rf]\n  decision: forbidden\n  justification: Use `trash` instead.',
    '- pattern: [git, push]\n  decision: prompt',
    '- pattern: [ls]\n  decision: allow',
  ],
  invalid: [
    {
      code: '- pattern: [ls]\n  decision: allow\n- pattern: [git, push, --force]\n  decision: forbidden',
      errors: [{ messageId: 'yaml', line: 3, column: 12, data: { pattern: '["git", "push", "--force"]' } }],
      rulesMessageIds: { yaml: 'rules' },
    },
  ],
});
