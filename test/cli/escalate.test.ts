// `escalint escalate` in-process: the exact Telegram and resume messages, the repository root
// (-C, or found with git), the JSON shape, and usage errors (exit 2, one line).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'escalint-escalate-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/escalate/output/${name}.txt`, import.meta.url));
const write = (name: string, text: string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
};

/** A folder outside any git repository, so no root is found. */
const plain = fs.mkdtempSync(path.join(tmp, 'plain-'));
const run = (args: string[], opts: { cwd?: string; stdin?: string; env?: Record<string, string> } = {}) =>
  runCli(['escalate', ...args], { cwd: opts.cwd ?? plain, ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}), env: opts.env ?? {} });

const FULL = '--dangerously-bypass-approvals-and-sandbox --sandbox danger-full-access';
const CONTEXT = 'chat_id: 4242\nuser: @dev\nAnswer in the chat.';

describe('escalint escalate: Telegram', () => {
  it('prints only the re-send with --telegram', async () => {
    const r = await run(['--telegram', '-C', tmp, '--session', 'abc', '--', 'git push origin main']);
    expect(r).toEqual({ code: 0, stdout: '```\n∆ git push origin main\n```\n', stderr: '' });
  });

  it('adds the control block with --confirm-buttons', async () => {
    const r = await run(['--telegram', '--confirm-buttons', '--', 'git', 'push', 'origin', 'main']);
    expect(r.stdout).toBe('```\n∆ git push origin main\n```\n\n```\n{"dangerous_confirm": true}\n```\n');
  });

  it('takes the request from a prompt with a <TELEGRAM_BOT_CONTEXT> block, never the block', async () => {
    const prompt = write('tag.txt', `<TELEGRAM_BOT_CONTEXT>\n${CONTEXT}\n</TELEGRAM_BOT_CONTEXT>\n\nnpm install && git push\n`);
    const r = await run(['--prompt', prompt, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      blocked: true,
      capabilities: [
        { name: 'git-remote', evidence: 'git push' },
        { name: 'package-install', evidence: 'npm install' },
      ],
      telegram: true,
      message: '```\n∆ npm install && git push\n```',
    });
  });

  it('takes the request from a prompt with a fenced TELEGRAM_BOT_CONTEXT block', async () => {
    const prompt = write('fence.txt', `\`\`\`TELEGRAM_BOT_CONTEXT\n${CONTEXT}\n\`\`\`\npush my branch and open a PR\n`);
    const r = await run(['--prompt', prompt, '--confirm-buttons', '--', 'git push -u origin feature']);
    expect(r.stdout).toBe('```\n∆ push my branch and open a PR\n```\n\n```\n{"dangerous_confirm": true}\n```\n');
  });

  it('re-sends the command after -- when the prompt holds only the block', async () => {
    const prompt = write('only-block.txt', `<TELEGRAM_BOT_CONTEXT>${CONTEXT}</TELEGRAM_BOT_CONTEXT>`);
    const r = await run(['--prompt', prompt, '--', 'git push']);
    expect(r.stdout).toBe('```\n∆ git push\n```\n');
  });
});

describe('escalint escalate: resume commands', () => {
  it('blocked, no root: --last and no -C', async () => {
    const r = await run(['--approval-policy', 'never', '--sandbox', 'workspace-write', '--', 'git pull origin main']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'blocked: the sandbox does not grant what this needs',
        '  git-remote: "git pull origin main"',
        'in force: sandbox workspace-write, network restricted (assumed), approval policy never',
        '',
        'resume this session with full access:',
        `  codex resume --last ${FULL}`,
        'or non-interactively (the next prompt is read from standard input):',
        `  codex exec ${FULL} resume --last -`,
        '',
        'narrower: instead of full access, allow just this kind of command; Codex runs a command outside the sandbox when allow rules match all of it (add to ~/.codex/rules/default.rules):',
        '  prefix_rule(pattern=["git", "pull"], decision="allow")',
        '',
      ].join('\n'),
    });
  });

  it('-C DIR (relative to the current folder) and --session ID', async () => {
    fs.mkdirSync(path.join(plain, 'repo'), { recursive: true });
    const r = await run(['-C', 'repo', '--session', '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', '--', 'curl https://example.com']);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(`  codex resume 0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b ${FULL} -C ${path.join(plain, 'repo')}`);
    expect(lines).toContain(`  codex exec ${FULL} -C ${path.join(plain, 'repo')} resume 0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b -`);
  });

  it('finds the repository root with git from a sub-folder', async () => {
    const repo = fs.realpathSync(fs.mkdtempSync(path.join(tmp, 'repo-')));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    fs.mkdirSync(path.join(repo, 'web', 'src'), { recursive: true });
    const r = await run(['--', 'npm ci'], { cwd: path.join(repo, 'web', 'src') });
    const lines = r.stdout.split('\n');
    expect(lines).toContain(`  codex resume --last ${FULL} -C ${repo}`);
    expect(lines).toContain(`  codex exec ${FULL} -C ${repo} resume --last -`);
  });

  it('reads the failing output from a file or from standard input', async () => {
    const fromFile = await run(['--format', 'json', '--output', fixture('npm-dns'), '--', 'npm test']);
    const fromStdin = await run(['--format', 'json', '--output', '-', '--', 'npm test'], { stdin: fs.readFileSync(fixture('npm-dns'), 'utf8') });
    expect(JSON.parse(fromFile.stdout).capabilities).toEqual([
      { name: 'network', evidence: 'npm error network request to https://no-such-host.invalid/left-pad failed, reason: getaddrinfo ENOTFOUND no-such-host.invalid' },
    ]);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('reads the sandbox from config.toml, and flags win over it', async () => {
    const config = write('config.toml', 'approval_policy = "never"\nsandbox_mode = "workspace-write"\n[sandbox_workspace_write]\nnetwork_access = true\n');
    const granted = await run(['--format', 'json', '--config', config, '--', 'curl https://example.com']);
    expect(JSON.parse(granted.stdout)).toMatchObject({ blocked: false, capabilities: [] });
    const flagged = await run(['--format', 'json', '--config', config, '--network', 'restricted', '--', 'curl https://example.com']);
    expect(JSON.parse(flagged.stdout)).toMatchObject({ blocked: true, capabilities: [{ name: 'network', evidence: 'curl https://example.com' }] });
    expect(JSON.parse(flagged.stdout).message).toContain('in force: sandbox workspace-write, network restricted, approval policy never\n');
  });

  it('resolves ~ against HOME', async () => {
    const home = path.join(plain, 'home');
    const inside = await run(['--format', 'json', '-C', plain, '--', 'touch ~/x'], { env: { HOME: home } });
    expect(JSON.parse(inside.stdout).blocked).toBe(false);
    const outside = await run(['--format', 'json', '-C', plain, '--', 'touch ~/x'], { env: { HOME: '/home/dev' } });
    expect(JSON.parse(outside.stdout).capabilities).toEqual([{ name: 'write-outside-workspace', evidence: 'touch ~/x' }]);
  });
});

