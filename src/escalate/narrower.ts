// The narrower alternative to full access (design.md §8): allow rules on the categorical prefix of
// each command Codex checks. Codex runs a command outside its sandbox when every command of its
// split has an `allow` rule match (reference/codex-0.169.md §3), so the rules must cover them all;
// a script Codex does not split is checked whole (`/bin/bash -lc …`), which no safe rule covers.
// The prefixes are `escalint suggest`'s: from suggestPrefix, and vetoed by the checks.
import { encodeStarlarkString } from '../emit/starlark.js';
import { codexSplitScript } from '../shell/codex-split.js';
import { suggestPrefix } from '../suggest/prefix.js';
import { vetoOf } from '../suggest/suggest.js';

export type Narrower = { ok: true; prefixes: string[][] } | { ok: false; reason: string };

/** The allow prefixes that would let `command` run without full access, or why there are none. */
export function narrowerPrefixes(command: string): Narrower {
  const split = codexSplitScript(command);
  const prefixes: string[][] = [];
  const seen = new Set<string>();
  for (const argv of split.commands) {
    // The one call into the categorical-prefix logic (src/suggest/prefix.ts, `escalint suggest`).
    const s = suggestPrefix(argv);
    if (s.prefix === null) return { ok: false, reason: s.reason };
    // As `escalint suggest`: never a prefix the checks would flag (arbitrary code, destructive…).
    const veto = vetoOf(s.prefix);
    if (veto !== undefined) return { ok: false, reason: `no safe rule: ${veto}` };
    const key = JSON.stringify(s.prefix);
    if (!seen.has(key)) {
      seen.add(key);
      prefixes.push(s.prefix);
    }
  }
  if (prefixes.length === 0) return { ok: false, reason: 'the command is empty' };
  return { ok: true, prefixes };
}

/** `prefix_rule(pattern=["git", "push"], decision="allow")`, as Codex itself writes it; null if a token cannot be written. */
export function prefixRuleLine(prefix: readonly string[]): string | null {
  const tokens: string[] = [];
  for (const t of prefix) {
    const e = encodeStarlarkString(t);
    if (!e.ok) return null;
    tokens.push(e.text);
  }
  return `prefix_rule(pattern=[${tokens.join(', ')}], decision="allow")`;
}
