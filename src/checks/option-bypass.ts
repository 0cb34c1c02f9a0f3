// A prompt or forbidden rule on a sub-command that an option before the sub-command slips past:
// `forbidden [git, push]` does not match `git -C x push`, because Codex compares tokens position
// by position (reference/codex-0.169.md §2) and `-C` sits where `push` is expected. The options are
// those a program reads before its sub-command (src/knowledge/global-options.ts). Whether the file
// already covers them is asked of Codex's own matcher, with the command line the bypass would use;
// a prompt or forbidden rule there silences the finding: the bypass then reaches a person, who sees
// the whole command (a forbidden rule covered by a prompt rule is a choice, not a hole). Reordered flags of one
// command (`rm -f -r` against `[rm, -rf]`) are another matter and not reported here.
import { programKey, shellWords } from '../engine/admits.js';
import { ruleIndexOf } from '../engine/match.js';
import { globalOptionsOf } from '../knowledge/global-options.js';
import type { Decision, PatternElement } from '../types.js';
import { defineCheck } from './define.js';
import { insertRuleSuggestion, patternLabel } from './edits.js';
import { tokensAt } from './rule-shape.js';

const RANK = { allow: 0, prompt: 1, forbidden: 2 } as const satisfies Record<Decision, number>;
/** The value given to an option in a probe command line: a word no rule is likely to name. */
const PROBE_VALUE = 'escalint-probe-value';

export const optionBypass = defineCheck({
  id: 'option-bypass',
  meta: {
    description: 'a prompt or forbidden rule on a sub-command that options before the sub-command slip past',
    docs:
      'Codex compares a rule with a command token by token, so `forbidden [git, push]` does not match ' +
      '`git -C other push`, `kubectl -n prod delete` escapes `[kubectl, delete]`, and `cargo +nightly publish` ' +
      'escapes `[cargo, publish]`. Add a rule with the same decision on the program followed by those options ' +
      '(the suggestion), or cover the program as a whole. The options are listed per program in ' +
      'src/knowledge/global-options.ts (those taking a value; flags such as --no-pager are left out). A finding ' +
      'is silenced once a prompt or forbidden rule matches each of these command lines (then a person sees the ' +
      'command before it runs). ' +
      'Options written with their value in one word (`terraform -chdir=DIR`) cannot all be listed; write rules ' +
      'for the values you use.',
    defaultSeverity: 'warn',
    messages: {
      bypass:
        '{{decision}} rule {{pattern}} does not match `{{example}}`: options before "{{subcommand}}" ({{options}}) slip past it; add a {{decision}} rule on {{cover}}',
      bypassAttached:
        '{{decision}} rule {{pattern}} does not match `{{example}}`: "{{option}}" before "{{subcommand}}" slips past it, and no rule can list every value; add {{decision}} rules for the values you use, e.g. {{cover}}',
    },
  },
  run(ctx) {
    const { rules } = ctx.ruleSet;
    if (!rules.some((r) => r.decision !== 'allow')) return;
    const index = ruleIndexOf(ctx.ruleSet);
    const suggested = new Set<string>();

    // Any prompt or forbidden rule covers: the command then reaches a person.
    const coveredBy = (argv: string[], _decision: Decision) =>
      index.match(argv, { resolveHostExecutables: true, cwd: '/' }).some((m) => RANK[m.decision] >= RANK.prompt);
    /** Whether a prompt or forbidden rule already names `prefix…` right after the program. */
    const namesAttached = (program: string, prefix: string, _decision: Decision) =>
      rules.some(
        (r) =>
          RANK[r.decision] >= RANK.prompt &&
          r.pattern.length >= 2 &&
          tokensAt(r.pattern[0]!).some((h) => programKey(h) === program) &&
          tokensAt(r.pattern[1]!).some((t) => t.startsWith(prefix)),
      );

    for (const rule of rules) {
      if (rule.decision === 'allow' || rule.pattern.length < 2) continue;
      // Only rules on a sub-command: a rule on an option (`[git, -c]`) is not what these options hide.
      const subcommand = tokensAt(rule.pattern[1]!).find((t) => t !== '' && !t.startsWith('-') && !t.startsWith('+'));
      if (subcommand === undefined) continue;
      const rest = [subcommand, ...rule.pattern.slice(2).map((el) => tokensAt(el)[0]!)];

      for (const head of tokensAt(rule.pattern[0]!)) {
        const program = programKey(head);
        const table = globalOptionsOf(program);
        if (table === undefined) continue;
        const values: string[] = [];
        const attached: { name: string; spelling: string; cover: readonly string[] }[] = [];
        for (const [name, option] of Object.entries(table.options)) {
          if (option.takes === 'value') {
            if (!coveredBy([head, name, PROBE_VALUE, ...rest], rule.decision)) values.push(name);
          } else {
            const spelling = option.spelling ?? name;
            const prefix = spelling.startsWith('+') ? '+' : `${name}=`;
            if (!coveredBy([head, spelling, ...rest], rule.decision) && !namesAttached(program, prefix, rule.decision)) {
              attached.push({ name, spelling, cover: option.cover ?? [] });
            }
          }
        }
        if (values.length === 0 && attached.length === 0) continue;

        const data = { decision: rule.decision, pattern: patternLabel(rule.pattern), subcommand };
        const at = rule.patternSource;
        if (values.length === 0) {
          // Only options that carry their value in the word: no rule lists every value.
          const first = attached[0]!;
          const example = shellWords([head, first.spelling, ...rest]);
          const cover = patternLabel([head, first.spelling, ...rule.pattern.slice(1)]);
          ctx.report({ messageId: 'bypassAttached', data: { ...data, example, option: first.spelling, cover }, at });
          break;
        }
        const coverTokens = [...attached.flatMap((a) => a.cover), ...values];
        const coverPattern: PatternElement[] = [head, coverTokens.length === 1 ? coverTokens[0]! : coverTokens];
        const example = shellWords(attached.length > 0 ? [head, attached[0]!.spelling, ...rest] : [head, values[0]!, 'x', ...rest]);
        const key = `${program}\0${rule.decision}`;
        const suggestion = suggested.has(key)
          ? undefined
          : insertRuleSuggestion(
              ctx.ruleSet,
              rule,
              { pattern: coverPattern, decision: rule.decision, justification: `Options before the ${head} sub-command would slip past ${rule.decision} rules on it` },
              `add a ${rule.decision} rule on ${patternLabel(coverPattern)}`,
            );
        if (suggestion) suggested.add(key);
        ctx.report({
          messageId: 'bypass',
          data: { ...data, example, options: values.map((v) => JSON.stringify(v)).join(', '), cover: patternLabel(coverPattern) },
          at,
          ...(suggestion ? { suggestions: [suggestion] } : {}),
        });
        break;
      }
    }
  },
});
