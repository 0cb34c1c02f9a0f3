// bin/escalint.js (the launcher) as an installed copy runs it: with the bundle and its code cache
// (scripts/bundle.js), with a cache V8 rejects (another Node version wrote it, or it is damaged:
// the run is unaffected and the cache is written again), and without a bundle (the ES modules of
// dist/src): the same answers every way. Needs `npm run build` (CI builds in `npm ci`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'escalint-launcher-')));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// An installation of its own: bin/, dist/ and package.json copied, node_modules linked.
const install = path.join(tmp, 'escalint');
fs.mkdirSync(install);
fs.cpSync(path.join(root, 'bin'), path.join(install, 'bin'), { recursive: true });
fs.cpSync(path.join(root, 'dist'), path.join(install, 'dist'), { recursive: true, preserveTimestamps: true });
fs.copyFileSync(path.join(root, 'package.json'), path.join(install, 'package.json'));
fs.symlinkSync(path.join(root, 'node_modules'), path.join(install, 'node_modules'));
const bundle = path.join(install, 'dist/src/cli/escalint.cjs');
const cache = `${bundle}.cache`;
const hookCache = `${bundle}.hook.cache`;

const rules = path.join(tmp, 'rules.yaml');
fs.writeFileSync(rules, 'version: 1\nrules:\n  - pattern: [git, status]\n    decision: allow\n  - pattern: [touch]\n    decision: forbidden\n    justification: no new files\n  - pattern: [cargo, test, -p, core]\n    decision: allow\n');
const event = JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', cwd: tmp, tool_input: { command: 'git status && echo $(touch x)' } });

function run(args: string[], input = '') {
  const r = spawnSync(process.execPath, [path.join(install, 'bin/escalint.js'), ...args], { cwd: tmp, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const runs = () => ({
  version: run(['--version']),
  hook: run(['hook', 'codex-pre-tool-use', '--rules', rules], event),
  check: run(['check', rules, '--format', 'json']),
});

describe('the launcher', () => {
  it('is built with an ASCII bundle (read as Latin-1) and its code caches', () => {
    expect(fs.existsSync(bundle)).toBe(true);
    expect(fs.readFileSync(bundle, 'latin1')).toMatch(/^[\x00-\x7f]*$/);
    expect(fs.existsSync(cache)).toBe(true);
    expect(fs.existsSync(hookCache)).toBe(true);
    const fresh = fs.statSync(bundle).mtimeMs >= fs.statSync(path.join(install, 'dist/src/cli/main.js')).mtimeMs;
    expect(fresh, 'the bundle is older than dist/src (a plain tsc since the build): run npm run build').toBe(true);
  });

  const withBundle = runs();

  it('answers from the bundle', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(withBundle.version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(withBundle.hook.code).toBe(0);
    expect(JSON.parse(withBundle.hook.stdout).hookSpecificOutput.permissionDecision).toBe('deny');
    expect(withBundle.hook.stdout).toContain('touch x (inside $(…)) is forbidden by [\\"touch\\"]');
    expect(withBundle.check.code).toBe(0); // warnings only
    expect(JSON.parse(withBundle.check.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('too-specific');
  });

  it('runs unchanged with caches V8 rejects, and writes them again', () => {
    const garbage = Buffer.alloc(4096, 7);
    fs.writeFileSync(cache, garbage);
    fs.writeFileSync(hookCache, garbage);
    expect(runs()).toEqual(withBundle);
    expect(fs.readFileSync(cache).equals(garbage)).toBe(false);
    expect(fs.readFileSync(hookCache).equals(garbage)).toBe(false);
    // …which the next run accepts.
    expect(runs()).toEqual(withBundle);
  });

  it('runs the ES modules when they are newer than the bundle (a plain tsc since the build)', () => {
    const main = path.join(install, 'dist/src/cli/main.js');
    const version = path.join(install, 'dist/src/cli/version.js');
    const original = fs.readFileSync(version, 'utf8');
    // A changed module the bundle does not have: --version answers from it only without the bundle.
    fs.writeFileSync(version, original.replace('return (cached = pkg.version);', "return (cached = 'from-es-modules');"));
    const later = new Date(fs.statSync(bundle).mtimeMs + 5000);
    fs.utimesSync(main, later, later);
    expect(run(['--version']).stdout).toBe('from-es-modules\n');
    fs.utimesSync(bundle, new Date(later.getTime() + 5000), new Date(later.getTime() + 5000));
    expect(run(['--version']).stdout).toBe(withBundle.version.stdout);
    fs.writeFileSync(version, original);
  });

  it('runs the ES modules when there is no bundle', () => {
    fs.rmSync(bundle);
    fs.rmSync(cache);
    fs.rmSync(hookCache);
    expect(runs()).toEqual(withBundle);
    expect(fs.existsSync(cache)).toBe(false);
  });
});
