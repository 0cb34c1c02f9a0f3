import { codexScriptGap } from '../../src/checks/codex-script-gap.js';
import { runCheckTable } from './check-tester.js';

const gapRule = '- pattern: [[bash, zsh, sh], [-lc, -c]]\n  decision: prompt\n  justification: "Codex checks scripts it cannot split as one command; review them"';

runCheckTable(codexScriptGap, {
  valid: [
    '- pattern: [git, status]\n  decision: allow\n- pattern: [ls]\n  decision: allow',
    `- pattern: [rm, -rf]\n  decision: forbidden\n  justification: use trash\n${gapRule}`,
    // Rules on /bin/bash etc. match through basename fallback too; forbidden covers as well as prompt.
    '- pattern: [[bash, zsh, sh]]\n  decision: forbidden\n  justification: no shells\n- pattern: [git, push]\n  decision: prompt',
  ],
  invalid: [
    {
      code: '- pattern: [git, status]\n  decision: allow\n- pattern: [rm, -rf]\n  decision: forbidden\n  justification: use trash\n- pattern: [git, push]\n  decision: prompt',
      errors: [
        {
          messageId: 'gap',
          line: 3,
          column: 12,
          data: { uncovered: '/bin/bash -lc …', example: 'rm -rf' },
          suggestions: [`- pattern: [git, status]\n  decision: allow\n- pattern: [rm, -rf]\n  decision: forbidden\n  justification: use trash\n${gapRule}\n- pattern: [git, push]\n  decision: prompt`],
        },
        { messageId: 'gap', line: 6, column: 12, suggestions: [] },
      ],
    },
    {
      // Only bash is covered: zsh and sh scripts still slip through.
      code: '- pattern: [bash, [-lc, -c]]\n  decision: prompt\n- pattern: [touch]\n  decision: forbidden\n  justification: read-only task',
      errors: [{ messageId: 'gap', line: 3, column: 12, data: { uncovered: '/bin/zsh -lc …' } }],
    },
    {
      // A host_executable entry that leaves /bin/bash out disables basename fallback for it.
      code: 'version: 1\nrules:\n  - pattern: [[bash, zsh, sh], [-lc, -c]]\n    decision: prompt\n  - pattern: [rm]\n    decision: forbidden\n    justification: x\nhost_executables:\n  - name: bash\n    paths: [/opt/homebrew/bin/bash]\n',
      errors: [{ messageId: 'gap', line: 5, column: 14, data: { uncovered: '/bin/bash -lc …' } }],
    },
  ],
});
