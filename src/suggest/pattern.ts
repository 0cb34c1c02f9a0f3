// A rule's pattern read as a command (design.md §7 too-specific): which of its tokens are argument
// values beyond the categorical prefix, and what the pattern would be with only the capability.
// Shared by the too-specific and whole-command checks, so both judge "too specific" alike.
import type { PatternElement, Rule } from '../types.js';
import { GLOB_KIND, suggestPrefix, type PrefixSuggestion, type TokenInfo } from './prefix.js';

export interface PatternValues {
  /** suggestPrefix of the pattern, alternatives read as their first token. */
  suggestion: PrefixSuggestion;
  /** Argument values among the plain-string tokens, in order (globs excluded: glob-literal's concern). */
  values: { index: number; info: TokenInfo }[];
  /** The pattern's capability elements (alternatives kept), the suggested replacement. */
  capability: PatternElement[];
  /**
   * Whether the pattern is too specific: it carries a value beyond a safe categorical prefix, or,
   * when that prefix is one Codex refuses (`python3`, `rm`), more than the one argument that makes
   * the narrowest useful rule (`["python3", "scripts/gen.py"]`). Other commands without a safe
   * prefix (`ssh`, `sqlite3`, `deno run`) are best kept narrow, so they never are.
   */
  tooSpecific: boolean;
}

/** One reading per pattern: several checks ask about the same rule in one run. */
const valuesCache = new WeakMap<readonly PatternElement[], PatternValues>();

export function patternValues(pattern: readonly PatternElement[]): PatternValues {
  let cached = valuesCache.get(pattern);
  if (!cached) valuesCache.set(pattern, (cached = readPatternValues(pattern)));
  return cached;
}

function readPatternValues(pattern: readonly PatternElement[]): PatternValues {
  const argv = pattern.map((e) => (typeof e === 'string' ? e : e[0]!));
  const suggestion = suggestPrefix(argv);
  const values = suggestion.tokens
    .map((info, index) => ({ index, info }))
    .filter(({ index, info }) => info.role === 'value' && info.kind !== GLOB_KIND && typeof pattern[index] === 'string');
  const capability = pattern.filter((_, i) => suggestion.tokens[i]!.role === 'capability');
  const tooSpecific = values.length > 0 && (suggestion.prefix !== null || (suggestion.banned && values.length >= 2));
  return { suggestion, values, capability, tooSpecific };
}

const tokens = (e: PatternElement): readonly string[] => (typeof e === 'string' ? [e] : e);

/**
 * Whether a prompt or forbidden rule lives inside `capability` (`forbidden [cat, .env]` inside
 * `[cat]`): the file then tells arguments of that capability apart on purpose, so a narrow allow
 * rule there is a deliberate exception, and the categorical prefix would be overridden anyway.
 */
export function hasStricterRuleWithin(capability: readonly PatternElement[], rules: readonly Rule[]): boolean {
  const within = (r: Rule) =>
    r.pattern.length >= capability.length && capability.every((el, i) => tokens(el).some((t) => tokens(r.pattern[i]!).includes(t)));
  if (capability.length === 0) return rules.some((r) => r.decision !== 'allow');
  // Only rules sharing a head with the capability can be within it: look those up by head.
  const byHead = strictRulesByHead(rules);
  return tokens(capability[0]!).some((head) => byHead.get(head)?.some(within) ?? false);
}

/** The prompt and forbidden rules by each of their head tokens, built once per rule list. */
const strictIndexCache = new WeakMap<readonly Rule[], Map<string, Rule[]>>();

function strictRulesByHead(rules: readonly Rule[]): Map<string, Rule[]> {
  let index = strictIndexCache.get(rules);
  if (index) return index;
  index = new Map();
  for (const r of rules) {
    if (r.decision === 'allow') continue;
    for (const head of new Set(tokens(r.pattern[0]!))) {
      const list = index.get(head);
      if (list) list.push(r);
      else index.set(head, [r]);
    }
  }
  strictIndexCache.set(rules, index);
  return index;
}
