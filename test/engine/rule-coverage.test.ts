// The coverage analysis behind duplicate-rule, redundant-rule and ineffective-rule, proved against
// brute force: for small random rule sets, "S covers R" from the tries must equal the pairwise
// oracle "every command R matches is matched by S in a policy of the two", decided by the real
// matcher (src/engine/match.ts) on every command built from the tokens the rules use, their case
// variants, program paths and the cwd-relative form that basename fallback resolves. Then the
// findings must be exactly the rules below another one (covered, decision at most as strict,
// later among equals), and removing all of them must change no decision.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalCaselessKey } from '../../src/engine/canonical.js';
import { basenameOf, resolveProgramPath } from '../../src/engine/host.js';
import { RuleIndex, strictestDecision, type MatchOptions } from '../../src/engine/match.js';
import { PatternTrie, tokenSet } from '../../src/engine/pattern-trie.js';
import { ruleCoverage, type CoverageKind } from '../../src/engine/rule-coverage.js';
import type { Decision, PatternElement, Rule, RuleSet } from '../../src/types.js';
import { makeRules } from './make-rule.js';

const OPTS: MatchOptions = { resolveHostExecutables: true, cwd: '/work', home: '/home/u' };
const RANK: Record<Decision, number> = { allow: 0, prompt: 1, forbidden: 2 };
const DIRS = ['/usr/bin/', '/opt/x/'];
/** Program paths in commands: also spelled unnormalized, which no rule head equals, so only basename fallback can match them. */
const COMMAND_DIRS = [...DIRS, '/usr/bin/./', '/opt//x/'];

interface Spec {
  pattern: PatternElement[];
  decision: Decision;
  canonical: boolean;
}
interface Host {
  name: string;
  paths: string[];
}

/** Spellings a canonical rule may meet: as written, upper, lower, and with the Kelvin sign and long s (which fold to k and s). */
function variants(t: string): string[] {
  return [...new Set([t, t.toUpperCase(), t.toLowerCase(), t.replace(/k/gi, '\u212a'), t.replace(/s/gi, '\u017f')])];
}

function ruleSetOf(specs: Spec[], hosts: Host[]): RuleSet {
  const rules = makeRules(specs.map((s) => ({ pattern: s.pattern, decision: s.decision, canonical: s.canonical })));
  return {
    rules,
    hostExecutables: hosts.map((h) => ({ ...h, source: { file: 'h', start: 0, end: 0 } })),
    networkRules: [],
    settings: { checks: {} },
    files: [],
  };
}

const alts = (el: PatternElement): string[] => (typeof el === 'string' ? [el] : el);

/** Every command R can match: argv[0] a head spelling, a path to one or a cwd-relative one; later positions what R accepts. */
function commandsOf(r: Rule, universe: readonly string[]): string[][] {
  const accepts = (el: PatternElement, u: string) =>
    r.canonicalMatching ? alts(el).some((a) => canonicalCaselessKey(a) === canonicalCaselessKey(u)) : alts(el).includes(u);
  const heads = new Set<string>();
  for (const u of universe) {
    for (const form of [u, ...COMMAND_DIRS.map((d) => d + u), `./${u}`]) {
      const resolved = resolveProgramPath(form, OPTS);
      const base = resolved === null ? null : basenameOf(resolved);
      // Keep any spelling whose text or basename is caselessly a head: a superset of what R matches.
      const near = (x: string | null) => x !== null && alts(r.pattern[0]!).some((h) => canonicalCaselessKey(h) === canonicalCaselessKey(x));
      if (near(form) || near(base)) heads.add(form);
    }
  }
  let out: string[][] = [...heads].map((h) => [h]);
  for (const el of r.pattern.slice(1)) {
    const next: string[][] = [];
    const tokens = universe.filter((u) => accepts(el, u));
    for (const c of out) for (const t of tokens) next.push([...c, t]);
    out = next;
  }
  return out;
}

