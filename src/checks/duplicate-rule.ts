// A rule identical to an earlier one: the same pattern (position by position the same set of
// alternatives; Codex ignores their order and repeats), the same decision and the same
// canonical_matching. Codex reports both and decides the same with either, so the later copy
// only adds noise; `default.rules` collects these whenever an approval is given twice.
// The justification is not part of the identity: a copy that differs only there is still a
// duplicate, but `--fix` keeps it (removing it would drop text Codex shows the model), and the
// message asks to merge the two. The analysis is shared with redundant-rule and ineffective-rule
// (src/engine/rule-coverage.ts): a copy of a rule that a stricter rule covers is reported as
// ineffective instead.
import { ruleCoverage } from '../engine/rule-coverage.js';
import { defineCheck } from './define.js';
import { patternLabel, removeRuleEdit } from './edits.js';

export const duplicateRule = defineCheck({
  id: 'duplicate-rule',
  meta: {
    description: 'a rule identical to an earlier one (same pattern, decision and canonical_matching)',
    docs:
      'Two rules with the same pattern (the same alternatives at each position, in any order), the same ' +
      'decision and the same canonical_matching decide exactly the same commands; the later copy changes ' +
      'nothing but the list of matches Codex reports. Codex appends a rule to default.rules for every "don\'t ' +
      'ask again", so copies pile up. Remove the later copy; --fix does, unless the copy carries its own ' +
      'justification or match/not_match examples, which would be lost. The finding names the earlier rule.',
    defaultSeverity: 'warn',
    messages: {
      duplicate: 'rule {{pattern}} repeats the earlier rule{{other}} with the same decision "{{decision}}"; remove this copy',
      justification:
        'rule {{pattern}} repeats the earlier rule{{other}} with the same decision "{{decision}}" but its own justification; keep one justification on the earlier rule and remove this copy',
    },
  },
  run(ctx) {
    for (const f of ruleCoverage(ctx.ruleSet).findings) {
      if (f.kind !== 'duplicate') continue;
      const { rule, other } = f;
      const ownJustification = rule.justification !== undefined && rule.justification !== other.justification;
      const edit = ownJustification || rule.match.length > 0 || rule.notMatch.length > 0 ? undefined : removeRuleEdit(ctx.ruleSet, rule);
      ctx.report({
        messageId: ownJustification ? 'justification' : 'duplicate',
        data: { pattern: patternLabel(rule.pattern), other: other.id === null ? '' : ` "${other.id}"`, decision: rule.decision },
        at: rule.patternSource,
        related: [{ ...other.patternSource, message: 'the earlier identical rule' }],
        ...(edit ? { fix: [edit] } : {}),
      });
    }
  },
});
