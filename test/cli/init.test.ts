import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { installedSchemaPath, schemaRefFor, starterRuleFile } from '../../src/cli/init.js';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadRuleFiles } from '../../src/load.js';
import { ruleFileSchema } from '../../src/rules/schema.js';

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => '',
    isTTY: false,
    env: {},
    cwd,
  };
  const code = await main(['node', 'escalint', ...args], io);
  return { code, stdout, stderr };
}

describe('escalint init', () => {
  test('writes rules.yaml by default; the file loads clean and its modeline resolves', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'escalint-init-'));
    const r = await run(['init'], cwd);
    expect(r).toEqual({ code: 0, stdout: 'created rules.yaml; check it with: escalint check rules.yaml\n', stderr: '' });
    const file = path.join(cwd, 'rules.yaml');
    const text = readFileSync(file, 'utf8');
    const ref = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)![1]!;
    expect(JSON.parse(readFileSync(path.resolve(cwd, ref), 'utf8'))).toEqual(ruleFileSchema);
    const loaded = await loadRuleFiles([file]);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.ruleSet.rules.length).toBeGreaterThan(0);
  });

  test('refuses to overwrite without --force: exit 2, one line', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'escalint-init-'));
    writeFileSync(path.join(cwd, 'mine.yaml'), 'keep me\n');
    const r = await run(['init', 'mine.yaml'], cwd);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'escalint: mine.yaml already exists; use --force to overwrite it\n' });
    expect(readFileSync(path.join(cwd, 'mine.yaml'), 'utf8')).toBe('keep me\n');
    const forced = await run(['init', 'mine.yaml', '--force'], cwd);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(cwd, 'mine.yaml'), 'utf8')).toContain('version: 1');
  });

  test('a missing directory is exit 2 with one line', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'escalint-init-'));
    const r = await run(['init', 'no/such/dir/rules.yaml'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('escalint: cannot write no/such/dir/rules.yaml: no such directory\n');
    expect(existsSync(path.join(cwd, 'no'))).toBe(false);
  });

  test('--schema sets the modeline', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'escalint-init-'));
    await run(['init', '--schema', 'https://example.invalid/s.json'], cwd);
    expect(readFileSync(path.join(cwd, 'rules.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://example.invalid/s.json',
    );
  });

  test.each([
    ['/repo/rules.yaml', '/repo/schemas/escalint.schema.json', './schemas/escalint.schema.json'],
    ['/repo/config/rules.yaml', '/repo/node_modules/escalint/schemas/escalint.schema.json', '../node_modules/escalint/schemas/escalint.schema.json'],
  ])('schemaRefFor(%s)', (target, schema, ref) => expect(schemaRefFor(target, schema)).toBe(ref));

  test('the installed schema is the one in schemas/', () => {
    expect(JSON.parse(readFileSync(installedSchemaPath(), 'utf8'))).toEqual(ruleFileSchema);
    expect(starterRuleFile('x')).toMatch(/^# yaml-language-server: \$schema=x\n/);
  });
});

describe('escalint schema', () => {
  test('prints the schema file byte for byte', async () => {
    const r = await run(['schema'], tmpdir());
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(new URL('../../schemas/escalint.schema.json', import.meta.url), 'utf8'));
  });
});
