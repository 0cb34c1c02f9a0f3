import { absolutePath } from '../../src/checks/absolute-path.js';
import { runCheckTable } from './check-tester.js';

runCheckTable(absolutePath, {
  valid: [
    '- pattern: [git, status]\n  decision: allow',
    '- pattern: [[git, /usr/bin/git], push]\n  decision: prompt',
    '- pattern: [/bin/bash, -lc, "cd app && make"]\n  decision: allow',
    '- pattern: [./gradlew, build]\n  decision: allow',
  ],
  invalid: [
    {
      code: '- pattern: [/usr/bin/git, status]\n  decision: allow',
      errors: [
        {
          messageId: 'allow',
          line: 1,
          column: 12,
          data: { path: '/usr/bin/git', name: 'git', suggested: '["git", "status"]' },
          suggestions: ['- pattern: [git, status]\n  decision: allow'],
        },
      ],
    },
    {
      code: '- pattern: [[/bin/rm, /usr/bin/rm], -rf]\n  decision: forbidden\n  justification: use trash',
      errors: [{ messageId: 'strict', line: 1, column: 12, data: { decision: 'forbidden' }, suggestions: ['- pattern: [rm, -rf]\n  decision: forbidden\n  justification: use trash'] }],
    },
  ],
});
