// The one YAML writer of escalint's own rule files (design.md §2), used by `escalint import`:
// scalars, one-line flow lists and comment lines, written so that every string reads back as
// exactly that string, by the `yaml` package and by escalint's fast reader alike
// (src/rules/yaml-fast.ts). A string is written plain only when it is obviously a string in
// YAML 1.1 and 1.2 (no `yes`, `~`, `1.10`, `#x`, `- x`, `a: b`, no edge blanks); otherwise it is
// double-quoted, with escapes for quotes, backslashes, line breaks and every character that is
// invisible, not printable in YAML (c-printable: C0/C1 controls, DEL, surrogates, U+FFFE/U+FFFF)
// or able to reorder what an editor shows (bidi controls): a value always stays on its line.
import type { PatternElement, RuleExample } from '../types.js';

/** Characters escaped in a double-quoted scalar (and shown as escapes in comments). */
const ESCAPED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}\p{Co}\p{Cs}\uFFFE\uFFFF]/u;

/** Everything a plain scalar may hold: ASCII letters, digits, a few safe punctuation marks, inner spaces, other printable characters. */
const PLAIN_CHARS = /^[A-Za-z0-9_./+=^~$%@:!&*?|><;()\\ \u00A1-\uFFFD-]+$/u;

/** Characters a plain scalar may start with (YAML indicators and digits excluded). */
const PLAIN_START = /^(?:[A-Za-z_./^$\\(;\u00A1-\uFFFD]|~.|-[^\s-]|--[^\s-])/u;

/**
 * Plain words YAML 1.1 or 1.2 read as something other than that string: booleans, null,
 * numbers (a digit after an optional sign and dot: `1.10`, `.5`, `-.5`, `0x1f`, `1:20`, `2001-12-14`),
 * infinities and NaN. Case-insensitive, as YAML 1.1 spells them several ways.
 */
const SPECIAL = /^(?:y|n|yes|no|on|off|true|false|null|~|[-+]?\.(?:inf|nan))$|^[-+]?\.?\d/i;

/** Whether `s` can be written as a plain scalar and read back as exactly `s`. */
export function isPlainSafe(s: string): boolean {
  if (s === '' || s.length > 200) return false;
  if (!PLAIN_CHARS.test(s) || !PLAIN_START.test(s) || SPECIAL.test(s)) return false;
  if (s.startsWith(' ') || s.endsWith(' ') || s.endsWith(':')) return false;
  if (s.includes(': ') || s.includes(' :') || s.includes('  ')) return false;
  if (s.startsWith('---') || s.startsWith('...') || s.startsWith('<<')) return false;
  if (ASCII.test(s)) return true;
  // Beyond ASCII: no invisible or unprintable character (astral ones are always quoted).
  for (const ch of s) if (ch.length > 1 || (ch !== ' ' && ESCAPED.test(ch))) return false;
  return true;
}

const ASCII = /^[\x20-\x7e]*$/;

const SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\0': '\\0',
};

function hex(cp: number): string {
  if (cp <= 0xff) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

/** A double-quoted scalar whose value is exactly `s` (a lone surrogate is written as its escape). */
export function quotedScalar(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const cu = s.charCodeAt(i);
    // A well-formed pair is one character; a lone surrogate is escaped on its own.
    if (cu >= 0xd800 && cu <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const ch = s.slice(i, i + 2);
        out += ESCAPED.test(ch) ? hex(ch.codePointAt(0)!) : ch;
        i++;
        continue;
      }
    }
    const ch = s[i]!;
    const short = SHORT[ch];
    if (short !== undefined) out += short;
    else if (cu === 0x20 || (cu > 0x20 && cu < 0x7f)) out += ch;
    else if (ESCAPED.test(ch)) out += hex(cu);
    else out += ch;
  }
  return out + '"';
}

/** A string as a YAML scalar: plain when that is safe, else double-quoted. */
export function yamlScalar(s: string): string {
  return isPlainSafe(s) ? s : quotedScalar(s);
}

/** A list of strings (or of lists of strings) as a one-line flow sequence: `[git, [status, log]]`. */
export function yamlFlowList(items: readonly (string | readonly string[])[]): string {
  return `[${items.map((e) => (typeof e === 'string' ? yamlScalar(e) : yamlFlowList(e))).join(', ')}]`;
}

/** A pattern as YAML: `[cargo, test]`, alternatives as inner lists. */
export function yamlPattern(pattern: readonly PatternElement[]): string {
  return yamlFlowList(pattern);
}

/** Examples as YAML: strings stay strings, token lists stay lists. */
export function yamlExamples(examples: readonly RuleExample[]): string {
  return yamlFlowList(examples);
}

const COMMENT_ESCAPED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\uFFFE\uFFFF]/gu;

/**
 * Comment text that stays one comment line: line breaks, controls (but tab), bidi and other
 * format characters, and what YAML cannot hold (surrogates, U+FFFE/U+FFFF) are shown as escapes.
 */
export function commentText(text: string): string {
  // Nearly every comment is printable ASCII plus punctuation such as `—` and `…` (U+2010–U+2027
  // holds no control, format or separator character): no escape to look for.
  let plain = true;
  for (let i = 0; i < text.length && plain; i++) {
    const c = text.charCodeAt(i);
    plain = (c >= 0x20 && c < 0x7f) || c === 9 || (c >= 0x2010 && c <= 0x2027);
  }
  if (plain) return text;
  return text.replace(COMMENT_ESCAPED, (c) => (c === '\t' ? c : hex(c.codePointAt(0)!)));
}

/** `# text` (or `#text` as written, for a comment copied from a file: pass `raw`). */
export function yamlComment(text: string, opts: { raw?: boolean } = {}): string {
  const body = commentText(text);
  if (opts.raw) return `#${body}`;
  return body === '' ? '#' : `# ${body}`;
}
