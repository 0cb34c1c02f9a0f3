// Comparing escalint's matches with `codex execpolicy check`'s (reference/codex-0.169.md §2.1):
// exact-head matches in order, then canonical-only-head matches as a multiset, since Codex's order
// for those varies between runs. (The same rule as differential.test.ts, for suites that cannot
// import a test file without running its tests.)
import type { PrefixMatch } from '../../src/engine/match.js';
import type { CodexMatch } from './harness.js';

/** A match as Codex prints it: the keys in Codex's order, the optional ones only when present. */
export function codexShape(m: PrefixMatch): CodexMatch {
  const out: CodexMatch = { matchedPrefix: m.matchedPrefix, decision: m.decision };
  if (m.resolvedProgram !== undefined) out.resolvedProgram = m.resolvedProgram;
  if (m.justification !== undefined) out.justification = m.justification;
  return out;
}

const sortKey = (m: CodexMatch): string => JSON.stringify([m.matchedPrefix, m.decision, m.resolvedProgram, m.justification]);

/** Null when Codex's list and escalint's agree; otherwise why not. */
export function compareCodexMatches(codex: CodexMatch[], ours: PrefixMatch[]): string | null {
  const exact = ours.filter((m) => m.headMatch === 'exact').map(codexShape);
  const canonical = ours.filter((m) => m.headMatch === 'canonical').map(codexShape);
  if (codex.length !== ours.length) return `codex reported ${codex.length} matches, escalint ${ours.length}`;
  if (JSON.stringify(codex.slice(0, exact.length)) !== JSON.stringify(exact)) return 'exact-head matches differ (order or content)';
  const a = codex.slice(exact.length).map(sortKey).sort();
  const b = canonical.map(sortKey).sort();
  if (JSON.stringify(a) !== JSON.stringify(b)) return 'canonical-head matches differ (as a set)';
  return null;
}
