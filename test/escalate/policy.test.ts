// The sandbox in force: Codex config.toml keys, profiles, flags over config, what is granted.
import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, describePolicy, grantsOf, mergePolicy, readCodexConfig, type SandboxPolicy } from '../../src/escalate/policy.js';

const policy = (p: Partial<SandboxPolicy>): SandboxPolicy => ({ ...EMPTY_POLICY, ...p });

describe('readCodexConfig', () => {
  const ok: [string, string, SandboxPolicy][] = [
    ['an empty file', '', EMPTY_POLICY],
    ['top-level keys', 'model = "gpt-5"\napproval_policy = "never"\nsandbox_mode = "workspace-write"\n', policy({ approvalPolicy: 'never', sandbox: 'workspace-write' })],
    [
      'the workspace-write table',
      'sandbox_mode = "workspace-write"\n[sandbox_workspace_write]\nnetwork_access = true\nwritable_roots = ["/srv/www", "/var/cache/app"]\n',
      policy({ sandbox: 'workspace-write', network: 'enabled', writableRoots: ['/srv/www', '/var/cache/app'] }),
    ],
    ['network off', '[sandbox_workspace_write]\nnetwork_access = false\n', policy({ network: 'restricted' })],
    // Codex 0.169: network_access belongs to workspace-write; a read-only sandbox has no network.
    ['read-only ignores network_access', 'sandbox_mode = "read-only"\n[sandbox_workspace_write]\nnetwork_access = true\n', policy({ sandbox: 'read-only', network: 'restricted' })],
    [
      'the selected profile wins over the top level',
      'profile = "ci"\napproval_policy = "on-request"\nsandbox_mode = "workspace-write"\n[profiles.ci]\napproval_policy = "never"\nsandbox_mode = "read-only"\n[profiles.dev]\nsandbox_mode = "danger-full-access"\n',
      policy({ approvalPolicy: 'never', sandbox: 'read-only' }),
    ],
    ['granular approval', 'approval_policy = { granular = { rules = false } }\n', policy({ approvalPolicy: 'granular' })],
  ];
  it.each(ok)('%s', (_, text, expected) => {
    expect(readCodexConfig(text)).toEqual({ ok: true, policy: expected });
  });

  const bad: [string, string, string][] = [
    ['invalid TOML', 'sandbox_mode = \n', 'invalid TOML: '],
    ['an unknown sandbox', 'sandbox_mode = "full"\n', 'sandbox_mode must be one of read-only, workspace-write, danger-full-access; got "full"'],
    ['an unknown policy', 'approval_policy = "sometimes"\n', 'approval_policy must be one of untrusted, on-failure, on-request, never; got "sometimes"'],
    ['a non-boolean network', '[sandbox_workspace_write]\nnetwork_access = "yes"\n', 'sandbox_workspace_write.network_access must be true or false; got "yes"'],
    ['relative writable roots', '[sandbox_workspace_write]\nwritable_roots = ["build"]\n', 'sandbox_workspace_write.writable_roots must be a list of absolute paths'],
    ['a missing profile', 'profile = "ci"\n', 'profile "ci" is not defined under [profiles]'],
    ['a bad value in a profile', 'profile = "ci"\n[profiles.ci]\nsandbox_mode = 3\n', 'profiles.ci.sandbox_mode must be one of read-only, workspace-write, danger-full-access; got 3'],
  ];
  it.each(bad)('refuses %s', (_, text, message) => {
    const r = readCodexConfig(text);
    if (r.ok) throw new Error('accepted');
    expect(r.message.slice(0, message.length)).toBe(message);
  });
});

describe('mergePolicy, grantsOf, describePolicy', () => {
  it('lets flags win key by key', () => {
    const config = policy({ approvalPolicy: 'on-request', sandbox: 'workspace-write', network: 'enabled', writableRoots: ['/srv'] });
    expect(mergePolicy(config, { sandbox: 'read-only' })).toEqual(policy({ approvalPolicy: 'on-request', sandbox: 'read-only', network: 'enabled', writableRoots: ['/srv'] }));
  });

  it("takes Codex's defaults where nothing is said", () => {
    expect(grantsOf(EMPTY_POLICY)).toEqual({ fullAccess: false, network: false, writes: true });
    expect(grantsOf(policy({ sandbox: 'read-only' }))).toEqual({ fullAccess: false, network: false, writes: false });
    expect(grantsOf(policy({ network: 'enabled' }))).toEqual({ fullAccess: false, network: true, writes: true });
    expect(grantsOf(policy({ sandbox: 'danger-full-access' }))).toEqual({ fullAccess: true, network: true, writes: true });
  });

  it('says what was assumed', () => {
    expect(describePolicy(EMPTY_POLICY)).toBe('sandbox workspace-write (assumed), network restricted (assumed)');
    expect(describePolicy(policy({ approvalPolicy: 'never', sandbox: 'read-only', network: 'restricted' }))).toBe('sandbox read-only, network restricted, approval policy never');
    expect(describePolicy(policy({ sandbox: 'danger-full-access', network: 'restricted' }))).toBe('sandbox danger-full-access');
  });
});
