// Runs real Codex 0.169.0 with escalint's hook installed (reference/codex-hooks.md): a built
// escalint the hook command can start, a fake model on 127.0.0.1 that asks to run one command per
// turn and records what Codex sends back, `codex exec`, and `codex app-server` over stdio JSON-RPC
// (the path on which Codex asks for approval, so PermissionRequest hooks fire).
import { execFile, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * A launcher of this checkout's escalint, for the hook command Codex runs: bin/escalint.js when
 * dist/ is newer than every source (CI builds it in `npm ci`), otherwise a private build of the
 * sources (tsc into node_modules/.cache, so that packages resolve as from dist/), kept while it is
 * newer than every source.
 */
export function escalintLauncher(): string {
  const built = path.join(root, 'dist/src/cli/hook.js');
  const sources = Math.max(newestSource(path.join(root, 'src')), newestSource(path.join(root, 'grammar')));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return path.join(root, 'bin/escalint.js');
  const out = path.join(root, 'node_modules/.cache/escalint-hook-e2e');
  const launcher = path.join(out, 'bin/escalint.js');
  const previous = path.join(out, 'src/cli/hook.js');
  if (fs.existsSync(launcher) && fs.existsSync(previous) && fs.statSync(previous).mtimeMs >= sources) return launcher;
  fs.rmSync(out, { recursive: true, force: true });
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  // Type errors elsewhere still emit JavaScript; only a missing hook module is fatal.
  spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--outDir', out], { cwd: root, encoding: 'utf8' });
  if (!fs.existsSync(path.join(out, 'src/cli/hook.js'))) throw new Error(`tsc did not build ${out}/src/cli/hook.js`);
  fs.copyFileSync(path.join(root, 'package.json'), path.join(out, 'package.json'));
  fs.mkdirSync(path.join(out, 'bin'), { recursive: true });
  fs.writeFileSync(
    launcher,
    "import { main } from '../src/cli/main.js';\nmain(process.argv).then((code) => { process.exitCode = code; }, (err) => { process.stderr.write(`escalint: internal error: ${err}\\n`); process.exitCode = 2; });\n",
  );
  return launcher;
}

export interface ModelRequest {
  input: { type?: string; call_id?: string; output?: string; role?: string }[];
}

export interface FakeModel {
  baseUrl: string;
  /** Every request body Codex sent, in order. */
  requests: ModelRequest[];
  /** The `function_call_output` texts Codex sent back, in order. */
  outputs: () => string[];
  close: () => Promise<void>;
}

/**
 * A Responses API server: the n-th request is answered with an `exec_command` call of
 * `commands[n]`, and once they are used up with a final "done" message.
 */
export async function fakeModel(commands: readonly string[]): Promise<FakeModel> {
  const requests: ModelRequest[] = [];
  let step = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/responses')) {
        res.writeHead(404).end();
        return;
      }
      requests.push(JSON.parse(body) as ModelRequest);
      const id = `r${step}`;
      const item =
        step < commands.length
          ? { type: 'function_call', name: 'exec_command', arguments: JSON.stringify({ cmd: commands[step] }), call_id: `c${step}` }
          : { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'done' }] };
      step++;
      const usage = { input_tokens: 1, input_tokens_details: null, output_tokens: 1, output_tokens_details: null, total_tokens: 2 };
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const e of [{ type: 'response.created', response: { id } }, { type: 'response.output_item.done', item }, { type: 'response.completed', response: { id, usage } }]) {
        res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
      }
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    outputs: () => requests.flatMap((r) => r.input.filter((i) => i.type === 'function_call_output').map((i) => String(i.output))).filter((o, k, all) => all.indexOf(o) === k),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The model provider part of config.toml, pointing Codex at the fake model. */
export function providerToml(baseUrl: string): string {
  return [
    '# the fake model of this test',
    'model = "mock-model"',
    'model_provider = "mock"',
    '',
    '[model_providers.mock]',
    'name = "mock"',
    `base_url = "${baseUrl}"`,
    'wire_api = "responses"',
    'env_key = "ESCALINT_MOCK_KEY"',
    'request_max_retries = 0',
    'stream_max_retries = 0',
    '',
  ].join('\n');
}

export interface CodexRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function codexEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, CODEX_HOME: path.join(home, '.codex'), ESCALINT_MOCK_KEY: 'x' };
  delete env.RUST_BACKTRACE;
  return env;
}

