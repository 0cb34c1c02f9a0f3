// An allow rule that admits a destructive command line: `[rm]` admits `rm -rf`, `[git, push]`
// admits `git push --force`, `[kubectl, delete]`, `[terraform, destroy]`, `[sudo, rm]` … A rule
// matches every command that starts with its tokens (reference/codex-0.169.md §2), so the
// question is whether the destructive form can follow the rule's tokens or is among them. Rules
// that already run arbitrary code are arbitrary-code's finding (which says more), not repeated
// here. The forms are in src/knowledge/destructive.ts. A command line that a prompt or forbidden
// rule of the file stops anyway does not count (`allow [git, push]` next to `forbidden [git, push,
// --force]` is reported with `git push -f`, which that rule misses; covering every spelling
// silences it).
import { allowRisks } from '../engine/admits.js';
import { defineCheck } from './define.js';
import { patternLabel } from './edits.js';

export const dangerousAllow = defineCheck({
  id: 'dangerous-allow',
  meta: {
    description: 'an allow rule that admits a destructive command line',
    docs:
      'A rule matches every command that starts with its tokens: an allow rule on `rm` also allows `rm -rf ~`, ' +
      'one on `git push` allows `git push --force`, one on `rm -rf node_modules` allows `rm -rf node_modules ~`. ' +
      'Make such a rule a prompt rule, or narrow it where a narrower command is what you meant (`[terraform, plan]`). ' +
      'The forms it knows are in src/knowledge/destructive.ts (recursive rm, forced git push, git reset --hard, ' +
      'git clean -f, dd, mkfs, disk partitioning, kubectl delete, helm uninstall, terraform destroy and apply ' +
      '-auto-approve, cloud deletions …). Options that a program accepts anywhere among its arguments ' +
      '(`git push origin main --force`) are beyond what a prefix rule can keep out and are not reported. Command ' +
      'lines that a prompt or forbidden rule of the file stops anyway do not count. Rules that run arbitrary code ' +
      'are left to arbitrary-code.',
    defaultSeverity: 'error',
    messages: {
      narrow: 'allow rule {{pattern}} admits a destructive command, e.g. `{{example}}` ({{reason}}); make it a prompt rule, or narrow it, e.g. {{narrower}}',
      prompt: 'allow rule {{pattern}} admits a destructive command, e.g. `{{example}}` ({{reason}}); make it a prompt rule',
    },
  },
  run(ctx) {
    // Rules that run arbitrary code are arbitrary-code's finding (allowRisks leaves `destroy` unset).
    for (const { rule, destroy: hit } of allowRisks(ctx.ruleSet)) {
      if (hit === undefined) continue;
      const data = { pattern: patternLabel(rule.pattern), example: hit.example, reason: hit.reason };
      // A usual narrower command (`[terraform, plan]`) is offered for a rule on the bare program only.
      if (hit.narrower && hit.closable && rule.pattern.length === 1) ctx.report({ messageId: 'narrow', data: { ...data, narrower: patternLabel(hit.narrower) }, at: rule.patternSource });
      else ctx.report({ messageId: 'prompt', data, at: rule.patternSource });
    }
  },
});
