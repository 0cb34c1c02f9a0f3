// `escalint import --collapse`: the over-specific entries Codex piles up in default.rules (one
// per "don't ask again") replaced by the categorical rules the checks suggest, one per capability.
// An entry is replaced when a too-specific, whole-command or shell-wrapper finding about it
// carries a replacement pattern (the `suggested pattern` of its comment) and it has no
// match/not_match examples (they were written for the narrow pattern and could fail against the
// new one, and Codex refuses a file whose examples fail). Entries with the same replacement (and
// decision, justification, canonical_matching) become one rule, at the place of the first; when the
// file already has that very rule, it stands for them instead. A replacement that arbitrary-code or
// dangerous-allow flags on its own is never written: those entries stay as they are. The new rule
// takes the place of the first entry and the comments above it; its comment lists every entry it
// replaces (line, check and pattern) with their other comments.
import { arbitraryCode } from '../checks/arbitrary-code.js';
import { dangerousAllow } from '../checks/dangerous-allow.js';
import { tokensAt } from '../checks/rule-shape.js';
import { emitRulesFile } from '../emit/starlark.js';
import { lintLoaded } from '../lint.js';
import type { Diagnostic, PatternElement, Rule, RuleSet, Span } from '../types.js';
import type { Entry } from './entries.js';
import { replacementPattern } from './findings.js';

/** The checks whose suggestion --collapse applies. */
export const COLLAPSIBLE: ReadonlySet<string> = new Set(['too-specific', 'whole-command', 'shell-wrapper']);

/**
 * The checks that report an entry another rule with the same decision covers: --collapse folds it
 * into that rule (or into what that rule becomes, which covers it too). The pattern checks leave
 * such entries to these (src/checks/dead-rules.ts), so they carry no replacement of their own.
 */
const COVERED: ReadonlySet<string> = new Set(['duplicate-rule', 'redundant-rule']);

export interface CollapsePlan {
  /** The entries of the output in order (replaced ones gone, new rules in their place). */
  entries: Entry[];
  /** The `.rules` text of the collapsed file (the input with the calls replaced), for the checks. */
  text: string;
  /**
   * Entries replaced by a categorical rule, entries folded into a rule that covers them, rules the
   * replaced ones became (new or existing), and groups kept because the checks flag the replacement.
   */
  replaced: number;
  folded: number;
  rules: number;
  vetoed: number;
}

type RuleFields = Pick<Rule, 'pattern' | 'decision' | 'justification' | 'canonicalMatching'>;

/** Whether `a` matches every command `b` matches (exact rules: no longer, and every position a superset). */
function patternCovers(a: RuleFields, b: RuleFields): boolean {
  if (a.canonicalMatching || b.canonicalMatching || a.pattern.length > b.pattern.length) return false;
  return a.pattern.every((el, k) => tokensAt(b.pattern[k]!).every((t) => tokensAt(el).includes(t)));
}

function groupKey(r: RuleFields): string {
  return JSON.stringify([r.pattern, r.decision, r.justification ?? null, r.canonicalMatching]);
}

/** Index of the span holding `offset` (spans sorted and disjoint), or -1. */
export function spanAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The candidates arbitrary-code or dangerous-allow flag, each judged in a rule set of the
 * candidates alone (no rule of the file can excuse it).
 */
function flagged(candidates: readonly RuleFields[]): Set<number> {
  const file = 'collapse.rules';
  const rules: Rule[] = candidates.map((c, i) => ({
    id: null,
    pattern: c.pattern,
    decision: c.decision,
    decisionExplicit: true,
    ...(c.justification !== undefined ? { justification: c.justification } : {}),
    match: [],
    notMatch: [],
    canonicalMatching: c.canonicalMatching,
    source: { file, start: i, end: i + 1 },
    patternSource: { file, start: i, end: i + 1 },
    index: i,
  }));
  const ruleSet: RuleSet = { rules, hostExecutables: [], networkRules: [], settings: { checks: {} }, files: [{ path: file, text: '', kind: 'rules' }] };
  const result = lintLoaded({ ruleSet, diagnostics: [], fatal: false }, { checks: [arbitraryCode, dangerousAllow] });
  return new Set(result.diagnostics.filter((d) => d.check === arbitraryCode.id || d.check === dangerousAllow.id).map((d) => d.start));
}

