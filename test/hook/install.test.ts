// planCodexToml / planJson: escalint's hook entries merged into the agent's configuration, losing
// nothing (a TOML file keeps its comments and layout byte for byte), idempotent, and refused with
// the snippet to add by hand where a text edit cannot do it.
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { codexTomlSnippet, planCodexToml, planJson, type HookEntry } from '../../src/hook/install.js';

const ENTRIES: HookEntry[] = [
  { event: 'PreToolUse', command: '/usr/bin/node /opt/escalint/bin/escalint.js hook codex-pre-tool-use' },
  { event: 'PermissionRequest', command: '/usr/bin/node /opt/escalint/bin/escalint.js hook codex-permission-request' },
];

const SNIPPET = `# escalint: each shell command is checked against escalint's rules first (escalint hook install codex)
[[hooks.PreToolUse]]
matcher = "Bash"

[[hooks.PreToolUse.hooks]]
type = "command"
command = "/usr/bin/node /opt/escalint/bin/escalint.js hook codex-pre-tool-use"
timeout = 10

[[hooks.PermissionRequest]]
matcher = "Bash"

[[hooks.PermissionRequest.hooks]]
type = "command"
command = "/usr/bin/node /opt/escalint/bin/escalint.js hook codex-permission-request"
timeout = 10
`;

const CONFIG = `# my Codex settings
model = "gpt-5"   # the default model
approval_policy = "on-request"

[projects."/home/me/app"]
trust_level = "trusted"

# a hook of my own
[[hooks.PreToolUse]]
matcher = "Bash"
[[hooks.PreToolUse.hooks]]
type = "command"
command = "/home/me/bin/audit"
`;

describe('planCodexToml', () => {
  it('writes the snippet into a new file', () => {
    expect(codexTomlSnippet(ENTRIES)).toBe(SNIPPET);
    const plan = planCodexToml(null, ENTRIES, 'config.toml');
    expect(plan).toMatchObject({ ok: true, changed: true, after: SNIPPET, added: ['PreToolUse', 'PermissionRequest'], present: [] });
  });

  it('appends to an existing file, keeping its text (comments, other hooks) byte for byte', () => {
    const plan = planCodexToml(CONFIG, ENTRIES, 'config.toml');
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.after).toBe(`${CONFIG}\n${SNIPPET}`);
    const parsed = parseToml(plan.after) as { hooks: Record<string, { hooks: { command: string }[] }[]>; model: string };
    expect(parsed.model).toBe('gpt-5');
    expect(parsed.hooks.PreToolUse!.map((g) => g.hooks[0]!.command)).toEqual(['/home/me/bin/audit', ENTRIES[0]!.command]);
    expect(parsed.hooks.PermissionRequest!.map((g) => g.hooks[0]!.command)).toEqual([ENTRIES[1]!.command]);
  });

  it('adds a line break to a file that does not end with one', () => {
    const plan = planCodexToml('model = "gpt-5"', ENTRIES, 'config.toml');
    expect(plan.ok && plan.after).toBe(`model = "gpt-5"\n\n${SNIPPET}`);
  });

  it('is idempotent: installing twice changes nothing', () => {
    const first = planCodexToml(CONFIG, ENTRIES, 'config.toml');
    if (!first.ok) throw new Error(first.message);
    const second = planCodexToml(first.after, ENTRIES, 'config.toml');
    expect(second).toMatchObject({ ok: true, changed: false, after: first.after, added: [], present: ['PreToolUse', 'PermissionRequest'] });
  });

  it('adds only the missing entry', () => {
    const half = planCodexToml(CONFIG, ENTRIES.slice(0, 1), 'config.toml');
    if (!half.ok) throw new Error(half.message);
    const full = planCodexToml(half.after, ENTRIES, 'config.toml');
    expect(full).toMatchObject({ ok: true, changed: true, added: ['PermissionRequest'], present: ['PreToolUse'] });
  });

  it('escapes the command as a TOML string', () => {
    const odd: HookEntry[] = [{ event: 'PreToolUse', command: "'/my \"tools\"/node' x\\y \u007f" }];
    const plan = planCodexToml(null, odd, 'config.toml');
    if (!plan.ok) throw new Error(plan.message);
    const parsed = parseToml(plan.after) as { hooks: { PreToolUse: { hooks: { command: string }[] }[] } };
    expect(parsed.hooks.PreToolUse[0]!.hooks[0]!.command).toBe(odd[0]!.command);
  });

  const refusals: [string, string, RegExp][] = [
    ['a file that does not parse', 'model = \n', /^config.toml does not parse as TOML \(.*\); fix it, or add the hooks by hand$/],
    ['hooks as an inline table', 'hooks = { PreToolUse = [] }\n', /^escalint cannot append its hooks to config.toml without rewriting it/],
    ['hooks.PreToolUse as an inline array', '[hooks]\nPreToolUse = [{ matcher = "Bash", hooks = [] }]\n', /^escalint cannot append its hooks to config.toml without rewriting it/],
    ['hooks that are not a table', 'hooks = 3\n', /^config.toml: "hooks" is not a table/],
    ['hooks.PreToolUse that is not a list', '[hooks.PreToolUse]\nmatcher = "Bash"\n', /^config.toml: hooks.PreToolUse is not a list of matcher groups/],
    [
      'another escalint command line for the same event',
      '[[hooks.PreToolUse]]\n[[hooks.PreToolUse.hooks]]\ntype = "command"\ncommand = "escalint hook codex-pre-tool-use --rules old.yaml"\n',
      /^config.toml: hooks.PreToolUse already runs escalint with another command line \("escalint hook codex-pre-tool-use --rules old.yaml"\); remove that entry/,
    ],
  ];
  it.each(refusals)('refuses %s, with the snippet to add by hand', (_name, text, message) => {
    const plan = planCodexToml(text, ENTRIES, 'config.toml');
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.message).toMatch(message);
    expect(plan.snippet).toContain('[[hooks.PreToolUse]]');
  });
});

