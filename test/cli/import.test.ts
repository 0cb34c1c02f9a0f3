// `escalint import` end to end, in-process: standard output and -o (atomic, never over an existing
// file without --force), the modeline, refusals with positions and exit codes (design.md §5), and
// import followed by compile giving the very file compile writes from the .rules file itself.
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importRules } from '../../src/import/import.js';
import { runCli } from './run.js';

const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const root = mkdtempSync(path.join(tmpdir(), 'escalint-import-cli-'));
const write = (name: string, text: string | Buffer) => {
  writeFileSync(path.join(root, name), text);
  return path.join(root, name);
};
const run = (args: string[]) => runCli(['import', ...args], { cwd: root });
const SCHEMA = ['--schema', './schemas/escalint.schema.json'];

const fixtureInput = (name: string) =>
  name === 'codex-default' ? fileURLToPath(new URL('../fixtures/starlark/default.rules', import.meta.url)) : path.join(fixtures, `${name}.rules`);
write('default.rules', readFileSync(fixtureInput('codex-default')));
write('hand.rules', readFileSync(path.join(fixtures, 'hand-written.rules')));
write('vars.rules', 'prefix_rule(pattern=["ok"])\nx = ["ls"]\nprefix_rule(pattern=x)\n');
write('refused.rules', 'prefix_rule(pattern=["ok"])\nprefix_rule(pattern=["ls"], decision="maybe")\nprefix_rule(pattern=["git", "status"], match=["git log"])\n');
write('rules.yaml', 'version: 1\n');

