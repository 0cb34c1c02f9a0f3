// escalint's hook in the real Codex 0.169.0 (design.md §9; reference/codex-hooks.md). A fake model
// on 127.0.0.1 asks to run one command; `escalint hook install codex` writes the hooks into a
// private CODEX_HOME whose config.toml points at that model; then:
//  (1) `echo $(touch <f>) hi` with a forbidden rule on touch: PreToolUse denies, <f> is never
//      created (a control run without the hook creates it), and the model is told why;
//  (2) a compound command whose every segment is allowed runs (the hook ran and did not object);
//  (3) a rule file with a syntax error: every command is denied, with the diagnostic;
//  (4) PermissionRequest, through `codex app-server` (the path on which Codex asks): an allowed
//      compound command runs without any approval request, while a command escalint does not
//      allow still reaches the person (who declines, so it does not run);
//  (5) the hook process alone: exit 0 and a deny for garbage, a huge input, an endless input.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { requireCodex } from './harness.js';
import { appServerTurn, codexExec, escalintLauncher, fakeModel, providerToml, type FakeModel } from './hook-harness.js';

const bin = requireCodex('hook-e2e.test.ts');

describe.skipIf(!bin)('escalint hook in real Codex 0.169.0', () => {
  let launcher = '';
  let tmp = '';
  beforeAll(() => {
    launcher = escalintLauncher();
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'escalint-hook-e2e-')));
  }, 300_000);
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A session folder holding `rules.yaml`, and a HOME whose CODEX_HOME uses `model`, with escalint's hooks unless `hooks` is false. */
  async function setup(name: string, rules: string, model: FakeModel, hooks = true): Promise<{ home: string; work: string }> {
    const base = path.join(tmp, name);
    const home = path.join(base, 'home');
    const work = path.join(base, 'work');
    fs.mkdirSync(path.join(home, '.codex'), { recursive: true });
    fs.mkdirSync(work, { recursive: true });
    fs.writeFileSync(path.join(work, 'rules.yaml'), rules);
    fs.writeFileSync(path.join(home, '.codex/config.toml'), providerToml(model.baseUrl));
    if (hooks) {
      const r = await runCli(['hook', 'install', 'codex', '--user', '--rules', 'rules.yaml', '--command', `${process.execPath} ${launcher}`], {
        cwd: work,
        env: { HOME: home, CODEX_HOME: path.join(home, '.codex') },
      });
      expect(r.code, r.stderr).toBe(0);
    }
    return { home, work };
  }

  const TOUCH_FORBIDDEN = `version: 1
rules:
  - pattern: [echo]
    decision: allow
  - pattern: [touch]
    decision: forbidden
    justification: no touching
`;

  it('(1) denies a forbidden command hidden in $(…), which Codex itself would run', async () => {
    // Control: Codex's own rules do not look inside $(…) (the script gap), so without the hook the file is created.
    const control = await fakeModel([`echo $(touch ${path.join(tmp, 'control-pwned')}) hi`]);
    try {
      const { home, work } = await setup('control', TOUCH_FORBIDDEN, control, false);
      fs.mkdirSync(path.join(home, '.codex/rules'));
      fs.writeFileSync(path.join(home, '.codex/rules/default.rules'), 'prefix_rule(pattern=["touch"], decision="forbidden", justification="no touching")\n');
      const run = await codexExec(bin!, home, work, { hooks: false });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(fs.existsSync(path.join(tmp, 'control-pwned'))).toBe(true);
    } finally {
      await control.close();
    }

    const target = path.join(tmp, 'pwned');
    const command = `echo $(touch ${target}) hi`;
    const model = await fakeModel([command]);
    try {
      const { home, work } = await setup('deny', TOUCH_FORBIDDEN, model);
      const run = await codexExec(bin!, home, work);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(fs.existsSync(target)).toBe(false);
      // The second request carries the answer to the model's call.
      expect(model.requests).toHaveLength(2);
      const last = model.requests[1]!.input.at(-1)!;
      expect(last).toMatchObject({ type: 'function_call_output', call_id: 'c0' });
      expect(last.output).toBe(`Command blocked by PreToolUse hook: touch ${target} (inside $(…)) is forbidden by ["touch"] at rules.yaml:5 — no touching. Command: ${command}`);
    } finally {
      await model.close();
    }
  }, 180_000);

  it('(2) lets a compound command whose every segment is allowed run', async () => {
    const dir = path.join(tmp, 'made');
    const model = await fakeModel([`echo start && mkdir ${dir} && ls ${dir} | wc -l`]);
    try {
      const rules = 'version: 1\nrules:\n  - pattern: [echo]\n    decision: allow\n  - pattern: [mkdir]\n    decision: allow\n  - pattern: [ls]\n    decision: allow\n  - pattern: [wc, -l]\n    decision: allow\n';
      const { home, work } = await setup('allow', rules, model);
      const run = await codexExec(bin!, home, work);
      expect(run.exitCode, run.stderr).toBe(0);
      // Codex ran the hook, and it did not fail (a failed hook prints "Failed").
      expect(run.stdout + run.stderr).toMatch(/hook: PreToolUse/);
      expect(run.stdout + run.stderr).not.toMatch(/hook: PreToolUse (Failed|Blocked)/);
      expect(fs.statSync(dir).isDirectory()).toBe(true);
      expect(model.outputs()[0]).toMatch(/Process exited with code 0\n[\s\S]*Output:\nstart\n0\n$/);
    } finally {
      await model.close();
    }
  }, 180_000);

  it('(3) denies every command when the rule file does not parse, with the diagnostic', async () => {
    const dir = path.join(tmp, 'not-made');
    const model = await fakeModel([`mkdir ${dir}`]);
    try {
      const { home, work } = await setup('broken', 'version: 1\nrules:\n  - pattern: [mkdir\n    decision: allow\n', model);
      const run = await codexExec(bin!, home, work);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(fs.existsSync(dir)).toBe(false);
      expect(model.outputs()[0]).toMatch(/^Command blocked by PreToolUse hook: escalint cannot use its rules, so it blocks every command: rules\.yaml:\d+:\d+: .+ \[yaml\]; run escalint check rules\.yaml\. Command: mkdir /);
    } finally {
      await model.close();
    }
  }, 180_000);

  it('(4) PermissionRequest (codex app-server): allows an allowed compound command without asking, and leaves the rest to the person', async () => {
    const rules = 'version: 1\nrules:\n  - pattern: [echo]\n    decision: allow\n  - pattern: [mkdir]\n    decision: allow\n';
    const allowed = path.join(tmp, 'approved');
    const model = await fakeModel([`echo start && mkdir ${allowed}`]);
    try {
      const { home, work } = await setup('permission', rules, model);
      const turn = await appServerTurn(bin!, home, work, 'untrusted');
      // Codex found both hooks install wrote, without a warning.
      expect(turn.hooks.map((h) => h.eventName).sort()).toEqual(['permissionRequest', 'preToolUse']);
      expect(turn.hookWarnings).toEqual([]);
      expect(turn.completed).toBe(true);
      // The PermissionRequest hook ran and allowed: no approval request reached the client, and the command ran.
      expect(turn.notifications.some((n) => n.method === 'hook/completed' && (n.params.run as { eventName?: string }).eventName === 'permissionRequest')).toBe(true);
      expect(turn.serverRequests).toEqual([]);
      expect(fs.statSync(allowed).isDirectory()).toBe(true);
    } finally {
      await model.close();
    }

    // Control: a segment no rule allows (`touch`): escalint has no opinion, Codex asks the person.
    const asked = path.join(tmp, 'asked');
    const control = await fakeModel([`echo start && mkdir ${asked} && touch ${asked}/x`]);
    try {
      const { home, work } = await setup('permission-control', rules, control);
      const turn = await appServerTurn(bin!, home, work, 'untrusted');
      expect(turn.serverRequests.map((r) => r.method)).toEqual(['item/commandExecution/requestApproval']);
      expect(turn.serverRequests[0]!.params.command).toBe(`/bin/bash -lc 'echo start && mkdir ${asked} && touch ${asked}/x'`);
      expect(fs.existsSync(asked)).toBe(false);
    } finally {
      await control.close();
    }
  }, 240_000);

  it('(5) the hook process: exit 0 and one JSON deny for garbage, a huge input or one that never ends', async () => {
    const rules = path.join(tmp, 'process-rules.yaml');
    fs.writeFileSync(rules, TOUCH_FORBIDDEN);
    const run = (input: string | Buffer | null, endInput = true) =>
      new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) => {
        const t0 = Date.now();
        const child = spawn(process.execPath, [launcher, 'hook', 'codex-pre-tool-use', '--rules', rules], { stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.stdin.on('error', () => {}); // the hook may stop reading before all of a huge input is written
        child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 }));
        if (input !== null) child.stdin.write(input);
        if (endInput) child.stdin.end();
      });
    const reason = (r: { code: number | null; stdout: string; stderr: string }) => {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      return (JSON.parse(r.stdout) as { hookSpecificOutput: { permissionDecisionReason: string } }).hookSpecificOutput.permissionDecisionReason;
    };
    expect(reason(await run('{"tool_input": '))).toMatch(/the event is not valid JSON/);
    expect(reason(await run(Buffer.alloc(6 << 20, 0x20)))).toMatch(/the event is larger than 4194304 bytes$/);
    const endless = await run('{"tool_name": "Bash"', false);
    expect(reason(endless)).toMatch(/no complete event on standard input within 5 s$/);
    expect(endless.ms).toBeLessThan(15_000);
    const ok = await run(JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'echo $(touch x)' } }));
    expect(reason(ok)).toMatch(/^touch x \(inside \$\(…\)\) is forbidden by \["touch"\] at .*process-rules\.yaml:5 — no touching$/);
  }, 60_000);
});
