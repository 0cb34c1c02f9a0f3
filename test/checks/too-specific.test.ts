import { describe, expect, it } from 'vitest';
import { tooSpecific } from '../../src/checks/too-specific.js';
import { runCheckTable } from './check-tester.js';
import { lintLoaded } from '../../src/lint.js';
import { loadRuleText } from '../../src/load.js';
import { ruleSetOf, runCheck } from './helpers.js';

const allow = (pattern: string) => `- pattern: ${pattern}\n  decision: allow`;

runCheckTable(tooSpecific, {
  valid: [
    // ordinary, well-scoped rules: the capability and nothing more
    allow('[npm, run, dev]'),
    allow('[gh, pr, checks]'),
    allow('[pytest]'),
    allow('[git, status]'),
    allow('[terraform, plan]'),
    allow('[cargo, test]'),
    allow('[docker, compose, up]'),
    allow('[kubectl, get, pods]'), // the resource kind is part of the capability
    allow('[go, test, ./...]'), // a whole-project operand, not a value
    allow('[make, build]'),
    allow('[npx, prettier]'),
    allow('[npm, install]'),
    allow('[aws, s3, ls]'),
    allow('[gcloud, compute, instances, list]'),
    allow('[python3, -m, pytest]'),
    allow('[uv, run, pytest]'),
    allow('[git, [status, log, diff]]'),
    allow('[kubectl, get, [pods, services]]'),
    // flags alone select a mode
    allow('[git, log, --oneline]'),
    allow('[git, push, --dry-run]'),
    allow('[docker, compose, up, -d]'),
    allow('[prettier, --check, .]'),
    allow('[cargo, fmt, --check]'),
    allow('[ls, -la]'),
    // programs outside the table: no value signal, nothing to say
    allow('[foo, bar, baz]'),
    // prompt and forbidden rules are deliberate targets
    '- pattern: [git, push, origin, main]\n  decision: forbidden\n  justification: Never push to main',
    '- pattern: [cargo, publish, -p, core]\n  decision: prompt',
    // no safe category: one argument past it is the narrowest useful rule
    allow('[python3, scripts/gen.py]'),
    allow('[rm, -rf, node_modules]'),
    // globs are glob-literal's finding
    allow('[ls, "*.ts"]'),
    // whole-command's finding (a pattern equal to its only example)
    '- pattern: [cargo, test, -p, codex-app-server]\n  decision: allow\n  match: ["cargo test -p codex-app-server"]',
    // alternatives are not evidence
    allow('[git, push, [origin, upstream]]'),
    // the mode an option picks is not a value
    allow('[cargo, clippy, --all-targets, --, -D, warnings]'),
    allow('[kubectl, get, pods, -o, json]'),
    allow('[git, log, --format=oneline]'),
    // part of the capability: a package binary, a config key, what a tool lists
    allow('[pnpm, vitest, run]'),
    allow('[git, config, user.name]'),
    allow('[xcrun, simctl, list, devices]'),
    allow('[nix, config, show]'),
    allow('[env, NIXPKGS_ALLOW_UNFREE=1, nix, flake, check]'),
    // no safe prefix, but Codex accepts the command: a narrow rule is the right one
    allow('[sqlite3, db.sqlite3, .tables]'),
    allow('[ssh, build-host, uptime]'),
    // a deliberate exception under a capability with a stricter rule
    '- pattern: [cat, .env]\n  decision: forbidden\n  justification: Secrets\n- pattern: [cat, .env.example]\n  decision: allow\n- pattern: [cat, web/.env]\n  decision: allow',
    '- pattern: [git, push]\n  decision: prompt\n- pattern: [git, push, origin, docs]\n  decision: allow',
  ],
  invalid: [
    {
      code: allow('[cargo, test, -p, codex-app-server]'),
      errors: [
        {
          messageId: 'tooSpecific',
          line: 1,
          column: 12,
          data: { value: '"codex-app-server"', kind: 'the value of "-p"', prefix: '["cargo", "test"]' },
          suggestions: [allow('[cargo, test]')],
        },
      ],
    },
    {
      code: allow('[git, commit, -m, "fix typo"]'),
      errors: [{ messageId: 'tooSpecific', line: 1, column: 12, data: { value: '"fix typo"', kind: 'quoted text', prefix: '["git", "commit"]' }, suggestions: [allow('[git, commit]')] }],
    },
    {
      code: allow('[npm, install, lodash@4.17.21]'),
      errors: [{ messageId: 'tooSpecific', line: 1, column: 12, data: { value: '"lodash@4.17.21"', kind: 'a version', prefix: '["npm", "install"]' }, suggestions: [allow('[npm, install]')] }],
    },
    {
      code: allow('[curl, -s, "https://api.github.com/repos/x/y"]'),
      errors: [{ messageId: 'tooSpecific', line: 1, column: 12, data: { kind: 'a URL', prefix: '["curl"]' }, suggestions: [allow('[curl]')] }],
    },
    {
      code: allow('[pytest, "tests/test_api.py::test_login", -x]'),
      errors: [{ messageId: 'tooSpecific', line: 1, column: 12, data: { kind: 'a path', prefix: '["pytest"]' }, suggestions: [allow('[pytest]')] }],
    },
    {
      code: allow('[docker, run, --rm, -v, "/home/u/src:/src", "node:20"]'),
      errors: [{ messageId: 'tooSpecific', line: 1, column: 12, data: { value: '"/home/u/src:/src"', kind: 'a path', prefix: '["docker", "run"]' }, suggestions: [allow('[docker, run]')] }],
    },
    {
      code: allow('[git, push, origin, feature/login]'),
      errors: [{ messageId: 'tooSpecific', line: 1, column: 12, data: { value: '"origin"', kind: 'an argument of "git push"' }, suggestions: [allow('[git, push]')] }],
    },
    {
      code: allow('[kubectl, -n, prod, logs, api-7d9f8c-xk2]'),
      errors: [
        { messageId: 'tooSpecific', line: 1, column: 12, data: { value: '"prod"', kind: 'the value of option "-n"', prefix: '["kubectl", "logs"]' }, suggestions: [allow('[kubectl, logs]')] },
      ],
    },
    {
      code: allow('[kubectl, get, pods, api-7d9f8c-xk2]'),
      errors: [{ messageId: 'tooSpecific', line: 1, column: 12, data: { kind: 'an argument of "kubectl get pods"' }, suggestions: [allow('[kubectl, get, pods]')] }],
    },
    {
      code: allow('[git, -C, /work/repo, status]'),
      errors: [{ messageId: 'tooSpecific', line: 1, column: 12, data: { value: '"/work/repo"', prefix: '["git", "status"]' }, suggestions: [allow('[git, status]')] }],
    },
    {
      code: allow('[npm, run, test, --, --grep, login]'),
      errors: [{ messageId: 'tooSpecific', line: 1, column: 12, data: { value: '"login"', prefix: '["npm", "run", "test"]' }, suggestions: [allow('[npm, run, test]')] }],
    },
    {
      code: allow('[git, log, -n, "5"]'),
      errors: [{ messageId: 'tooSpecific', line: 1, column: 12, data: { value: '"5"', kind: 'a number' }, suggestions: [allow('[git, log]')] }],
    },
    {
      // alternatives within the capability are kept
      code: allow('[git, [push, pull], origin, main]'),
      errors: [{ messageId: 'tooSpecific', line: 1, column: 12, data: { prefix: '["git", ["push", "pull"]]' }, suggestions: [allow('[git, [push, pull]]')] }],
    },
    {
      code: allow('[python3, -m, pytest, tests/test_login.py]'),
      errors: [{ messageId: 'tooSpecific', line: 1, column: 12, data: { prefix: '["python3", "-m", "pytest"]' }, suggestions: [allow('[python3, -m, pytest]')] }],
    },
    {
      code: allow('[gcloud, config, set, project, my-project]'),
      errors: [{ messageId: 'tooSpecific', line: 1, column: 12, data: { prefix: '["gcloud", "config", "set", "project"]' }, suggestions: [allow('[gcloud, config, set, project]')] }],
    },
    {
      // a rule without decision is an allow rule
      code: '- pattern: [brew, install, jq]',
      errors: [{ messageId: 'tooSpecific', line: 1, column: 12, suggestions: ['- pattern: [brew, install]'] }],
    },
    {
      // no safe category, and more than one value past it: reported without a suggestion
      code: allow('[python3, scripts/gen.py, --input, data.csv]'),
      errors: [{ messageId: 'noSafePrefix', line: 1, column: 12, data: { values: '"scripts/gen.py", "data.csv"' }, suggestions: [] }],
    },
    {
      code: '- pattern: [git, status]\n  decision: allow\n- pattern: [cat, package.json]\n  decision: allow\n- pattern: [git, push, origin, main]\n  decision: prompt',
      errors: [{ messageId: 'tooSpecific', line: 3, column: 12, data: { value: '"package.json"', kind: 'a file name' }, suggestions: ['- pattern: [git, status]\n  decision: allow\n- pattern: [cat]\n  decision: allow\n- pattern: [git, push, origin, main]\n  decision: prompt'] }],
    },
    {
      // with whole-command off, this check reports the copied command itself
      code: 'version: 1\nrules:\n  - pattern: [cargo, test, -p, codex-app-server]\n    decision: allow\n    match: ["cargo test -p codex-app-server"]\nsettings:\n  checks:\n    whole-command: "off"\n',
      errors: [{ messageId: 'tooSpecific', line: 3, column: 14, suggestions: ['version: 1\nrules:\n  - pattern: [cargo, test]\n    decision: allow\n    match: ["cargo test -p codex-app-server"]\nsettings:\n  checks:\n    whole-command: "off"\n'] }],
      formats: ['yaml'],
    },
  ],
});

