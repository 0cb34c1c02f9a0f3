// Builds `Rule` values for engine tests without a loader.
import type { Decision, PatternElement, Rule } from '../../src/types.js';

export interface RuleSpec {
  pattern: PatternElement[];
  decision?: Decision;
  justification?: string;
  canonical?: boolean;
  match?: (string | string[])[];
  notMatch?: (string | string[])[];
}

export function makeRules(specs: RuleSpec[], file = 'test.rules'): Rule[] {
  return specs.map((s, index) => ({
    id: null,
    pattern: s.pattern,
    decision: s.decision ?? 'allow',
    decisionExplicit: s.decision !== undefined,
    ...(s.justification !== undefined ? { justification: s.justification } : {}),
    match: s.match ?? [],
    notMatch: s.notMatch ?? [],
    canonicalMatching: s.canonical ?? false,
    source: { file, start: index, end: index + 1 },
    patternSource: { file, start: index, end: index + 1 },
    index,
  }));
}
