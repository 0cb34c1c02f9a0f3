// Shells that run a command string given as an argument (`bash -lc '<script>'`): a rule on such
// a head matches the wrapper, not the command inside (design.md §7 shell-wrapper). Codex builds
// `[<user shell>, "-lc", script]` itself (reference/codex-0.169.md §3), so these heads also stand
// for every script Codex cannot split.
import { basename } from 'node:path/posix';

interface ShellSpec {
  reason: string;
  /** Whether a token is this shell's "run the next argument as a script" option. */
  isCommandFlag: (token: string) => boolean;
}

/** POSIX-style shells: `-c` alone or in a cluster of short options (`-lc`, `-ic`, `-xec`). */
const clusterWithC = (t: string) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(t);
const pwshFlag = (t: string) => /^-(?:c|command|ec|e|encodedcommand|enc)$/i.test(t);
const cmdFlag = (t: string) => /^\/[ck]$/i.test(t);

const SHELLS = new Map<string, ShellSpec>([
  ['bash', { reason: 'bash -c runs its argument as a script', isCommandFlag: clusterWithC }],
  ['sh', { reason: 'sh -c runs its argument as a script', isCommandFlag: clusterWithC }],
  ['zsh', { reason: 'zsh -c runs its argument as a script', isCommandFlag: clusterWithC }],
  ['dash', { reason: 'dash -c runs its argument as a script', isCommandFlag: clusterWithC }],
  ['ksh', { reason: 'ksh -c runs its argument as a script', isCommandFlag: clusterWithC }],
  ['mksh', { reason: 'mksh -c runs its argument as a script', isCommandFlag: clusterWithC }],
  ['fish', { reason: 'fish -c runs its argument as a script', isCommandFlag: (t) => t === '-c' || t === '--command' || clusterWithC(t) }],
  ['pwsh', { reason: 'pwsh -Command runs its argument as a script', isCommandFlag: pwshFlag }],
  ['powershell', { reason: 'powershell -Command runs its argument as a script', isCommandFlag: pwshFlag }],
  ['powershell.exe', { reason: 'powershell -Command runs its argument as a script', isCommandFlag: pwshFlag }],
  ['cmd', { reason: 'cmd /c runs its argument as a command line', isCommandFlag: cmdFlag }],
  ['cmd.exe', { reason: 'cmd /c runs its argument as a command line', isCommandFlag: cmdFlag }],
]);

/** The shell a program token names (`/bin/zsh` → zsh), or undefined. */
export function shellOf(program: string): string | undefined {
  const name = program.includes('/') ? basename(program) : program;
  return SHELLS.has(name) ? name : undefined;
}

/** Whether `[program, flag]` runs the next argument as a script. */
export function isShellCommandFlag(program: string, flag: string): boolean {
  const shell = shellOf(program);
  return shell !== undefined && SHELLS.get(shell)!.isCommandFlag(flag);
}

/** The shells Codex wraps an agent's command in (its user shell), with the flags it uses. */
export const CODEX_WRAPPER_SHELLS = ['/bin/bash', '/bin/zsh', '/bin/sh'] as const;
export const CODEX_WRAPPER_FLAGS = ['-lc', '-c'] as const;
