// The entries of an imported file: every call Codex loads from the `.rules` file (prefix_rule,
// host_executable, network_rule) in file order, each with the comments that belong to it
// (src/import/layout.ts) placed at the YAML key they sit at, and later its id, its findings and,
// with --collapse, the entries it replaces.
import type { HostExecutable, NetworkRule, Rule, RuleSet, Span } from '../types.js';
import type { BuiltinName } from '../rules/starlark-bind.js';
import { callArguments, layoutComments, type FileLayout, type LayoutLine } from './layout.js';

export type EntryValue =
  | { kind: 'rule'; rule: Rule }
  | { kind: 'host'; host: HostExecutable }
  | { kind: 'network'; network: NetworkRule };

/** Comments at one YAML key of an entry. */
export interface KeyComments {
  leading: string[];
  trailing: string[];
}

export interface Entry {
  value: EntryValue;
  /** The call in the input file. */
  call: Span;
  /** 1-based line of the call in the input file. */
  line: number;
  /** Comment and blank lines above the entry. */
  leading: LayoutLine[];
  /** Comments at each YAML key (raw text after `#`); the entry's own trailing comment is at its first key. */
  keys: Map<string, KeyComments>;
  /** Comments inside the call after its last argument: written after the entry's last key. */
  footer: string[];
  /** Comment bodies of the findings about this entry (set when findings are attached). */
  notes: string[];
  /** With --collapse: the entries this one replaces (their calls are gone from the output). */
  replaces?: { entry: Entry; check: string }[];
  /** With --collapse: true when this entry was in the file and also stands for the ones it replaces. */
  merged?: boolean;
  id?: string;
}

export const BUILTIN_OF = { rule: 'prefix_rule', host: 'host_executable', network: 'network_rule' } as const satisfies Record<
  EntryValue['kind'],
  BuiltinName
>;

/** The YAML key the entry's first line is about (its trailing comment goes there). */
export function firstKey(value: EntryValue): string {
  return value.kind === 'rule' ? 'pattern' : value.kind === 'host' ? 'name' : 'host';
}

/** Codex's parameter name → the YAML key it is written as, per builtin (the same names today). */
const KEY_OF_PARAM: Record<BuiltinName, Record<string, string>> = {
  prefix_rule: {
    pattern: 'pattern',
    decision: 'decision',
    match: 'match',
    not_match: 'not_match',
    justification: 'justification',
    canonical_matching: 'canonical_matching',
  },
  host_executable: { name: 'name', paths: 'paths' },
  network_rule: { host: 'host', protocol: 'protocol', decision: 'decision', justification: 'justification' },
};

/** Whether the entry writes this key (absent values and `canonical_matching: false` are left out). */
export function writesKey(value: EntryValue, key: string): boolean {
  if (value.kind === 'rule') {
    const r = value.rule;
    if (key === 'justification') return r.justification !== undefined;
    if (key === 'match') return r.match.length > 0;
    if (key === 'not_match') return r.notMatch.length > 0;
    if (key === 'canonical_matching') return r.canonicalMatching;
    return true;
  }
  if (value.kind === 'network' && key === 'justification') return value.network.justification !== undefined;
  return true;
}

/** The calls of a loaded rule set in file order. */
export function callsOf(ruleSet: RuleSet): { value: EntryValue; span: Span }[] {
  const calls: { value: EntryValue; span: Span }[] = [
    ...ruleSet.rules.map((rule) => ({ value: { kind: 'rule', rule } as EntryValue, span: rule.source })),
    ...ruleSet.hostExecutables.map((host) => ({ value: { kind: 'host', host } as EntryValue, span: host.source })),
    ...ruleSet.networkRules.map((network) => ({ value: { kind: 'network', network } as EntryValue, span: network.source })),
  ];
  return calls.sort((a, b) => a.span.start - b.span.start);
}

function keyComments(entry: Entry, key: string): KeyComments {
  let k = entry.keys.get(key);
  if (!k) entry.keys.set(key, (k = { leading: [], trailing: [] }));
  return k;
}

/**
 * The entries of a `.rules` file's text and its loaded calls, with their comments: own-line
 * comments inside a call go above the key of the argument they precede (or sit in), trailing
 * ones after the key of the argument on their line; comments at a key the YAML leaves out
 * (`canonical_matching=False`) go to the entry's end.
 */
export function buildEntries(text: string, calls: readonly { value: EntryValue; span: Span }[], lineOf: (offset: number) => number): { entries: Entry[]; layout: FileLayout } {
  const layout = layoutComments(text, calls.map((c) => c.span));
  const entries = calls.map((c, i): Entry => {
    const l = layout.calls[i]!;
    const entry: Entry = { value: c.value, call: c.span, line: lineOf(c.span.start), leading: l.leading, keys: new Map(), footer: [], notes: [] };
    const first = firstKey(c.value);
    if (l.inner.length > 0) {
      const args = callArguments(text, c.span, BUILTIN_OF[c.value.kind]).sort((a, b) => a.start - b.start);
      const keyOf = (param: string): string | undefined => {
        const key = KEY_OF_PARAM[BUILTIN_OF[c.value.kind]][param];
        return key !== undefined && writesKey(c.value, key) ? key : undefined;
      };
      for (const comment of l.inner) {
        const before = args.filter((a) => a.start < comment.start);
        const at = before[before.length - 1];
        if (!comment.ownLine) {
          // After code on its line: the argument it follows (or sits in); on the call's first line, the entry.
          const key = at ? keyOf(at.param) ?? first : first;
          keyComments(entry, key).trailing.push(comment.raw);
          continue;
        }
        const inside = at && comment.start < at.end ? at : undefined;
        const next = inside ?? args.find((a) => a.start > comment.start);
        const key = next ? keyOf(next.param) : undefined;
        if (key) keyComments(entry, key).leading.push(comment.raw);
        else entry.footer.push(comment.raw);
      }
    }
    if (l.trailing.length > 0) keyComments(entry, first).trailing.push(...l.trailing);
    return entry;
  });
  return { entries, layout };
}
