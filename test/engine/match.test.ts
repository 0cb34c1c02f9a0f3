import { describe, expect, it } from 'vitest';
import { RuleIndex, strictestDecision, type MatchOptions } from '../../src/engine/match.js';
import { makeRules, type RuleSpec } from './make-rule.js';

interface Case {
  name: string;
  rules: RuleSpec[];
  hosts?: { name: string; paths: string[] }[];
  argv: string[];
  opts?: Partial<MatchOptions>;
  /** Expected matches as [matchedPrefix, decision, resolvedProgram?] in order. */
  expect: [string[], string, string?][];
}

// Every row was measured on codex 0.169.0 `execpolicy check` (cwd /tmp/exp/foo, HOME /h/me) or is
// quoted from reference/codex-0.169.md §2.
const cwd = '/tmp/exp/foo';
const home = '/h/me';
const cases: Case[] = [
  { name: 'exact prefix', rules: [{ pattern: ['git', 'status'] }], argv: ['git', 'status', '-s'], expect: [[['git', 'status'], 'allow']] },
  { name: 'argv shorter than pattern', rules: [{ pattern: ['git', 'status'] }], argv: ['git'], expect: [] },
  { name: 'case-sensitive', rules: [{ pattern: ['git'] }], argv: ['GIT', 'status'], expect: [] },
  { name: 'untrimmed', rules: [{ pattern: ['git'] }], argv: ['git ', 'status'], expect: [] },
  { name: 'a token with a space is one argv element', rules: [{ pattern: ['echo', 'a b'], decision: 'forbidden' }], argv: ['echo', 'a', 'b'], expect: [] },
  { name: 'a token with a space matches that element', rules: [{ pattern: ['echo', 'a b'], decision: 'forbidden' }], argv: ['echo', 'a b', 'c'], expect: [[['echo', 'a b'], 'forbidden']] },
  { name: 'empty token', rules: [{ pattern: ['git', ''], decision: 'prompt' }], argv: ['git', ''], expect: [[['git', ''], 'prompt']] },
  {
    name: 'first-position alternatives expand per head',
    rules: [{ pattern: [['bash', 'sh'], ['-c', '-l']] }],
    argv: ['sh', '-l', 'echo', 'hi'],
    expect: [[['sh', '-l'], 'allow']],
  },
  {
    name: 'later alternatives are not cartesian-expanded',
    rules: [{ pattern: ['npm', ['i', 'install'], ['--legacy-peer-deps', '--no-save']] }],
    argv: ['npm', 'install', '--no-save', 'leftpad'],
    expect: [[['npm', 'install', '--no-save'], 'allow']],
  },
  {
    name: 'every match in load order; duplicates reported twice',
    rules: [{ pattern: ['git'], decision: 'prompt' }, { pattern: ['git', 'commit'], decision: 'forbidden' }, { pattern: ['git'], decision: 'prompt' }],
    argv: ['git', 'commit', '-m', 'hi'],
    expect: [[['git'], 'prompt'], [['git', 'commit'], 'forbidden'], [['git'], 'prompt']],
  },
  {
    name: 'no host resolution unless asked',
    rules: [{ pattern: ['git', 'status'], decision: 'prompt' }],
    argv: ['/usr/bin/git', 'status'],
    expect: [],
  },
  ...(
    [
      ['./git', '/tmp/exp/foo/git'],
      ['bin/git', '/tmp/exp/foo/bin/git'],
      ['/usr/bin/git/', '/usr/bin/git'],
      ['/usr/bin/git/.', '/usr/bin/git'],
      ['git/', '/tmp/exp/foo/git'],
      ['../git', '/tmp/exp/git'],
      ['//git', '/git'],
      ['/a/../../git', '/git'],
      ['a//git', '/tmp/exp/foo/a/git'],
      ['~/git', '/h/me/git'],
      ['~/../git', '/h/git'],
      ['~/./git', '/h/me/git'],
      ['~root/git', '/tmp/exp/foo/~root/git'],
      ['a/~/git', '/tmp/exp/foo/a/~/git'],
    ] as const
  ).map(([program, resolved]): Case => ({
    name: `basename fallback ${program}`,
    rules: [{ pattern: ['git', 'status'], decision: 'prompt' }],
    argv: [program, 'status'],
    opts: { resolveHostExecutables: true },
    expect: [[['git', 'status'], 'prompt', resolved]],
  })),
  ...(['/usr/bin/git/..', '/', 'a\\git', '~git'] as const).map((program): Case => ({
    name: `no basename fallback for ${program}`,
    rules: [{ pattern: ['git', 'status'], decision: 'prompt' }],
    argv: [program, 'status'],
    opts: { resolveHostExecutables: true },
    expect: [],
  })),
  {
    name: 'empty program and . resolve to the cwd',
    rules: [{ pattern: ['foo'], decision: 'forbidden' }],
    argv: ['', 'x'],
    opts: { resolveHostExecutables: true },
    expect: [[['foo'], 'forbidden', '/tmp/exp/foo']],
  },
  {
    name: '.. resolves to the parent',
    rules: [{ pattern: ['exp'] }],
    argv: ['..'],
    opts: { resolveHostExecutables: true },
    expect: [[['exp'], 'allow', '/tmp/exp']],
  },
  {
    name: '~ resolves to home',
    rules: [{ pattern: ['me'], decision: 'prompt' }],
    argv: ['~'],
    opts: { resolveHostExecutables: true },
    expect: [[['me'], 'prompt', '/h/me']],
  },
  {
    name: 'exact first-token rules win over fallback',
    rules: [{ pattern: [''], justification: 'empty' }, { pattern: ['foo'], decision: 'forbidden' }],
    argv: ['', 'x'],
    opts: { resolveHostExecutables: true },
    expect: [[[''], 'allow']],
  },
  {
    name: 'no reverse mapping',
    rules: [{ pattern: ['/usr/bin/rm'], decision: 'forbidden' }],
    argv: ['rm', '-rf', 'x'],
    opts: { resolveHostExecutables: true },
    expect: [],
  },
  {
    name: 'host_executable: last definition wins',
    rules: [{ pattern: ['git'], decision: 'prompt' }],
    hosts: [{ name: 'git', paths: ['/usr/bin/git'] }, { name: 'git', paths: ['/opt/homebrew/bin/git'] }],
    argv: ['/usr/bin/git', 'status'],
    opts: { resolveHostExecutables: true },
    expect: [],
  },
  {
    name: 'host_executable: listed path resolves',
    rules: [{ pattern: ['git'], decision: 'prompt' }],
    hosts: [{ name: 'git', paths: ['/usr/bin/git'] }, { name: 'git', paths: ['/opt/homebrew/bin/git'] }],
    argv: ['/opt/homebrew/bin/git', 'status'],
    opts: { resolveHostExecutables: true },
    expect: [[['git'], 'prompt', '/opt/homebrew/bin/git']],
  },
  {
    name: 'host_executable: empty list forbids',
    rules: [{ pattern: ['git'], decision: 'prompt' }],
    hosts: [{ name: 'git', paths: [] }],
    argv: ['/usr/bin/git', 'status'],
    opts: { resolveHostExecutables: true },
    expect: [],
  },
  {
    name: 'host_executable paths are normalized',
    rules: [{ pattern: ['git'], decision: 'prompt' }],
    hosts: [{ name: 'git', paths: ['/usr/lib/../bin/git'] }],
    argv: ['/usr/bin/git', 'status'],
    opts: { resolveHostExecutables: true },
    expect: [[['git'], 'prompt', '/usr/bin/git']],
  },
  {
    name: 'canonical: exact heads first, in load order, then canonical-only heads',
    rules: [
      { pattern: ['Git', 'status'], decision: 'prompt', canonical: true },
      { pattern: ['git', 'status'] },
      { pattern: ['GIT'], decision: 'forbidden', canonical: true },
      { pattern: ['git'], canonical: true },
    ],
    argv: ['git', 'status'],
    expect: [[['git', 'status'], 'allow'], [['git'], 'allow'], [['git', 'status'], 'prompt'], [['git'], 'forbidden']],
  },
  {
    name: 'canonical: matchedPrefix echoes the command',
    rules: [{ pattern: ['git', ['status', 'log']], decision: 'forbidden', canonical: true }],
    argv: ['gIt', 'LOG', '-1'],
    expect: [[['gIt', 'LOG'], 'forbidden']],
  },
  {
    name: 'canonical with fallback is gated by the rule head allowlist too',
    rules: [
      { pattern: ['Git', 'status'], decision: 'prompt', canonical: true },
      { pattern: ['git', 'status'] },
      { pattern: ['GIT'], decision: 'forbidden', canonical: true },
      { pattern: ['git'], canonical: true },
    ],
    hosts: [{ name: 'git', paths: ['/usr/bin/git'] }],
    argv: ['/usr/bin/GIT', 'status'],
    opts: { resolveHostExecutables: true },
    expect: [[['GIT'], 'forbidden', '/usr/bin/GIT'], [['GIT', 'status'], 'prompt', '/usr/bin/GIT']],
  },
  {
    name: 'canonical with fallback is gated by the basename allowlist',
    rules: [{ pattern: ['git', 'status'], decision: 'prompt', canonical: true }],
    hosts: [{ name: 'GIT', paths: [] }],
    argv: ['/usr/bin/GIT', 'status'],
    opts: { resolveHostExecutables: true },
    expect: [],
  },
  {
    name: 'canonical with fallback, no allowlist for either name',
    rules: [{ pattern: ['git', 'status'], decision: 'prompt', canonical: true }],
    hosts: [{ name: 'GIT', paths: [] }],
    argv: ['/usr/bin/gIT', 'status'],
    opts: { resolveHostExecutables: true },
    expect: [[['gIT', 'status'], 'prompt', '/usr/bin/gIT']],
  },
  {
    name: 'canonical: no compatibility folding',
    rules: [{ pattern: ['git'], canonical: true }],
    argv: ['ＧＩＴ', 'status'],
    expect: [],
  },
];

