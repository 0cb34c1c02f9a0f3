// prompt and forbidden rules that Codex does not apply inside the scripts it cannot split. Codex
// splits `bash -lc '<script>'` into commands only when the script is plain words joined by
// `&&`, `||`, `;`, `|`; anything else (`$(…)`, redirections, loops, quotes with expansions) is
// checked as the one command `[/bin/bash, -lc, script]` (reference/codex-0.169.md §3), which a
// rule on `rm` never matches: real Codex ran `echo $(touch f)` under a forbidden rule on `touch`.
// A prompt/forbidden rule on the wrapper itself closes the gap: those scripts then ask first.
import { ruleIndexOf } from '../engine/match.js';
import { CODEX_WRAPPER_FLAGS, CODEX_WRAPPER_SHELLS, shellOf } from '../knowledge/shell-wrappers.js';
import type { PatternElement } from '../types.js';
import { defineCheck } from './define.js';
import { insertRuleSuggestion, patternLabel } from './edits.js';
import { tokensAt } from './rule-shape.js';

/** The rule that closes the gap (design.md §7); shell-wrapper does not flag it. */
export const GAP_RULE_PATTERN: readonly PatternElement[] = [['bash', 'zsh', 'sh'], ['-lc', '-c']];
const GAP_JUSTIFICATION = 'Codex checks scripts it cannot split as one command; review them';
/** A script no pattern names: only rules on the wrapper itself match it. */
const PROBE_SCRIPT = 'echo $(escalint probe)';

export const codexScriptGap = defineCheck({
  id: 'codex-script-gap',
  meta: {
    description: 'a prompt or forbidden rule that Codex does not apply inside scripts it checks whole',
    docs:
      'Codex splits a shell script into its commands only when the script is plain words joined by &&, ||, ; ' +
      'and |. Any other script (command substitution, redirection, loops, variables) is checked as the single ' +
      'command `/bin/bash -lc <script>`, so a forbidden rule on `rm` does not apply to `echo $(rm -rf x)`. Add a ' +
      'prompt rule on [[bash, zsh, sh], [-lc, -c]] so that every such script asks first; escalint test shows ' +
      'both views of a command.',
    defaultSeverity: 'warn',
    messages: {
      gap:
        '{{decision}} rule {{pattern}} does not apply inside scripts Codex checks whole (e.g. `echo $({{example}})`), because no prompt or forbidden rule matches `{{uncovered}}`; add a prompt rule on [["bash", "zsh", "sh"], ["-lc", "-c"]]',
    },
  },
  run(ctx) {
    const { rules } = ctx.ruleSet;
    if (!rules.some((r) => r.decision !== 'allow')) return;
    const index = ruleIndexOf(ctx.ruleSet);
    const uncovered: string[] = [];
    for (const shell of CODEX_WRAPPER_SHELLS) {
      for (const flag of CODEX_WRAPPER_FLAGS) {
        const matches = index.match([shell, flag, PROBE_SCRIPT], { resolveHostExecutables: true, cwd: '/' });
        if (!matches.some((m) => m.decision !== 'allow')) uncovered.push(`${shell} ${flag} …`);
      }
    }
    if (uncovered.length === 0) return;
    let suggested = false;
    for (const rule of rules) {
      // Rules on the shells themselves are what closes the gap, not what it affects.
      if (rule.decision === 'allow' || tokensAt(rule.pattern[0]!).some((h) => shellOf(h) !== undefined)) continue;
      const example = rule.pattern.map((el) => (typeof el === 'string' ? el : el[0]!)).join(' ');
      const suggestion = suggested
        ? undefined
        : insertRuleSuggestion(
            ctx.ruleSet,
            rule,
            { pattern: GAP_RULE_PATTERN, decision: 'prompt', justification: GAP_JUSTIFICATION },
            'add a prompt rule on [["bash", "zsh", "sh"], ["-lc", "-c"]]',
          );
      if (suggestion) suggested = true;
      ctx.report({
        messageId: 'gap',
        data: { decision: rule.decision, pattern: patternLabel(rule.pattern), example, uncovered: uncovered[0]! },
        at: rule.patternSource,
        ...(suggestion ? { suggestions: [suggestion] } : {}),
      });
    }
  },
});
