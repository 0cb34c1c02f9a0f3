// An allow rule that admits a command line running arbitrary code: an interpreter or shell with
// its inline-code form (`[python3]` admits `python3 -c '…'`), a program that runs the command given
// as its arguments (`[sudo]`, `[env]`, `[xargs]`, `[npx]`, `[uv, run]`), or a command that runs
// whatever a name or a setting says (`[npm, run]`, `[git]` with `-c alias.x='!…'`). Such a rule
// allows everything, so the rest of the file does not matter. Codex refuses to write these
// prefixes itself (reference/codex-0.169.md §4); this check covers that whole list, plus the
// spellings Codex's exact comparison misses (`[[python, python3]]`, `/usr/bin/python3`,
// `python3.12`, canonical_matching). The forms are in src/knowledge/code-runners.ts. A command
// line that a prompt or forbidden rule of the file stops anyway does not count: the finding shows
// one that gets through (`allow [python3]` next to `forbidden [python3, -c]` still admits
// `python3 -Bc '…'`).
import { allowRisks } from '../engine/admits.js';
import { defineCheck } from './define.js';
import { patternLabel } from './edits.js';

export const arbitraryCode = defineCheck({
  id: 'arbitrary-code',
  meta: {
    description: 'an allow rule that admits a command line running arbitrary code',
    docs:
      'A rule matches every command that starts with its tokens, so an allow rule on `python3` also allows ' +
      "`python3 -c '…'`, one on `sudo` allows `sudo` with any command, and one on `npm run` allows every " +
      'package script. Narrow the rule to the commands you mean (`[python3, -m, pytest]`, `[npm, test]`); where ' +
      'no longer pattern helps (`eval`, `ssh HOST`, `watch`), make it a prompt rule. Command lines that a prompt ' +
      'or forbidden rule of the file stops anyway do not count. The forms it knows are in ' +
      "src/knowledge/code-runners.ts; it covers every prefix on Codex's own banned list.",
    defaultSeverity: 'error',
    messages: {
      narrow: 'allow rule {{pattern}} runs any code, e.g. `{{example}}` ({{reason}}); narrow it to the commands you mean, e.g. {{narrower}}',
      narrowAny: 'allow rule {{pattern}} runs any code, e.g. `{{example}}` ({{reason}}); narrow it to the commands you mean',
      prompt: 'allow rule {{pattern}} runs any code, e.g. `{{example}}` ({{reason}}); no longer pattern prevents that: make it a prompt rule',
    },
  },
  run(ctx) {
    for (const { rule, code: hit } of allowRisks(ctx.ruleSet)) {
      if (hit === undefined) continue;
      const data = { pattern: patternLabel(rule.pattern), example: hit.example, reason: hit.reason };
      if (!hit.closable) ctx.report({ messageId: 'prompt', data, at: rule.patternSource });
      else if (hit.narrower) ctx.report({ messageId: 'narrow', data: { ...data, narrower: patternLabel(hit.narrower) }, at: rule.patternSource });
      else ctx.report({ messageId: 'narrowAny', data, at: rule.patternSource });
    }
  },
});
