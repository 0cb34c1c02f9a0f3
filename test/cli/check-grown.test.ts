// The acceptance case, end to end: `escalint check` on a default.rules grown the way Codex
// grows it (one `prefix_rule(…, decision="allow")` line per approval, whole command lines, a
// careless `python3`/`bash`, duplicates) reports each problem at its line and column with the
// categorical replacement, in every output format; a clean, well-scoped file gives nothing.
// The SARIF output, with its fixes and related locations, is validated against the SARIF schema.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../golden.js';
import { runCli } from './run.js';

const fixtures = fileURLToPath(new URL('../fixtures/check/', import.meta.url));
const root = mkdtempSync(path.join(tmpdir(), 'escalint-grown-'));
for (const f of ['codex-grown.rules', 'realistic-clean.yaml']) copyFileSync(path.join(fixtures, f), path.join(root, f));
const run = (args: string[]) => runCli(args, { cwd: root });

describe('escalint check on a grown default.rules', () => {
  it.each(['stylish', 'compact', 'json', 'sarif', 'github'])('reports every finding in the %s format', async (format) => {
    const r = await run(['check', 'codex-grown.rules', '--format', format]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    // The JSON format carries the absolute path of the temporary folder; the golden has <root>.
    expectGolden(r.stdout.split(root).join('<root>'), new URL(`./snapshots/codex-grown.${format}.txt`, import.meta.url));
  });

  it('names the categorical replacement and the earlier rule of a duplicate', async () => {
    const r = await run(['check', 'codex-grown.rules', '--format', 'json']);
    const [file] = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; suggestions?: { fix: { text: string } }[] }[] }[];
    const at = (line: number, ruleId: string) => file!.messages.find((m) => m.line === line && m.ruleId === ruleId);
    expect(at(2, 'too-specific')?.suggestions?.[0]?.fix.text).toBe('["cargo", "test"]');
    expect(at(3, 'shell-wrapper')?.suggestions?.[0]?.fix.text).toBe('["cargo", "fmt"]');
    expect(at(4, 'arbitrary-code')).toBeDefined();
    expect(at(10, 'dangerous-allow')).toBeDefined();
    expect(at(12, 'ineffective-rule')).toBeDefined();
  });

  it('writes SARIF that the SARIF 2.1.0 schema accepts, with relatedLocations and fixes', async () => {
    const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
    const Ajv = (Ajv2020 as unknown as { default: typeof Ajv2020 }).default ?? Ajv2020;
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
    const log = JSON.parse((await run(['check', 'codex-grown.rules', '--format', 'sarif'])).stdout) as {
      runs: { results: { ruleId: string; relatedLocations?: unknown[]; fixes?: unknown[] }[] }[];
    };
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0]!.results;
    expect(results.find((x) => x.ruleId === 'duplicate-rule')?.relatedLocations).toHaveLength(1);
    expect(results.find((x) => x.ruleId === 'too-specific')?.fixes).toHaveLength(1);
  });

  it('is silent on a clean, well-scoped file of a few dozen rules', async () => {
    const r = await run(['check', 'realistic-clean.yaml']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(root, 'realistic-clean.yaml'), 'utf8').match(/^ {2}- id:/gm)!.length).toBeGreaterThanOrEqual(30);
  });
});