/** `codex exec` in `cwd` with full disk access, hooks run without trust (for this test only). */
export function codexExec(bin: string, home: string, cwd: string, opts: { hooks?: boolean } = {}): Promise<CodexRun> {
  const args = ['exec', '--skip-git-repo-check', '--sandbox', 'danger-full-access'];
  if (opts.hooks !== false) args.push('--dangerously-bypass-hook-trust');
  args.push('run the command');
  return new Promise((resolve) => {
    const child = execFile(bin, args, { cwd, env: codexEnv(home), encoding: 'utf8', maxBuffer: 16 << 20, timeout: 90_000 }, (err, stdout, stderr) => {
      resolve({ exitCode: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
    // `codex exec` reads more prompt from a standard input that is not a terminal, until it ends.
    child.stdin?.end();
  });
}

export interface AppServerTurn {
  /** Requests Codex sent to the client (approval prompts), with their params. */
  serverRequests: { method: string; params: Record<string, unknown> }[];
  /** Notifications seen, by method. */
  notifications: { method: string; params: Record<string, unknown> }[];
  /** The hooks Codex discovered (`hooks/list`). */
  hooks: { eventName: string; command: string; trustStatus: string }[];
  hookWarnings: string[];
  completed: boolean;
}

/**
 * One turn of `codex app-server` (JSON-RPC over stdio): initialize, list the hooks, start a thread
 * in `cwd` with `approvalPolicy` (hooks run without trust: `bypass_hook_trust`, the session flag
 * behind `--dangerously-bypass-hook-trust`), send one user message and wait for the turn to end.
 * Every approval request is declined, as a person who is not there would.
 */
export async function appServerTurn(bin: string, home: string, cwd: string, approvalPolicy: 'untrusted' | 'on-request'): Promise<AppServerTurn> {
  const child = spawn(bin, ['app-server'], { cwd, env: codexEnv(home), stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.resume();
  const lines = readline.createInterface({ input: child.stdout });
  let nextId = 1;
  const pending = new Map<number, (m: { result?: unknown; error?: unknown }) => void>();
  const turn: AppServerTurn = { serverRequests: [], notifications: [], hooks: [], hookWarnings: [], completed: false };
  let turnDone!: () => void;
  const finished = new Promise<void>((resolve) => (turnDone = resolve));
  const send = (m: unknown) => child.stdin.write(`${JSON.stringify(m)}\n`);
  const request = (method: string, params: unknown) =>
    new Promise<{ result?: unknown; error?: unknown }>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      send({ id, method, params });
    });
  lines.on('line', (line) => {
    let m: { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown; error?: unknown };
    try {
      m = JSON.parse(line);
    } catch {
      return;
    }
    if (m.id !== undefined && m.method === undefined) {
      pending.get(m.id)?.(m);
      pending.delete(m.id);
    } else if (m.id !== undefined && m.method !== undefined) {
      turn.serverRequests.push({ method: m.method, params: m.params ?? {} });
      send({ id: m.id, result: { decision: 'decline' } });
    } else if (m.method !== undefined) {
      turn.notifications.push({ method: m.method, params: m.params ?? {} });
      if (m.method === 'turn/completed') {
        turn.completed = true;
        turnDone();
      }
    }
  });
  const timeout = setTimeout(() => turnDone(), 60_000);
  try {
    await request('initialize', { clientInfo: { name: 'escalint-test', version: '0' }, capabilities: { experimentalApi: true, requestAttestation: false } });
    send({ method: 'initialized' });
    const listed = (await request('hooks/list', { cwds: [cwd] })).result as { data: { hooks: AppServerTurn['hooks']; warnings: string[]; errors: string[] }[] };
    for (const entry of listed.data) {
      turn.hooks.push(...entry.hooks.map((h) => ({ eventName: h.eventName, command: h.command, trustStatus: h.trustStatus })));
      turn.hookWarnings.push(...entry.warnings, ...entry.errors.map(String));
    }
    const thread = (await request('thread/start', { cwd, approvalPolicy, sandbox: 'danger-full-access', config: { bypass_hook_trust: true } })).result as { thread: { id: string } };
    await request('turn/start', { threadId: thread.thread.id, input: [{ type: 'text', text: 'run the command' }] });
    await finished;
  } finally {
    clearTimeout(timeout);
    child.kill();
  }
  return turn;
}
