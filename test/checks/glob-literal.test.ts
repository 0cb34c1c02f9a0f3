import { globLiteral } from '../../src/checks/glob-literal.js';
import { runCheckTable } from './check-tester.js';

runCheckTable(globLiteral, {
  valid: ['- pattern: [rm, -i]\n  decision: allow', '- pattern: ["[", -f]\n  decision: allow', '- pattern: [git, log, --pretty=format:%h]\n  decision: allow'],
  invalid: [
    {
      code: '- pattern: [rm, "*.tmp"]\n  decision: allow',
      errors: [{ messageId: 'glob', line: 1, column: 12, data: { token: '*.tmp', suggested: '["rm"]' }, suggestions: ['- pattern: [rm]\n  decision: allow'] }],
    },
    {
      code: '- pattern: [ls, [src, "docs/*"], -l]\n  decision: allow',
      errors: [{ messageId: 'glob', line: 1, column: 12, suggestions: ['- pattern: [ls]\n  decision: allow'] }],
    },
    { code: '- pattern: ["python*"]\n  decision: forbidden\n  justification: none', errors: [{ messageId: 'globHead', line: 1, column: 12 }] },
  ],
});
