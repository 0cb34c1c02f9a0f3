// The text a person is shown by `escalint escalate` (design.md §8). Two kinds:
// - Telegram-bridged: only the copy-ready re-send of the user's request, `∆ <request>` in a fenced
//   block, optionally followed by the `{"dangerous_confirm": true}` control block; no resume
//   commands, nothing that suggests going on with part of the work.
// - otherwise: whether the run is blocked and by what, the exact commands that resume the session
//   with full access, and the narrower allow rule.
import { shlexQuote } from '../rules/shlex.js';
import type { Capability } from './detect.js';
import { prefixRuleLine, type Narrower } from './narrower.js';
import { describePolicy, type SandboxPolicy } from './policy.js';

/** The control block that makes the Telegram bot show its confirm buttons. */
export const CONFIRM_BLOCK = '```\n{"dangerous_confirm": true}\n```';

/** The prefix that marks a re-sent request as meant to run with full access. */
export const TELEGRAM_MARK = '∆ ';

/** A fence longer than any run of backticks in `text`, so the text can never close it (CommonMark §4.5). */
function fenceFor(text: string): string {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

export function telegramMessage(request: string, confirmButtons: boolean): string {
  const fence = fenceFor(request);
  const resend = `${fence}\n${TELEGRAM_MARK}${request}\n${fence}`;
  return confirmButtons ? `${resend}\n\n${CONFIRM_BLOCK}` : resend;
}

export interface ResumeTarget {
  /** The session to resume; `--last` when absent. */
  session?: string | null;
  /** The repository root, given as `-C`. */
  root?: string | null;
}

/** A word for a shell command line (paths with spaces, odd session ids). */
function arg(word: string): string {
  return shlexQuote(word) ?? word;
}

/** The two commands that resume the session with full access: interactive, and `codex exec`. */
export function resumeCommands(t: ResumeTarget): { interactive: string; exec: string } {
  const which = t.session ? arg(t.session) : '--last';
  const cd = t.root ? ` -C ${arg(t.root)}` : '';
  const full = '--dangerously-bypass-approvals-and-sandbox --sandbox danger-full-access';
  return {
    interactive: `codex resume ${which} ${full}${cd}`,
    exec: `codex exec ${full}${cd} resume ${which} -`,
  };
}

export interface ResumeMessageInput extends ResumeTarget {
  blocked: boolean;
  capabilities: readonly Capability[];
  /** Failure lines of the output; shown when the session has full access already (they are not the sandbox's). */
  failures: readonly Capability[];
  policy: SandboxPolicy;
  /** Only needed when blocked. */
  narrower?: Narrower;
}

const evidenceLine = (c: Capability) => `  ${c.name}: "${c.evidence}"`;

export function resumeMessage(m: ResumeMessageInput): string {
  const lines: string[] = [];
  const inForce = `in force: ${describePolicy(m.policy)}`;
  if (m.policy.sandbox === 'danger-full-access') {
    lines.push('not blocked: the session has full access already, so escalating changes nothing', inForce);
    if (m.failures.length > 0) lines.push('the failure comes from elsewhere:', ...m.failures.map(evidenceLine));
    return lines.join('\n');
  }
  const resume = resumeCommands(m);
  if (m.blocked) {
    lines.push('blocked: the sandbox does not grant what this needs', ...m.capabilities.map(evidenceLine), inForce, '');
    lines.push('resume this session with full access:');
  } else {
    lines.push('not blocked: nothing in the command or its output needs more than the sandbox grants', inForce, '');
    lines.push('if it still fails for lack of access, resume this session with full access:');
  }
  lines.push(`  ${resume.interactive}`, 'or non-interactively (the next prompt is read from standard input):', `  ${resume.exec}`);
  if (m.blocked && m.narrower !== undefined) {
    lines.push('');
    const rules = m.narrower.ok ? m.narrower.prefixes.map(prefixRuleLine) : [];
    if (m.narrower.ok && rules.every((r) => r !== null)) {
      lines.push(
        `narrower: instead of full access, allow just ${rules.length === 1 ? 'this kind of command' : 'these kinds of commands'}; Codex runs a command outside the sandbox when allow rules match all of it (add to ~/.codex/rules/default.rules):`,
        ...rules.map((r) => `  ${r}`),
      );
    } else {
      lines.push(`narrower: no allow rule can stand in for full access; ${m.narrower.ok ? 'a token of the prefix cannot be written in a rule file' : m.narrower.reason}`);
    }
  }
  return lines.join('\n');
}
