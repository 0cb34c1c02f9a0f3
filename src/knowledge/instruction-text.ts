// What makes a justification unsafe to show to a model (design.md §7 unsafe-justification): Codex
// puts a rule's justification into the rejection text the model reads (reference/codex-0.169.md
// §3), so it is a channel into the agent's context. Characters that hide or reorder text, and
// phrases that address the model with instructions, have no place in a reason for a rule.

/** Characters that render invisibly or reorder what a reviewer sees. */
export const HIDDEN_CHARACTERS: readonly { test: RegExp; what: string }[] = [
  { test: /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u, what: 'a bidirectional control character (it reorders what a reviewer sees)' },
  { test: /[\u200B-\u200D\u2060\uFEFF\u00AD]/u, what: 'an invisible character (zero-width or soft hyphen)' },
  { test: /[\u{E0000}-\u{E007F}]/u, what: 'a Unicode tag character (invisible text)' },
  { test: /[\n\r\u0085\u2028\u2029]/u, what: 'a line break (a justification is one line of text)' },
  { test: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u, what: 'a control character' },
];

/**
 * Phrases that address the model rather than explain the rule, each with what it tries to do.
 * Written to match instructions, not ordinary reasons: "use `trash` instead" and "needs review"
 * must stay quiet.
 */
export const INSTRUCTION_PHRASES: readonly { test: RegExp; what: string }[] = [
  { test: /\b(?:ignore|disregard|forget|override)\b[^.]{0,40}\b(?:instructions?|rules?|polic(?:y|ies)|guidelines?|prompts?|previous|above|prior)\b/i, what: 'tells the model to ignore its instructions' },
  { test: /\b(?:system|developer)\s+(?:prompt|message|instructions?)\b/i, what: 'claims to be or to change the system prompt' },
  { test: /\b(?:bypass|disable|turn\s+off|skip|circumvent)\b[^.]{0,30}\b(?:sandbox|approvals?|safety|security|guardrails?|polic(?:y|ies)|restrictions?)\b/i, what: 'asks the model to bypass its safeguards' },
  { test: /--dangerously-bypass|danger-full-access|require_escalated|sandbox_permissions/i, what: 'names the options that disable the sandbox' },
  { test: /\byou\s+(?:are|have\s+been)\s+(?:now\s+)?(?:allowed|permitted|authori[sz]ed|free)\b/i, what: 'grants the model permissions' },
  { test: /\b(?:always|automatically)\s+(?:approve|allow|run|execute)\b/i, what: 'tells the model to approve or run commands' },
  { test: /<\|[a-z_]+\|>|<\/?(?:system|assistant|user|instructions?)>|\[\/?INST\]/i, what: 'contains chat-template markers' },
  { test: /\b(?:curl|wget)\b[^|]{0,80}\|\s*(?:ba|z)?sh\b/i, what: 'contains a command that downloads and runs a script' },
];
