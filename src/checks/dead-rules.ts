// Rules that can never change a decision (an exact copy, or covered by another rule: the
// duplicate-rule, redundant-rule and ineffective-rule findings, src/engine/rule-coverage.ts). The
// checks that judge how a rule's pattern is written (too-specific, whole-command, env-assignment,
// absolute-path, glob-literal) leave a rule alone when one of those findings about it is reported:
// the one thing to do with such a rule is to remove it (or, for an ineffective rule, to narrow the
// stricter one), and advice on rewriting it — "allow ["cargo", "test"] instead" under an earlier
// ["cargo", "test"] — is noise. In a grown default.rules that is most entries: one finding each.
// shell-wrapper leaves only exact copies alone (the first copy carries its advice): a wrapper rule
// "covered" by the prompt rule on [[bash, zsh, sh], [-lc, -c]] still needs its advice, since neither
// rule applies to the commands of a script Codex splits.
//
// The pipeline (src/lint.ts) decides it, after severities and inline directives: a pattern finding
// goes when a coverage finding on the same rule is reported. For speed, the pattern checks also skip
// the rules whose coverage finding is sure to be reported (`CheckContext.deadRules`: the coverage
// check runs, is not off, and no directive in any file names it), so that a grown file's thousands
// of dead rules are not analysed for nothing.
import { ruleCoverage, type CoverageKind } from '../engine/rule-coverage.js';
import type { CheckSeverity, Diagnostic, Rule, RuleSet } from '../types.js';

/** The coverage checks, by the kind of finding each reports. */
export const COVERAGE_CHECKS: Readonly<Record<CoverageKind, string>> = {
  duplicate: 'duplicate-rule',
  redundant: 'redundant-rule',
  ineffective: 'ineffective-rule',
};

/** The pattern checks, and the coverage checks whose finding makes each leave a rule alone. */
export const LEAVES_DEAD_RULES: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const all = new Set(Object.values(COVERAGE_CHECKS));
  return new Map<string, ReadonlySet<string>>([
    ['too-specific', all],
    ['whole-command', all],
    ['env-assignment', all],
    ['absolute-path', all],
    ['glob-literal', all],
    ['shell-wrapper', new Set([COVERAGE_CHECKS.duplicate])],
  ]);
})();

/** Whether settings.checks turns the check off (its default severity is never off). */
export function isCheckOff(ruleSet: RuleSet, id: string): boolean {
  const setting = Object.hasOwn(ruleSet.settings.checks, id) ? ruleSet.settings.checks[id] : undefined;
  const severity: CheckSeverity | undefined = Array.isArray(setting) ? setting[0] : setting;
  return severity === 'off';
}

/**
 * The rules whose coverage finding is sure to be reported, by the coverage check that reports
 * it: `reported` says which coverage checks run and are on. None when a file has an inline
 * directive (it may silence a coverage finding, or use a pattern finding: all are computed then).
 * For CheckContext.deadRules.
 */
export function sureDeadRules(ruleSet: RuleSet, reported: (checkId: string) => boolean): ReadonlyMap<Rule, string> {
  const dead = new Map<Rule, string>();
  if (ruleSet.files.some((f) => f.text.includes('escalint-disable') || f.text.includes('escalint-enable'))) return dead;
  const sure = new Set(Object.values(COVERAGE_CHECKS).filter(reported));
  if (sure.size === 0) return dead;
  for (const f of ruleCoverage(ruleSet).findings) {
    const id = COVERAGE_CHECKS[f.kind];
    if (sure.has(id)) dead.set(f.rule, id);
  }
  return dead;
}

/** Whether the pattern check `checkId` skips `rule` (CheckContext.deadRules, when the pipeline gives it). */
export function leavesRule(checkId: string, rule: Rule, deadRules: ReadonlyMap<Rule, string> | undefined): boolean {
  const by = deadRules?.get(rule);
  return by !== undefined && (LEAVES_DEAD_RULES.get(checkId)?.has(by) ?? false);
}

/** One file's reported findings without the pattern findings on rules a coverage finding reports. */
export function withoutPatternFindingsOnDeadRules(diagnostics: Diagnostic[]): Diagnostic[] {
  const covered = new Map<string, Set<string>>(); // pattern span → coverage checks reporting it
  const key = (d: Diagnostic) => `${d.file ?? ''}\u0000${d.start}\u0000${d.end}`;
  const coverageIds = new Set(Object.values(COVERAGE_CHECKS));
  for (const d of diagnostics) {
    if (!coverageIds.has(d.check)) continue;
    const k = key(d);
    const set = covered.get(k);
    if (set) set.add(d.check);
    else covered.set(k, new Set([d.check]));
  }
  if (covered.size === 0) return diagnostics;
  return diagnostics.filter((d) => {
    const leaves = LEAVES_DEAD_RULES.get(d.check);
    if (!leaves) return true;
    const by = covered.get(key(d));
    return !by || ![...by].some((id) => leaves.has(id));
  });
}
