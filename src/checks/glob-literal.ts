// `*` and `?` in a pattern token. Codex compares tokens exactly (reference/codex-0.169.md §2): no
// glob expansion, so `["rm", "*.tmp"]` matches only a command whose argument is the literal text
// `*.tmp` — which the shell has usually expanded away before Codex sees it, or which Codex sees
// only inside a script it checks whole.
import { leavesRule } from './dead-rules.js';
import { defineCheck } from './define.js';
import { patternLabel, replacePatternSuggestion } from './edits.js';
import { tokensAt } from './rule-shape.js';

const GLOB = /[*?]/;

export const globLiteral = defineCheck({
  id: 'glob-literal',
  meta: {
    description: 'a pattern token with * or ?, which Codex matches literally, not as a glob',
    docs:
      'Codex compares each token exactly; `*` and `?` are ordinary characters to it. A rule such as ' +
      '["rm", "*.tmp"] matches only the literal argument `*.tmp`, not `rm a.tmp`. Drop the token to match ' +
      'any argument in that place, or list the exact values as alternatives.',
    defaultSeverity: 'warn',
    messages: {
      glob:
        'token "{{token}}" of {{pattern}} is matched literally by Codex (no glob expansion), so the rule only matches that exact text; drop it to match any argument there: {{suggested}}',
      globHead: 'program "{{token}}" of {{pattern}} is matched literally by Codex (no glob expansion); name the program exactly',
    },
  },
  run(ctx) {
    for (const rule of ctx.ruleSet.rules) {
      if (leavesRule('glob-literal', rule, ctx.deadRules)) continue;
      const k = rule.pattern.findIndex((el) => tokensAt(el).some((t) => GLOB.test(t)));
      if (k < 0) continue;
      const token = tokensAt(rule.pattern[k]!).find((t) => GLOB.test(t))!;
      const data = { token, pattern: patternLabel(rule.pattern) };
      if (k === 0) {
        ctx.report({ messageId: 'globHead', data, at: rule.patternSource });
        continue;
      }
      const shorter = rule.pattern.slice(0, k);
      const suggestion = replacePatternSuggestion(ctx.ruleSet, rule, shorter, `drop the glob token: ${patternLabel(shorter)}`);
      ctx.report({
        messageId: 'glob',
        data: { ...data, suggested: patternLabel(shorter) },
        at: rule.patternSource,
        ...(suggestion ? { suggestions: [suggestion] } : {}),
      });
    }
  },
});
