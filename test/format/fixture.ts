// One lint result shared by the format snapshot tests: built by the real pipeline (lintLoaded) from
// a hand-made load outcome, so it does not depend on the loaders' progress. It has an error, a
// warning, a suppressed finding, a finding with a related location, a message with the characters
// GitHub's workflow commands must escape, a CRLF file, and a path that needs URI encoding.
import { allChecks } from '../../src/checks/index.js';
import type { FormatContext } from '../../src/format/index.js';
import { lintLoaded, type LintResult } from '../../src/lint.js';
import type { Diagnostic } from '../../src/types.js';
import { ruleSetOf, span } from '../checks/helpers.js';

export const main = `# yaml-language-server: $schema=./schemas/escalint.schema.json
version: 1
rules:
  - pattern: [git, [status, log]]
    decision: allow
  - pattern: [gh, pr, checks]
  # escalint-disable-next-line implicit-decision -- reviewed: read-only
  - pattern: [ls]
  - pattern: [rm, -rf]
    decision: deny
`;

export const second = 'version: 1\r\nrules:\r\n  - pattern: []\r\n    decision: prompt\r\n';
export const clean = 'prefix_rule(pattern = ["cargo", "test"], decision = "allow")\n';

export const MAIN = 'rules.yaml';
export const SECOND = 'team/more rules.yaml';
export const CLEAN = 'default.rules';

function d(file: string, text: string, needle: string, check: string, messageId: string, message: string): Diagnostic {
  return { check, messageId, severity: 'error', message, file, ...span(text, needle) };
}

export function fixtureResult(): LintResult {
  const ruleSet = ruleSetOf([
    {
      path: MAIN,
      text: main,
      rules: [
        { at: '[git, [status, log]]', pattern: ['git', ['status', 'log']], decision: 'allow' },
        { at: '[gh, pr, checks]', pattern: ['gh', 'pr', 'checks'] },
        { at: '[ls]', pattern: ['ls'] },
      ],
    },
    { path: SECOND, text: second },
    { path: CLEAN, text: clean, rules: [{ at: '["cargo", "test"]', pattern: ['cargo', 'test'], decision: 'allow' }] },
  ]);
  const codexLoad: Diagnostic = {
    ...d(SECOND, second, '[]', 'codex-load', 'emptyPattern', 'pattern is empty; Codex refuses it: give at least one token, e.g. [git]'),
    related: [{ file: MAIN, ...span(main, '[ls]'), message: 'a rule that is not empty' }],
  };
  return lintLoaded({
    ruleSet,
    fatal: false,
    diagnostics: [
      d(MAIN, main, 'deny', 'schema', 'enum', 'decision must be one of allow, prompt, forbidden; got "deny"'),
      codexLoad,
      d(SECOND, second, 'prompt', 'example-mismatch', 'x', 'odd message: 100% sure, a:b\nsecond line'),
    ],
  });
}

export const formatContext: FormatContext = {
  cwd: '/work/project',
  color: false,
  toolVersion: '1.2.3',
  checks: allChecks(),
};
