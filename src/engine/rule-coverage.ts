// Which rules can never change a decision, for duplicate-rule, redundant-rule and ineffective-rule
// (design.md §7). Computed once per RuleSet (the three checks share it) on two pattern tries
// (src/engine/pattern-trie.ts): one of exact rules keyed by token, one of `canonical_matching`
// rules keyed by caseless key (src/engine/canonical.ts). Never pair by pair.
//
// "S covers R" means: in a policy holding both, every command R matches is matched by S
// (reference/codex-0.169.md §2). By token sets that is: S no longer than R, and at every position
// of S, S accepts every token R accepts (an exact rule never covers a canonical one, whose tokens
// have spellings it cannot list). The head needs more care because of basename fallback: Codex
// tries the rules of a program path's basename only when no rule matched the path as written,
// and a canonical rule whose head is only caselessly equal to the basename must pass that head's
// own host_executable allowlist (§2.1). Requiring the same head strings for exact rules keeps
// `/usr/bin/git` and `git` apart (the path rule matches first and stops the fallback), and
// `headGateCovers` below works out the allowlists exactly for canonical heads.
//
// Codex takes the strictest decision among all matching rules. So a rule R covered by S with a
// decision at least as strict never changes a decision: removing it changes neither the decision
// nor whether anything matched the path as written. Among mutually covering rules with the same
// decision the earliest one stays. The rules reported are exactly those below another rule in
// that order, so removing all of them at once keeps, for each, a rule that still covers it.
import type { Decision, HostExecutable, Rule, RuleSet } from '../types.js';
import { normalizeAbsolutePath } from '../util/path.js';
import { canonicalCaselessKey } from './canonical.js';
import { basenameOf } from './host.js';
import { PatternTrie, tokenSet } from './pattern-trie.js';

export type CoverageKind = 'duplicate' | 'redundant' | 'ineffective';

export interface CoverageFinding {
  kind: CoverageKind;
  rule: Rule;
  /**
   * `duplicate`: the first identical rule. `redundant`: a covering rule with the same decision,
   * `ineffective`: a covering rule with a stricter one; both preferably one that is not reported
   * itself, so the finding names the rule that stays.
   */
  other: Rule;
}

export interface RuleCoverage {
  /** At most one finding per rule, in load order. */
  findings: CoverageFinding[];
  /** Positions (in `ruleSet.rules`) of the other rules that cover the rule at position `i`, ascending. */
  coverers(i: number): number[];
}

const RANK = { allow: 0, prompt: 1, forbidden: 2 } as const satisfies Record<Decision, number>;

interface Group {
  canonical: boolean;
  /** Token sets per position (for a canonical group, those of its first rule). */
  tokens: string[][];
  /** Caseless-key sets per position: the canonical trie's key (computed lazily for exact groups). */
  keys?: string[][];
  /** The distinct head tokens, as written; for canonical groups also as JSON (else ''). */
  heads: Set<string>;
  headsKey: string;
  /** Positions of the rules in the group, ascending. */
  members: number[];
  coverers: Group[];
  /** The same as a set, made once there are coverers (for the mutual-coverage test). */
  covererSet: Set<Group> | undefined;
  maxRank: number;
  /** Per rank: the first member with that rank, and the first member with it that is not reported (-1: none). */
  firstByRank: [number, number, number];
  firstKeptByRank: [number, number, number];
}

/** host_executable allowlists by name, as src/engine/host.ts reads them (the last definition wins). */
class Allowlists {
  private readonly byName = new Map<string, Set<string>>();
  constructor(hosts: readonly Pick<HostExecutable, 'name' | 'paths'>[]) {
    for (const h of hosts) this.byName.set(h.name, new Set(h.paths.filter((p) => p.startsWith('/')).map(normalizeAbsolutePath)));
  }
  has(name: string): boolean {
    return this.byName.has(name);
  }
  paths(name: string): ReadonlySet<string> {
    return this.byName.get(name) ?? new Set();
  }
  allows(name: string, path: string): boolean {
    const paths = this.byName.get(name);
    return paths === undefined || paths.has(path);
  }
}

