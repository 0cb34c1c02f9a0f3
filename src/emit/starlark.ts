// The one Starlark string encoder and the Codex `.rules` writer (reference/starlark-strings.md).
// Every string that reaches a generated `.rules` file goes through `encodeStarlarkString`, so a token or
// justification can never close its literal and inject a call (`"\n)\nprefix_rule(pattern=["rm"])`).
import type { Decision, HostExecutable, NetworkRule, PatternElement, Rule, RuleExample, SourceRef } from '../types.js';

export type EncodeResult = { ok: true; text: string } | { ok: false; offset: number; message: string };

const SHORT_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Characters written as `\uXXXX`/`\UXXXXXXXX` rather than raw: controls (C0, DEL, C1), format characters
 * (bidi controls U+061C, U+200E/F, U+202A–202E, U+2066–2069, zero-width and tag characters), line and
 * paragraph separators, and spaces other than U+0020 (NBSP and friends look like a space but are not).
 */
const ESCAPED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}\p{Co}]/u;

/** Strings that need no escape at all (U+0020–U+007E but `"` and `\\`). */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function hexEscape(cp: number): string {
  return cp <= 0xffff ? '\\u' + cp.toString(16).padStart(4, '0') : '\\U' + cp.toString(16).padStart(8, '0');
}

/**
 * A double-quoted, non-raw Starlark literal whose value is exactly `s`. Fails (never throws) only for a
 * string that is not well-formed Unicode: a lone surrogate cannot be written in Starlark at all.
 * Options: `asciiOnly` writes every non-ASCII character as an escape.
 */
export function encodeStarlarkString(s: string, opts: { asciiOnly?: boolean } = {}): EncodeResult {
  // Most tokens are printable ASCII without a quote or a backslash: written as they are.
  if (PLAIN.test(s)) return { ok: true, text: `"${s}"` };
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const cu = s.charCodeAt(i);
    if (cu >= 0xd800 && cu <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (cu <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = s.codePointAt(i)!;
        const ch = s.slice(i, i + 2);
        out += opts.asciiOnly || ESCAPED.test(ch) ? hexEscape(cp) : ch;
        i++;
        continue;
      }
      return {
        ok: false,
        offset: i,
        message: `string contains a lone surrogate (U+${cu.toString(16).toUpperCase()}) at offset ${i}, which Starlark cannot represent; remove it`,
      };
    }
    const ch = s[i]!;
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (cu === 0x20 || (cu > 0x20 && cu < 0x7f)) out += ch;
    else if (opts.asciiOnly || ESCAPED.test(ch)) out += hexEscape(cu);
    else out += ch;
  }
  return { ok: true, text: out + '"' };
}

// ---------------------------------------------------------------------------------------------
// The `.rules` writer.

/** The parts of a rule the writer needs; a loaded `Rule` fits. */
export type EmitPrefixRule = Pick<Rule, 'pattern' | 'decision' | 'match' | 'notMatch' | 'canonicalMatching'> & {
  justification?: string | undefined;
  source?: SourceRef;
};
export type EmitHostExecutable = Pick<HostExecutable, 'name' | 'paths'> & { source?: SourceRef };
export type EmitNetworkRule = Pick<NetworkRule, 'host' | 'protocol' | 'decision'> & {
  justification?: string | undefined;
  source?: SourceRef;
};

export interface EmitInput {
  rules: readonly EmitPrefixRule[];
  hostExecutables?: readonly EmitHostExecutable[];
  networkRules?: readonly EmitNetworkRule[];
}

export interface EmitOptions {
  /** Comment text for the top of the file (one `# ` line per line of text). */
  header?: string;
  asciiOnly?: boolean;
}

/** A string that cannot be written (a lone surrogate); `source` points at the rule it came from. */
export interface EmitProblem {
  message: string;
  field: string;
  source?: SourceRef;
}

export interface EmitResult {
  /** The file text, or null when any string could not be encoded. */
  text: string | null;
  problems: EmitProblem[];
}

const NETWORK_DECISION = { allow: 'allow', prompt: 'prompt', forbidden: 'forbidden' } as const satisfies Record<Decision, string>;

