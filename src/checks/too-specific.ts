// An allow rule whose pattern carries argument values beyond its capability (design.md §7):
// `["cargo", "test", "-p", "codex-app-server"]` allows one run of one package, so the agent asks
// again for the next one; the categorical rule is `["cargo", "test"]` (src/suggest/prefix.ts, the
// same prefix `escalint suggest` proposes). Generalizing widens a permission, so the finding
// carries a suggestion, never a fix.
//
// Only allow rules: a narrow prompt or forbidden rule (`["git", "push", "origin", "main"]`) is a
// deliberate target, and the commands that slip past it are option-bypass's business. A rule is
// too specific only when a plain-string token after the capability is an argument value — by its
// look (path, URL, number, hash, version, file name, quoted text …) or by the command's shape
// (`origin` after `git push`); flags alone (`["git", "log", "--oneline"]`, `["git", "push",
// "--dry-run"]`) select a mode and are left alone, as are whole-project operands (`go test ./...`).
// A narrow allow under a capability that also has a prompt or forbidden rule (`forbidden [cat,
// .env]`, `allow [cat, .env.example]`) is a deliberate exception and is left alone. Rules that
// whole-command reports are left to it, unless that check is off; glob tokens to glob-literal;
// rules that can never change a decision to the check that says to remove them (dead-rules.ts).
import { hasStricterRuleWithin, patternValues } from '../suggest/pattern.js';
import { isCheckOff, leavesRule } from './dead-rules.js';
import { defineCheck } from './define.js';
import { patternLabel, replacePatternSuggestion } from './edits.js';
import { findWholeCommand } from './whole-command.js';

export const tooSpecific = defineCheck({
  id: 'too-specific',
  meta: {
    description: 'an allow rule whose pattern carries argument values beyond the categorical prefix',
    docs:
      'A rule such as ["cargo", "test", "-p", "codex-app-server"] allows one command, so the agent asks again ' +
      'for every other package, file or branch. Codex tells its model to propose prefixes that are ' +
      '"categorical and reasonably scoped", never the entire command: ["cargo", "test"]. The check knows the ' +
      'shapes of common tools (git push, gh pr view, npm run <script>, docker compose up, kubectl get <kind>) ' +
      'and otherwise stops at the first flag, path, URL, number, hash, version, file name or quoted text. ' +
      'The suggestion widens the rule, so review it before applying it.',
    defaultSeverity: 'warn',
    messages: {
      tooSpecific:
        'allow rule {{pattern}} carries the argument value {{value}} ({{kind}}), so any other value needs a new approval; allow the categorical prefix {{prefix}} instead',
      noSafePrefix:
        'allow rule {{pattern}} carries the argument values {{values}}, and no categorical prefix is safe to suggest ({{why}}); drop the values it does not need',
    },
  },
  run(ctx) {
    const leaveToWholeCommand = !isCheckOff(ctx.ruleSet, 'whole-command');
    for (const rule of ctx.ruleSet.rules) {
      if (rule.decision !== 'allow' || leavesRule('too-specific', rule, ctx.deadRules)) continue;
      if (leaveToWholeCommand && findWholeCommand(rule, ctx.ruleSet.rules) !== undefined) continue;
      // Alternatives are read as their first token; only plain-string tokens count as evidence.
      const { suggestion: s, values, capability: suggested, tooSpecific } = patternValues(rule.pattern);
      if (!tooSpecific || hasStricterRuleWithin(suggested, ctx.ruleSet.rules)) continue;
      if (s.prefix === null) {
        // No category is safe (`python3`, `rm`): the rule goes more than one argument past it.
        ctx.report({
          messageId: 'noSafePrefix',
          data: {
            pattern: patternLabel(rule.pattern),
            values: values.map((v) => JSON.stringify(v.info.token)).join(', '),
            why: s.reason.replace(/^no categorical prefix is safe: /, ''),
          },
          at: rule.patternSource,
        });
        continue;
      }
      const first = values[0]!.info;
      const suggestion = replacePatternSuggestion(ctx.ruleSet, rule, suggested, `generalize to ${patternLabel(suggested)} (widens what the rule allows)`);
      ctx.report({
        messageId: 'tooSpecific',
        data: {
          pattern: patternLabel(rule.pattern),
          value: JSON.stringify(first.token),
          kind: first.kind ?? 'an argument',
          prefix: patternLabel(suggested),
        },
        at: rule.patternSource,
        ...(suggestion ? { suggestions: [suggestion] } : {}),
      });
    }
  },
});
