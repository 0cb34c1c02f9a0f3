// Running the real Codex 0.169.0 with a managed requirements.toml of the test's own.
//
// Codex reads managed requirements from the fixed path /etc/codex/requirements.toml (the binary
// names no variable or flag that moves it), so each run gets a private mount namespace in which an
// overlay puts a temporary directory over /etc: Codex sees the test's file there, and nothing
// outside the process (other tests, the machine) sees anything. `unshare -m` as root; otherwise
// `unshare -Urm` (an unprivileged user namespace; Linux 5.11 or newer for overlay in it).
//
// Two ways to ask Codex:
// - `codex debug prompt-input <text>` loads config and requirements and prints the model's input,
//   offline. It exits 1 with `Error: invalid rules in requirements (set by …): <reason>` when the
//   [rules] table is refused, and 0 when it is accepted.
// - `codex exec` against a fake Responses endpoint on 127.0.0.1 (reference/codex-hooks.md): the
//   fake model asks for one `exec_command` per test command, and Codex's answer to each says
//   whether it was rejected by a forbidden rule, refused for approval (a prompt rule; `codex exec`
//   never asks), or ran.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { fakeModel, providerToml } from './hook-harness.js';

const MOUNT = 'mount -t overlay overlay -o "lowerdir=/etc,upperdir=$ESCALINT_UPPER,workdir=$ESCALINT_WORK" /etc && exec "$@"';

function unshareArgs(): string[] {
  return process.getuid?.() === 0 ? ['-m'] : ['-Urm'];
}

interface Overlay {
  env: Record<string, string>;
  dispose(): void;
}

function overlayWith(requirements: string): Overlay {
  const dir = mkdtempSync(join(tmpdir(), 'escalint-etc-'));
  mkdirSync(join(dir, 'upper', 'codex'), { recursive: true });
  mkdirSync(join(dir, 'work'));
  writeFileSync(join(dir, 'upper', 'codex', 'requirements.toml'), requirements);
  return {
    env: { ESCALINT_UPPER: join(dir, 'upper'), ESCALINT_WORK: join(dir, 'work') },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Why /etc/codex/requirements.toml cannot be put in place here, or null when it can. */
export function overlayProblem(): string | null {
  const marker = `escalint-probe-${process.pid}`;
  const o = overlayWith(marker);
  try {
    const r = spawnSync('unshare', [...unshareArgs(), 'sh', '-c', MOUNT, 'sh', 'cat', '/etc/codex/requirements.toml'], {
      env: { ...process.env, ...o.env },
      encoding: 'utf8',
      timeout: 10_000,
    });
    if (r.error) return `cannot run unshare: ${r.error.message}`;
    if (r.status !== 0 || r.stdout !== marker) return `unshare ${unshareArgs().join(' ')} with an overlay on /etc failed: ${(r.stderr || r.stdout).trim().slice(0, 200)}`;
    return null;
  } finally {
    o.dispose();
  }
}

/**
 * Declares the "can run" test like requireCodex: skip loudly locally, fail under CI=true.
 * Returns true when the suite can run.
 */
export function requireOverlay(suite: string, bin: string | undefined): boolean {
  if (!bin) return false;
  const why = overlayProblem();
  if (why === null) return true;
  if (process.env.CI === 'true') {
    it(`${suite}: /etc/codex/requirements.toml can be put in place for Codex`, () => {
      throw new Error(`${why}; CI must check requirements.toml against real Codex (needs unshare and overlayfs)`);
    });
  } else {
    console.warn(`\n*** ${suite}: SKIPPED, ${why}. ***\n`);
  }
  return false;
}

export interface CodexRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function codexEnv(home: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, CODEX_HOME: join(home, '.codex'), ...extra };
  delete env.RUST_BACKTRACE;
  return env;
}

/** Runs `codex <args>` with `requirements` as /etc/codex/requirements.toml and a fresh HOME. */
export function runCodexWithRequirements(bin: string, requirements: string, args: string[], opts: { configToml?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CodexRun> {
  const overlay = overlayWith(requirements);
  const home = mkdtempSync(join(tmpdir(), 'escalint-home-'));
  mkdirSync(join(home, '.codex'));
  if (opts.configToml !== undefined) writeFileSync(join(home, '.codex', 'config.toml'), opts.configToml);
  return new Promise((resolve) => {
    const child = execFile(
      'unshare',
      [...unshareArgs(), 'sh', '-c', MOUNT, 'sh', bin, ...args],
      { cwd: home, env: codexEnv(home, { ...overlay.env, ...opts.env }), encoding: 'utf8', maxBuffer: 64 << 20, timeout: opts.timeoutMs ?? 60_000 },
      (err, stdout, stderr) => {
        overlay.dispose();
        rmSync(home, { recursive: true, force: true });
        resolve({ exitCode: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
      },
    );
    // `codex exec` reads more prompt from a standard input that is not a terminal, until it ends.
    child.stdin?.end();
  });
}

/** `codex debug prompt-input`: loads config and requirements offline; exit 1 when they are refused. */
export function loadRequirements(bin: string, requirements: string): Promise<CodexRun> {
  return runCodexWithRequirements(bin, requirements, ['debug', 'prompt-input', 'hello']);
}

/** What Codex did with one command the model asked to run. */
export type ExecOutcome = { kind: 'forbidden'; reason: string } | { kind: 'prompt' } | { kind: 'ran' } | { kind: 'other'; text: string };

export function classifyOutput(output: string): ExecOutcome {
  const rejected = /rejected: (.*?)\\"\)" \}$/s.exec(output);
  if (rejected) return { kind: 'forbidden', reason: rejected[1]! };
  if (output.includes('approval required by policy')) return { kind: 'prompt' };
  if (/^Process exited with code \d+$/m.test(output)) return { kind: 'ran' };
  return { kind: 'other', text: output };
}

/**
 * Runs `codex exec` once with `requirements` in place; a fake model asks to run each command (a
 * shell string) in turn. Returns Codex's answer to each, in order.
 */
export async function execCommands(bin: string, requirements: string, commands: readonly string[]): Promise<{ run: CodexRun; outputs: string[] }> {
  // The fake model of the hook suite: one exec_command per turn, then "done".
  const model = await fakeModel(commands);
  const configToml = providerToml(model.baseUrl);
  try {
    const run = await runCodexWithRequirements(bin, requirements, ['exec', '--skip-git-repo-check', '--sandbox', 'danger-full-access', 'run the commands'], {
      configToml,
      env: { ESCALINT_MOCK_KEY: 'x' },
    });
    // Codex's answer to each command: the function_call_output that ends the next request.
    const outputs = model.requests.flatMap((r) => {
      const last = r.input[r.input.length - 1];
      return last?.type === 'function_call_output' ? [String(last.output)] : [];
    });
    return { run, outputs };
  } finally {
    await model.close();
  }
}