describe('planJson', () => {
  const claude: HookEntry[] = [{ event: 'PreToolUse', command: 'escalint hook claude-pre-tool-use' }];

  it('writes a new settings file', () => {
    const plan = planJson(null, claude, '.claude/settings.json');
    expect(plan).toMatchObject({ ok: true, changed: true });
    expect(plan.ok && JSON.parse(plan.after)).toEqual({
      hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'escalint hook claude-pre-tool-use', timeout: 10 }] }] },
    });
  });

  it('keeps every other key, hook and their order, and the indentation', () => {
    const before = `{
    "permissions": { "allow": ["Bash(npm test:*)"] },
    "hooks": {
        "PostToolUse": [{ "matcher": "Edit", "hooks": [{ "type": "command", "command": "prettier" }] }],
        "PreToolUse": [{ "matcher": "Bash", "hooks": [{ "type": "command", "command": "audit" }] }]
    },
    "model": "opus"
}
`;
    const plan = planJson(before, claude, 'settings.json');
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.after).toMatch(/^\{\n {4}"permissions"/);
    const after = JSON.parse(plan.after);
    expect(Object.keys(after)).toEqual(['permissions', 'hooks', 'model']);
    expect(Object.keys(after.hooks)).toEqual(['PostToolUse', 'PreToolUse']);
    expect(after.hooks.PreToolUse.map((g: { hooks: { command: string }[] }) => g.hooks[0]!.command)).toEqual(['audit', 'escalint hook claude-pre-tool-use']);
    expect(after.permissions).toEqual({ allow: ['Bash(npm test:*)'] });
    expect(planJson(plan.after, claude, 'settings.json')).toMatchObject({ ok: true, changed: false, present: ['PreToolUse'] });
  });

  it('refuses a file that is not JSON (comments), with the snippet', () => {
    const plan = planJson('{ // mine\n}', claude, 'settings.json');
    expect(plan).toMatchObject({ ok: false, message: expect.stringMatching(/^settings.json is not valid JSON/) });
    expect(!plan.ok && JSON.parse(plan.snippet).hooks.PreToolUse).toHaveLength(1);
  });

  it('refuses a JSON value that is not an object', () => {
    expect(planJson('[]', claude, 'settings.json')).toMatchObject({ ok: false, message: 'settings.json does not hold a JSON object' });
  });
});
