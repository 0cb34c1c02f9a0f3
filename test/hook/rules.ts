// The rule set of the hook's tables (line numbers matter: reasons cite rules.yaml:<line>).
export const RULES = `version: 1
rules:
  - pattern: [git, [status, diff, log]]
    decision: allow
  - pattern: [ls]
    decision: allow
  - pattern: [echo]
    decision: allow
  - pattern: [npm, test]
    decision: allow
  - pattern: [sudo]
    decision: allow
  - pattern: [export]
    decision: allow
  - pattern: [git, push]
    decision: prompt
    justification: Pushing needs review
  - pattern: [rm, -rf]
    decision: forbidden
    justification: Use trash instead
  - pattern: [touch]
    decision: forbidden
`;

/** Only allow and prompt rules: nothing can be hidden from a forbidden rule. */
export const NO_FORBIDDEN = `version: 1
rules:
  - pattern: [ls]
    decision: allow
  - pattern: [git, push]
    decision: prompt
`;