function universeOf(rs: RuleSet): string[] {
  const out = new Set<string>();
  for (const r of rs.rules) for (const el of r.pattern) for (const t of alts(el)) for (const v of variants(t)) out.add(v);
  for (const h of rs.hostExecutables) {
    for (const v of variants(h.name)) out.add(v);
    for (const p of h.paths) out.add(p.slice(p.lastIndexOf('/') + 1)); // the basenames allowlists admit
  }
  out.add('zz-other');
  return [...out];
}

/** Brute force: S covers R when, in a policy of the two, every command R matches is matched by S. */
function oracleCovers(r: Rule, s: Rule, rs: RuleSet, universe: readonly string[]): boolean {
  const index = new RuleIndex([r, s], rs.hostExecutables);
  for (const c of commandsOf(r, universe)) {
    const m = index.match(c, OPTS);
    if (m.some((x) => x.rule === r) && !m.some((x) => x.rule === s)) return false;
  }
  return true;
}

function identical(a: Rule, b: Rule): boolean {
  const sets = (r: Rule) => JSON.stringify(r.pattern.map((el) => tokenSet(alts(el))));
  return a.decision === b.decision && a.canonicalMatching === b.canonicalMatching && sets(a) === sets(b);
}

/** The classification by definition, from the oracle relation. */
function bruteKinds(rs: RuleSet, covers: boolean[][]): (CoverageKind | null)[] {
  const { rules } = rs;
  return rules.map((r, i) => {
    const ri = RANK[r.decision];
    const dominators = rules
      .map((s, j) => j)
      .filter((j) => {
        if (j === i || !covers[i]![j]) return false;
        const rj = RANK[rules[j]!.decision];
        return rj > ri || (rj === ri && (!covers[j]![i] || j < i));
      });
    if (dominators.length === 0) return null;
    if (dominators.some((j) => RANK[rules[j]!.decision] > ri)) return 'ineffective';
    if (rules.some((s, j) => j < i && identical(s, r))) return 'duplicate';
    return 'redundant';
  });
}

function checkAgainstOracle(rs: RuleSet): void {
  const { rules } = rs;
  const universe = universeOf(rs);
  const analysis = ruleCoverage(rs);
  const covers = rules.map((r, i) => rules.map((s, j) => i !== j && oracleCovers(r, s, rs, universe)));
  rules.forEach((_, i) => {
    const expected = rules.map((_, j) => j).filter((j) => covers[i]![j]);
    expect(analysis.coverers(i), `coverers of rule ${i}`).toEqual(expected);
  });

  const kinds = bruteKinds(rs, covers);
  const found: (CoverageKind | null)[] = rules.map(() => null);
  for (const f of analysis.findings) found[f.rule.index] = f.kind;
  expect(found).toEqual(kinds);

  for (const f of analysis.findings) {
    const i = f.rule.index;
    const j = f.other.index;
    if (f.kind === 'duplicate') {
      expect(j < i && identical(f.other, f.rule)).toBe(true);
      continue;
    }
    // The rule named covers the finding's rule with the right decision, and is one that stays.
    expect(covers[i]![j]).toBe(true);
    expect(f.kind === 'ineffective' ? RANK[f.other.decision] > RANK[f.rule.decision] : f.other.decision === f.rule.decision).toBe(true);
    expect(kinds[j]).toBe(null);
  }

  // Removing every reported rule at once changes no decision, on every command any removed rule matches.
  const removed = new Set(analysis.findings.map((f) => f.rule));
  if (removed.size > 0) {
    const full = new RuleIndex(rules, rs.hostExecutables);
    const kept = new RuleIndex(rules.filter((r) => !removed.has(r)), rs.hostExecutables);
    for (const r of removed) {
      for (const c of commandsOf(r, universe)) {
        expect(strictestDecision(kept.match(c, OPTS)), c.join(' ')).toBe(strictestDecision(full.match(c, OPTS)));
      }
    }
  }
}

const DECISIONS: Decision[] = ['allow', 'prompt', 'forbidden'];

