// `escalint suggest`: the rule a reviewer should accept for each command a command line runs
// (design.md §8). Each segment (wrapped ones too: `sudo apt install x` also runs `apt install x`)
// gets its categorical prefix from suggestPrefix, the same function the too-specific check uses,
// and that prefix is then put through the checks themselves as a one-rule allow rule: a prefix
// that any of them flags (banned by Codex, arbitrary code, destructive, still too specific…) is
// not proposed; the finding's own message says why. So a suggestion always passes `check` clean.
import { checks as registry } from '../checks/index.js';
import { formatMessage, type Check } from '../checks/define.js';
import { Evaluator } from '../engine/evaluate.js';
import type { PrefixMatch } from '../engine/match.js';
import { parseShell } from '../shell/parse.js';
import type { Rule, RuleSet, Segment } from '../types.js';
import { suggestPrefix } from './prefix.js';

export interface RuleSuggestion {
  /** The segment's argv. */
  argv: string[];
  /** The categorical prefix to allow, or null when no prefix is safe (`reason` says why). */
  prefix_rule: string[] | null;
  reason: string;
  sandbox_permissions: 'require_escalated';
  /** A short yes/no question for the user, as Codex's escalation request carries it. */
  justification: string;
}

export interface AllowedSegment {
  argv: string[];
  /** The allow rules that match it, in Codex's order. */
  matches: PrefixMatch[];
}

export interface SuggestResult {
  command: string;
  suggestions: RuleSuggestion[];
  /** Segments the given rules already allow (only with a rule set). */
  allowed: AllowedSegment[];
}

/** Checks whose finding on a one-rule allow set means the prefix must not be proposed. */
const VETO_IDS = new Set(['arbitrary-code', 'dangerous-allow', 'too-specific', 'whole-command', 'shell-wrapper', 'env-assignment', 'glob-literal', 'absolute-path']);

const shownCommand = (argv: readonly string[]) => argv.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : JSON.stringify(w))).join(' ');

/** The first finding the checks make on `allow prefix`, as its message; undefined when it is clean. */
export function vetoOf(prefix: readonly string[], checks: readonly Check[] = registry): string | undefined {
  const source = { file: '<suggestion>', start: 0, end: 0 };
  const rule: Rule = {
    id: null,
    pattern: [...prefix],
    decision: 'allow',
    decisionExplicit: true,
    match: [],
    notMatch: [],
    canonicalMatching: false,
    source,
    patternSource: source,
    index: 0,
  };
  const ruleSet: RuleSet = { rules: [rule], hostExecutables: [], networkRules: [], settings: { checks: {} }, files: [{ path: '<suggestion>', text: '', kind: 'yaml' }] };
  let veto: string | undefined;
  for (const check of checks) {
    if (veto !== undefined || !VETO_IDS.has(check.id)) continue;
    check.run({
      ruleSet,
      options: {},
      report: (f) => {
        veto ??= formatMessage((check.meta.messages as Record<string, string>)[f.messageId]!, f.data);
      },
    });
  }
  return veto;
}

/** The §8 fields in their fixed order. */
function entry(argv: string[], prefix: string[] | null, reason: string, justification: string): RuleSuggestion {
  return { argv, prefix_rule: prefix, reason, sandbox_permissions: 'require_escalated', justification };
}

function suggestionFor(segment: Segment): RuleSuggestion {
  const argv = segment.argv;
  const command = shownCommand(argv);
  const once = `Do you want to allow running \`${command}\` this once?`;
  if (segment.words[0]?.dynamic) return entry(argv, null, 'the program is only known at run time, so no rule can name it', once);
  const s = suggestPrefix(argv);
  if (s.prefix === null) return entry(argv, null, s.reason, once);
  // Dynamic words stop the prefix: a rule cannot name what is only known at run time.
  const firstDynamic = segment.words.findIndex((w) => w.dynamic);
  const prefix = firstDynamic >= 0 && firstDynamic < s.prefix.length ? s.prefix.slice(0, firstDynamic) : s.prefix;
  const veto = vetoOf(prefix);
  if (veto !== undefined) return entry(argv, null, `no safe rule: ${veto}`, once);
  const example = prefix.length < argv.length ? `, such as \`${command}\`` : '';
  return entry(argv, prefix, s.reason, `Do you want to allow \`${shownCommand(prefix)}\` commands${example}?`);
}

/**
 * Suggestions for every command `command` runs. With a rule set, segments its allow rules already
 * let through (in escalint's full view) are listed under `allowed` instead.
 */
export function suggest(command: string, ruleSet?: RuleSet): SuggestResult {
  const evaluation = ruleSet ? new Evaluator(ruleSet).evaluate(command) : undefined;
  const segments = evaluation ? evaluation.segments.map((s) => s.segment) : parseShell(command).segments;
  const suggestions: RuleSuggestion[] = [];
  const allowed: AllowedSegment[] = [];
  const seen = new Set<string>();
  segments.forEach((segment, i) => {
    if (segment.argv.length === 0) return;
    const key = segment.argv.join('\0');
    if (seen.has(key)) return;
    seen.add(key);
    const judged = evaluation?.segments[i];
    if (judged && judged.decision === 'allow') {
      allowed.push({ argv: segment.argv, matches: judged.matches.filter((m) => m.decision === 'allow') });
      return;
    }
    suggestions.push(suggestionFor(segment));
  });
  return { command, suggestions, allowed };
}
