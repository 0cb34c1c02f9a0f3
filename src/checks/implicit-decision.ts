// A rule without `decision`: Codex's prefix_rule defaults decision to "allow"
// (reference/codex-0.169.md §1.2), so an omitted decision silently grants. Saying so explicitly
// makes the grant reviewable.
import { defineCheck } from './define.js';

export const implicitDecision = defineCheck({
  id: 'implicit-decision',
  meta: {
    description: 'a rule without decision, which Codex treats as allow',
    docs:
      'Codex gives a prefix_rule without a decision the decision "allow". A reader of the file can easily ' +
      'take a rule without a decision for a prompt or a forbidden one. Write the decision explicitly: ' +
      'decision: allow in YAML, decision="allow" in a .rules file.',
    defaultSeverity: 'warn',
    messages: {
      yaml: 'rule{{name}} has no decision; Codex treats it as "allow": write decision: allow explicitly',
      rules: 'prefix_rule{{name}} has no decision; Codex treats it as "allow": write decision="allow" explicitly',
    },
  },
  run(ctx) {
    const kinds = new Map(ctx.ruleSet.files.map((f) => [f.path, f.kind]));
    for (const rule of ctx.ruleSet.rules) {
      if (rule.decisionExplicit) continue;
      ctx.report({
        messageId: kinds.get(rule.patternSource.file) === 'rules' ? 'rules' : 'yaml',
        data: { name: rule.id === null ? '' : ` "${rule.id}"` },
        at: rule.patternSource,
      });
    }
  },
});
