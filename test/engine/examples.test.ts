import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RuleIndex } from '../../src/engine/match.js';
import { checkExamples, codexMatchError, codexNotMatchError, debugPrefixRules, rustDebugString } from '../../src/engine/examples.js';
import { loadStarlarkRuleFile } from '../../src/rules/starlark.js';
import type { Rule } from '../../src/types.js';

function rule(over: Partial<Rule>): Rule {
  const src = { file: 'r.yaml', start: 0, end: 1 };
  return {
    id: null,
    pattern: ['git', 'status'],
    decision: 'allow',
    decisionExplicit: true,
    match: [],
    notMatch: [],
    canonicalMatching: false,
    source: src,
    patternSource: { file: 'r.yaml', start: 5, end: 9 },
    index: 0,
    ...over,
  };
}

const ids = (r: Rule, hosts: { name: string; paths: string[] }[] = [], cwd?: string) =>
  checkExamples(r, hosts, cwd ? { cwd } : {}).map((d) => `${d.check}/${d.messageId}@${d.start}`);

describe('checkExamples', () => {
  const table: [string, Partial<Rule>, string[]][] = [
    ['all good', { match: ['git status', ['git', 'status', '-s']], notMatch: ['git log'] }, []],
    ['unmatched string', { match: ['git log'] }, ['example-mismatch/match-unmatched@5']],
    ['every unmatched is reported', { match: ['git log', 'git status', ['git', 'diff']] }, ['example-mismatch/match-unmatched@5', 'example-mismatch/match-unmatched@5']],
    ['first not_match offender only', { notMatch: ['git log', 'git status', 'git status -s'] }, ['example-mismatch/not-match-matches@5']],
    ['empty string', { match: [''] }, ['codex-load/example-empty-string@5']],
    ['comment only', { match: ['# c'] }, ['codex-load/example-empty-string@5']],
    ['bad shell', { match: ['git "x'] }, ['codex-load/example-shell-syntax@5']],
    ['empty list', { notMatch: [[]] }, ['codex-load/example-empty-list@5']],
    ['non-string token', { match: [['git', 1 as unknown as string]] }, ['codex-load/example-token-type@5']],
    ['quoted words', { pattern: ['git', 'commit', '-m'], match: ["git commit -m 'a b'"] }, []],
    ['# inside a word', { pattern: ['g#h'], match: ['g#h x'] }, []],
    ['alternatives in the head', { pattern: [['git', 'hub'], 'status'], match: ['hub status'], notMatch: ['gh status'] }, []],
  ];
  it.each(table)('%s', (_name, over, expected) => {
    expect(ids(rule(over))).toEqual(expected);
  });

  it('positions each finding at its example', () => {
    const r = rule({
      match: ['git log', 'git status'],
      matchSources: [
        { file: 'r.yaml', start: 20, end: 29 },
        { file: 'r.yaml', start: 31, end: 43 },
      ],
    });
    expect(checkExamples(r, [])[0]).toMatchObject({ start: 20, end: 29, file: 'r.yaml' });
  });

  it('resolves host executables: any path without an entry, only listed paths with one', () => {
    const r = rule({ match: ['/usr/local/bin/git status'] });
    expect(ids(r)).toEqual([]);
    expect(ids(r, [{ name: 'git', paths: ['/usr/bin/git'] }])).toEqual(['example-mismatch/match-unmatched@5']);
    expect(ids(rule({ match: ['/usr/bin/../bin/git status'] }), [{ name: 'git', paths: ['/usr/bin/git'] }])).toEqual([]);
    expect(ids(rule({ match: ['git status'] }), [{ name: 'git', paths: [] }])).toEqual([]); // exact head needs no resolution
  });

  it('resolves relative program paths against cwd', () => {
    const r = rule({ match: ['./git status'] });
    expect(ids(r, [{ name: 'git', paths: ['/repo/git'] }], '/repo')).toEqual([]);
    expect(ids(r, [{ name: 'git', paths: ['/repo/git'] }], '/elsewhere')).toEqual(['example-mismatch/match-unmatched@5']);
  });

  it('not_match through basename fallback names the resolved program', () => {
    const d = checkExamples(rule({ notMatch: ['/usr/bin/git status'] }), []);
    expect(d[0]!.message).toContain('(through "/usr/bin/git")');
  });
});

describe("Codex's error text", () => {
  it('renders rules and matches with Rust Debug', () => {
    expect(rustDebugString('a"b\\c\n\u0001é')).toBe('"a\\"b\\\\c\\n\\u{1}é"');
    expect(debugPrefixRules(rule({ pattern: [['a', 'b'], ['c'], ['d', 'e']], decision: 'prompt', justification: 'j' }))).toEqual([
      'PrefixRule { pattern: PrefixPattern { canonical_matching: false, first: "a", rest: [Single("c"), Alts(["d", "e"])] }, decision: Prompt, justification: Some("j") }',
      'PrefixRule { pattern: PrefixPattern { canonical_matching: false, first: "b", rest: [Single("c"), Alts(["d", "e"])] }, decision: Prompt, justification: Some("j") }',
    ]);
  });

  // The example errors of the corpus, reproduced byte for byte.
  const corpus = (JSON.parse(readFileSync(new URL('../fixtures/codex/codex-policy.json', import.meta.url), 'utf8')) as { name: string; rules: string; files?: string[]; error?: string }[]).filter(
    (c) => c.error?.startsWith('expected '),
  );
  it('covers the corpus example errors', () => expect(corpus.length).toBeGreaterThanOrEqual(4));
  it.each(corpus.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const files = c.files ?? [c.rules];
    const hosts = files.slice(0, -1).flatMap((f) => loadStarlarkRuleFile('a.rules', f).hostExecutables);
    const last = loadStarlarkRuleFile('b.rules', files[files.length - 1]!);
    const all = [...hosts, ...last.hostExecutables];
    const r = last.rules[0]!;
    const index = new RuleIndex([r], all);
    const opts = { resolveHostExecutables: true, cwd: '/' };
    const parse = (e: string | string[]) => (typeof e === 'string' ? e.split(' ') : e);
    if (c.error!.startsWith('expected every')) {
      const unmatched = r.match.map(parse).filter((t) => index.match(t, opts).length === 0);
      expect(codexMatchError(r, unmatched)).toBe(c.error);
    } else {
      const ex = r.notMatch.map(parse).find((t) => index.match(t, opts).length > 0)!;
      expect(codexNotMatchError(index.match(ex, opts)[0]!, ex)).toBe(c.error);
    }
  });
});
