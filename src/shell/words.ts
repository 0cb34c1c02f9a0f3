// What a consumer needs to know about a word: its value after quote removal and whether its
// run-time value is unknown (style.md house rule 7: dynamic words are explicit).
import type * as A from '../../grammar/shell/ast.js';
import { partsValue } from '../../grammar/shell/lexer.js';

export { partsValue };

export function wordValue(w: A.Word): string {
  return partsValue(w.parts);
}

// Pathname expansion (bash manual §3.5.8) when unquoted: `*`, `?`, or a bracket expression `[…]`.
const GLOB_RE = /[*?]|\[[^\]]*\]/;
// Brace expansion `{a,b}` or `{1..3}` (bash manual §3.5.1) in unquoted text.
const BRACE_RE = /\{[^{}\s]*(,|\.\.)[^{}\s]*\}/;

/** True when the word's value at run time is not its text: expansions, globs, `~`, braces. */
export function isDynamicWord(w: A.Word): boolean {
  return partsDynamic(w.parts, true);
}

export function partsDynamic(parts: A.WordPart[], atStart: boolean): boolean {
  let unquoted = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    switch (p.type) {
      case 'lit':
        if (p.array) return true;
        if (!p.quoted) {
          if (i === 0 && atStart && p.value.startsWith('~')) return true;
          if (GLOB_RE.test(p.value)) return true;
          unquoted += p.value;
        } else unquoted += '\0';
        break;
      case 'sgl':
      case 'ansi':
        unquoted += '\0';
        break;
      case 'dbl':
        if (p.parts.some((q) => q.type !== 'lit')) return true;
        unquoted += '\0';
        break;
      default:
        return true;
    }
  }
  return BRACE_RE.test(unquoted);
}