describe('RuleIndex.match (Codex 0.169.0)', () => {
  it.each(cases)('$name', (c) => {
    const index = new RuleIndex(makeRules(c.rules), c.hosts ?? []);
    const got = index.match(c.argv, { resolveHostExecutables: false, cwd, home, ...c.opts });
    expect(got.map((m) => (m.resolvedProgram ? [m.matchedPrefix, m.decision, m.resolvedProgram] : [m.matchedPrefix, m.decision]))).toEqual(c.expect);
  });

  it('reports justification and the rule', () => {
    const rules = makeRules([{ pattern: ['rm'], decision: 'forbidden', justification: 'destructive command' }]);
    const [m] = new RuleIndex(rules, []).match(['rm', '-rf', '/'], { resolveHostExecutables: false });
    expect(m).toMatchObject({ rule: rules[0], justification: 'destructive command', headMatch: 'exact' });
  });

  it('does not resolve relative names without cwd, nor ~ without home', () => {
    const index = new RuleIndex(makeRules([{ pattern: ['git'] }]), []);
    expect(index.match(['./git'], { resolveHostExecutables: true })).toEqual([]);
    expect(index.match(['~/git'], { resolveHostExecutables: true, cwd })).toEqual([]);
    expect(index.match(['/usr/bin/git'], { resolveHostExecutables: true })).toHaveLength(1);
  });

  it('matchAll lists command order first', () => {
    const index = new RuleIndex(makeRules([{ pattern: ['cat'] }, { pattern: ['curl'], decision: 'prompt' }, { pattern: ['cat', 'x'] }]), []);
    const got = index.matchAll([['curl', 'x'], ['cat', 'x']], { resolveHostExecutables: false });
    expect(got.map((m) => m.rule.index)).toEqual([1, 0, 2]);
  });
});

describe('strictestDecision', () => {
  it.each([
    [[], null],
    [['allow'], 'allow'],
    [['allow', 'prompt'], 'prompt'],
    [['forbidden', 'prompt', 'allow'], 'forbidden'],
    [['prompt', 'allow'], 'prompt'],
  ] as const)('%j -> %s', (ds, want) => {
    expect(strictestDecision(ds.map((decision) => ({ decision })))).toBe(want);
  });
});
