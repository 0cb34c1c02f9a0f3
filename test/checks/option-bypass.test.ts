import { optionBypass } from '../../src/checks/option-bypass.js';
import { runCheckTable } from './check-tester.js';

const gitCover = (decision: string) =>
  `- pattern: [git, [-C, -c, --git-dir, --work-tree, --namespace, --config-env]]\n  decision: ${decision}\n  justification: "Options before the git sub-command would slip past ${decision} rules on it"`;

runCheckTable(optionBypass, {
  valid: [
    // Allow rules that an option slips past just do not apply: nothing is let through.
    '- pattern: [git, push]\n  decision: allow',
    // Covered: a rule with the same decision on the program followed by those options.
    `- pattern: [git, push]\n  decision: forbidden\n  justification: open a pull request\n${gitCover('forbidden')}`,
    // A prompt rule on the options covers a forbidden rule too: the command reaches a person.
    `- pattern: [npm, publish]\n  decision: forbidden\n  justification: releases go through CI\n- pattern: [npm, [--prefix, -C, --workspace, -w, --userconfig, --registry]]\n  decision: prompt`,
    // Covered by a stricter rule on the whole program.
    '- pattern: [kubectl, delete]\n  decision: prompt\n- pattern: [kubectl]\n  decision: forbidden\n  justification: read-only session',
    // Values written in one word: a rule naming the values in use counts as covering.
    '- pattern: [terraform, destroy]\n  decision: prompt\n- pattern: [terraform, "-chdir=infra", destroy]\n  decision: prompt',
    // Not a rule on a sub-command.
    '- pattern: [git, -c]\n  decision: prompt',
    '- pattern: [git]\n  decision: prompt',
    // A program without options before its sub-commands (in the table).
    '- pattern: [rm, -rf]\n  decision: forbidden\n  justification: use trash',
    '- pattern: [ls, -la]\n  decision: prompt',
  ],
  invalid: [
    {
      code: '- pattern: [git, push]\n  decision: forbidden\n  justification: open a pull request',
      errors: [
        {
          messageId: 'bypass',
          line: 1,
          column: 12,
          data: {
            example: 'git -C x push',
            subcommand: 'push',
            options: '"-C", "-c", "--git-dir", "--work-tree", "--namespace", "--config-env"',
            cover: '["git", ["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--config-env"]]',
          },
          suggestions: [`- pattern: [git, push]\n  decision: forbidden\n  justification: open a pull request\n${gitCover('forbidden')}`],
        },
      ],
    },
    {
      // A prompt rule covers a forbidden one (the command reaches a person); the options it leaves out do not.
      code: '- pattern: [git, push]\n  decision: forbidden\n  justification: open a pull request\n- pattern: [git, [-C, -c, --git-dir, --work-tree]]\n  decision: prompt\n- pattern: [git, [reset, clean]]\n  decision: prompt',
      errors: [
        { messageId: 'bypass', line: 1, column: 12, data: { options: '"--namespace", "--config-env"' } },
        { messageId: 'bypass', line: 6, column: 12, data: { example: 'git --namespace x reset', options: '"--namespace", "--config-env"', cover: '["git", ["--namespace", "--config-env"]]' } },
      ],
    },
    {
      // One suggestion per program and decision: applying both would add the same rule twice.
      code: '- pattern: [kubectl, delete]\n  decision: prompt\n- pattern: [kubectl, drain]\n  decision: prompt',
      errors: [
        { messageId: 'bypass', line: 1, column: 12, data: { example: 'kubectl -n x delete' } },
        { messageId: 'bypass', line: 3, column: 12, data: { example: 'kubectl -n x drain' }, suggestions: [] },
      ],
    },
    {
      code: '- pattern: [npm, publish]\n  decision: forbidden\n  justification: releases go through CI\n- pattern: [docker, [run, exec]]\n  decision: prompt',
      errors: [
        { messageId: 'bypass', line: 1, column: 12, data: { example: 'npm --prefix x publish' } },
        { messageId: 'bypass', line: 4, column: 12, data: { example: 'docker --context x run', subcommand: 'run' } },
      ],
    },
    {
      // The toolchain spelling comes first; the usual ones are in the suggested rule.
      code: '- pattern: [cargo, publish]\n  decision: forbidden\n  justification: releases go through CI',
      errors: [
        {
          messageId: 'bypass',
          line: 1,
          column: 12,
          data: { example: 'cargo +nightly publish', cover: '["cargo", ["+stable", "+beta", "+nightly", "-C", "--config", "-Z", "--color"]]' },
        },
      ],
    },
    {
      code: '- pattern: [terraform, destroy]\n  decision: forbidden\n  justification: infrastructure changes go through CI',
      errors: [
        {
          messageId: 'bypassAttached',
          line: 1,
          column: 12,
          data: { example: 'terraform -chdir=infra destroy', option: '-chdir=infra', cover: '["terraform", "-chdir=infra", "destroy"]' },
        },
      ],
    },
    {
      // gh accepts -R before the sub-commands, and a path or another head reads the same.
      code: '- pattern: [[gh, /usr/local/bin/gh], pr, merge]\n  decision: prompt',
      errors: [{ messageId: 'bypass', line: 1, column: 12, data: { example: 'gh --repo x pr merge' } }],
    },
  ],
});