describe('too-specific messages', () => {
  it('names the value, why it is one, and the categorical prefix', () => {
    const text = 'rules:\n  - pattern: [cargo, test, -p, codex-app-server]\n';
    const set = ruleSetOf([{ path: 'a.yaml', text, rules: [{ at: '[cargo, test, -p, codex-app-server]', pattern: ['cargo', 'test', '-p', 'codex-app-server'], decision: 'allow' }] }]);
    expect(runCheck(tooSpecific, set).map((f) => f.replace(/^[^ ]+ /, ''))).toEqual([
      'allow rule ["cargo", "test", "-p", "codex-app-server"] carries the argument value "codex-app-server" (the value of "-p"), so any other value needs a new approval; allow the categorical prefix ["cargo", "test"] instead',
    ]);
  });

  it('says why there is no suggestion when no prefix is safe', () => {
    const text = 'rules:\n  - pattern: [node, build.js, --out, dist/app.js]\n';
    const set = ruleSetOf([{ path: 'a.yaml', text, rules: [{ at: '[node, build.js, --out, dist/app.js]', pattern: ['node', 'build.js', '--out', 'dist/app.js'], decision: 'allow' }] }]);
    expect(runCheck(tooSpecific, set).map((f) => f.replace(/^[^ ]+ /, ''))).toEqual([
      'allow rule ["node", "build.js", "--out", "dist/app.js"] carries the argument values "build.js", "dist/app.js", and no categorical prefix is safe to suggest (node runs arbitrary JavaScript, and Codex refuses ["node"] as a rule); drop the values it does not need',
    ]);
  });
});

