// `escalint hook` in-process (design.md §9): events on standard input × rule sets × the three
// event kinds → the exact standard output; exit 0 always; every failure a deny with the
// diagnostic (unreadable or invalid rules, bad JSON, missing tool_input, huge or endless input,
// a wrong command line, an internal error); the default rule file of the session's folder;
// Codex's own rules with --codex-rules. Then `escalint hook install`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runHook, runHookFast } from '../../src/cli/hook.js';
import type { CliIO } from '../../src/cli/io.js';
import { MAX_EVENT_BYTES } from '../../src/hook/event.js';
import { RULES } from '../hook/rules.js';
import { runCli, type Run } from './run.js';

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'escalint-hook-')));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string> = {}): string {
  const dir = path.join(tmp, name);
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

const project = folder('project', { 'rules.yaml': RULES });

function event(name: 'PreToolUse' | 'PermissionRequest', command: unknown, cwd = project): string {
  return JSON.stringify({ session_id: 's', turn_id: 't', transcript_path: null, cwd, hook_event_name: name, model: 'm', permission_mode: 'default', tool_name: 'Bash', tool_input: { command } });
}

const hook = (args: string[], stdin: string, opts: { cwd?: string; env?: Record<string, string> } = {}) =>
  runCli(['hook', ...args], { cwd: opts.cwd ?? project, stdin, env: opts.env ?? { HOME: tmp } });

const fixture = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../fixtures/hook/${name}`, import.meta.url)), 'utf8').split('__CWD__').join(project);

/** The one JSON object printed, or null for nothing; the run must exit 0 with nothing on stderr. */
function answer(r: Run): unknown {
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  if (r.stdout === '') return null;
  expect(r.stdout.endsWith('\n') && !r.stdout.slice(0, -1).includes('\n')).toBe(true);
  return JSON.parse(r.stdout);
}

const preDeny = (reason: string) => `{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":${JSON.stringify(reason)}}}\n`;
const permDeny = (message: string) => `{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"deny","message":${JSON.stringify(message)}}}}\n`;
const PERM_ALLOW = '{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"allow"}}}\n';

describe('escalint hook: commands × events → standard output', () => {
  const FORBIDDEN = 'rm -rf / (inside $(…)) is forbidden by ["rm","-rf"] at rules.yaml:18 — Use trash instead';
  // [command, codex-pre-tool-use, codex-permission-request]
  const table: [string, string, string][] = [
    ['echo $(rm -rf /) hi', preDeny(FORBIDDEN), permDeny(FORBIDDEN)],
    ['git status && ls -la', '', PERM_ALLOW],
    ["bash -lc 'git status && ls'", '', PERM_ALLOW],
    ['NODE_ENV=test npm test', '', PERM_ALLOW],
    ['git push', '', ''],
    ['cargo build', '', ''],
    ['ls > out.txt', '', ''],
    ['FOO=1 npm test', '', ''],
  ];
  it.each(table)('%s', async (command, pre, perm) => {
    const a = await hook(['codex-pre-tool-use', '--rules', 'rules.yaml'], event('PreToolUse', command));
    expect(a).toEqual({ code: 0, stdout: pre, stderr: '' });
    const b = await hook(['codex-permission-request', '--rules', 'rules.yaml'], event('PermissionRequest', command));
    expect(b).toEqual({ code: 0, stdout: perm, stderr: '' });
  });

  it('answers recorded Codex events', async () => {
    const pre = await hook(['codex-pre-tool-use', '--rules', 'rules.yaml'], fixture('codex-pre-tool-use.json'));
    expect(pre.stdout).toBe(preDeny('touch /tmp/escalint-hook/pwned (inside $(…)) is forbidden by ["touch"] at rules.yaml:21'));
    const perm = await hook(['codex-permission-request', '--rules', 'rules.yaml'], fixture('codex-permission-request.json'));
    expect(perm.stdout).toBe(PERM_ALLOW);
  });
});

describe('escalint hook claude-pre-tool-use (mock events from the documented input)', () => {
  const claude: [string, string][] = [
    ['claude-pre-tool-use-deny.json', '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"rm -rf node_modules (inside $(…)) is forbidden by [\\"rm\\",\\"-rf\\"] at rules.yaml:18 — Use trash instead"}}\n'],
    ['claude-pre-tool-use-allow.json', '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow","permissionDecisionReason":"every command is allowed by escalint\'s rules: git status (rules.yaml:3), git diff --stat (rules.yaml:3)"}}\n'],
    ['claude-pre-tool-use-ask.json', '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"ask","permissionDecisionReason":"git push origin main needs approval: [\\"git\\",\\"push\\"] at rules.yaml:15 — Pushing needs review"}}\n'],
    // Only unmatched: Claude Code's own permission flow decides.
    ['claude-pre-tool-use-unmatched.json', ''],
    // Not a shell tool: no opinion.
    ['claude-pre-tool-use-edit.json', ''],
  ];
  it.each(claude)('%s', async (name, stdout) => {
    // No --rules: the default rule file of the event's cwd.
    const r = await hook(['claude-pre-tool-use'], fixture(name), { cwd: tmp });
    expect(r).toEqual({ code: 0, stdout, stderr: '' });
  });
});

describe('escalint hook fails closed', () => {
  const broken = folder('broken', {
    'bad.yaml': 'version: 1\nrules:\n  - pattern: [ls\n',
    'schema.yaml': 'version: 1\nrules:\n  - pattern: [ls]\n    decision: maybe\n',
    'example.yaml': 'version: 1\nrules:\n  - pattern: [git, status]\n    match: [git log]\n',
    'loop.rules': 'for x in ["a"]:\n    prefix_rule(pattern = [x])\n',
  });
  const reasonOf = (r: Run) => {
    const a = answer(r) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } };
    expect(a.hookSpecificOutput.permissionDecision).toBe('deny');
    return a.hookSpecificOutput.permissionDecisionReason;
  };
  const pre = (args: string[], stdin: string, cwd = broken) => hook(['codex-pre-tool-use', ...args], stdin, { cwd });

  const rules: [string, string[], RegExp][] = [
    ['a missing rule file', ['--rules', 'nope.yaml'], /^escalint cannot use its rules, so it blocks every command: .*nope\.yaml:1:1: cannot read ".*nope\.yaml": no such file \[io\]; run escalint check/],
    ['a YAML syntax error', ['--rules', 'bad.yaml'], /^escalint cannot use its rules, so it blocks every command: bad\.yaml:\d+:\d+: .* \[yaml\]/],
    ['a schema error', ['--rules', 'schema.yaml'], /^escalint cannot use its rules, so it blocks every command: schema\.yaml:4:\d+: .* \[schema\]/],
    ['a failing example (Codex would not start)', ['--rules', 'example.yaml'], /\[example-mismatch\]/],
    ['a .rules file escalint cannot read without running it', ['--rules', 'loop.rules'], /^escalint cannot use its rules, so it blocks every command: loop\.rules:1:1: .* \[rules-syntax\]/],
    ['a folder given as a rule file', ['--rules', '.'], /\[io\]/],
  ];
  it.each(rules)('denies every command with %s', async (_name, args, reason) => {
    expect(reasonOf(await pre(args, event('PreToolUse', 'ls', broken)))).toMatch(reason);
  });

  const events: [string, string, RegExp][] = [
    ['no input', '', /^escalint hook cannot read the event, so it blocks the command: no event on standard input/],
    ['bad JSON', '{"tool_name": "Bash", ', /^escalint hook cannot read the event, so it blocks the command: the event is not valid JSON: /],
    ['missing tool_input', JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash' }), /the event has no tool_input object for the Bash tool$/],
    ['a command that is not a string', JSON.stringify({ tool_name: 'Bash', tool_input: { command: 42 } }), /tool_input\.command is missing or not a string$/],
    ['the wrong event', event('PermissionRequest', 'ls'), /received a "PermissionRequest" event; configure it for PreToolUse only$/],
    ['an event over the size limit', 'x'.repeat(MAX_EVENT_BYTES + 1), /the event is larger than 4194304 bytes$/],
  ];
  it.each(events)('denies %s', async (_name, stdin, reason) => {
    expect(reasonOf(await pre(['--rules', path.join(project, 'rules.yaml')], stdin))).toMatch(reason);
  });

  it('denies a command over the parse limit when forbidden rules exist', async () => {
    const huge = `ls ${'a'.repeat(1024 * 1024)}`;
    expect(reasonOf(await pre(['--rules', path.join(project, 'rules.yaml')], event('PreToolUse', huge)))).toMatch(/^escalint cannot check this command against the forbidden rules: command is \d+ characters long; the limit is 1048576$/);
  });

  it('denies when its own command line is wrong', async () => {
    expect(reasonOf(await pre(['--rulez', 'x'], event('PreToolUse', 'ls')))).toMatch(/^escalint hook is misconfigured, so it blocks the command: Unknown option '--rulez'/);
  });

  it('denies on an internal error', async () => {
    let stdout = '';
    const io: CliIO = { stdout: (t) => void (stdout += t), stderr: () => {}, readStdin: () => Promise.reject(new Error('boom')), isTTY: false, env: {}, cwd: project };
    expect(await runHook('codex-permission-request', { rules: [], codexRules: false }, io)).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: { behavior: 'deny', message: 'escalint hook failed, so it blocks the command: internal error: boom' } } });
  });

  function streamIO(): { io: CliIO; out: () => string } {
    let stdout = '';
    const io: CliIO = { stdout: (t) => void (stdout += t), stderr: () => {}, readStdin: () => Promise.reject(new Error('not used')), isTTY: false, env: {}, cwd: project };
    return { io, out: () => stdout };
  }

  it('stops reading a huge standard input at the limit', async () => {
    const stdin = new PassThrough();
    const { io, out } = streamIO();
    const done = runHookFast(['codex-pre-tool-use'], io, stdin);
    const chunk = Buffer.alloc(1 << 20, 0x20);
    for (let k = 0; k < 6 && !stdin.destroyed; k++) stdin.write(chunk);
    expect(await done).toBe(0);
    expect(JSON.parse(out()).hookSpecificOutput.permissionDecisionReason).toMatch(/the event is larger than 4194304 bytes$/);
    expect(stdin.destroyed).toBe(true);
  });

  it('gives up on a standard input that never ends', async () => {
    const stdin = new PassThrough();
    stdin.write('{"tool_name": "Bash"');
    const { io, out } = streamIO();
    expect(await runHookFast(['codex-pre-tool-use'], io, stdin)).toBe(0);
    expect(JSON.parse(out()).hookSpecificOutput.permissionDecisionReason).toMatch(/no complete event on standard input within 5 s$/);
  }, 20_000);

  it('refuses invalid UTF-8', async () => {
    const stdin = new PassThrough();
    const { io, out } = streamIO();
    const done = runHookFast(['codex-pre-tool-use'], io, stdin);
    stdin.end(Buffer.from([0x7b, 0xff, 0x7d]));
    expect(await done).toBe(0);
    expect(JSON.parse(out()).hookSpecificOutput.permissionDecisionReason).toMatch(/the event is not valid UTF-8$/);
  });
});