/** Lines of a generated file are at most this wide before a call is broken over several lines. */
const MAX_LINE = 100;

function call(name: string, args: [string, string][]): string {
  const one = `${name}(${args.map(([k, v]) => `${k}=${v}`).join(', ')})`;
  if (one.length <= MAX_LINE && !one.includes('\n')) return one;
  return `${name}(\n${args.map(([k, v]) => `    ${k}=${v},\n`).join('')})`;
}

function headerLines(header: string): string[] {
  // A comment ends at a line break; anything else that could end or hide it is shown as an escape.
  return header.split(/\r\n|[\n\r\u0085\u2028\u2029]/).map((line) => {
    const shown = line.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => hexEscape(c.codePointAt(0)!));
    return shown === '' ? '#' : `# ${shown}`;
  });
}

/**
 * Writes a Codex `.rules` file: `host_executable` calls (the effective definition of each name, in the
 * order the names were last defined: the last definition wins in Codex), then `prefix_rule` calls in
 * order (Codex reports matches in file order), then `network_rule` calls. `decision` is always explicit;
 * exact duplicate calls are dropped (the later copy). Returns problems instead of text when a string
 * cannot be encoded.
 */
export function emitRulesFile(input: EmitInput, opts: EmitOptions = {}): EmitResult {
  const problems: EmitProblem[] = [];
  const enc = (s: string, field: string, source: SourceRef | undefined): string => {
    const r = encodeStarlarkString(s, { asciiOnly: opts.asciiOnly });
    if (r.ok) return r.text;
    problems.push({ message: `${field}: ${r.message}`, field, ...(source ? { source } : {}) });
    return '""';
  };
  const list = (items: readonly string[]): string => `[${items.join(', ')}]`;
  const lines: string[] = [];
  if (opts.header !== undefined) lines.push(...headerLines(opts.header));
  const seen = new Set<string>();
  const add = (text: string): void => {
    if (seen.has(text)) return;
    seen.add(text);
    lines.push(text);
  };

  const lastByName = new Map<string, EmitHostExecutable>();
  for (const h of input.hostExecutables ?? []) {
    lastByName.delete(h.name);
    lastByName.set(h.name, h);
  }
  for (const h of lastByName.values()) {
    add(call('host_executable', [
      ['name', enc(h.name, 'host_executable name', h.source)],
      ['paths', list(h.paths.map((p) => enc(p, 'host_executable path', h.source)))],
    ]));
  }

  for (const r of input.rules) {
    const element = (el: PatternElement): string =>
      typeof el === 'string' ? enc(el, 'pattern', r.source) : list(el.map((t) => enc(t, 'pattern', r.source)));
    const example = (ex: RuleExample, field: string): string =>
      typeof ex === 'string' ? enc(ex, field, r.source) : list(ex.map((t) => enc(t, field, r.source)));
    const args: [string, string][] = [
      ['pattern', list(r.pattern.map(element))],
      ['decision', `"${NETWORK_DECISION[r.decision]}"`],
    ];
    if (r.justification !== undefined) args.push(['justification', enc(r.justification, 'justification', r.source)]);
    if (r.match.length > 0) args.push(['match', list(r.match.map((e) => example(e, 'match')))]);
    if (r.notMatch.length > 0) args.push(['not_match', list(r.notMatch.map((e) => example(e, 'not_match')))]);
    if (r.canonicalMatching) args.push(['canonical_matching', 'True']);
    add(call('prefix_rule', args));
  }

  for (const n of input.networkRules ?? []) {
    const args: [string, string][] = [
      ['host', enc(n.host, 'network_rule host', n.source)],
      ['protocol', enc(n.protocol, 'network_rule protocol', n.source)],
      ['decision', `"${NETWORK_DECISION[n.decision]}"`],
    ];
    if (n.justification !== undefined) args.push(['justification', enc(n.justification, 'justification', n.source)]);
    add(call('network_rule', args));
  }

  if (problems.length > 0) return { text: null, problems };
  return { text: lines.join('\n') + '\n', problems };
}