describe('escalint escalate --format json', () => {
  it('prints exactly blocked, capabilities, telegram and message; message is what text prints', async () => {
    const args = ['-C', tmp, '--output', fixture('touch-sys'), '--', 'touch /sys/x'];
    const json = await run(['--format', 'json', ...args]);
    const text = await run(args);
    const out = JSON.parse(json.stdout);
    expect(Object.keys(out)).toEqual(['blocked', 'capabilities', 'telegram', 'message']);
    expect(out.capabilities).toEqual([
      { name: 'write-outside-workspace', evidence: 'touch /sys/x' },
      { name: 'write-outside-workspace', evidence: "touch: cannot touch '/sys/x': Permission denied" },
    ]);
    expect(out.blocked).toBe(true);
    expect(out.telegram).toBe(false);
    expect(`${out.message}\n`).toBe(text.stdout);
    expect(json.stdout.endsWith('}\n')).toBe(true);
  });
});

describe('escalint escalate: usage errors', () => {
  const prompt = write('prompt.txt', 'git push\n');
  const onlyBlock = write('block.txt', `<TELEGRAM_BOT_CONTEXT>${CONTEXT}</TELEGRAM_BOT_CONTEXT>\n`);
  const badConfig = write('bad.toml', 'sandbox_mode = "full"\n');
  const rows: [string, string[], string][] = [
    ['an unknown format', ['--format', 'yaml', '--', 'ls'], 'escalint: unknown format "yaml"; use text or json\n'],
    ['an unknown sandbox', ['--sandbox', 'full', '--', 'ls'], 'escalint: --sandbox takes read-only, workspace-write, danger-full-access; got "full"\n'],
    ['an unknown approval policy', ['--approval-policy', 'sometimes', '--', 'ls'], 'escalint: --approval-policy takes untrusted, on-failure, on-request, never; got "sometimes"\n'],
    ['an unknown network mode', ['--network', 'on', '--', 'ls'], 'escalint: --network takes restricted, enabled; got "on"\n'],
    ['--telegram with --prompt', ['--telegram', '--prompt', prompt, '--', 'ls'], 'escalint: give --telegram or --prompt FILE, not both\n'],
    ['nothing to judge', [], 'escalint: nothing to judge: give the command after -- (escalint escalate -- git push), or --prompt FILE\n'],
    ['--telegram without a command', ['--telegram'], "escalint: --telegram needs the user's command after --\n"],
    ['a prompt with only the block', ['--prompt', onlyBlock], `escalint: the prompt ${onlyBlock} holds nothing outside its TELEGRAM_BOT_CONTEXT block; give the command after --\n`],
    ['a missing output file', ['--output', 'no-such.log', '--', 'ls'], 'escalint: cannot read the output file no-such.log: ENOENT\n'],
    ['a missing prompt file', ['--prompt', 'no-such.txt'], 'escalint: cannot read the prompt no-such.txt: ENOENT\n'],
    ['a bad config', ['--config', badConfig, '--', 'ls'], `escalint: ${badConfig}: sandbox_mode must be one of read-only, workspace-write, danger-full-access; got "full"\n`],
    ['a missing -C folder', ['-C', 'no-such-dir', '--', 'ls'], 'escalint: -C no-such-dir: no such folder\n'],
    ['a session id that is an option', ['--session=--last', '--', 'ls'], 'escalint: --session takes a session id, e.g. one listed by codex resume; got "--last"\n'],
    ['two readers of standard input', ['--prompt', '-', '--output', '-'], 'escalint: only one of --prompt and --output can read standard input\n'],
  ];
  it.each(rows)('%s', async (_, args, stderr) => {
    expect(await run(args)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('refuses options after the command without --', async () => {
    const r = await run(['git', 'push', '--force']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});
