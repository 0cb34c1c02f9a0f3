// hookOutput: each event × decision → the exact line on standard output (design.md §9;
// reference/codex-hooks.md for Codex 0.169.0, Claude Code's documented PreToolUse output).
import { describe, expect, it } from 'vitest';
import type { HookEventKind } from '../../src/hook/event.js';
import type { HookDecision } from '../../src/hook/judge.js';
import { hookOutput } from '../../src/hook/output.js';

const REASON = 'rm -rf / (inside $(…)) is forbidden by ["rm","-rf"] at rules.yaml:23 — Use trash instead';

const table: [HookEventKind, HookDecision, string][] = [
  ['codex-pre-tool-use', 'deny', '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"rm -rf / (inside $(…)) is forbidden by [\\"rm\\",\\"-rf\\"] at rules.yaml:23 — Use trash instead"}}\n'],
  // Codex counts a PreToolUse allow (without updatedInput) or ask as a failed hook: nothing.
  ['codex-pre-tool-use', 'allow', ''],
  ['codex-pre-tool-use', 'ask', ''],
  ['codex-pre-tool-use', 'none', ''],
  ['codex-permission-request', 'deny', '{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"deny","message":"rm -rf / (inside $(…)) is forbidden by [\\"rm\\",\\"-rf\\"] at rules.yaml:23 — Use trash instead"}}}\n'],
  ['codex-permission-request', 'allow', '{"hookSpecificOutput":{"hookEventName":"PermissionRequest","decision":{"behavior":"allow"}}}\n'],
  ['codex-permission-request', 'ask', ''],
  ['codex-permission-request', 'none', ''],
  ['claude-pre-tool-use', 'deny', '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"rm -rf / (inside $(…)) is forbidden by [\\"rm\\",\\"-rf\\"] at rules.yaml:23 — Use trash instead"}}\n'],
  ['claude-pre-tool-use', 'allow', '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow","permissionDecisionReason":"rm -rf / (inside $(…)) is forbidden by [\\"rm\\",\\"-rf\\"] at rules.yaml:23 — Use trash instead"}}\n'],
  ['claude-pre-tool-use', 'ask', '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"ask","permissionDecisionReason":"rm -rf / (inside $(…)) is forbidden by [\\"rm\\",\\"-rf\\"] at rules.yaml:23 — Use trash instead"}}\n'],
  ['claude-pre-tool-use', 'none', ''],
];

describe('hookOutput', () => {
  it.each(table)('%s %s', (kind, decision, stdout) => {
    expect(hookOutput(kind, { decision, reason: REASON })).toBe(stdout);
  });

  it('prints one line of JSON or nothing', () => {
    for (const [kind, decision] of table) {
      const out = hookOutput(kind, { decision, reason: 'a\nb' });
      if (out === '') continue;
      expect(out.endsWith('\n')).toBe(true);
      expect(out.slice(0, -1)).not.toContain('\n');
      expect(() => JSON.parse(out)).not.toThrow();
    }
  });

  it('never denies with an empty reason (Codex refuses that)', () => {
    const out = JSON.parse(hookOutput('codex-pre-tool-use', { decision: 'deny', reason: '  ' }));
    expect(out.hookSpecificOutput.permissionDecisionReason.trim()).not.toBe('');
  });
});
