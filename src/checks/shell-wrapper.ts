// A pattern on a shell wrapper with its script: `["/bin/bash", "-lc", "cd app && cargo test"]`,
// `["pwsh", "-Command", "…"]`. Codex writes the first form into default.rules when "don't ask
// again" has no usable prefix (reference/codex-0.169.md §4); it matches that one exact script, and
// Codex splits plain scripts into their commands before matching anyway (§3), so rules on the
// commands inside are what apply. The script is read as Codex reads it (src/shell/codex-split.ts,
// which also keeps the shell grammar out of `check`'s start-up), and the advice names the
// categorical prefix of each command Codex checks (from the same table as too-specific); a script
// Codex does not split is checked whole, so no rule on the commands inside would apply to it. `[[bash, zsh, sh], [-lc, -c]]` without a script, as a prompt or forbidden rule,
// is the codex-script-gap rule and is not flagged; as an allow rule it is arbitrary-code's finding.
import { codexSplitScript } from '../shell/codex-split.js';
import { suggestPrefix } from '../suggest/prefix.js';
import type { PatternElement, Rule } from '../types.js';
import { leavesRule } from './dead-rules.js';
import { defineCheck } from './define.js';
import { patternLabel, replacePatternSuggestion } from './edits.js';
import { isShellWrapperPattern } from './rule-shape.js';

/** Commands that only set up the shell for the next one; no rule is needed for them to matter. */
const SETUP_COMMANDS = new Set(['cd', 'pushd', 'popd', 'export', 'set', 'unset', 'true', ':', 'source', '.']);

const first = (el: PatternElement) => (typeof el === 'string' ? el : el[0]!);

const commandsMemo = new Map<string, string[][] | null>();

/** The distinct argv lists the script runs at its top level, setup commands left out (memoized: grown files repeat scripts). */
function commandsOf(script: string): string[][] | null {
  let found = commandsMemo.get(script);
  if (found === undefined) {
    if (commandsMemo.size >= 10_000) commandsMemo.clear();
    commandsMemo.set(script, (found = readCommands(script)));
  }
  return found;
}

/** The commands Codex checks for the script, setup commands left out; null when Codex checks it whole. */
function readCommands(script: string): string[][] | null {
  const split = codexSplitScript(script);
  if (!split.split) return null;
  return split.commands.filter((argv) => argv.length > 0 && !SETUP_COMMANDS.has(argv[0]!));
}

function advise(rule: Rule, script: string): { advice: string; replacement: string[] | null } {
  const commands = commandsOf(script);
  if (commands === null) {
    return {
      advice: 'Codex checks this script whole (it is not plain commands joined by &&, ||, ; and |), so only a rule on the whole script matches it; a prompt rule on [["bash", "zsh", "sh"], ["-lc", "-c"]] makes such scripts ask',
      replacement: null,
    };
  }
  if (commands.length === 0) return { advice: 'it runs no command a rule is needed for; remove it', replacement: null };
  if (rule.decision !== 'allow') {
    // A prompt or forbidden rule meant these commands: name them, without widening anything.
    return { advice: `write the ${rule.decision} rule on the command itself: ${patternLabel(commands[0]!)}`, replacement: commands[0]! };
  }
  const prefixes: string[][] = [];
  const unsafe: string[] = [];
  for (const argv of commands) {
    const s = suggestPrefix(argv);
    if (s.prefix === null) unsafe.push(`${JSON.stringify(argv.join(' '))} (${s.reason})`);
    else if (!prefixes.some((p) => p.join('\0') === s.prefix!.join('\0'))) prefixes.push(s.prefix);
  }
  const rules = prefixes.map(patternLabel).join(' and ');
  if (unsafe.length > 0 && prefixes.length === 0) return { advice: `no categorical rule is safe for ${unsafe[0]}`, replacement: null };
  const also = unsafe.length > 0 ? `; no categorical rule is safe for ${unsafe[0]}` : '';
  return { advice: `allow the commands inside instead: ${rules}${also}`, replacement: prefixes.length === 1 && unsafe.length === 0 ? prefixes[0]! : null };
}

export const shellWrapper = defineCheck({
  id: 'shell-wrapper',
  meta: {
    description: 'a pattern on a shell wrapper with its script (bash -lc "<script>"), not on the commands inside',
    docs:
      'Codex saves ["/bin/bash", "-lc", "<script>"] for "don\'t ask again" when it has no usable prefix. Such a ' +
      'rule matches that one exact script, while Codex splits plain scripts into their commands and checks ' +
      'those. Write rules on the commands inside instead: for an allow rule their categorical prefixes ' +
      '(["cargo", "test"]; `cd` and other setup commands need none), for a prompt or forbidden rule the ' +
      'command itself. A prompt rule on [[bash, zsh, sh], [-lc, -c]] with no script is the codex-script-gap ' +
      'rule and is fine.',
    defaultSeverity: 'warn',
    messages: {
      script: 'pattern {{pattern}} matches one exact `{{shell}}` script, not the commands in it (Codex checks those when it can split the script); {{advice}}',
    },
  },
  run(ctx) {
    for (const rule of ctx.ruleSet.rules) {
      if (leavesRule('shell-wrapper', rule, ctx.deadRules)) continue;
      const script = rule.pattern[2];
      if (rule.pattern.length !== 3 || typeof script !== 'string' || !isShellWrapperPattern(rule.pattern)) continue;
      const { advice, replacement } = advise(rule, script);
      const suggestion =
        replacement === null ? undefined : replacePatternSuggestion(ctx.ruleSet, rule, replacement, `replace the pattern with ${patternLabel(replacement)}`);
      ctx.report({
        messageId: 'script',
        data: { pattern: patternLabel(rule.pattern), shell: `${first(rule.pattern[0]!)} ${first(rule.pattern[1]!)}`, advice },
        at: rule.patternSource,
        ...(suggestion ? { suggestions: [suggestion] } : {}),
      });
    }
  },
});
