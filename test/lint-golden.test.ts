// Golden tests in actionlint's style: each test/fixtures/check/<case>.yaml (or .rules) is linted
// alone and its findings, one per line as `<case>.yaml:line:col: message [check]`, must equal
// <case>.out. One case per kind of mistake. `UPDATE_GOLDEN=1 npx vitest run test/lint-golden.test.ts`
// rewrites the .out files; read the diff before committing.
//
// Unused disable directives are always reported here (as with --report-unused-disable-directives),
// so a stale directive in a fixture shows up. A case named `*.skip.yaml` waits for a loader feature.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectGolden } from './golden.js';
import { LineIndex, locate } from '../src/format/index.js';
import { lintFiles } from '../src/lint.js';

const dir = fileURLToPath(new URL('./fixtures/check/', import.meta.url));
const cases = readdirSync(dir)
  .filter((f) => /\.(ya?ml|rules)$/.test(f) && !/\.skip\./.test(f))
  .sort();

/** The golden text of one file: `file:line:col: message [check]` per finding. */
export async function goldenLines(file: string): Promise<string> {
  const result = await lintFiles([`${dir}${file}`], { reportUnusedDisableDirectives: true });
  if (result.fatal.length > 0) return result.fatal.map((d) => `fatal: ${d.message}\n`).join('');
  let out = '';
  for (const r of result.results) {
    const index = new LineIndex(r.text);
    for (const d of locate(index, r.diagnostics)) {
      out += `${file}:${d.line}:${d.column}: ${d.message.replace(/\r\n|\r|\n/g, ' ')} [${d.check}]\n`;
    }
  }
  return out;
}

describe('golden: escalint check', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it.each(cases)("%s", async (file) => {
    const outFile = `${dir}${file.replace(/\.(ya?ml|rules)$/, '')}.out`;
    expectGolden(await goldenLines(file), outFile);
  });
});
