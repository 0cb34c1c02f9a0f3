// The findings of `compile` (check id `compile`): what makes an output impossible or lossy.
import type { Diagnostic, SourceRef } from '../types.js';

/** The messageIds of compile's findings, with a one-line template each (docs and tools). */
export const compileMessages = {
  'lone-surrogate': '{{field}} contains a lone surrogate ({{codeUnit}}), which no rule file can hold; remove it',
  'example-in-merged-file':
    'in the compiled file every host_executable applies when Codex checks the examples, and then: {{message}}',
  'allow-in-requirements':
    'allow rule {{pattern}} cannot go in requirements.toml (Codex permits only prompt and forbidden there); make it prompt or forbidden, remove it, or pass --drop-allow',
  'blank-token-in-requirements': 'pattern token {{token}} is blank, and requirements.toml refuses blank tokens (Codex: token cannot be empty)',
  'empty-requirements': 'no prompt or forbidden rules to write; Codex refuses an empty prefix_rules list',
  'not-in-requirements': '{{what}} is not written: the [rules] table of requirements.toml holds prefix rules only',
} as const;

export type CompileMessageId = keyof typeof compileMessages;

/** A finding of compile; `at` is where it points. */
export function compileDiagnostic(
  messageId: CompileMessageId,
  at: SourceRef,
  message: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  return { check: 'compile', messageId, severity, message, file: at.file, start: at.start, end: at.end };
}

