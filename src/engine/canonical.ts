// Unicode canonical caseless matching, as Codex 0.169.0 applies it to `canonical_matching=True` rules
// (reference/codex-0.169.md §2, §2.1): full case folding (CaseFolding C + F) plus canonical equivalence,
// no compatibility folding. Unicode's definition (D145): NFD(toCasefold(NFD(X))) = NFD(toCasefold(NFD(Y))).
// So `ẞ` ≡ `ss`, the Kelvin sign ≡ `k`, `e\u0301` ≡ `é`, but `ＧＩＴ` ≢ `git` and `İ` ≢ `i`.
import { CASE_FOLDING_DATA } from '../knowledge/case-folding.js';

let foldTable: Map<number, string> | undefined;

function table(): Map<number, string> {
  if (foldTable) return foldTable;
  const map = new Map<number, string>();
  for (const entry of CASE_FOLDING_DATA.split(',')) {
    const colon = entry.indexOf(':');
    const from = parseInt(entry.slice(0, colon), 16);
    const to = entry
      .slice(colon + 1)
      .split(' ')
      .map((h) => String.fromCodePoint(parseInt(h, 16)))
      .join('');
    map.set(from, to);
  }
  foldTable = map;
  return map;
}

/** Full case folding (CaseFolding.txt C + F) of a string, code point by code point. */
export function caseFold(s: string): string {
  // ASCII fast path: there, full case folding is plain lowercasing.
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  const t = table();
  let out = '';
  for (const ch of s) {
    const f = t.get(ch.codePointAt(0)!);
    out += f ?? ch;
  }
  return out;
}

/** The key two strings share exactly when they are canonical caseless matches. */
export function canonicalCaselessKey(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return caseFold(s.normalize('NFD')).normalize('NFD');
}

/** Unicode canonical caseless match (D145). */
export function canonicalCaselessMatch(a: string, b: string): boolean {
  return a === b || canonicalCaselessKey(a) === canonicalCaselessKey(b);
}
