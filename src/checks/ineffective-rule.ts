// A rule that can never change a decision because a rule with a stricter decision matches every
// command it matches: Codex takes the strictest decision among all matches
// (reference/codex-0.169.md §2), so `allow ["git", "status"]` under `prompt ["git"]` never allows
// anything. The reverse is the normal shape and is not reported: `allow ["git"]` with
// `forbidden ["git", "push"]` carves a stricter exception out of a broader permission.
// Coverage comes from src/engine/rule-coverage.ts (shared with duplicate-rule and redundant-rule).
import { ruleCoverage } from '../engine/rule-coverage.js';
import type { Rule } from '../types.js';
import { defineCheck } from './define.js';
import { patternLabel, removeRuleEdit } from './edits.js';

const label = (rule: Rule) =>
  `${rule.id === null ? '' : `"${rule.id}" `}${patternLabel(rule.pattern)}${rule.canonicalMatching ? ' (canonical_matching)' : ''}`;

export const ineffectiveRule = defineCheck({
  id: 'ineffective-rule',
  meta: {
    description: 'a rule that a broader rule with a stricter decision always overrides',
    docs:
      'Codex applies the strictest decision among all matching rules. When a rule with a stricter decision ' +
      'matches every command another rule matches (allow ["git", "status"] under prompt ["git"], prompt ' +
      '["rm", "-rf"] under forbidden ["rm"]), the weaker rule never decides anything: the commands it was ' +
      'meant to allow still ask. Remove it, or narrow the stricter rule if those commands should get the weaker ' +
      'decision. A narrower stricter rule under a broader weaker one (allow ["git"], forbidden ["git", "push"]) ' +
      'is the normal way to make exceptions and is not reported. --fix removes the rule (it never widens a ' +
      'permission), unless it carries match/not_match examples.',
    defaultSeverity: 'warn',
    messages: {
      ineffective:
        '{{decision}} rule {{pattern}} never takes effect: every command it matches also matches the {{where}} {{otherDecision}} rule {{other}}, and the strictest decision wins; remove it, or narrow {{other}}',
    },
  },
  run(ctx) {
    for (const f of ruleCoverage(ctx.ruleSet).findings) {
      if (f.kind !== 'ineffective') continue;
      const { rule, other } = f;
      const otherLabel = label(other);
      const edit = rule.match.length > 0 || rule.notMatch.length > 0 ? undefined : removeRuleEdit(ctx.ruleSet, rule);
      ctx.report({
        messageId: 'ineffective',
        data: {
          decision: rule.decision,
          pattern: patternLabel(rule.pattern),
          otherDecision: other.decision,
          other: otherLabel,
          where: other.index < rule.index ? 'earlier' : 'later',
        },
        at: rule.patternSource,
        related: [{ ...other.patternSource, message: `the stricter rule ${otherLabel}` }],
        ...(edit ? { fix: [edit] } : {}),
      });
    }
  },
});
