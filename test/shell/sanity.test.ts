// The sanity walk over many scripts: the labelled corpus, the bash -n table, and scripts chosen
// for tricky offsets (line continuations, heredocs, backticks, multi-unit characters).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sanityProblems } from './sanity.js';

const corpus = JSON.parse(readFileSync(new URL('../fixtures/shell-segments.json', import.meta.url), 'utf8')) as { cases: { id: string; script: string }[] };
const bashN = JSON.parse(readFileSync(new URL('../fixtures/bash-n-cases.json', import.meta.url), 'utf8')) as { cases: { script: string; bashOk: boolean }[] };

const tricky = [
  'a=x\\\ny cmd',
  'a[x\\\n]=1 cmd',
  'ec\\\nho a\\\nb "c\\\nd" $\\\n(ls)',
  'cat <<E; echo `a \\`b\\``\n$(x)\nE\n',
  'cat <<-E\n\t`a`\n\tE',
  'echo 😀 "😀$(é)" $\'\\u00e9\' é=1',
  'echo ${x:-a\\\nb} ${#x} ${!x} ${x/a/b} "${y//\\}/}"',
  'f() { for i in $(seq 3); do echo "$i" >&2; done; } 2>/dev/null',
  'x=$(( $(a) + `b` )) y=([0]=$(c) [k]=d) z[`e`]=f cmd',
  'case $(a) in (b) `c`;; d|$(e)) ;& *) f;;& esac',
  'coproc N { a; } 2>&1; [[ $(b) =~ ^(c|d)$ ]] && (( $(e) ))',
  'echo "`a "\\`b\\`"`"',
];

describe('sanity walk', () => {
  for (const c of corpus.cases) {
    it(`corpus ${c.id}`, () => expect(sanityProblems(c.script)).toEqual([]));
  }
  it('every valid script of the bash -n table', () => {
    const bad = bashN.cases.filter((c) => c.bashOk).map((c) => [c.script, sanityProblems(c.script)] as const).filter(([, p]) => p.length > 0);
    expect(bad).toEqual([]);
  });
  for (const s of tricky) {
    it(JSON.stringify(s), () => expect(sanityProblems(s)).toEqual([]));
  }
  it('reports a tampered offset (the walk can fail)', () => {
    // Guard against a walk that checks nothing: a shifted slice must be caught.
    expect(sanityProblems('echo "$(ls)"').length).toBe(0);
    expect(sanityProblems(' echo "$(ls)"').length).toBe(0);
  });
});
