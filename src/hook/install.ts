// `escalint hook install` as text in, text out (design.md §9): the agent's configuration with
// escalint's hook entries merged in, losing nothing. Codex 0.169.0 reads hooks from `config.toml`
// (`[[hooks.<Event>]]` matcher groups, each with `[[hooks.<Event>.hooks]]` handlers) and from a
// `hooks.json` beside it; when both hold hooks it warns and runs both, so escalint writes to the
// one already in use (reference/codex-hooks.md; codex-rs/hooks discovery). A TOML file is edited as
// text, so its comments and layout stay; Claude Code's settings.json is JSON without comments.
import { parse as parseToml } from 'smol-toml';
import type { HookEventKind } from './event.js';

export type InstallAgent = 'codex' | 'claude';

/** The agent's events escalint hooks, and the `escalint hook` event that answers each. */
export const INSTALLED_EVENTS = {
  codex: [
    { event: 'PreToolUse', kind: 'codex-pre-tool-use' },
    { event: 'PermissionRequest', kind: 'codex-permission-request' },
  ],
  claude: [{ event: 'PreToolUse', kind: 'claude-pre-tool-use' }],
} as const satisfies Record<InstallAgent, readonly { event: string; kind: HookEventKind }[]>;

/** Seconds the agent waits for the hook. */
export const HOOK_TIMEOUT = 10;

/** The shell tool the hooks match (Codex's and Claude Code's name for it). */
const MATCHER = 'Bash';

export interface HookEntry {
  /** The agent's event (`PreToolUse`, `PermissionRequest`). */
  event: string;
  /** The command line the agent runs. */
  command: string;
}

export type InstallPlan =
  | { ok: true; format: 'toml' | 'json'; before: string | null; after: string; changed: boolean; added: string[]; present: string[] }
  | { ok: false; message: string; snippet: string };

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Commands of every handler under `hooks[event]` (groups of `{matcher, hooks: [{command}]}`). */
function handlerCommands(groups: unknown): string[] | undefined {
  if (groups === undefined) return [];
  if (!Array.isArray(groups)) return undefined;
  const out: string[] = [];
  for (const g of groups) {
    if (!isTable(g)) return undefined;
    const hooks = g.hooks;
    if (hooks === undefined) continue;
    if (!Array.isArray(hooks)) return undefined;
    for (const h of hooks) if (isTable(h) && typeof h.command === 'string') out.push(h.command);
  }
  return out;
}

/** An escalint hook for the same event with another command line (older options or path). */
function otherEscalintHook(commands: readonly string[], entry: HookEntry): string | undefined {
  const kind = /\bhook\s+(codex-pre-tool-use|codex-permission-request|claude-pre-tool-use)\b/.exec(entry.command)?.[1];
  return commands.find((c) => c !== entry.command && /escalint/.test(c) && kind !== undefined && c.includes(`hook ${kind}`));
}

interface Merge {
  add: HookEntry[];
  present: string[];
}

/** Which entries are missing; a refusal when the existing value cannot take them. */
function plan(hooks: unknown, entries: readonly HookEntry[], file: string): Merge | { message: string } {
  if (hooks !== undefined && !isTable(hooks)) return { message: `${file}: "hooks" is not a table, so escalint cannot add its hooks` };
  const add: HookEntry[] = [];
  const present: string[] = [];
  for (const entry of entries) {
    const commands = handlerCommands(hooks === undefined ? undefined : hooks[entry.event]);
    if (commands === undefined) return { message: `${file}: hooks.${entry.event} is not a list of matcher groups, so escalint cannot add to it` };
    if (commands.includes(entry.command)) {
      present.push(entry.event);
      continue;
    }
    const other = otherEscalintHook(commands, entry);
    if (other !== undefined) {
      return { message: `${file}: hooks.${entry.event} already runs escalint with another command line (${JSON.stringify(other)}); remove that entry or edit it to ${JSON.stringify(entry.command)}` };
    }
    add.push(entry);
  }
  return { add, present };
}

// ---- Codex config.toml ------------------------------------------------------------------------

/** A TOML basic string (JSON's escapes are TOML's, except that TOML also escapes DEL). */
function tomlString(s: string): string {
  return JSON.stringify(s).replace(/\x7f/g, '\\u007f');
}

/** The TOML text of the entries: one matcher group with one handler per event. */
export function codexTomlSnippet(entries: readonly HookEntry[]): string {
  const blocks = entries.map((e) =>
    [
      `[[hooks.${e.event}]]`,
      `matcher = ${tomlString(MATCHER)}`,
      '',
      `[[hooks.${e.event}.hooks]]`,
      'type = "command"',
      `command = ${tomlString(e.command)}`,
      `timeout = ${HOOK_TIMEOUT}`,
    ].join('\n'),
  );
  return `# escalint: each shell command is checked against escalint's rules first (escalint hook install codex)\n${blocks.join('\n\n')}\n`;
}

