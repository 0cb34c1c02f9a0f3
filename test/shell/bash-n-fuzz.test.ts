// Random metacharacter-heavy strings: escalint and `bash -n -c` must agree on valid/invalid
// (`-c`, because Codex runs commands as `bash -lc <script>`). Known disagreements are categories in
// test/fixtures/shell-fuzz-divergences.json, each with a reason, a direction and a check that keeps
// it from hiding other bugs. Seeded; runs only where bash is installed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/shell/parse.js';
import { FRAGMENTS, META, STRUCTURED } from './alphabets.js';

interface Category {
  id: string;
  direction: 'escalint-rejects' | 'escalint-accepts';
  pattern: string;
  check: 'none' | 'diagnostic-after-match' | 'accepted-with-quoted-heredocs';
  reason: string;
  examples: string[];
}

const { categories } = JSON.parse(readFileSync(new URL('../fixtures/shell-fuzz-divergences.json', import.meta.url), 'utf8')) as { categories: Category[] };

const bashAvailable = spawnSync('bash', ['--version']).status === 0;

/** bash's verdicts: `bash -n -c` exits 0 even after some errors in `[[ ]]`, so stderr counts too. */
function bashVerdicts(scripts: string[]): boolean[] {
  const loop = 'for s; do e=$(bash -n -c "$s" 2>&1) && ! printf %s "$e" | grep -qE "error|unexpected|expected" && echo 1 || echo 0; done';
  const r = spawnSync('bash', ['-c', loop, 'fuzz', ...scripts], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const out = r.stdout.split('\n').filter(Boolean);
  if (out.length !== scripts.length) throw new Error(`bash gave ${out.length} verdicts for ${scripts.length} scripts`);
  return out.map((x) => x === '1');
}

function escalintOk(script: string): boolean {
  return parseShell(script, { unwrap: false }).diagnostics.length === 0;
}

/** Makes every heredoc delimiter quoted, so bodies are data (`<<E` → `<<\E`). */
function quoteHeredocs(script: string): string {
  return script.replace(/(?<!<)<<(-?)([ \t]*)(?=[^<\s'"\\])/g, '<<$1$2\\');
}

/** The category that explains a disagreement, or undefined. */
function explain(script: string, bashOk: boolean): Category | undefined {
  const ours = escalintOk(script);
  return categories.find((c) => {
    if (c.direction === 'escalint-rejects' ? !(bashOk && !ours) : !(!bashOk && ours)) return false;
    const m = new RegExp(c.pattern).exec(script);
    if (!m) return false;
    if (c.check === 'diagnostic-after-match') {
      const d = parseShell(script, { unwrap: false }).diagnostics[0];
      return d !== undefined && d.start >= m.index;
    }
    if (c.check === 'accepted-with-quoted-heredocs') return escalintOk(quoteHeredocs(script));
    return true;
  });
}

// No NUL and no lone surrogates: neither survives the trip through argv.
const frags = FRAGMENTS.filter((f) => !f.includes('\0'));
const metas = META.filter((c) => c !== '\0' && !/[\ud800-\udfff]/.test(c));
const fragmentStrings = fc.array(fc.constantFrom(...frags), { minLength: 1, maxLength: 10 }).map((a) => a.join(''));
const metaStrings = fc.string({ unit: fc.constantFrom(...metas), minLength: 1, maxLength: 12 });
const structuredStrings = fc.array(fc.constantFrom(...STRUCTURED), { minLength: 1, maxLength: 10 }).map((a) => a.join(''));

describe.runIf(bashAvailable)('agreement with bash -n -c on random strings', () => {
  for (const [name, arb, seed] of [
    ['shell fragments', fragmentStrings, 11],
    ['metacharacters', metaStrings, 12],
    ['structured fragments', structuredStrings, 13],
  ] as const) {
    it(`${name}: every disagreement is a known category`, () => {
      const scripts = fc.sample(arb as fc.Arbitrary<string>, { seed, numRuns: 300 });
      const verdicts = bashVerdicts(scripts);
      const unexplained = scripts
        .map((s, i) => ({ script: s, bashOk: verdicts[i]!, escalintOk: escalintOk(s) }))
        .filter((x) => x.bashOk !== x.escalintOk && explain(x.script, x.bashOk) === undefined);
      expect(unexplained).toEqual([]);
      // The test must see both valid and invalid strings to mean anything.
      expect(verdicts.filter(Boolean).length).toBeGreaterThan(10);
      expect(verdicts.filter((v) => !v).length).toBeGreaterThan(10);
    }, 60_000);
  }

  it('each category still describes a real disagreement (its examples)', () => {
    const examples = categories.flatMap((c) => c.examples.map((e) => ({ c, e })));
    const verdicts = bashVerdicts(examples.map((x) => x.e));
    const stale = examples.filter(({ c, e }, i) => explain(e, verdicts[i]!)?.id !== c.id).map(({ c, e }) => `${c.id}: ${JSON.stringify(e)}`);
    expect(stale).toEqual([]);
  });
});
