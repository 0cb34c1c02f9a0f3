// Agreement with `bash -n` on which strings are valid shell. The verdicts are recorded in the
// fixture (from bash 5.2); where bash is on the machine they are checked again, so the fixture
// cannot drift from bash. Known divergences are listed with their reason.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/shell/parse.js';

interface Case {
  script: string;
  bashOk: boolean;
  divergence?: string;
}

const { cases } = JSON.parse(readFileSync(new URL('../fixtures/bash-n-cases.json', import.meta.url), 'utf8')) as { cases: Case[] };
const bashAvailable = spawnSync('bash', ['--version']).status === 0;

describe('bash -n agreement', () => {
  for (const c of cases) {
    it(JSON.stringify(c.script).slice(0, 70), () => {
      const ok = parseShell(c.script).diagnostics.length === 0;
      if (c.divergence) expect(ok).toBe(!c.bashOk);
      else expect(ok).toBe(c.bashOk);
    });
  }

  it.runIf(bashAvailable)('recorded verdicts still match bash -n on this machine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'escalint-bash-n-'));
    const file = join(dir, 't.sh');
    const wrong: string[] = [];
    for (const c of cases) {
      if (c.script.includes('\0')) continue; // bash reads a NUL in a file differently from a string
      writeFileSync(file, c.script);
      const ok = spawnSync('bash', ['-n', file]).status === 0;
      if (ok !== c.bashOk) wrong.push(c.script);
    }
    expect(wrong).toEqual([]);
  });
});