describe('escalint hook: rule files', () => {
  it('prints nothing when the session folder has no rule file', async () => {
    const empty = folder('empty');
    expect(await hook(['codex-permission-request'], event('PermissionRequest', 'ls', empty), { cwd: empty })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('reads .escalint.yaml when there is no rules.yaml', async () => {
    const dot = folder('dot', { '.escalint.yaml': 'version: 1\nrules:\n  - pattern: [ls]\n    decision: allow\n' });
    expect((await hook(['codex-permission-request'], event('PermissionRequest', 'ls', dot), { cwd: tmp })).stdout).toBe(PERM_ALLOW);
  });

  it("judges with Codex's own rules: $CODEX_HOME, then the trusted project's .codex/rules", async () => {
    const codexHome = folder('codex-home', {
      'rules/default.rules': 'prefix_rule(pattern=["git", "status"], decision="allow")\nprefix_rule(pattern=["ls"], decision="allow")\n',
      'rules/notes.txt': 'prefix_rule(pattern=["cat"], decision="allow")\n',
    });
    const repo = folder('repo', { '.git/HEAD': 'ref: refs/heads/main\n', '.codex/rules/team.rules': 'prefix_rule(pattern=["rm"], decision="forbidden", justification="ask the team")\n' });
    fs.writeFileSync(path.join(codexHome, 'config.toml'), `[projects.${JSON.stringify(repo)}]\ntrust_level = "trusted"\n`);
    const env = { HOME: tmp, CODEX_HOME: codexHome };
    const perm = (command: string) => hook(['codex-permission-request', '--codex-rules'], event('PermissionRequest', command, repo), { env, cwd: repo });
    expect((await perm('git status && ls')).stdout).toBe(PERM_ALLOW);
    expect((await perm('cat x')).stdout).toBe('');
    expect((await perm('ls $(rm x)')).stdout).toBe(permDeny('rm x (inside $(…)) is forbidden by ["rm"] at .codex/rules/team.rules:1 — ask the team'));
    // An untrusted project's rules are not Codex's: without trust, only $CODEX_HOME counts.
    fs.writeFileSync(path.join(codexHome, 'config.toml'), '');
    expect((await perm('ls $(rm x)')).stdout).toBe('');
  });
});

describe('escalint hook install', () => {
  const invocation = ['--command', 'escalint'];

  it('adds both Codex hooks to $CODEX_HOME/config.toml, keeping its comments, and tells about trust', async () => {
    const home = folder('install-codex', { '.codex/config.toml': '# mine\nmodel = "gpt-5" # keep\n' });
    const env = { HOME: home, CODEX_HOME: path.join(home, '.codex') };
    const r = await runCli(['hook', 'install', 'codex', ...invocation, '--rules', 'rules.yaml'], { cwd: project, env });
    expect(r.code).toBe(0);
    // A file outside the current folder is named by its absolute path.
    expect(r.stderr).toBe(
      `${path.join(home, '.codex/config.toml')}: added escalint's PreToolUse and PermissionRequest hooks\n` +
        'Codex runs a new hook only once you trust it: start codex and review it with /hooks. Until then it is skipped silently.\n' +
        '(`codex exec --dangerously-bypass-hook-trust` runs untrusted hooks, for automation you vet yourself.)\n',
    );
    const text = fs.readFileSync(path.join(home, '.codex/config.toml'), 'utf8');
    expect(text.startsWith('# mine\nmodel = "gpt-5" # keep\n\n# escalint:')).toBe(true);
    expect(text).toContain(`command = "escalint hook codex-pre-tool-use --rules ${path.join(project, 'rules.yaml')}"`);
    expect(text).toContain(`command = "escalint hook codex-permission-request --rules ${path.join(project, 'rules.yaml')}"`);
    // Twice: nothing changes.
    const again = await runCli(['hook', 'install', 'codex', ...invocation, '--rules', 'rules.yaml'], { cwd: project, env });
    expect(again).toEqual({ code: 0, stdout: '', stderr: `${path.join(home, '.codex/config.toml')}: escalint's PreToolUse and PermissionRequest hooks are already installed; nothing to do\n` });
    expect(fs.readFileSync(path.join(home, '.codex/config.toml'), 'utf8')).toBe(text);
  });

  it('prints the change as a diff with --dry-run and writes nothing', async () => {
    const home = folder('install-dry', { '.codex/config.toml': 'model = "gpt-5"\n' });
    const r = await runCli(['hook', 'install', 'codex', '--user', '--dry-run', ...invocation], { cwd: home, env: { HOME: home } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Index: .codex/config.toml',
        '===================================================================',
        '--- .codex/config.toml',
        '+++ .codex/config.toml',
        '@@ -1,1 +1,18 @@',
        ' model = "gpt-5"',
        '+',
        "+# escalint: each shell command is checked against escalint's rules first (escalint hook install codex)",
        '+[[hooks.PreToolUse]]',
        '+matcher = "Bash"',
        '+',
        '+[[hooks.PreToolUse.hooks]]',
        '+type = "command"',
        '+command = "escalint hook codex-pre-tool-use"',
        '+timeout = 10',
        '+',
        '+[[hooks.PermissionRequest]]',
        '+matcher = "Bash"',
        '+',
        '+[[hooks.PermissionRequest.hooks]]',
        '+type = "command"',
        '+command = "escalint hook codex-permission-request"',
        '+timeout = 10',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('dry run: .codex/config.toml not written\n');
    expect(fs.readFileSync(path.join(home, '.codex/config.toml'), 'utf8')).toBe('model = "gpt-5"\n');
  });

  it('merges into a hooks.json that already holds hooks', async () => {
    const home = folder('install-json', { '.codex/hooks.json': '{"hooks": {"Stop": [{"hooks": [{"type": "command", "command": "notify"}]}]}}\n', '.codex/config.toml': '# untouched\n' });
    const r = await runCli(['hook', 'install', 'codex', ...invocation], { cwd: home, env: { HOME: home } });
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(home, '.codex/hooks.json'), 'utf8'));
    expect(Object.keys(json.hooks)).toEqual(['Stop', 'PreToolUse', 'PermissionRequest']);
    expect(fs.readFileSync(path.join(home, '.codex/config.toml'), 'utf8')).toBe('# untouched\n');
  });

  it("writes Claude Code's project settings by default", async () => {
    const dir = folder('install-claude', { '.claude/settings.json': '{\n  "permissions": {"deny": ["Read(.env)"]}\n}\n' });
    const r = await runCli(['hook', 'install', 'claude', ...invocation], { cwd: dir, env: { HOME: tmp } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(".claude/settings.json: added escalint's PreToolUse hook\nClaude Code reads its hooks at start-up: restart it, and review them with /hooks.\n");
    expect(JSON.parse(fs.readFileSync(path.join(dir, '.claude/settings.json'), 'utf8'))).toEqual({
      permissions: { deny: ['Read(.env)'] },
      hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'escalint hook claude-pre-tool-use', timeout: 10 }] }] },
    });
  });

  it('refuses a file it cannot merge (exit 1) and prints the snippet to add by hand', async () => {
    const home = folder('install-inline', { '.codex/config.toml': 'hooks = { Stop = [] }\n' });
    const r = await runCli(['hook', 'install', 'codex', ...invocation], { cwd: home, env: { HOME: home } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^escalint: escalint cannot append its hooks to \.codex\/config\.toml without rewriting it .*; add them by hand\nadd this to \.codex\/config\.toml:\n\n$/);
    expect(r.stdout).toContain('[[hooks.PermissionRequest.hooks]]');
    expect(fs.readFileSync(path.join(home, '.codex/config.toml'), 'utf8')).toBe('hooks = { Stop = [] }\n');
  });

  it('writes by default a command that starts this escalint by absolute path', async () => {
    const home = folder('install-default');
    const r = await runCli(['hook', 'install', 'codex', '--dry-run'], { cwd: home, env: { HOME: home } });
    expect(r.stdout).toContain(`command = ${JSON.stringify(`${process.execPath} ${fs.realpathSync(fileURLToPath(new URL('../../bin/escalint.js', import.meta.url)))} hook codex-pre-tool-use`)}`);
  });

  const usage: [string[], string][] = [
    [['hook', 'install', 'cursor'], 'escalint: unknown agent "cursor"; use codex or claude\n'],
    [['hook', 'install', 'codex', '--user', '--project'], 'escalint: give --project or --user, not both\n'],
    [['hook', 'install', 'codex', '--rules', 'missing.yaml'], 'escalint: no such file: missing.yaml\n'],
    [['hook', 'no-such-event'], 'escalint: unknown hook event "no-such-event"; use one of codex-pre-tool-use, codex-permission-request, claude-pre-tool-use, or install\n'],
  ];
  it.each(usage)('%j is a usage error', async (args, stderr) => {
    expect(await runCli(args, { cwd: tmp, env: { HOME: tmp } })).toEqual({ code: 2, stdout: '', stderr });
  });
});