// One finding per dead rule (src/checks/dead-rules.ts): a copy, or a rule an earlier one covers,
// is duplicate-rule's or redundant-rule's finding alone while that finding is reported — the whole
// pipeline decides, after settings and directives.
describe('too-specific and rules that never change a decision', () => {
  const file = (lines: string[]) => `version: 1\nrules:\n${lines.map((p) => `  - pattern: ${p}\n    decision: allow\n`).join('')}`;
  const findings = async (text: string) => {
    const r = lintLoaded(await loadRuleText('a.yaml', text));
    return r.diagnostics.filter((d) => d.check === 'too-specific' || d.check.endsWith('-rule')).map((d) => `${d.check}@${text.slice(d.start, d.end)}`);
  };
  const copies = file(['[cargo, test, -p, a]', '[cargo, test, -p, a]']);

  it('reports the first of two copies, and the copy only as a duplicate', async () => {
    expect(await findings(copies)).toEqual(['too-specific@[cargo, test, -p, a]', 'duplicate-rule@[cargo, test, -p, a]']);
  });

  it('reports both copies when duplicate-rule is off, or silenced on the copy', async () => {
    expect(await findings(`${copies}settings:\n  checks:\n    duplicate-rule: off\n`)).toEqual(['too-specific@[cargo, test, -p, a]', 'too-specific@[cargo, test, -p, a]']);
    const silenced = copies.replace(/(  - pattern: \[cargo, test, -p, a\]\n    decision: allow\n)$/, '  # escalint-disable-next-line duplicate-rule -- kept on purpose\n$1');
    expect(silenced).not.toBe(copies);
    expect(await findings(silenced)).toEqual(['too-specific@[cargo, test, -p, a]', 'too-specific@[cargo, test, -p, a]']);
  });

  it('leaves a rule a broader one covers to redundant-rule', async () => {
    expect(await findings(file(['[rg]', '[rg, -n, x_1, src]']))).toEqual(['redundant-rule@[rg, -n, x_1, src]']);
    expect(await findings(`${file(['[rg]', '[rg, -n, x_1, src]'])}settings:\n  checks:\n    redundant-rule: [warn, {}]\n`)).toEqual(['redundant-rule@[rg, -n, x_1, src]']);
  });

  it('reports the rule when the coverage check does not run (a library caller choosing checks)', async () => {
    const r = lintLoaded(await loadRuleText('a.yaml', copies), { checks: [tooSpecific] });
    expect(r.diagnostics.map((d) => d.check)).toEqual(['too-specific', 'too-specific']);
  });
});
