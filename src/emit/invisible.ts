// Characters that are legal raw inside a TOML or JSON string but that a person reading the file
// should see as escapes: C1 controls, format characters (bidi controls, zero-width and tag
// characters, soft hyphen, BOM), line and paragraph separators, private use, and spaces other than
// U+0020 — the set the Starlark encoder escapes (src/emit/starlark.ts). C0 controls and DEL are
// escaped by the TOML and JSON writers themselves.
const INVISIBLE = /[\u0080-\u009f\p{Cf}\p{Zl}\p{Zp}\p{Co}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu;

const hex4 = (n: number): string => `\\u${n.toString(16).padStart(4, '0')}`;

/**
 * `text` with every invisible character replaced by an escape: `\uXXXX`, and for a character
 * beyond U+FFFF `\UXXXXXXXX` (TOML) or a `\uXXXX\uXXXX` surrogate pair (JSON). Only for text
 * whose every such character sits inside a double-quoted string, where the escape means the same.
 */
export function showInvisible(text: string, astral: 'toml' | 'json'): string {
  return text.replace(INVISIBLE, (ch) => {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0xffff) return hex4(cp);
    return astral === 'toml' ? `\\U${cp.toString(16).padStart(8, '0')}` : hex4(ch.charCodeAt(0)) + hex4(ch.charCodeAt(1));
  });
}
