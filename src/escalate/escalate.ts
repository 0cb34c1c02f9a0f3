// `escalate()`: the escalation decision of design.md §8 as a library call (no I/O). Given the
// command or request, the failing output and the sandbox in force, it tells whether the run is
// blocked and by which capability, and builds the message a person is shown: the Telegram
// re-send for a Telegram-bridged session, otherwise the commands that resume the session with
// full access and the narrower allow rule.
import { detectCapabilities, type Capability } from './detect.js';
import { resumeMessage, telegramMessage } from './message.js';
import { narrowerPrefixes } from './narrower.js';
import { EMPTY_POLICY, type SandboxPolicy } from './policy.js';

export interface EscalateInput {
  /** The command (or request text) that needs more access. */
  command: string;
  /** Its failing output (standard output and error), if there is one. */
  output?: string;
  /** The sandbox and approval policy in force; unknown parts take Codex's defaults. */
  policy?: SandboxPolicy;
  /** The repository root: the workspace, and `-C` in the resume commands. */
  root?: string | null;
  /** Where the command runs (absolute); the workspace when there is no root. */
  cwd?: string | null;
  /** The home folder, for `~` and `$HOME` in write targets. */
  home?: string | null;
  /** Temporary folders writable in workspace-write (default ["/tmp"]). */
  tempDirs?: readonly string[];
  /** The session to resume; `--last` when absent. */
  session?: string | null;
  /** The user's own request when the session is bridged through the Telegram bot; absent otherwise. */
  telegramRequest?: string | null;
  /** Follow the Telegram re-send with the `{"dangerous_confirm": true}` control block. */
  confirmButtons?: boolean;
}

/** `escalint escalate --format json` prints exactly these four keys. */
export interface EscalateResult {
  blocked: boolean;
  capabilities: Capability[];
  telegram: boolean;
  /** Exactly the text a person is shown. */
  message: string;
}

export function escalate(input: EscalateInput): EscalateResult {
  const policy = input.policy ?? EMPTY_POLICY;
  const { capabilities, failures } = detectCapabilities(input.command, {
    ...(input.output !== undefined ? { output: input.output } : {}),
    policy,
    root: input.root ?? null,
    cwd: input.cwd ?? null,
    home: input.home ?? null,
    ...(input.tempDirs !== undefined ? { tempDirs: input.tempDirs } : {}),
  });
  const blocked = capabilities.length > 0;
  const telegram = input.telegramRequest !== undefined && input.telegramRequest !== null;
  const message = telegram
    ? telegramMessage(input.telegramRequest!, input.confirmButtons === true)
    : resumeMessage({
        blocked,
        capabilities,
        failures,
        policy,
        session: input.session ?? null,
        root: input.root ?? null,
        ...(blocked ? { narrower: narrowerPrefixes(input.command) } : {}),
      });
  return { blocked, capabilities, telegram, message };
}
