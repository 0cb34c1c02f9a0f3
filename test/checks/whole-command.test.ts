import { describe, expect, it } from 'vitest';
import { findWholeCommand, wholeCommand } from '../../src/checks/whole-command.js';
import type { Rule } from '../../src/types.js';
import { runCheckTable } from './check-tester.js';

const rule = (decision: string, pattern: string, extra = '') => `- pattern: ${pattern}\n  decision: ${decision}${extra}`;
const allow = (pattern: string, extra = '') => rule('allow', pattern, extra);
const forbid = (pattern: string) => rule('forbidden', pattern, '\n  justification: Not here');

runCheckTable(wholeCommand, {
  valid: [
    allow('[git, status]'),
    forbid('[git, push, origin, main]'),
    // quoted text after a flag is a value, not a command line (too-specific's concern)
    allow('[git, commit, -m, "fix typo"]'),
    allow('[git, commit, -m, "fix a && b"]'),
    allow('[echo, "hello world"]'),
    allow('[say, "hello world"]'),
    allow('[jq, ".[] | .name"]'),
    // operator-looking arguments of find, test and expr
    rule('prompt', '[find, ., -name, x, -exec, rm, "{}", ";"]'),
    allow('[test, a, "<", b]'),
    // a program path with spaces is not a command line
    allow('["/Applications/Visual Studio Code.app/Contents/Resources/app/bin/code", --version]'),
    // a shell wrapper without a script is the codex-script-gap rule; with a script, shell-wrapper's finding
    rule('prompt', '[[bash, zsh, sh], [-lc, -c]]'),
    allow('[/bin/bash, -lc, "cargo test -p codex-app-server"]'),
    // an example equal to a categorical pattern is fine
    allow('[gh, pr, checks]', '\n  match: ["gh pr checks"]'),
    // an example equal to the pattern of a prompt rule: a deliberate target
    rule('prompt', '[cargo, publish, -p, core]', '\n  match: ["cargo publish -p core"]'),
    // several examples: not a copied command
    allow('[cargo, test, -p, a]', '\n  match: ["cargo test -p a", "cargo test -p a --lib"]'),
  ],
  invalid: [
    {
      code: allow('["git push origin main"]'),
      errors: [
        {
          messageId: 'joined',
          line: 1,
          column: 12,
          data: { token: '"git push origin main"', advice: 'allow the categorical prefix of "git push origin main" instead: ["git", "push"]' },
          suggestions: [allow('[git, push]')],
        },
      ],
    },
    {
      // a forbidden rule meant exactly that command: split it, do not widen it
      code: forbid('["git push origin main"]'),
      errors: [
        {
          messageId: 'joined',
          line: 1,
          column: 12,
          data: { advice: 'write it as separate tokens: ["git", "push", "origin", "main"]' },
          suggestions: [forbid('[git, push, origin, main]')],
        },
      ],
    },
    {
      code: allow('[git, "push origin main"]'),
      errors: [{ messageId: 'joined', line: 1, column: 12, data: { token: '"push origin main"' }, suggestions: [allow('[git, push]')] }],
    },
    {
      code: allow('["git status"]'),
      errors: [{ messageId: 'joined', line: 1, column: 12, data: { advice: 'write it as separate tokens: ["git", "status"]' }, suggestions: [allow('[git, status]')] }],
    },
    {
      code: allow('[cargo, "test && cargo clippy"]'),
      errors: [{ messageId: 'joined', line: 1, column: 12, data: { advice: 'write one rule per command, e.g. ["cargo", "test"]' }, suggestions: [allow('[cargo, test]')] }],
    },
    {
      code: allow('[a, "|", tee]'),
      errors: [{ messageId: 'operator', line: 1, column: 12, data: { token: '"|"', advice: 'write one rule per command, e.g. ["a"]' }, suggestions: [allow('[a]')] }],
    },
    {
      code: allow('[npm, test, "&&", npm, run, lint]'),
      errors: [{ messageId: 'operator', line: 1, column: 12, data: { token: '"&&"' }, suggestions: [allow('[npm, test]')] }],
    },
    {
      code: rule('prompt', '[echo, hi, ">", out.txt]'),
      errors: [{ messageId: 'operator', line: 1, column: 12, data: { token: '">"' }, suggestions: [rule('prompt', '[echo, hi]')] }],
    },
    {
      code: allow('[ls, ";", rm, x]'),
      errors: [{ messageId: 'operator', line: 1, column: 12, suggestions: [allow('[ls]')] }],
    },
    {
      code: allow('[cargo, test, -p, codex-app-server]', '\n  match: ["cargo test -p codex-app-server"]'),
      errors: [
        {
          messageId: 'example',
          line: 1,
          column: 12,
          data: { pattern: '["cargo", "test", "-p", "codex-app-server"]' },
          suggestions: [allow('[cargo, test]', '\n  match: ["cargo test -p codex-app-server"]')],
        },
      ],
    },
    {
      code: allow('[npm, install, lodash@4.17.21]', '\n  match: [[npm, install, lodash@4.17.21]]'),
      errors: [{ messageId: 'example', line: 1, column: 12, suggestions: [allow('[npm, install]', '\n  match: [[npm, install, lodash@4.17.21]]')] }],
    },
    {
      code: '- pattern: [git, status]\n  decision: allow\n- pattern: ["rm -rf /"]\n  decision: forbidden\n  justification: Never',
      errors: [
        {
          messageId: 'joined',
          line: 3,
          column: 12,
          suggestions: ['- pattern: [git, status]\n  decision: allow\n- pattern: [rm, -rf, /]\n  decision: forbidden\n  justification: Never'],
        },
      ],
    },
  ],
});

describe('findWholeCommand', () => {
  const r = (pattern: Rule['pattern'], decision: Rule['decision'] = 'allow', match: Rule['match'] = []): Rule => ({
    id: null,
    pattern,
    decision,
    decisionExplicit: true,
    match,
    notMatch: [],
    canonicalMatching: false,
    source: { file: 'a', start: 0, end: 0 },
    patternSource: { file: 'a', start: 0, end: 0 },
    index: 0,
  });

  it('reads the first command of a script', () => {
    expect(findWholeCommand(r(['/bin/bash', '-lc', 'cd web; npm test']))).toEqual({ kind: 'script', token: 'cd web; npm test', firstCommand: ['cd', 'web'], more: true });
    expect(findWholeCommand(r(['bash', '-c', 'ls -la']))).toEqual({ kind: 'script', token: 'ls -la', firstCommand: ['ls', '-la'], more: false });
    expect(findWholeCommand(r(['bash', '-c', 'echo "unterminated']))).toEqual({ kind: 'script', token: 'echo "unterminated', firstCommand: null, more: false });
  });

  it('leaves ordinary patterns alone', () => {
    for (const p of [['git', 'status'], ['git', ['status', 'log']], ['cargo', 'test', '-p', 'x'], ['git', 'commit', '-m', 'a | b'], ['bash', '-lc']]) {
      expect(findWholeCommand(r(p)), JSON.stringify(p)).toBeUndefined();
    }
  });

  it('reports alternatives holding a command line', () => {
    expect(findWholeCommand(r(['git', ['status', 'push origin main']]))?.kind).toBe('joined');
  });
});
