import { shellWrapper } from '../../src/checks/shell-wrapper.js';
import { runCheckTable } from './check-tester.js';
import { describe, expect, it } from 'vitest';
import { lintLoaded } from '../../src/lint.js';
import { loadRuleText } from '../../src/load.js';

const rule = (decision: string, pattern: string, extra = '') => `- pattern: ${pattern}\n  decision: ${decision}${extra}`;
const allow = (pattern: string, extra = '') => rule('allow', pattern, extra);
const forbid = (pattern: string) => rule('forbidden', pattern, '\n  justification: Not here');

runCheckTable(shellWrapper, {
  valid: [
    allow('[cargo, test]'),
    // the codex-script-gap rule
    rule('prompt', '[[bash, zsh, sh], [-lc, -c]]', '\n  justification: review scripts'),
    // a script file, not a script string
    allow('[bash, scripts/ci.sh]'),
    allow('[git, status]'),
  ],
  invalid: [
    {
      // what Codex writes for "don't ask again" when it has no prefix
      code: allow('[/bin/bash, -lc, "cargo test -p codex-app-server"]'),
      errors: [
        {
          messageId: 'script',
          line: 1,
          column: 12,
          data: { shell: '/bin/bash -lc', advice: 'allow the commands inside instead: ["cargo", "test"]' },
          suggestions: [allow('[cargo, test]')],
        },
      ],
    },
    {
      // `cd` only sets up the next command
      code: allow('[/bin/bash, -lc, "cd codex-rs && cargo fmt --all"]'),
      errors: [{ messageId: 'script', line: 1, column: 12, data: { advice: 'allow the commands inside instead: ["cargo", "fmt"]' }, suggestions: [allow('[cargo, fmt]')] }],
    },
    {
      code: allow('[bash, -lc, "npm test && npm run lint | tee lint.txt"]'),
      errors: [{ messageId: 'script', line: 1, column: 12, data: { advice: 'allow the commands inside instead: ["npm", "test"] and ["npm", "run", "lint"] and ["tee"]' }, suggestions: [] }],
    },
    {
      code: forbid('[zsh, -c, "rm -rf /"]'),
      errors: [{ messageId: 'script', line: 1, column: 12, data: { advice: 'write the forbidden rule on the command itself: ["rm", "-rf", "/"]' }, suggestions: [forbid('[rm, -rf, /]')] }],
    },
    {
      // no safe prefix for the command inside: reported, without a suggestion
      code: allow('[/bin/bash, -lc, "python3 tools/gen.py"]'),
      errors: [{ messageId: 'script', line: 1, column: 12, suggestions: [] }],
    },
    {
      // Codex checks a script it cannot split whole: no rule on the commands inside applies.
      code: allow('[/bin/bash, -lc, "for f in *.rs; do rustfmt $f; done"]'),
      errors: [{ messageId: 'script', line: 1, column: 12, data: { advice: 'Codex checks this script whole (it is not plain commands joined by &&, ||, ; and |), so only a rule on the whole script matches it; a prompt rule on [["bash", "zsh", "sh"], ["-lc", "-c"]] makes such scripts ask' }, suggestions: [] }],
    },
    {
      code: allow('[pwsh, -Command, "Get-ChildItem"]'),
      errors: [{ messageId: 'script', line: 1, column: 12, data: { shell: 'pwsh -Command' }, suggestions: [allow('[Get-ChildItem]')] }],
    },
  ],
});

// A wrapper rule "covered" by the prompt rule on [[bash, zsh, sh], [-lc, -c]] still gets its
// advice: neither rule applies to the commands of a script Codex splits. An exact copy is
// duplicate-rule's alone (the first copy carries the advice).
describe('shell-wrapper and rules that never change a decision', () => {
  const findings = async (text: string) => {
    const r = lintLoaded(await loadRuleText('a.yaml', text));
    return r.diagnostics.filter((d) => d.check === 'shell-wrapper' || d.check.endsWith('-rule')).map((d) => d.check);
  };
  const gap = '  - pattern: [[bash, zsh, sh], [-lc, -c]]\n    decision: prompt\n    justification: review scripts\n';
  const wrapper = '  - pattern: [bash, -lc, "git push origin main"]\n    decision: prompt\n    justification: pushing needs review\n';

  it('advises on a wrapper rule the script-gap rule covers', async () => {
    expect(await findings(`version: 1\nrules:\n${gap}${wrapper}`)).toEqual(['redundant-rule', 'shell-wrapper']);
  });

  it('leaves an exact copy to duplicate-rule', async () => {
    expect(await findings(`version: 1\nrules:\n${wrapper}${wrapper}`)).toEqual(['shell-wrapper', 'duplicate-rule']);
  });
});
