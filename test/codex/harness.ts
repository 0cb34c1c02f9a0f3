// Runs the real `codex execpolicy check` (codex 0.169.0) for conformance tests.
// The binary comes from ESCALINT_CODEX_BIN (set by .ci/run). Without it the suites skip loudly, except
// under CI=true, where a missing binary fails.
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';

export function codexBin(): string | undefined {
  const bin = process.env.ESCALINT_CODEX_BIN;
  if (!bin) return undefined;
  try {
    accessSync(bin, constants.X_OK);
    return bin;
  } catch {
    return undefined;
  }
}

/** Declares the "binary present" test: skip loudly locally, fail under CI. Returns the binary if usable. */
export function requireCodex(suite: string): string | undefined {
  const bin = codexBin();
  if (bin) return bin;
  const why = process.env.ESCALINT_CODEX_BIN
    ? `ESCALINT_CODEX_BIN=${process.env.ESCALINT_CODEX_BIN} is not an executable file`
    : 'ESCALINT_CODEX_BIN is not set';
  if (process.env.CI === 'true') {
    it(`${suite}: the codex 0.169.0 binary is available`, () => {
      throw new Error(`${why}; CI must run the conformance suite against real Codex (see .ci/run)`);
    });
  } else {
    console.warn(`\n*** ${suite}: SKIPPED, ${why}. Run .ci/run or export ESCALINT_CODEX_BIN to the codex 0.169.0 binary. ***\n`);
  }
  return undefined;
}

export interface CodexMatch {
  matchedPrefix: string[];
  decision: string;
  resolvedProgram?: string;
  justification?: string;
}

export interface CodexResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Parsed output when the exit code is 0. */
  matches?: CodexMatch[];
  decision?: string | null;
}

export interface CheckRequest {
  files: string[];
  argv: string[];
  resolveHostExecutables: boolean;
  cwd: string;
  home: string;
}

function runOnce(bin: string, req: CheckRequest): Promise<CodexResult> {
  const args = ['execpolicy', 'check'];
  for (const f of req.files) args.push('--rules', f);
  if (req.resolveHostExecutables) args.push('--resolve-host-executables');
  args.push('--', ...req.argv);
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: req.home, CODEX_HOME: join(req.home, '.codex') };
  delete env.RUST_BACKTRACE;
  return new Promise((resolve) => {
    execFile(bin, args, { cwd: req.cwd, env, encoding: 'utf8', maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const exitCode = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      const result: CodexResult = { exitCode, stdout, stderr };
      if (exitCode === 0) {
        const json = JSON.parse(stdout) as { matchedRules: { prefixRuleMatch: CodexMatch }[]; decision?: string };
        result.matches = json.matchedRules.map((m) => m.prefixRuleMatch);
        result.decision = json.decision ?? null;
      }
      resolve(result);
    });
  });
}

/** Runs many checks with bounded parallelism (one process per check, as Codex takes one argv each). */
export async function runChecks(bin: string, reqs: CheckRequest[]): Promise<CodexResult[]> {
  const results: CodexResult[] = new Array(reqs.length);
  let next = 0;
  const workers = Math.max(2, Math.min(4, availableParallelism()));
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < reqs.length) {
        const i = next++;
        results[i] = await runOnce(bin, reqs[i]!);
      }
    }),
  );
  return results;
}

/** A scratch directory with a cwd named `foo` and a home named `me` (both are tokens the generators use). */
export interface Scratch {
  root: string;
  cwd: string;
  home: string;
  write(name: string, text: string): string;
  dispose(): void;
}

export function makeScratch(): Scratch {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'escalint-codex-')));
  const cwd = join(root, 'work', 'foo');
  const home = join(root, 'home', 'me');
  mkdirSync(cwd, { recursive: true });
  mkdirSync(join(home, '.codex'), { recursive: true });
  mkdirSync(join(root, 'rules'));
  return {
    root,
    cwd,
    home,
    write(name, text) {
      const p = join(root, 'rules', name);
      writeFileSync(p, text);
      return p;
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