/** A head that basename fallback can produce: a basename of a normalized absolute path. */
function canBeBasename(head: string): boolean {
  return head !== '' && head !== '.' && head !== '..' && !head.includes('/');
}

/**
 * The head condition for a canonical rule S (heads `s.heads`) covering R, beyond caseless key
 * equality of heads, which the trie has checked: under basename fallback (program path p with
 * basename x, tried only when the base's own allowlist admits p), R's head h matches when x === h
 * or, for a canonical R, when x is caselessly equal and h's allowlist admits p; S's heads likewise.
 * Every such (x, p) R admits must be admitted by S. When h has no allowlist, p ranges over paths
 * no allowlist names, so S needs a caselessly equal head without one; otherwise the finite list
 * of h's paths is checked one by one.
 */
function headGateCovers(s: Group, r: Group, hosts: Allowlists): boolean {
  for (const h of r.heads) {
    if (s.heads.has(h) || !canBeBasename(h)) continue;
    const key = canonicalCaselessKey(h);
    const same: string[] = [];
    for (const hs of s.heads) if (canonicalCaselessKey(hs) === key) same.push(hs);
    if (!hosts.has(h)) {
      if (!same.some((hs) => !hosts.has(hs))) return false;
      continue;
    }
    for (const p of hosts.paths(h)) {
      const x = basenameOf(p);
      if (x === null) continue;
      if (r.canonical ? canonicalCaselessKey(x) !== key : x !== h) continue;
      if (!hosts.allows(x, p)) continue;
      // (A head of S equal to x needs no allowlist of its own; it is in `same` and admits p already.)
      if (!same.some((hs) => hosts.allows(hs, p))) return false;
    }
  }
  return true;
}

function keySets(sets: readonly (readonly string[])[]): string[][] {
  return sets.map((set) => tokenSet(set.map(canonicalCaselessKey)));
}

