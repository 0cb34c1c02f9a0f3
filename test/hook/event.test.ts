// parseHookEvent: the event JSON each agent sends (Codex 0.169.0 PreToolUse and
// PermissionRequest, recorded; Claude Code's documented PreToolUse) → tool, command, cwd; anything
// the hook cannot read is an error (the CLI denies it).
import { describe, expect, it } from 'vitest';
import { parseHookEvent } from '../../src/hook/event.js';

const codexPre = {
  session_id: 's',
  turn_id: 't',
  transcript_path: '/home/u/.codex/sessions/rollout.jsonl',
  cwd: '/home/u/project',
  hook_event_name: 'PreToolUse',
  model: 'mock-model',
  permission_mode: 'bypassPermissions',
  tool_name: 'Bash',
  tool_input: { command: 'echo $(touch /x/pwned) hi' },
  tool_use_id: 'c1',
};

describe('parseHookEvent', () => {
  it('reads the command and the working directory', () => {
    expect(parseHookEvent(JSON.stringify(codexPre), 'codex-pre-tool-use')).toEqual({
      ok: true,
      event: { toolName: 'Bash', command: 'echo $(touch /x/pwned) hi', cwd: '/home/u/project' },
    });
  });

  it('reads an argv command', () => {
    const e = { ...codexPre, tool_input: { command: ['bash', '-lc', 'ls'] } };
    expect(parseHookEvent(JSON.stringify(e), 'codex-pre-tool-use')).toMatchObject({ ok: true, event: { command: ['bash', '-lc', 'ls'] } });
  });

  it('has no command for other tools (apply_patch, MCP, NetworkAccess): no opinion', () => {
    for (const tool of ['apply_patch', 'mcp__fs__write', 'NetworkAccess']) {
      const e = { ...codexPre, tool_name: tool, tool_input: { command: '*** Begin Patch' } };
      expect(parseHookEvent(JSON.stringify(e), 'codex-pre-tool-use')).toEqual({ ok: true, event: { toolName: tool, command: null, cwd: '/home/u/project' } });
    }
  });

  const bad: [string, string, RegExp][] = [
    ['empty input', '', /^no event on standard input/],
    ['blank input', ' \n', /^no event on standard input/],
    ['not JSON', '{"tool_input":', /^the event is not valid JSON: /],
    ['a JSON array', '[]', /^the event is not a JSON object$/],
    ['a JSON string', '"ls"', /^the event is not a JSON object$/],
    ['no tool_input', JSON.stringify({ ...codexPre, tool_input: undefined }), /^the event has no tool_input object for the Bash tool$/],
    ['tool_input not an object', JSON.stringify({ ...codexPre, tool_input: 'ls' }), /^the event has no tool_input object/],
    ['no command', JSON.stringify({ ...codexPre, tool_input: {} }), /^tool_input.command is missing or not a string$/],
    ['a number as command', JSON.stringify({ ...codexPre, tool_input: { command: 3 } }), /^tool_input.command is missing/],
    ['an empty argv', JSON.stringify({ ...codexPre, tool_input: { command: [] } }), /^tool_input.command is missing/],
    ['an argv with a number', JSON.stringify({ ...codexPre, tool_input: { command: ['ls', 1] } }), /^tool_input.command is missing/],
    ['another event', JSON.stringify({ ...codexPre, hook_event_name: 'PostToolUse' }), /received a "PostToolUse" event; configure it for PreToolUse only$/],
    ['tool_name not a string', JSON.stringify({ ...codexPre, tool_name: 1 }), /^tool_name is not a string$/],
    ['cwd not a string', JSON.stringify({ ...codexPre, cwd: 1 }), /^cwd is not a string$/],
  ];
  it.each(bad)('refuses %s', (_name, text, message) => {
    const r = parseHookEvent(text, 'codex-pre-tool-use');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('judges a command whose tool is not named (fail closed)', () => {
    const e = { hook_event_name: 'PermissionRequest', tool_input: { command: 'ls' } };
    expect(parseHookEvent(JSON.stringify(e), 'codex-permission-request')).toEqual({ ok: true, event: { toolName: null, command: 'ls', cwd: null } });
  });
});
