// A pattern whose head is `NAME=value`. Codex matches argv token by token, and an assignment is
// never argv[0] of a command Codex checks: its split refuses a script with a leading assignment
// and checks the whole `[shell, -lc, script]` instead (reference/codex-0.169.md §3). Such a rule
// never matches anything.
import { leavesRule } from './dead-rules.js';
import { defineCheck } from './define.js';
import { patternLabel, replacePatternSuggestion } from './edits.js';
import { tokensAt } from './rule-shape.js';

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

export const envAssignment = defineCheck({
  id: 'env-assignment',
  meta: {
    description: 'a pattern that starts with an environment assignment (FOO=1), which never matches',
    docs:
      'Codex never sees `FOO=1 cmd` as a command whose first token is `FOO=1`: a script with a leading ' +
      'assignment is not split, and Codex checks the whole `bash -lc` command line instead. A rule whose ' +
      'pattern starts with an assignment therefore matches nothing. Write the rule on the command itself; ' +
      'escalint test shows how the assignment is handled.',
    defaultSeverity: 'error',
    messages: {
      assignment:
        'pattern {{pattern}} starts with the assignment "{{token}}", which Codex never sees as a command, so the rule never matches; write the rule on the command: {{suggested}}',
      onlyAssignments: 'pattern {{pattern}} holds only assignments, so the rule never matches; write the rule on the command that runs',
    },
  },
  run(ctx) {
    for (const rule of ctx.ruleSet.rules) {
      if (leavesRule('env-assignment', rule, ctx.deadRules)) continue;
      const heads = tokensAt(rule.pattern[0]!);
      const token = heads.find((h) => ASSIGNMENT.test(h));
      if (token === undefined || !heads.every((h) => ASSIGNMENT.test(h))) continue;
      let k = 0;
      while (k < rule.pattern.length && tokensAt(rule.pattern[k]!).every((t) => ASSIGNMENT.test(t))) k++;
      const rest = rule.pattern.slice(k);
      const data = { pattern: patternLabel(rule.pattern), token };
      if (rest.length === 0) {
        ctx.report({ messageId: 'onlyAssignments', data, at: rule.patternSource });
        continue;
      }
      const suggestion = replacePatternSuggestion(ctx.ruleSet, rule, rest, `match the command: ${patternLabel(rest)}`);
      ctx.report({
        messageId: 'assignment',
        data: { ...data, suggested: patternLabel(rest) },
        at: rule.patternSource,
        ...(suggestion ? { suggestions: [suggestion] } : {}),
      });
    }
  },
});