function analyse(ruleSet: RuleSet): RuleCoverage {
  const rules = ruleSet.rules;
  const hosts = new Allowlists(ruleSet.hostExecutables);
  const exact = new PatternTrie<Group>();
  const canonical = new PatternTrie<Group>();
  const groups: Group[] = [];
  const groupOf: (Group | undefined)[] = new Array(rules.length);
  /** For canonical rules, the exact token sets (a canonical group also holds other spellings). */
  const spelling: (string | undefined)[] = new Array(rules.length);
  let canonicalRules = 0;

  rules.forEach((rule, i) => {
    // Codex refuses an empty pattern or empty alternatives at load time (codex-load reports it);
    // such a rule matches nothing and covers nothing here.
    const tokens: string[][] = [];
    for (const el of rule.pattern) {
      if (typeof el === 'string') tokens.push([el]);
      else if (el.length === 0) return;
      else tokens.push(tokenSet(el));
    }
    if (tokens.length === 0) return;
    let group: Group | undefined;
    let keys: string[][] | undefined;
    let values: Group[];
    let headsKey = '';
    if (rule.canonicalMatching) {
      canonicalRules++;
      keys = keySets(tokens);
      values = canonical.slot(keys);
      headsKey = JSON.stringify(tokens[0]);
      group = values.find((g) => g.headsKey === headsKey);
      spelling[i] = JSON.stringify(tokens);
    } else {
      values = exact.slot(tokens);
      group = values[0];
    }
    if (!group) {
      group = {
        canonical: rule.canonicalMatching,
        tokens,
        heads: new Set(tokens[0]),
        headsKey,
        members: [],
        coverers: [],
        covererSet: undefined,
        maxRank: -1,
        firstByRank: [-1, -1, -1],
        firstKeptByRank: [-1, -1, -1],
      };
      if (keys) group.keys = keys;
      values.push(group);
      groups.push(group);
    }
    group.members.push(i);
    const rank = RANK[rule.decision];
    if (rank > group.maxRank) group.maxRank = rank;
    if (group.firstByRank[rank] === -1) group.firstByRank[rank] = i;
    groupOf[i] = group;
  });

  for (const g of groups) {
    const add = (c: Group) => {
      // The trie visits each node once, and an exact and a canonical group are never the same.
      if (c === g) return;
      if (c.canonical && !headGateCovers(c, g, hosts)) return;
      (g.covererSet ??= new Set()).add(c);
      g.coverers.push(c);
    };
    if (!g.canonical) exact.forEachCovering(g.tokens, add);
    if (canonicalRules > 0) canonical.forEachCovering((g.keys ??= keySets(g.tokens)), add);
  }

  // Reported: rules below another in the order (covered, decision at most as strict, and for
  // mutually covering rules with the same decision, later).
  const reported: boolean[] = new Array(rules.length).fill(false);
  const stricter: boolean[] = new Array(rules.length).fill(false);
  rules.forEach((rule, i) => {
    const g = groupOf[i];
    if (!g) return;
    const r = RANK[rule.decision];
    let below = g.maxRank > r || g.firstByRank[r]! < i;
    let strict = g.maxRank > r;
    for (const c of g.coverers) {
      if (c.maxRank > r) {
        below = strict = true;
        break;
      }
      if (c.maxRank === r && (!c.covererSet?.has(g) || c.firstByRank[r]! < i)) below = true;
    }
    reported[i] = below;
    stricter[i] = strict;
  });
  for (const g of groups) {
    for (const i of g.members) {
      const r = RANK[rules[i]!.decision];
      if (!reported[i] && g.firstKeptByRank[r] === -1) g.firstKeptByRank[r] = i;
    }
  }

  // Identical rules: an exact group holds exactly the rules with its token sets, so the first
  // member with the same decision is the first identical rule; canonical rules compare spellings.
  const firstSpelling = new Map<string, number>();
  const findings: CoverageFinding[] = [];
  rules.forEach((rule, i) => {
    const g = groupOf[i];
    if (!g) return;
    const r = RANK[rule.decision];
    let first = g.firstByRank[r]!;
    const sp = spelling[i];
    if (sp !== undefined) {
      const key = `${r}${sp}`;
      first = firstSpelling.get(key) ?? i;
      if (first === i) firstSpelling.set(key, i);
    }
    if (!reported[i]) return;
    if (!stricter[i] && first < i) {
      findings.push({ kind: 'duplicate', rule, other: rules[first]! });
      return;
    }
    // The covering rule to name: the earliest one that stays, else the earliest that covers.
    let kept = -1;
    let any = -1;
    const consider = (c: Group, mutual: boolean) => {
      for (let q = stricter[i] ? r + 1 : r; q <= (stricter[i] ? 2 : r); q++) {
        const k = c.firstKeptByRank[q]!;
        const a = c.firstByRank[q]!;
        const ok = (pos: number) => pos !== -1 && pos !== i && (q > r || !mutual || pos < i);
        if (ok(k) && (kept === -1 || k < kept)) kept = k;
        if (ok(a) && (any === -1 || a < any)) any = a;
      }
    };
    consider(g, true);
    for (const c of g.coverers) consider(c, c.covererSet?.has(g) === true);
    const other = kept !== -1 ? kept : any;
    findings.push({ kind: stricter[i] ? 'ineffective' : 'redundant', rule, other: rules[other]! });
  });

  return {
    findings,
    coverers(i: number): number[] {
      const g = groupOf[i];
      if (!g) return [];
      const out = g.members.filter((m) => m !== i);
      for (const c of g.coverers) out.push(...c.members);
      return out.sort((a, b) => a - b);
    },
  };
}

const cache = new WeakMap<RuleSet, RuleCoverage>();

/** The coverage analysis of a RuleSet, computed once and shared by the checks that read it. */
export function ruleCoverage(ruleSet: RuleSet): RuleCoverage {
  let result = cache.get(ruleSet);
  if (!result) cache.set(ruleSet, (result = analyse(ruleSet)));
  return result;
}