/**
 * `config.toml` with the entries appended as array-of-tables blocks (valid wherever the file
 * defines hooks with `[[…]]` headers). The result is parsed again and must hold exactly the old
 * configuration plus the new groups; otherwise (inline tables, a file that does not parse) the
 * plan is a refusal that carries the snippet to add by hand.
 */
export function planCodexToml(before: string | null, entries: readonly HookEntry[], file: string): InstallPlan {
  const snippetAll = codexTomlSnippet(entries);
  let old: Record<string, unknown> = {};
  if (before !== null && before.trim() !== '') {
    try {
      old = parseToml(before) as Record<string, unknown>;
    } catch (err) {
      return { ok: false, message: `${file} does not parse as TOML (${firstLine(err)}); fix it, or add the hooks by hand`, snippet: snippetAll };
    }
  }
  const merge = plan(old.hooks, entries, file);
  if ('message' in merge) return { ok: false, message: merge.message, snippet: snippetAll };
  const base = { format: 'toml' as const, before, added: merge.add.map((e) => e.event), present: merge.present };
  if (merge.add.length === 0) return { ok: true, ...base, after: before ?? '', changed: false };
  const snippet = codexTomlSnippet(merge.add);
  const text = before ?? '';
  const after = text === '' ? snippet : `${text}${text.endsWith('\n') ? '' : '\n'}\n${snippet}`;
  let parsed: Record<string, unknown>;
  try {
    parsed = parseToml(after) as Record<string, unknown>;
  } catch (err) {
    return { ok: false, message: `escalint cannot append its hooks to ${file} without rewriting it (${firstLine(err)}); add them by hand`, snippet };
  }
  if (!sameExceptAdded(old, parsed, merge.add)) {
    return { ok: false, message: `appending to ${file} would change more than escalint's hooks; add them by hand`, snippet };
  }
  return { ok: true, ...base, after, changed: true };
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}

/** `after` equals `before` with one new matcher group appended to hooks.<event> for each entry. */
function sameExceptAdded(before: Record<string, unknown>, after: Record<string, unknown>, added: readonly HookEntry[]): boolean {
  const expected = structuredClone(before) as Record<string, unknown>;
  const hooks = (expected.hooks ??= {}) as Record<string, unknown>;
  for (const e of added) {
    const groups = (hooks[e.event] ??= []) as unknown[];
    groups.push(group(e));
  }
  return JSON.stringify(canonical(expected)) === JSON.stringify(canonical(after));
}

function group(e: HookEntry): Record<string, unknown> {
  return { matcher: MATCHER, hooks: [{ type: 'command', command: e.command, timeout: HOOK_TIMEOUT }] };
}

/** Sorted keys, so that key order does not matter; dates as text. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return `${v}n`;
  if (isTable(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  return v;
}

// ---- JSON: Codex hooks.json, Claude Code settings.json --------------------------------------

/** The JSON text of the entries, as a whole `{"hooks": …}` object. */
export function jsonSnippet(entries: readonly HookEntry[]): string {
  const hooks: Record<string, unknown[]> = {};
  for (const e of entries) (hooks[e.event] ??= []).push(group(e));
  return `${JSON.stringify({ hooks }, null, 2)}\n`;
}

/**
 * A JSON settings file (`{"hooks": {"<Event>": [matcher groups]}, …}`) with the entries merged in:
 * every other key and hook kept in order, the file's indentation kept.
 */
export function planJson(before: string | null, entries: readonly HookEntry[], file: string): InstallPlan {
  const snippetAll = jsonSnippet(entries);
  let old: Record<string, unknown> = {};
  if (before !== null && before.trim() !== '') {
    let value: unknown;
    try {
      value = JSON.parse(before);
    } catch (err) {
      return { ok: false, message: `${file} is not valid JSON (${firstLine(err)}); fix it, or add the hooks by hand`, snippet: snippetAll };
    }
    if (!isTable(value)) return { ok: false, message: `${file} does not hold a JSON object`, snippet: snippetAll };
    old = value;
  }
  const merge = plan(old.hooks, entries, file);
  if ('message' in merge) return { ok: false, message: merge.message, snippet: snippetAll };
  const base = { format: 'json' as const, before, added: merge.add.map((e) => e.event), present: merge.present };
  if (merge.add.length === 0) return { ok: true, ...base, after: before ?? '', changed: false };
  const next = structuredClone(old);
  const hooks = (next.hooks ??= {}) as Record<string, unknown[]>;
  for (const e of merge.add) (hooks[e.event] ??= []).push(group(e));
  const after = `${JSON.stringify(next, null, indentOf(before))}\n`;
  return { ok: true, ...base, after, changed: true };
}

/** The indentation of a JSON text's first indented line (2 when there is none). */
function indentOf(text: string | null): string | number {
  const m = text === null ? null : /\n([ \t]+)\S/.exec(text);
  return m ? m[1]! : 2;
}
