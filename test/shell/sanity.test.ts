// The sanity walk over many scripts: the labelled corpus, the bash -n table, and scripts chosen
// for tricky offsets (line continuations, heredocs, backticks, multi-unit characters).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../grammar/shell/parser.js';
import { collectSegments } from '../../src/shell/segments.js';
import { sanityProblems, shiftOffsets, spanNodes, walkProblems } from './sanity.js';

const corpus = JSON.parse(readFileSync(new URL('../fixtures/shell-segments.json', import.meta.url), 'utf8')) as {
  cases: { id: string; script: string; error?: boolean; bash_n_ok: boolean }[];
};
const bashN = JSON.parse(readFileSync(new URL('../fixtures/bash-n-cases.json', import.meta.url), 'utf8')) as {
  cases: { script: string; bashOk: boolean; divergence?: string }[];
};
// Valid by the labels: bash accepts it and escalint is not recorded as refusing it (a divergence
// flips escalint's verdict, bash-n.test.ts).
const validCorpus = corpus.cases.filter((c) => c.bash_n_ok && !c.error);
const invalidCorpus = corpus.cases.filter((c) => !c.bash_n_ok || c.error);
const validBashN = bashN.cases.filter((c) => c.bashOk === !c.divergence);
const invalidBashN = bashN.cases.filter((c) => c.bashOk !== !c.divergence);

const tricky = [
  'a=x\\\ny cmd',
  'a[x\\\n]=1 cmd',
  'ec\\\nho a\\\nb "c\\\nd" $\\\nx "$\\\n(ls)" $(\\\nls)',
  'cat <<E; echo `a \\`b\\``\n$(x)\nE\n',
  'cat <<-E\n\t`a`\n\tE',
  'echo 😀 "😀$(é)" $\'\\u00e9\' é=1',
  'echo ${x:-a\\\nb} ${#x} ${!x} ${x/a/b} "${y//\\}/}"',
  'f() { for i in $(seq 3); do echo "$i" >&2; done; } 2>/dev/null',
  'x=$(( $(a) + `b` )) y=([0]=$(c) [k]=d) z[`e`]=f cmd',
  'case $(a) in (b) `c`;; d|$(e)) ;& *) f;;& esac',
  'coproc N { a; } 2>&1; [[ $(b) =~ ^(c|d)$ ]] && (( $(e) ))',
  'echo "`a "\\`b\\`"`"',
  'ec\\\nho a\\\nb "c\\\nd" $\\\n(ls)',
  // Line continuations inside every form bash reads them out of (continuations.ts).
  'echo $\\\n{x:\\\n-$\\\n(a)} "$\\\n((1+$\\\n(b)))" $\\\n[c] <\\\n(d) `e\\\nf` ${g\\\n[$\\\n(h)]}',
  'a=$\\\n(b) c[$\\\n(d)]=e f=(g $\\\n(h)) i &\\\n& [\\\n[ $\\\n(j) =\\\n~ k$\\\n(l) ]\\\n] |\\\n| (\\\n( $\\\n(m) ))',
  "echo 'a\\\nb' $'c\\\nd' $\\\n'e' \\\n\"f\" # g\\\nh 2\\\n>i",
  'cat <\\\n<E\\\nF <<\\\n-\\\n\\G; cat <<$x # c\\\na$\\\n(b)\nE\\\nF\n\tc\\\n\\\nG\\\n\nd\nG\n$(e)\n$x\nf',
  'x=$(cat <<E\n$(a)\nEb)\ny=$(cat <<-\'E\'\nc\n\tE )\ncat <<$(d  e)\n$(f)\n$(d e)\n',
  'time -\\\np -\\\n- a | time -p -- b; echo $(time c)',
];

// Scripts bash accepts that escalint refuses today, with why. Each test passes while the bug is
// there and fails once it is fixed; then move the script up into `tricky`. None at the moment.
const knownRefused: [script: string, why: string][] = [];

