// What the hook prints for a verdict, in each agent's format (design.md §9). An empty string means
// "no decision": the agent goes on as if the hook were not there.
//
// Codex 0.169.0 (reference/codex-hooks.md): PreToolUse takes only `deny` with a non-empty reason;
// `allow` (without updatedInput) and `ask` make it count the hook as failed, and a failed hook is
// no objection, so those print nothing. PermissionRequest takes `decision.behavior` allow or deny.
// Claude Code's PreToolUse takes `permissionDecision` allow, deny or ask with a reason.
import { AGENT_EVENT_NAMES, type HookEventKind } from './event.js';
import type { HookVerdict } from './judge.js';

/** The line to print on standard output (with its newline), or '' for no decision. */
export function hookOutput(kind: HookEventKind, verdict: HookVerdict): string {
  const hookEventName = AGENT_EVENT_NAMES[kind];
  // An empty reason makes Codex refuse a deny ("without a non-empty permissionDecisionReason").
  const reason = verdict.reason.trim() === '' ? 'escalint: no reason given' : verdict.reason;
  let out: unknown;
  switch (kind) {
    case 'codex-pre-tool-use':
      if (verdict.decision !== 'deny') return '';
      out = { hookSpecificOutput: { hookEventName, permissionDecision: 'deny', permissionDecisionReason: reason } };
      break;
    case 'codex-permission-request':
      if (verdict.decision === 'deny') out = { hookSpecificOutput: { hookEventName, decision: { behavior: 'deny', message: reason } } };
      else if (verdict.decision === 'allow') out = { hookSpecificOutput: { hookEventName, decision: { behavior: 'allow' } } };
      else return '';
      break;
    case 'claude-pre-tool-use':
      if (verdict.decision === 'none') return '';
      out = { hookSpecificOutput: { hookEventName, permissionDecision: verdict.decision, permissionDecisionReason: reason } };
      break;
  }
  return `${JSON.stringify(out)}\n`;
}
