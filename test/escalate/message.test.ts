// The exact text a person is shown when the session is not Telegram-bridged: the resume commands
// (with and without a session id and a root), and the narrower allow rule.
import { describe, expect, it } from 'vitest';
import { escalate } from '../../src/escalate/escalate.js';
import { resumeCommands } from '../../src/escalate/message.js';
import { narrowerPrefixes, prefixRuleLine } from '../../src/escalate/narrower.js';
import { EMPTY_POLICY, type SandboxPolicy } from '../../src/escalate/policy.js';

const FULL = '--dangerously-bypass-approvals-and-sandbox --sandbox danger-full-access';
const policy = (p: Partial<SandboxPolicy>): SandboxPolicy => ({ ...EMPTY_POLICY, ...p });

describe('resumeCommands', () => {
  it('resumes the last session, with no root', () => {
    expect(resumeCommands({})).toEqual({
      interactive: `codex resume --last ${FULL}`,
      exec: `codex exec ${FULL} resume --last -`,
    });
  });

  it('puts -C <root> at the end of the interactive command and before resume in exec', () => {
    expect(resumeCommands({ root: '/work/repo' })).toEqual({
      interactive: `codex resume --last ${FULL} -C /work/repo`,
      exec: `codex exec ${FULL} -C /work/repo resume --last -`,
    });
  });

  it('names the session instead of --last', () => {
    expect(resumeCommands({ session: '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', root: '/work/repo' })).toEqual({
      interactive: `codex resume 0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b ${FULL} -C /work/repo`,
      exec: `codex exec ${FULL} -C /work/repo resume 0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b -`,
    });
  });

  it('quotes a root that the shell would split', () => {
    expect(resumeCommands({ root: "/work/my repo's" }).interactive).toBe(`codex resume --last ${FULL} -C "/work/my repo's"`);
  });
});

describe('escalate: the message when not Telegram-bridged', () => {
  it('blocked by the command: evidence, policy, resume commands and the narrower rule', () => {
    const r = escalate({ command: 'git pull origin main', root: '/work/repo', cwd: '/work/repo', policy: policy({ approvalPolicy: 'never' }) });
    expect(r).toEqual({
      blocked: true,
      capabilities: [{ name: 'git-remote', evidence: 'git pull origin main' }],
      telegram: false,
      message: [
        'blocked: the sandbox does not grant what this needs',
        '  git-remote: "git pull origin main"',
        'in force: sandbox workspace-write (assumed), network restricted (assumed), approval policy never',
        '',
        'resume this session with full access:',
        `  codex resume --last ${FULL} -C /work/repo`,
        'or non-interactively (the next prompt is read from standard input):',
        `  codex exec ${FULL} -C /work/repo resume --last -`,
        '',
        'narrower: instead of full access, allow just this kind of command; Codex runs a command outside the sandbox when allow rules match all of it (add to ~/.codex/rules/default.rules):',
        '  prefix_rule(pattern=["git", "pull"], decision="allow")',
      ].join('\n'),
    });
  });

  it('blocked by the output, with a session id and no root', () => {
    const output = "fatal: unable to access 'https://no-such-host.invalid/x/': Could not resolve host: no-such-host.invalid\n";
    const r = escalate({ command: 'npm test && npm run lint', output, session: 'abc-123', policy: policy({ sandbox: 'workspace-write', network: 'restricted' }) });
    expect(r.message).toBe(
      [
        'blocked: the sandbox does not grant what this needs',
        `  network: "fatal: unable to access 'https://no-such-host.invalid/x/': Could not resolve host: no-such-host.invalid"`,
        'in force: sandbox workspace-write, network restricted',
        '',
        'resume this session with full access:',
        `  codex resume abc-123 ${FULL}`,
        'or non-interactively (the next prompt is read from standard input):',
        `  codex exec ${FULL} resume abc-123 -`,
        '',
        'narrower: instead of full access, allow just these kinds of commands; Codex runs a command outside the sandbox when allow rules match all of it (add to ~/.codex/rules/default.rules):',
        '  prefix_rule(pattern=["npm", "test"], decision="allow")',
        '  prefix_rule(pattern=["npm", "run", "lint"], decision="allow")',
      ].join('\n'),
    );
  });

  it('says when no allow rule can stand in for full access', () => {
    const r = escalate({ command: 'curl -fsSL https://example.com/install.sh | sh', root: '/r' });
    expect(r.message.split('\n').at(-1)).toBe('narrower: no allow rule can stand in for full access; no categorical prefix is safe: sh runs any shell script, and Codex refuses ["sh"] as a rule');
  });

  it('not blocked: still shows the way to full access, without a narrower rule', () => {
    const r = escalate({ command: 'npm test', root: '/work/repo', policy: policy({ approvalPolicy: 'on-request', sandbox: 'workspace-write', network: 'enabled' }) });
    expect(r).toEqual({
      blocked: false,
      capabilities: [],
      telegram: false,
      message: [
        'not blocked: nothing in the command or its output needs more than the sandbox grants',
        'in force: sandbox workspace-write, network enabled, approval policy on-request',
        '',
        'if it still fails for lack of access, resume this session with full access:',
        `  codex resume --last ${FULL} -C /work/repo`,
        'or non-interactively (the next prompt is read from standard input):',
        `  codex exec ${FULL} -C /work/repo resume --last -`,
      ].join('\n'),
    });
  });

  it('full access already: nothing to escalate, and the failure is not the sandbox', () => {
    const output = 'socket.gaierror: [Errno -3] Temporary failure in name resolution\n';
    const r = escalate({ command: 'python3 fetch.py', output, root: '/r', policy: policy({ sandbox: 'danger-full-access', approvalPolicy: 'never' }) });
    expect(r).toEqual({
      blocked: false,
      capabilities: [],
      telegram: false,
      message: [
        'not blocked: the session has full access already, so escalating changes nothing',
        'in force: sandbox danger-full-access, approval policy never',
        'the failure comes from elsewhere:',
        '  network: "socket.gaierror: [Errno -3] Temporary failure in name resolution"',
      ].join('\n'),
    });
  });
});

describe('escalate: Telegram-bridged', () => {
  it('shows only the re-send, blocked or not, whatever the session and root', () => {
    for (const command of ['git push origin main', 'ls']) {
      const r = escalate({ command, telegramRequest: command, session: 'abc', root: '/r' });
      expect(r.telegram).toBe(true);
      expect(r.message).toBe(`\`\`\`\n∆ ${command}\n\`\`\``);
    }
  });

  it('judges the command but re-sends the request as the user wrote it', () => {
    const r = escalate({ command: 'npm install', telegramRequest: 'please install the deps', confirmButtons: true });
    expect(r).toEqual({
      blocked: true,
      capabilities: [{ name: 'package-install', evidence: 'npm install' }],
      telegram: true,
      message: '```\n∆ please install the deps\n```\n\n```\n{"dangerous_confirm": true}\n```',
    });
  });
});

describe('narrowerPrefixes', () => {
  it('gives one prefix per distinct command Codex checks', () => {
    expect(narrowerPrefixes('git pull && git pull --tags && npm ci')).toEqual({ ok: true, prefixes: [['git', 'pull'], ['npm', 'ci']] });
  });

  it('proposes no prefix the checks would flag, as escalint suggest', () => {
    const r = narrowerPrefixes('git push origin main');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(/^no safe rule: allow rule \["git", "push"\] admits a destructive command/);
  });

  it('writes the rule as Codex does', () => {
    expect(prefixRuleLine(['echo', 'a "b"'])).toBe('prefix_rule(pattern=["echo", "a \\"b\\""], decision="allow")');
  });
});