describe('escalint import', () => {
  it('prints the YAML of the library on standard output (also with -o -)', async () => {
    const r = await run(['default.rules', ...SCHEMA]);
    const lib = await importRules(path.join(root, 'default.rules'), readFileSync(path.join(root, 'default.rules')), {
      source: 'default.rules',
      schemaRef: './schemas/escalint.schema.json',
    });
    expect(r).toEqual({ code: 0, stdout: lib.text, stderr: '' });
    expect((await run(['default.rules', ...SCHEMA, '-o', '-'])).stdout).toBe(lib.text);
  });

  it("points the modeline at this escalint's schema, relative to the output", async () => {
    const r = await run(['default.rules']);
    const ref = /^# yaml-language-server: \$schema=(.+)$/m.exec(r.stdout)![1]!;
    expect(existsSync(path.resolve(root, ref))).toBe(true);
    expect(ref.endsWith('schemas/escalint.schema.json')).toBe(true);
    const o = await run(['default.rules', '-o', 'sub/dir/rules.yaml']);
    expect(o.code).toBe(0);
    const written = readFileSync(path.join(root, 'sub/dir/rules.yaml'), 'utf8');
    const ref2 = /^# yaml-language-server: \$schema=(.+)$/m.exec(written)![1]!;
    expect(existsSync(path.resolve(root, 'sub/dir', ref2))).toBe(true);
  });

  it('writes -o atomically, says what it imported, and never overwrites without --force', async () => {
    const r = await run(['hand.rules', '-o', 'hand.yaml', ...SCHEMA]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('imported 10 rules, 2 host executables, 2 network rules from hand.rules into hand.yaml; 10 findings written as comments (escalint check hand.yaml)\n');
    const first = readFileSync(path.join(root, 'hand.yaml'), 'utf8');
    expect(first).toBe((await run(['hand.rules', ...SCHEMA])).stdout);

    const again = await run(['hand.rules', '-o', 'hand.yaml', '--collapse', ...SCHEMA]);
    expect(again).toEqual({ code: 2, stdout: '', stderr: 'escalint: hand.yaml already exists; use --force to overwrite it\n' });
    expect(readFileSync(path.join(root, 'hand.yaml'), 'utf8')).toBe(first);

    chmodSync(path.join(root, 'hand.yaml'), 0o640);
    const forced = await run(['hand.rules', '-o', 'hand.yaml', '--collapse', '--force', ...SCHEMA]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('--collapse replaced 2 entries by 2 rules (1 kept: the categorical rule runs any code or destroys) and folded 2 entries into the rules that cover them');
    expect(readFileSync(path.join(root, 'hand.yaml'), 'utf8')).toContain('(--collapse)');
    expect(statSync(path.join(root, 'hand.yaml')).mode & 0o777).toBe(0o640);
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 1 and writes nothing for a file Codex would refuse, with each problem at its position', async () => {
    const r = await run(['refused.rules', '-o', 'refused.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      'refused.rules:2:38: invalid decision "maybe": must be one of allow, prompt, forbidden (Codex: invalid decision: maybe) [codex-load]',
      expect.stringMatching(/^refused\.rules:3:\d+: .*\[example-mismatch\]$/),
      'escalint: Codex would refuse to load refused.rules (2 problems above), so there is nothing to import; fix the file and import it again (escalint check shows every finding); nothing was written',
      '',
    ]);
    expect(existsSync(path.join(root, 'refused.yaml'))).toBe(false);
  });

  it('exits 2 and writes nothing for a file with constructs escalint reads without running', async () => {
    const r = await run(['vars.rules', '-o', 'vars.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vars\.rules:2:1: variables are not supported: .* \[rules-syntax\]\nvars\.rules:3:21: variables are not supported: .* \[rules-syntax\]\nescalint: vars\.rules uses what escalint reads without running/);
    expect(existsSync(path.join(root, 'vars.yaml'))).toBe(false);
  });

  it.each([
    [['missing.rules'], 'escalint: cannot read missing.rules: no such file\n'],
    [['rules.yaml'], 'escalint: rules.yaml is not a Codex .rules file; import reads .rules files (check, test and compile read YAML as it is)\n'],
    [['default.rules', '-o', 'out.rules'], 'escalint: out.rules: the output is YAML; name it .yaml (Codex reads every .rules file in its rules folder and would refuse to start on YAML)\n'],
    [['default.rules', '-o', 'rules.yaml/x.yaml'], null],
  ])('usage and I/O errors exit 2: %j', async (args, stderr) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    if (stderr !== null) expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(/^escalint: cannot write /);
  });

  it('notes when the YAML is larger than escalint reads by default (a token of megabytes is quoted in the finding too)', async () => {
    write('big.rules', `prefix_rule(pattern=["echo", "${'a b '.repeat(700_000)}"], decision="allow")\n`);
    const r = await run(['big.rules', '-o', 'big.yaml', ...SCHEMA]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('escalint: note: the YAML is 5.3 MiB, more than the 5.0 MiB escalint reads by default; --collapse makes it smaller, or split the rules into several files\n');
    expect(statSync(path.join(root, 'big.yaml')).size).toBeGreaterThan(5 * 2 ** 20);
  });

  it('is listed in --help', async () => {
    const r = await runCli(['--help'], { cwd: root });
    expect(r.stdout).toMatch(/\n {2}import \[options\] <file\.rules>/);
  });
});

describe('escalint import, then compile', () => {
  it.each(['codex-default', 'hand-written', 'tricky-tokens', 'directives', 'comments-only', 'grown'])(
    '%s: compile of the import is compile of the .rules file, byte for byte (but the header)',
    async (name) => {
      const rules = write(`${name}.rules`, readFileSync(fixtureInput(name)));
      const imported = await run([rules, '-o', `${name}.yaml`, '--force']);
      expect(imported.code).toBe(0);
      const viaYaml = await runCli(['compile', `${name}.yaml`], { cwd: root });
      const direct = await runCli(['compile', `${name}.rules`], { cwd: root });
      expect(viaYaml.code).toBe(0);
      expect(direct.code).toBe(0);
      const body = (s: string) => s.slice(s.indexOf('\n') + 1);
      expect(body(viaYaml.stdout)).toBe(body(direct.stdout));
    },
  );
});
