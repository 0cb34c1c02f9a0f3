// The event an agent hands its hook on standard input (design.md §9): Codex 0.169.0's
// PreToolUse and PermissionRequest (reference/codex-hooks.md; codex-rs/hooks
// `permission-request.command.input.schema.json`) and Claude Code's PreToolUse. Only what the hook
// needs is read: the tool, its command and the session's working directory.

/** The events `escalint hook` answers, as named on its command line. */
export const HOOK_EVENTS = ['codex-pre-tool-use', 'codex-permission-request', 'claude-pre-tool-use'] as const;

export type HookEventKind = (typeof HOOK_EVENTS)[number];

/** The agent's own name of each event (`hook_event_name` in the input, `hookEventName` in the output). */
export const AGENT_EVENT_NAMES = {
  'codex-pre-tool-use': 'PreToolUse',
  'codex-permission-request': 'PermissionRequest',
  'claude-pre-tool-use': 'PreToolUse',
} as const satisfies Record<HookEventKind, string>;

export function isHookEventKind(name: string | undefined): name is HookEventKind {
  return (HOOK_EVENTS as readonly (string | undefined)[]).includes(name);
}

/**
 * The shell tools whose `tool_input.command` is a command line. Codex names its shell tools
 * `Bash` in hook events (exec_command, shell and unified exec alike); `NetworkAccess` requests and
 * `apply_patch` carry other text in `command` and are not judged. Claude Code's shell tool is `Bash`.
 */
const SHELL_TOOLS: ReadonlySet<string> = new Set(['Bash']);

/** Events larger than this are refused before JSON.parse sees them. */
export const MAX_EVENT_BYTES = 4 * 1024 * 1024;

export interface HookEvent {
  /** The tool the agent is about to use (`Bash`, …); null when the event names none. */
  toolName: string | null;
  /** The command line to judge: a string, or an argv (`["bash", "-lc", script]`). Null when the tool is not a shell. */
  command: string | string[] | null;
  /** The session's working directory (absolute), when the event gives one. */
  cwd: string | null;
}

export type EventParse = { ok: true; event: HookEvent } | { ok: false; message: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads the event text. A text the hook cannot read as a shell-tool event of the expected kind is
 * an error (the caller denies: a hook that fails is "no objection" to the agent).
 */
export function parseHookEvent(text: string, kind: HookEventKind): EventParse {
  if (text.trim() === '') return { ok: false, message: 'no event on standard input (expected the JSON object the agent sends its hook)' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `the event is not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!isRecord(value)) return { ok: false, message: 'the event is not a JSON object' };
  const expected = AGENT_EVENT_NAMES[kind];
  const name = value.hook_event_name;
  if (name !== undefined && name !== expected) {
    return { ok: false, message: `"escalint hook ${kind}" received a ${JSON.stringify(name)} event; configure it for ${expected} only` };
  }
  const toolName = value.tool_name;
  if (toolName !== undefined && typeof toolName !== 'string') return { ok: false, message: 'tool_name is not a string' };
  const cwdValue = value.cwd;
  if (cwdValue !== undefined && cwdValue !== null && typeof cwdValue !== 'string') return { ok: false, message: 'cwd is not a string' };
  const cwd = typeof cwdValue === 'string' && cwdValue !== '' ? cwdValue : null;
  const event: HookEvent = { toolName: toolName ?? null, command: null, cwd };
  // Another tool (apply_patch, an MCP tool, NetworkAccess): not a command line, no opinion.
  if (toolName !== undefined && !SHELL_TOOLS.has(toolName)) return { ok: true, event };
  const input = value.tool_input;
  if (!isRecord(input)) return { ok: false, message: `the event has no tool_input object${toolName ? ` for the ${toolName} tool` : ''}` };
  const command = input.command;
  if (typeof command === 'string') event.command = command;
  else if (Array.isArray(command) && command.length > 0 && command.every((w): w is string => typeof w === 'string')) event.command = command;
  else return { ok: false, message: 'tool_input.command is missing or not a string' };
  return { ok: true, event };
}
