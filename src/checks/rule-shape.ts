// Small readings of a rule's pattern shared by several checks: its heads (the first position's
// alternatives), whether it is a shell wrapper with a script, and the tokens at a position.
import { isShellCommandFlag } from '../knowledge/shell-wrappers.js';
import type { PatternElement } from '../types.js';

/** The tokens one pattern position admits. */
export function tokensAt(el: PatternElement): readonly string[] {
  return typeof el === 'string' ? [el] : el;
}

/** Whether the pattern starts with a shell and its run-a-script option (`[bash, -lc, …]`). */
export function isShellWrapperPattern(pattern: readonly PatternElement[]): boolean {
  if (pattern.length < 2) return false;
  const heads = tokensAt(pattern[0]!);
  const flags = tokensAt(pattern[1]!);
  return heads.some((h) => flags.some((f) => isShellCommandFlag(h, f)));
}
