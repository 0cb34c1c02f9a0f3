import { dangerousAllow } from '../../src/checks/dangerous-allow.js';
import { runCheckTable } from './check-tester.js';

runCheckTable(dangerousAllow, {
  valid: [
    '- pattern: [git, status]\n  decision: allow',
    '- pattern: [git, [status, log, diff]]\n  decision: allow',
    '- pattern: [npm, test]\n  decision: allow',
    '- pattern: [cargo, test]\n  decision: allow',
    '- pattern: [pytest]\n  decision: allow',
    '- pattern: [ls]\n  decision: allow',
    '- pattern: [rg]\n  decision: allow',
    '- pattern: [terraform, plan]\n  decision: allow',
    '- pattern: [gh, pr, checks]\n  decision: allow',
    '- pattern: [kubectl, get]\n  decision: allow',
    '- pattern: [helm, list]\n  decision: allow',
    '- pattern: [docker, ps]\n  decision: allow',
    '- pattern: [aws, s3, ls]\n  decision: allow',
    '- pattern: [gcloud, compute, instances, list]\n  decision: allow',
    '- pattern: [chmod, +x]\n  decision: allow',
    '- pattern: [find, ., -name, "*.log"]\n  decision: allow',
    // A dry run changes nothing.
    '- pattern: [git, push, --dry-run]\n  decision: allow',
    '- pattern: [git, clean, -n]\n  decision: allow',
    // The refspec is fixed; a later `--force` is out of reach of any prefix rule (see docs).
    '- pattern: [git, push, origin, main]\n  decision: allow',
    '- pattern: [rm, build/out.txt]\n  decision: allow',
    // Prompt and forbidden rules on destructive commands are what a careful file does.
    '- pattern: [rm, -rf]\n  decision: forbidden\n  justification: use trash',
    '- pattern: [git, push]\n  decision: prompt',
    '- pattern: [terraform, destroy]\n  decision: forbidden\n  justification: infrastructure changes go through CI',
    // Every command line it admits is stopped by a stricter rule (ineffective-rule reports the allow).
    '- pattern: [rm, -rf, node_modules]\n  decision: allow\n- pattern: [rm]\n  decision: prompt',
    // Rules that run any code are arbitrary-code's finding, not repeated here.
    '- pattern: [git]\n  decision: allow',
    '- pattern: [sudo]\n  decision: allow',
  ],
  invalid: [
    {
      code: '- pattern: [rm]\n  decision: allow\n- pattern: [rm, -rf, node_modules]\n  decision: allow',
      errors: [
        { messageId: 'prompt', line: 1, column: 12, data: { example: 'rm -rf' } },
        { messageId: 'prompt', line: 3, column: 12, data: { example: 'rm -rf node_modules …' } },
      ],
    },
    {
      code: '- pattern: [git, push]\n  decision: allow\n- pattern: [git, push, origin]\n  decision: allow\n- pattern: [git, -C, repo, push, --force-with-lease]\n  decision: allow',
      errors: [
        { messageId: 'prompt', line: 1, column: 12, data: { example: 'git push --force' } },
        { messageId: 'prompt', line: 3, column: 12, data: { example: 'git push origin +main' } },
        { messageId: 'prompt', line: 5, column: 12, data: { example: 'git -C repo push --force-with-lease' } },
      ],
    },
    {
      code: '- pattern: [git, reset]\n  decision: allow\n- pattern: [git, clean, -fd]\n  decision: allow',
      errors: [
        { messageId: 'prompt', line: 1, column: 12, data: { example: 'git reset --hard' } },
        { messageId: 'prompt', line: 3, column: 12, data: { example: 'git clean -fd' } },
      ],
    },
    {
      // Global options before the sub-command do not hide it.
      code: '- pattern: [kubectl, -n, prod, delete]\n  decision: allow\n- pattern: [helm, uninstall]\n  decision: allow',
      errors: [
        { messageId: 'prompt', line: 1, column: 12, data: { example: 'kubectl -n prod delete' } },
        { messageId: 'prompt', line: 3, column: 12, data: { example: 'helm uninstall' } },
      ],
    },
    {
      code: '- pattern: [terraform]\n  decision: allow\n- pattern: [terraform, apply]\n  decision: allow',
      errors: [
        { messageId: 'narrow', line: 1, column: 12, data: { example: 'terraform destroy', narrower: '["terraform", "plan"]' } },
        { messageId: 'prompt', line: 3, column: 12, data: { example: 'terraform apply -auto-approve' } },
      ],
    },
    {
      // Through a wrapper, and a find action.
      code: '- pattern: [sudo, rm]\n  decision: allow\n- pattern: [find, ., -delete]\n  decision: allow\n- pattern: [xargs, rm, -rf]\n  decision: allow',
      errors: [
        { messageId: 'prompt', line: 1, column: 12, data: { example: 'sudo rm -rf' } },
        { messageId: 'prompt', line: 3, column: 12, data: { example: 'find . -delete' } },
        { messageId: 'prompt', line: 5, column: 12, data: { example: 'xargs rm -rf' } },
      ],
    },
    {
      code: '- pattern: [dd]\n  decision: allow\n- pattern: [mkfs.ext4]\n  decision: allow\n- pattern: [docker, system, prune]\n  decision: allow\n- pattern: [aws, s3, [ls, rm]]\n  decision: allow',
      errors: [
        { messageId: 'prompt', line: 1, column: 12, data: { example: 'dd' } },
        { messageId: 'prompt', line: 3, column: 12, data: { example: 'mkfs.ext4 /dev/sda' } },
        { messageId: 'prompt', line: 5, column: 12, data: { example: 'docker system prune' } },
        { messageId: 'prompt', line: 7, column: 12, data: { example: 'aws s3 rm' } },
      ],
    },
    {
      // The file forbids one spelling of a force push; the finding names one that gets through.
      code: '- pattern: [git, push]\n  decision: allow\n- pattern: [git, push, --force]\n  decision: forbidden\n  justification: no force pushes',
      errors: [{ messageId: 'prompt', line: 1, column: 12, data: { example: 'git push -f' } }],
    },
    {
      // Every force option is forbidden, but a `+` refspec still force-pushes.
      code: '- pattern: [git, push]\n  decision: allow\n- pattern: [git, push, [--force, -f, --force-with-lease, --force-if-includes, --mirror, --delete, -d, --prune]]\n  decision: forbidden\n  justification: no force pushes',
      errors: [{ messageId: 'prompt', line: 1, column: 12, data: { example: 'git push origin +main' } }],
    },
    {
      // canonical_matching: `RM -RF` matches `rm -rf`.
      code: '- pattern: [RM, -RF]\n  decision: allow\n  canonical_matching: true',
      errors: [{ messageId: 'prompt', line: 1, column: 12, data: { example: 'RM -RF' } }],
    },
  ],
});
