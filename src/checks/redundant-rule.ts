// A rule covered by another rule with the same decision: every command it matches is matched by
// the other one too (src/engine/rule-coverage.ts works that out exactly, on a pattern trie), and
// Codex takes the strictest decision among all matches, so removing it changes no decision. It
// does change what Codex reports: the removed rule no longer appears among the matches, with its
// justification. Among rules that cover each other, the earliest stays and the later ones are
// reported. Exact copies are duplicate-rule's; a covering rule with a stricter decision makes the
// rule ineffective-rule's.
import { ruleCoverage } from '../engine/rule-coverage.js';
import type { Rule } from '../types.js';
import { defineCheck } from './define.js';
import { patternLabel, removeRuleEdit } from './edits.js';

const label = (rule: Rule) =>
  `${rule.id === null ? '' : `"${rule.id}" `}${patternLabel(rule.pattern)}${rule.canonicalMatching ? ' (canonical_matching)' : ''}`;

export const redundantRule = defineCheck({
  id: 'redundant-rule',
  meta: {
    description: 'a rule covered by a broader rule with the same decision',
    docs:
      'A rule is covered when every command it matches also matches another rule: ["git", "status"] by ["git"], ' +
      '["git", ["status", "log"]] by ["git", ["status", "log", "diff"]], an exact rule by a canonical_matching ' +
      'one with the same tokens. With the same decision, removing the narrower rule changes no decision; Codex ' +
      'only stops listing it (and its justification) among the matches. Rules on a program path (/usr/bin/git) ' +
      'and on its basename are never taken to cover each other, because of the way Codex falls back to the ' +
      'basename. Remove the narrower rule; --fix does, unless it carries match/not_match examples.',
    defaultSeverity: 'warn',
    messages: {
      redundant:
        'rule {{pattern}} is covered by the {{where}} rule {{other}} with the same decision "{{decision}}", so it never changes a decision; remove it',
    },
  },
  run(ctx) {
    for (const f of ruleCoverage(ctx.ruleSet).findings) {
      if (f.kind !== 'redundant') continue;
      const { rule, other } = f;
      const otherLabel = label(other);
      const edit = rule.match.length > 0 || rule.notMatch.length > 0 ? undefined : removeRuleEdit(ctx.ruleSet, rule);
      ctx.report({
        messageId: 'redundant',
        data: { pattern: patternLabel(rule.pattern), other: otherLabel, where: other.index < rule.index ? 'earlier' : 'later', decision: rule.decision },
        at: rule.patternSource,
        related: [{ ...other.patternSource, message: `the covering rule ${otherLabel}` }],
        ...(edit ? { fix: [edit] } : {}),
      });
    }
  },
});