// Node kinds whose own text the walk checks (raw, value, quotes or operator), outside backticks.
const SLICE_CHECKED = new Set(['word', 'lit', 'sgl', 'dbl', 'ansi', 'param', 'cmdsubst', 'procsubst', 'arith', 'arithcmd', 'redirect']);
const tamperScripts = [
  'echo "$(ls)"',
  'FOO="a b" git -C "$HOME" log $\'x\\ty\' ${#v} $((1 + $(n))) <in 2>&1 >>"$(id).log" | tee <(sort) >(wc -l)',
  '((x = $(a) + 1)) && a=(b [k]=c) cmd; cat <<E; f() { g; }\n$(x) ${y:-z}\nE\n',
  ...tricky.filter((s) => !s.includes('`')),
];

function parsed(text: string) {
  const r = parseScript(text, { maxDepth: 256 });
  if (!r.ok) throw new Error(`tamper script does not parse: ${JSON.stringify(text)}`);
  return r.script;
}

describe('sanity walk', () => {
  for (const c of validCorpus) {
    it(`corpus ${c.id}`, () => expect(sanityProblems(c.script)).toEqual([]));
  }
  it('every valid script of the bash -n table', () => {
    const bad = validBashN.map((c) => [c.script, sanityProblems(c.script)] as const).filter(([, p]) => p.length > 0);
    expect(bad).toEqual([]);
  });
  for (const s of tricky) {
    it(JSON.stringify(s), () => expect(sanityProblems(s)).toEqual([]));
  }
  for (const [s, why] of knownRefused) {
    it.fails(`known refusal, ${why}: ${JSON.stringify(s)}`, () => expect(sanityProblems(s)).toEqual([]));
  }
});

describe('the sanity walk can fail', () => {
  it('reports every script the labels call invalid (nothing passes by not parsing)', () => {
    expect(invalidCorpus.length).toBeGreaterThan(0);
    expect(invalidBashN.length).toBeGreaterThan(0);
    const unreported = [...invalidCorpus, ...invalidBashN].map((c) => c.script).filter((s) => !sanityProblems(s).some((p) => p.startsWith('does not parse: ')));
    expect(unreported).toEqual([]);
  });

  it('finds nothing wrong with the untampered trees (the tampering below is what it reports)', () => {
    for (const text of tamperScripts) expect(walkProblems(text, parsed(text)), text).toEqual([]);
  });

  it('reports the whole tree shifted by one', () => {
    for (const text of tamperScripts) {
      for (const by of [1, -1]) expect(walkProblems(text, shiftOffsets(parsed(text), by)), `${text} by ${by}`).not.toEqual([]);
    }
  });

  it('reports any single node whose text it checks, shifted by one', () => {
    const survivors: string[] = [];
    let tampered = 0;
    for (const text of tamperScripts) {
      const tree = parsed(text);
      spanNodes(tree).forEach((n, i) => {
        if (!SLICE_CHECKED.has(String(n.type))) return;
        for (const by of [1, -1]) {
          tampered++;
          if (walkProblems(text, shiftOffsets(tree, by, (_, j) => j === i)).length === 0) survivors.push(`${text}: ${String(n.type)} [${n.start}, ${n.end}) by ${by}`);
        }
      });
    }
    expect(tampered).toBeGreaterThan(200);
    expect(survivors).toEqual([]);
  });

  it('reports any single segment shifted by one', () => {
    const survivors: string[] = [];
    for (const text of tamperScripts) {
      const tree = parsed(text);
      const segments = collectSegments(tree);
      expect(segments.length, text).toBeGreaterThan(0);
      segments.forEach((s, i) => {
        for (const by of [1, -1]) {
          const tampered = segments.map((t, j) => (j === i ? shiftOffsets(t, by, (_, k) => k === 0) : t));
          if (walkProblems(text, tree, tampered).length === 0) survivors.push(`${text}: segment ${JSON.stringify(s.argv)} by ${by}`);
        }
      });
    }
    expect(survivors).toEqual([]);
  });
});
