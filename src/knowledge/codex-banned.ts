// The prefixes Codex 0.169.0 refuses to persist as an allow rule when its model proposes them
// (`exec_command.prefix_rule`), matched by exact equality: confirmed by probing the binary
// (reference/codex-0.169.md §4). Each of these, allowed, runs arbitrary code or deletes files.
// `escalint suggest` never proposes one, and the arbitrary-code check covers every one of them.

/** Every banned prefix, as Codex compares it: the whole token list, case-sensitive. */
export const CODEX_BANNED_PREFIXES: readonly (readonly string[])[] = [
  ...['python3', 'python'].flatMap((p) => [[p], [p, '-'], [p, '-c']]),
  ['py'], ['py', '-3'], ['pythonw'], ['pyw'], ['pypy'], ['pypy3'],
  ['git'],
  ...['bash', 'sh', 'zsh', '/bin/zsh', '/bin/bash', '/bin/sh'].flatMap((s) => [[s], [s, '-c'], [s, '-lc']]),
  ['dash'], ['dash', '-c'], ['ksh'], ['ksh', '-c'], ['fish'], ['fish', '-c'],
  ['pwsh'], ...['-Command', '-c', '-EncodedCommand', '-File', '-ec', '-f'].map((o) => ['pwsh', o]),
  ...['powershell', 'powershell.exe'].flatMap((p) => [[p], ...['-Command', '-c', '-EncodedCommand', '-File'].map((o) => [p, o])]),
  ['cmd'], ['cmd', '/c'], ['cmd', '/k'], ['cmd.exe'], ['cmd.exe', '/c'], ['cmd.exe', '/k'],
  ['env'], ['sudo'],
  ['node'], ['node', '-e'], ['nodejs'], ['nodejs', '-e'],
  ['deno'], ['deno', 'eval'], ['bun'], ['bun', '-e'], ['bun', 'run'],
  ['perl'], ['perl', '-e'], ['ruby'], ['ruby', '-e'], ['php'], ['php', '-r'], ['lua'], ['lua', '-e'],
  ['Rscript'], ['julia'], ['julia', '-e'], ['osascript'],
  ['rm'],
  ['npm', 'run'], ['yarn', 'run'], ['pnpm', 'run'],
];

const BANNED = new Set(CODEX_BANNED_PREFIXES.map((p) => p.join('\0')));

/** Whether Codex 0.169.0 refuses `prefix` as a persisted allow rule (exact equality). */
export function isCodexBanned(prefix: readonly string[]): boolean {
  return BANNED.has(prefix.join('\0'));
}