function callText(r: RuleFields): string {
  const out = emitRulesFile({ rules: [{ ...r, match: [], notMatch: [] }] });
  // The patterns and justifications come from the file, which Codex loaded: always encodable.
  if (out.text === null) throw new Error(`cannot write ${JSON.stringify(r.pattern)}: ${out.problems[0]?.message}`);
  return out.text.replace(/\n$/, '');
}

/**
 * Plans the collapse of `entries` (read from `text`) given the findings of the checks on it.
 * Entries keep their objects; new rules are new entries.
 */
export function planCollapse(text: string, entries: readonly Entry[], diagnostics: readonly Diagnostic[]): CollapsePlan {
  const spans = entries.map((e) => e.call);
  // The replacement of each entry that has one.
  const replacement = new Map<number, { pattern: PatternElement[]; check: string }>();
  for (const d of diagnostics) {
    if (!COLLAPSIBLE.has(d.check)) continue;
    const i = spanAt(spans, d.start);
    if (i < 0 || replacement.has(i)) continue;
    const v = entries[i]!.value;
    if (v.kind !== 'rule' || v.rule.match.length > 0 || v.rule.notMatch.length > 0) continue;
    const pattern = replacementPattern(d, v.rule.patternSource);
    if (pattern) replacement.set(i, { pattern, check: d.check });
  }

  // Entries covered by another entry with the same decision: folded into it, unless they carry
  // examples or a justification of their own (text that would be lost).
  const coveredBy = new Map<number, { by: number; check: string }>();
  for (const d of diagnostics) {
    if (!COVERED.has(d.check) || d.related?.[0] === undefined) continue;
    const i = spanAt(spans, d.start);
    const by = spanAt(spans, d.related[0].start);
    if (i < 0 || by < 0 || by === i || replacement.has(i) || coveredBy.has(i)) continue;
    const v = entries[i]!.value;
    const w = entries[by]!.value;
    if (v.kind !== 'rule' || w.kind !== 'rule' || v.rule.match.length > 0 || v.rule.notMatch.length > 0) continue;
    if (v.rule.justification !== undefined && v.rule.justification !== w.rule.justification) continue;
    coveredBy.set(i, { by, check: d.check });
  }

  const risky = new Set(diagnostics.filter((d) => d.check === arbitraryCode.id || d.check === dangerousAllow.id).map((d) => spanAt(spans, d.start)));

  // Groups by the rule they become, in file order of their first entry.
  const groups = new Map<string, { rule: RuleFields; members: number[] }>();
  for (const [i, r] of [...replacement].sort((a, b) => a[0] - b[0])) {
    const original = (entries[i]!.value as { rule: Rule }).rule;
    const rule: RuleFields = { pattern: r.pattern, decision: original.decision, canonicalMatching: original.canonicalMatching };
    if (original.justification !== undefined) rule.justification = original.justification;
    const key = groupKey(rule);
    const g = groups.get(key);
    if (g) g.members.push(i);
    else groups.set(key, { rule, members: [i] });
  }
  const list = [...groups.values()];
  const vetoed = flagged(list.map((g) => g.rule));
  const kept = list.filter((_, k) => !vetoed.has(k));

  // An existing rule (not replaced, no examples) that is exactly the replacement stands for the group.
  const existing = new Map<string, number>();
  entries.forEach((e, i) => {
    // Not an entry that is folded away itself (what stands for others must stay in the output).
    if (e.value.kind !== 'rule' || replacement.has(i) || coveredBy.has(i)) return;
    const r = e.value.rule;
    if (r.match.length > 0 || r.notMatch.length > 0) return;
    const key = groupKey(r);
    if (!existing.has(key)) existing.set(key, i);
  });

  const removed = new Set<number>();
  const replacedBy = new Map<number, { entry: Entry; rule: Rule }>(); // first member → the new entry
  const extra = new Map<number, { entry: Entry; check: string }[]>(); // existing entry → what it stands for
  const mergedInto = new Map<number, number>(); // first member of a group → the existing entry that stands for it
  let replaced = 0;
  for (const g of kept) {
    const members = g.members.map((i) => ({ entry: entries[i]!, check: replacement.get(i)!.check }));
    replaced += members.length;
    for (const i of g.members) removed.add(i);
    const target = existing.get(groupKey(g.rule));
    if (target !== undefined) {
      mergedInto.set(g.members[0]!, target);
      extra.set(target, [...(extra.get(target) ?? []), ...members]);
      continue;
    }
    const first = entries[g.members[0]!]!;
    const rule: Rule = {
      id: null,
      ...g.rule,
      decisionExplicit: true,
      match: [],
      notMatch: [],
      source: first.call as Rule['source'],
      patternSource: first.call as Rule['source'],
      index: 0,
    };
    const entry: Entry = {
      value: { kind: 'rule', rule },
      call: first.call,
      line: first.line,
      // The new rule takes the first entry's place, and the comments above it.
      leading: first.leading,
      keys: new Map(),
      footer: [],
      notes: [],
      replaces: members,
    };
    replacedBy.set(g.members[0]!, { entry, rule });
  }

  // A covered entry goes where its coverer goes: into the coverer's group when that is replaced,
  // else onto the coverer itself (following a coverer that is covered in turn).
  const groupOf = new Map<number, { first: number; rule: RuleFields }>(); // replaced entry → its group
  for (const g of kept) for (const i of g.members) groupOf.set(i, { first: g.members[0]!, rule: g.rule });
  let folded = 0;
  for (const [i, c] of coveredBy) {
    let by = c.by;
    for (let hops = 0; coveredBy.has(by) && hops < entries.length; hops++) by = coveredBy.get(by)!.by;
    // Not into a rule the checks flag as running any code or destroying: a user who follows that
    // advice and removes the broad rule should still have the narrow one.
    if (coveredBy.has(by) || risky.has(by)) continue;
    // A replaced coverer's categorical rule leaves out options before the sub-command (`git -C x
    // status` → `git status`), so it need not cover what the coverer covered: fold only if it does.
    const group = groupOf.get(by);
    if (group && !patternCovers(group.rule, (entries[i]!.value as { rule: Rule }).rule)) continue;
    const member = { entry: entries[i]!, check: c.check };
    removed.add(i);
    folded++;
    const added = group === undefined ? undefined : replacedBy.get(group.first);
    if (added) added.entry.replaces!.push(member);
    else {
      // The coverer stays, or its group merged into an existing rule: that rule stands for the entry.
      const holder = group === undefined ? by : mergedInto.get(group.first)!;
      extra.set(holder, [...(extra.get(holder) ?? []), member]);
    }
  }

  // The output entries and the collapsed `.rules` text: the input with each replaced call cut out,
  // or, for the first of a group, written as the new rule.
  const out: Entry[] = [];
  let synthetic = '';
  let pos = 0;
  entries.forEach((e, i) => {
    const merged = extra.get(i);
    if (merged) {
      e.replaces = merged;
      e.merged = true;
    }
    const added = replacedBy.get(i);
    if (!removed.has(i)) {
      out.push(e);
      return;
    }
    synthetic += text.slice(pos, e.call.start);
    pos = e.call.end;
    if (added) {
      synthetic += callText(added.rule);
      out.push(added.entry);
    } else {
      // A statement that does nothing keeps `a(); b()` and indentation-free lines valid Starlark.
      synthetic += 'pass';
    }
  });
  synthetic += text.slice(pos);
  return { entries: out, text: synthetic, replaced, folded, rules: kept.length, vetoed: vetoed.size };
}
