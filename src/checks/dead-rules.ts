// Rules that can never change a decision (an exact copy, or covered by an earlier rule: the
// duplicate-rule, redundant-rule and ineffective-rule findings, src/engine/rule-coverage.ts). The
// checks that judge how a rule's pattern is written (too-specific, whole-command, shell-wrapper,
// env-assignment, absolute-path, glob-literal) leave these rules alone while the check that reports
// them is on: the one thing to do with such a rule is to remove it, and advice on rewriting it —
// "allow ["cargo", "test"] instead" under an earlier ["cargo", "test"] — would be noise. In a grown
// default.rules that is most entries: one finding per entry, the one that says what to do.
import { ruleCoverage, type CoverageKind } from '../engine/rule-coverage.js';
import type { CheckSeverity, Rule, RuleSet } from '../types.js';

/** Whether settings.checks turns the check off (its default severity is never off). */
export function isCheckOff(ruleSet: RuleSet, id: string): boolean {
  const setting = Object.hasOwn(ruleSet.settings.checks, id) ? ruleSet.settings.checks[id] : undefined;
  const severity: CheckSeverity | undefined = Array.isArray(setting) ? setting[0] : setting;
  return severity === 'off';
}

const CHECK_OF: Record<CoverageKind, string> = { duplicate: 'duplicate-rule', redundant: 'redundant-rule', ineffective: 'ineffective-rule' };

const cache = new WeakMap<RuleSet, Set<Rule>>();

/** The rules a coverage check that is on reports as dead. */
export function reportedDead(ruleSet: RuleSet): ReadonlySet<Rule> {
  let dead = cache.get(ruleSet);
  if (dead) return dead;
  dead = new Set();
  const on = new Set((Object.keys(CHECK_OF) as CoverageKind[]).filter((k) => !isCheckOff(ruleSet, CHECK_OF[k])));
  if (on.size > 0) for (const f of ruleCoverage(ruleSet).findings) if (on.has(f.kind)) dead.add(f.rule);
  cache.set(ruleSet, dead);
  return dead;
}