function specArb(pool: readonly string[], headPool: readonly string[], canonical: fc.Arbitrary<boolean>): fc.Arbitrary<Spec> {
  const tok = fc.constantFrom(...pool);
  const el = (t: fc.Arbitrary<string>) => fc.oneof(t, fc.array(t, { minLength: 1, maxLength: 3 }));
  return fc.record({
    pattern: fc.tuple(el(fc.constantFrom(...headPool)), fc.array(el(tok), { maxLength: 2 })).map(([h, rest]) => [h, ...rest]),
    decision: fc.constantFrom(...DECISIONS),
    canonical,
  });
}

function hostsArb(names: readonly string[]): fc.Arbitrary<Host[]> {
  const paths = names.flatMap((n) => variants(n).flatMap((v) => DIRS.map((d) => d + v)));
  return fc.array(fc.record({ name: fc.constantFrom(...names), paths: fc.subarray(paths, { maxLength: 3 }) }), { maxLength: 3 });
}

describe('rule coverage against a brute-force oracle', () => {
  it('is exact for exact rules: alternatives, prefixes, program paths, odd tokens', () => {
    const pool = ['status', 'log', 'push', '-s', '', 'a b', 'Status'];
    const heads = ['git', 'Git', '/usr/bin/git', '/opt/x/git', 'hg', '.'];
    fc.assert(
      fc.property(fc.array(specArb(pool, heads, fc.constant(false)), { minLength: 1, maxLength: 7 }), hostsArb(['git', 'hg']), (specs, hosts) =>
        checkAgainstOracle(ruleSetOf(specs, hosts)),
      ),
      { numRuns: 300 },
    );
  });

  it('is exact with canonical_matching rules and host_executable allowlists', () => {
    // Every token holds a k or an s, so each canonical token has a spelling (Kelvin sign, long s) that
    // no exact rule lists; without such a spelling an exact list could cover a canonical token
    // (["a", "A"] covers canonical "a"), which the analysis leaves unreported, being conservative.
    const pool = ['s', 'S', 'ks', 'sK', 'k-s'];
    const heads = ['k', 'K', 'ks', 'KS', 'Ks', '/usr/bin/k', '/usr/bin/Ks'];
    fc.assert(
      fc.property(fc.array(specArb(pool, heads, fc.boolean()), { minLength: 1, maxLength: 6 }), hostsArb(['k', 'K', 'ks', 'KS', 'Ks']), (specs, hosts) =>
        checkAgainstOracle(ruleSetOf(specs, hosts)),
      ),
      { numRuns: 300 },
    );
  });

  it('is sound (never claims coverage the oracle denies) on tokens without such spellings', () => {
    const pool = ['a', 'A', '-', '1', ''];
    const heads = ['a', 'A', '/usr/bin/a', '-'];
    fc.assert(
      fc.property(fc.array(specArb(pool, heads, fc.boolean()), { minLength: 1, maxLength: 6 }), hostsArb(['a', 'A']), (specs, hosts) => {
        const rs = ruleSetOf(specs, hosts);
        const universe = universeOf(rs);
        const analysis = ruleCoverage(rs);
        rs.rules.forEach((r, i) => {
          for (const j of analysis.coverers(i)) expect(oracleCovers(r, rs.rules[j]!, rs, universe)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('rule coverage: allowlists of caselessly equal heads', () => {
  // [R, S, hosts, S covers R]; each is also checked against the oracle.
  const canon = (head: string): Spec => ({ pattern: [head, 'x'], decision: 'allow', canonical: true });
  const exact = (head: string): Spec => ({ pattern: [head, 'x'], decision: 'allow', canonical: false });
  const cases: [string, Spec, Spec, Host[], boolean][] = [
    ['no allowlists', exact('k'), canon('K'), [], true],
    ['the covering head has an allowlist', exact('k'), canon('K'), [{ name: 'K', paths: ['/usr/bin/K'] }], false],
    ['both heads list the path the rule can fall back from', exact('k'), canon('K'), [{ name: 'k', paths: ['/usr/bin/k'] }, { name: 'K', paths: ['/usr/bin/k'] }], true],
    ['the rule never falls back (empty allowlist)', exact('k'), canon('K'), [{ name: 'k', paths: [] }, { name: 'K', paths: [] }], true],
    // /usr/bin/KS falls back to KS, which canonical ks admits through its own allowlist and Ks does not.
    ['a listed path under another spelling', canon('ks'), canon('Ks'), [{ name: 'ks', paths: ['/usr/bin/KS'] }, { name: 'Ks', paths: [] }], false],
    // …unless KS's own allowlist stops the fallback before any rule is tried.
    ['that spelling refuses the path', canon('ks'), canon('Ks'), [{ name: 'ks', paths: ['/usr/bin/KS'] }, { name: 'KS', paths: [] }, { name: 'Ks', paths: [] }], true],
    ['a canonical rule without allowlist', canon('ks'), canon('Ks'), [{ name: 'Ks', paths: [] }], false],
    ['a path head is never a basename', exact('/usr/bin/k'), canon('/USR/BIN/K'), [{ name: '/USR/BIN/K', paths: [] }], true],
  ];
  it.each(cases)('%s', (_, r, s, hosts, covered) => {
    const rs = ruleSetOf([r, s], hosts);
    expect(ruleCoverage(rs).coverers(0)).toEqual(covered ? [1] : []);
    checkAgainstOracle(rs);
  });
});

describe('pattern trie', () => {
  it('finds covering patterns without expanding alternatives', () => {
    const trie = new PatternTrie<string>();
    const put = (name: string, ...sets: string[][]) => trie.slot(sets.map(tokenSet)).push(name);
    put('x', ['x']);
    put('x[a,b,c]', ['x'], ['a', 'b', 'c']);
    put('x[a,b]', ['x'], ['b', 'a']);
    put('x a', ['x'], ['a']);
    put('x[a,d]', ['x'], ['a', 'd']);
    put('y', ['y']);
    const covering = (...sets: string[][]) => {
      const out: string[] = [];
      trie.forEachCovering(sets.map(tokenSet), (v) => out.push(v));
      return out.sort();
    };
    expect(covering(['x'], ['a', 'b'])).toEqual(['x', 'x[a,b,c]', 'x[a,b]']);
    expect(covering(['x'], ['a'], ['z'])).toEqual(['x', 'x a', 'x[a,b,c]', 'x[a,b]', 'x[a,d]']);
    expect(covering(['x'])).toEqual(['x']);
    expect(covering(['x', 'y'])).toEqual([]);
    expect(covering(['z'])).toEqual([]);
  });

  it('handles a pattern of 100,000 positions without overflowing the stack', () => {
    const trie = new PatternTrie<number>();
    const long = Array.from({ length: 100_000 }, (_, i) => [`t${i % 7}`]);
    trie.slot(long).push(1);
    trie.slot(long.slice(0, 10)).push(2);
    const seen: number[] = [];
    trie.forEachCovering(long, (v) => seen.push(v));
    expect(seen.sort()).toEqual([1, 2]);
  });

  it('analyses 20,000 rules sharing a few prefixes without comparing pairs', () => {
    const specs: Spec[] = [];
    for (let i = 0; i < 20_000; i++) {
      const head = ['git', 'npm', 'cargo', 'docker'][i % 4]!;
      specs.push({ pattern: [head, ['run', 'test', 'build'][i % 3]!, `arg${i % 5000}`], decision: 'allow', canonical: false });
      if (i % 100 === 0) specs.push({ pattern: [head, ['run', 'test']], decision: 'allow', canonical: i % 200 === 0 });
    }
    const rs = ruleSetOf(specs, []);
    const t0 = performance.now();
    const { findings } = ruleCoverage(rs);
    const ms = performance.now() - t0;
    expect(findings.length).toBeGreaterThan(5000);
    // Typically 30-100 ms; comparing the 2·10^8 pairs would take many seconds. Generous for a loaded machine.
    expect(ms).toBeLessThan(3000);
    expect(ruleCoverage(rs).findings).toBe(findings); // computed once per RuleSet
  });
});
