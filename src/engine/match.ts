// Prefix matching with Codex 0.169.0 semantics (reference/codex-0.169.md §2 and §2.1):
// - rules are indexed by their first token; alternatives in the first position expand into one entry per
//   head, all sharing the rest (later alternatives are not expanded);
// - a rule matches when argv is at least as long as the pattern and every position is equal (exact,
//   case-sensitive, untrimmed) or, for `canonical_matching` rules, a Unicode canonical caseless match;
// - every matching rule is reported: rules whose head equals argv[0] exactly first, in load order, then
//   canonical rules whose head is only canonically equal (Codex's order for those varies between runs);
// - only if nothing matched and host resolution is on, argv[0] is resolved to an absolute path and its
//   basename is tried, gated by the `host_executable` allowlists of the basename and of the rule's head;
// - the decision is the strictest match: forbidden > prompt > allow.
import type { Decision, HostExecutable, PatternElement, Rule, RuleSet } from '../types.js';
import { canonicalCaselessKey } from './canonical.js';
import { basenameOf, HostAllowlist, resolveProgramPath } from './host.js';

export interface PrefixMatch {
  rule: Rule;
  /** `argv[..pattern.length]` as Codex reports it: the command's own spelling; after basename fallback it starts with the basename. */
  matchedPrefix: string[];
  decision: Decision;
  /** The absolute, normalized program path when the match came through basename fallback. */
  resolvedProgram?: string;
  justification?: string;
  /**
   * `exact` when the rule's head equals the (possibly resolved) program name as written; `canonical` when
   * only canonically equal. Codex lists `exact` matches first in load order; the `canonical` ones follow
   * in an order that varies between Codex runs, so compare those as a set.
   */
  headMatch: 'exact' | 'canonical';
}

export interface MatchOptions {
  /** Basename fallback for program paths (`--resolve-host-executables`; always on in Codex core). */
  resolveHostExecutables: boolean;
  /** Directory relative program paths are joined to; without it they are not resolved. */
  cwd?: string;
  /** Home directory for a leading `~`/`~/`; without it such names are not resolved. */
  home?: string;
}

const DECISION_RANK = { allow: 0, prompt: 1, forbidden: 2 } as const satisfies Record<Decision, number>;

/** The strictest decision among the matches (forbidden > prompt > allow), or null when there are none. */
export function strictestDecision(matches: readonly { decision: Decision }[]): Decision | null {
  let best: Decision | null = null;
  for (const m of matches) {
    if (best === null || DECISION_RANK[m.decision] > DECISION_RANK[best]) best = m.decision;
  }
  return best;
}

/** One position after the head: exact tokens, and for canonical rules their caseless keys. */
interface Position {
  tokens: string[];
  keys?: string[];
}

interface Entry {
  rule: Rule;
  head: string;
  rest: Position[];
  canonical: boolean;
  /** Load order of the entry (rule index, then alternative order). */
  order: number;
}

function alternatives(el: PatternElement): string[] {
  return typeof el === 'string' ? [el] : el;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const indexes = new WeakMap<object, RuleIndex>();

/**
 * The index of a rule set's rules, built once per rule set: several checks ask Codex's matcher
 * about the same rules (the rule set is not changed after loading).
 */
export function ruleIndexOf(ruleSet: Pick<RuleSet, 'rules' | 'hostExecutables'>): RuleIndex {
  let index = indexes.get(ruleSet);
  if (!index) indexes.set(ruleSet, (index = new RuleIndex(ruleSet.rules, ruleSet.hostExecutables)));
  return index;
}

export class RuleIndex {
  /** Entries by exact head, in load order. Canonical rules are here too. */
  private readonly byHead = new Map<string, Entry[]>();
  /** Canonical entries by the caseless key of their head, in load order. */
  private readonly byCanonicalKey = new Map<string, Entry[]>();
  private readonly hosts: HostAllowlist;

  constructor(rules: readonly Rule[], hostExecutables: readonly Pick<HostExecutable, 'name' | 'paths'>[]) {
    this.hosts = new HostAllowlist(hostExecutables);
    let order = 0;
    for (const rule of rules) {
      if (rule.pattern.length === 0) continue; // Codex refuses an empty pattern at load time.
      const canonical = rule.canonicalMatching;
      const rest: Position[] = rule.pattern.slice(1).map((el) => {
        const tokens = alternatives(el);
        return canonical ? { tokens, keys: tokens.map(canonicalCaselessKey) } : { tokens };
      });
      for (const head of alternatives(rule.pattern[0]!)) {
        const entry: Entry = { rule, head, rest, canonical, order: order++ };
        push(this.byHead, head, entry);
        if (canonical) push(this.byCanonicalKey, canonicalCaselessKey(head), entry);
      }
    }
  }

  /** Every rule matching one argv, in Codex's order. */
  match(argv: readonly string[], opts: MatchOptions): PrefixMatch[] {
    if (argv.length === 0) return [];
    const direct = this.matchProgram(argv[0]!, argv, undefined);
    if (direct.length > 0 || !opts.resolveHostExecutables) return direct;
    const resolved = resolveProgramPath(argv[0]!, opts);
    if (resolved === null) return [];
    const base = basenameOf(resolved);
    if (base === null || !this.hosts.allows(base, resolved)) return [];
    return this.matchProgram(base, argv, resolved);
  }

  /** Every rule matching any of several argvs: command order first, then each command's own order. */
  matchAll(commands: readonly (readonly string[])[], opts: MatchOptions): PrefixMatch[] {
    const out: PrefixMatch[] = [];
    for (const argv of commands) out.push(...this.match(argv, opts));
    return out;
  }

  private matchProgram(program: string, argv: readonly string[], resolved: string | undefined): PrefixMatch[] {
    const out: PrefixMatch[] = [];
    let argKeys: (string | undefined)[] | undefined;
    const keyAt = (i: number): string => {
      argKeys ??= [];
      return (argKeys[i] ??= canonicalCaselessKey(argv[i]!));
    };
    const consider = (e: Entry, headMatch: 'exact' | 'canonical'): void => {
      if (argv.length < e.rest.length + 1) return;
      for (let i = 0; i < e.rest.length; i++) {
        const pos = e.rest[i]!;
        const arg = argv[i + 1]!;
        if (pos.tokens.includes(arg)) continue;
        if (pos.keys && pos.keys.includes(keyAt(i + 1))) continue;
        return;
      }
      // Basename fallback is gated by the allowlist of the rule's own head too (§2.1).
      if (resolved !== undefined && e.head !== program && !this.hosts.allows(e.head, resolved)) return;
      const m: PrefixMatch = {
        rule: e.rule,
        matchedPrefix: [program, ...argv.slice(1, e.rest.length + 1)],
        decision: e.rule.decision,
        headMatch,
      };
      if (resolved !== undefined) m.resolvedProgram = resolved;
      if (e.rule.justification !== undefined) m.justification = e.rule.justification;
      out.push(m);
    };
    for (const e of this.byHead.get(program) ?? []) consider(e, 'exact');
    if (this.byCanonicalKey.size > 0) {
      for (const e of this.byCanonicalKey.get(canonicalCaselessKey(program)) ?? []) {
        if (e.head !== program) consider(e, 'canonical');
      }
    }
    return out;
  }
}
