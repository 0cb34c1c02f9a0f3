// The shape of a check (design.md §7) and `defineCheck`, in the manner of ESLint's rule modules:
// `meta` documents the check (every output format and `escalint check --help` read it), `run`
// looks at the loaded RuleSet and reports findings by `messageId`. The pipeline (src/lint.ts)
// owns severities, directives and ordering; a check only says what it found and where.
import type { CheckSeverity, RelatedLocation, Rule, RuleSet, Severity, SourceRef, Suggestion, TextEdit } from '../types.js';

export interface CheckMeta<M extends string = string> {
  /** One line, lowercase, no trailing period: what the check finds. */
  description: string;
  /** A few sentences: why it matters and how to fix it (SARIF `fullDescription`, docs). */
  docs: string;
  /** Severity when `settings.checks` does not mention the check. */
  defaultSeverity: CheckSeverity;
  /** Message templates by stable messageId; `{{name}}` is replaced by `data.name`. */
  messages: Record<M, string>;
}

export interface Finding<M extends string = string> {
  messageId: M;
  /** Values for the template's `{{…}}` placeholders. */
  data?: Record<string, string | number>;
  /** Where the finding points: a value, or a rule's pattern (design.md §7 "Positions"). */
  at: SourceRef;
  hint?: string;
  related?: RelatedLocation[];
  /**
   * A safe edit `--fix` applies: it never widens a permission (removing an exact duplicate, or a
   * rule that can never change a decision). Edits are in the file of `at`.
   */
  fix?: TextEdit[];
  /** Edits offered but never applied by `--fix` alone (generalizing a rule widens it): `--fix-type suggestion`. */
  suggestions?: Suggestion[];
}

export interface CheckContext<M extends string = string> {
  ruleSet: RuleSet;
  /** The options object of `settings.checks: { id: [severity, options] }`, or `{}`. */
  options: Readonly<Record<string, unknown>>;
  report: (finding: Finding<M>) => void;
  /**
   * Rules a coverage check is sure to report as dead, by that check's id (src/checks/dead-rules.ts):
   * the pattern checks skip them. Given by the pipeline; absent, nothing is skipped.
   */
  deadRules?: ReadonlyMap<Rule, string>;
}

export interface Check<M extends string = string> {
  id: string;
  meta: CheckMeta<M>;
  run: (ctx: CheckContext<M>) => void;
}

/** Identity with types: `messageId`s in `report` must be keys of `meta.messages`. */
export function defineCheck<const M extends string>(check: Check<M>): Check<M> {
  return check;
}

/** Fills `{{name}}` placeholders; an unknown placeholder is kept as written. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? String(data[name]) : whole,
  );
}

/** A check's severity after `settings.checks`; `off` drops its findings. */
export type EffectiveSeverity = Severity | 'off';
