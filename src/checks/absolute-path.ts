// A pattern whose program is an absolute path (`/usr/bin/git`). Codex resolves an absolute program
// to its basename and tries the rules for that name (gated by host_executable), but never the other
// way round: a rule on `/usr/bin/rm` does not match `rm` (reference/codex-0.169.md §2). So a
// prompt or forbidden rule on a path protects nothing against the bare name, and an allow rule on
// a path is narrower than it looks. The scripts Codex writes itself (`/bin/bash -lc …`) are the
// shell-wrapper check's business.
import { basename } from 'node:path/posix';
import { leavesRule } from './dead-rules.js';
import { defineCheck } from './define.js';
import { patternLabel, replacePatternSuggestion } from './edits.js';
import { isShellWrapperPattern, tokensAt } from './rule-shape.js';

export const absolutePath = defineCheck({
  id: 'absolute-path',
  meta: {
    description: 'a pattern whose program is an absolute path, which Codex does not match against the bare name',
    docs:
      'Codex matches a command `/usr/bin/git status` against rules on `git` (basename fallback, limited by ' +
      'host_executables), but a rule on `/usr/bin/git` never matches `git status`. Write the rule on the bare ' +
      'name and, to limit which binaries it applies to, list their paths under host_executables.',
    defaultSeverity: 'warn',
    messages: {
      allow:
        'allow rule on "{{path}}" matches only that path, not "{{name}}" run by name; write {{suggested}} and list "{{path}}" under host_executables for "{{name}}"',
      strict:
        '{{decision}} rule on "{{path}}" does not apply to "{{name}}" run by name or from another path (Codex maps paths to names, never names to paths); write it on the name: {{suggested}}',
    },
  },
  run(ctx) {
    for (const rule of ctx.ruleSet.rules) {
      if (leavesRule('absolute-path', rule, ctx.deadRules)) continue;
      if (isShellWrapperPattern(rule.pattern)) continue;
      const heads = tokensAt(rule.pattern[0]!);
      const path = heads.find((h) => h.startsWith('/') && basename(h) !== '' && !heads.includes(basename(h)));
      if (path === undefined) continue;
      const names = [...new Set(heads.map((h) => (h.startsWith('/') && basename(h) !== '' ? basename(h) : h)))];
      const suggested = [names.length === 1 ? names[0]! : names, ...rule.pattern.slice(1)];
      const data = { path, name: basename(path), decision: rule.decision, suggested: patternLabel(suggested) };
      const suggestion = replacePatternSuggestion(ctx.ruleSet, rule, suggested, `write the rule on the name: ${patternLabel(suggested)}`);
      ctx.report({
        messageId: rule.decision === 'allow' ? 'allow' : 'strict',
        data,
        at: rule.patternSource,
        ...(suggestion ? { suggestions: [suggestion] } : {}),
      });
    }
  },
});
