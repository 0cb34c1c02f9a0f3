// `--fix` planning (design.md §7): which edits a lint result offers for each file, and the text
// each file would have with them. Fixes are the safe edits checks attach (they never widen a
// permission); suggestions (generalizing a rule) join only with `--fix-type suggestion`, the first
// suggestion of each finding. Library code: the CLI decides what to write (never a Codex `.rules`
// file behind Codex's back).
import { applyEdits } from './checks/edits.js';
import type { LintResult } from './lint.js';
import type { LoadedFile, TextEdit } from './types.js';

export type FixType = 'problem' | 'suggestion';
export const FIX_TYPES: readonly FixType[] = ['problem', 'suggestion'];

export interface FilePlan {
  filePath: string;
  kind: LoadedFile['kind'];
  original: string;
  /** The text with every non-overlapping edit applied. */
  output: string;
  /** Edits applied (overlapping ones wait for the next pass). */
  applied: number;
}

/** The files that some edit would change, with their new text. */
export function planFixes(lint: LintResult, types: ReadonlySet<FixType>): FilePlan[] {
  const plans: FilePlan[] = [];
  for (const r of lint.results) {
    const edits: TextEdit[] = [];
    for (const d of r.diagnostics) {
      if (types.has('problem') && d.fix) edits.push(...d.fix);
      else if (types.has('suggestion') && d.suggestions?.[0]) edits.push(...d.suggestions[0].edits);
    }
    if (edits.length === 0) continue;
    const { text, applied } = applyEdits(r.text, dedupe(edits));
    if (text !== r.text) plans.push({ filePath: r.filePath, kind: r.kind, original: r.text, output: text, applied });
  }
  return plans;
}

/** The same edit offered by two findings (two duplicates of one rule) is applied once. */
function dedupe(edits: readonly TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const key = `${e.start}:${e.end}:${e.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
