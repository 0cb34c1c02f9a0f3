// A forbidden rule without a justification. Codex's refusal then says only "policy forbids
// commands starting with `…`" (reference/codex-0.169.md §3); a reason tells the person and the
// model what to do instead, so the agent does not retry the same thing in another spelling.
import { defineCheck } from './define.js';
import { fileKind, patternLabel } from './edits.js';

export const missingJustification = defineCheck({
  id: 'missing-justification',
  meta: {
    description: 'a forbidden rule without a justification',
    docs:
      'When Codex refuses a command it shows the rule\'s justification to the user and the model; without one it ' +
      'says only "policy forbids commands starting with …", and the agent tends to retry the same thing another ' +
      'way. Say why and what to do instead, e.g. justification: Use `trash` instead.',
    defaultSeverity: 'warn',
    messages: {
      yaml: 'forbidden rule {{pattern}} has no justification; say why and what to use instead (justification: …), Codex shows it to the model',
      rules: 'forbidden prefix_rule {{pattern}} has no justification; say why and what to use instead (justification="…"), Codex shows it to the model',
    },
  },
  run(ctx) {
    for (const rule of ctx.ruleSet.rules) {
      if (rule.decision !== 'forbidden' || rule.justification !== undefined) continue;
      ctx.report({ messageId: fileKind(ctx.ruleSet, rule), data: { pattern: patternLabel(rule.pattern) }, at: rule.patternSource });
    }
  },
});
