// judgeCommand (design.md §9): command × rule set → the hook's decision and its reason. Deny when
// any segment is forbidden (also hidden ones, and what cannot be analysed when forbidden rules
// exist); allow only when every segment is allowed with no reason, no dynamic word, no file
// written and only inert assignments; ask when a rule or a fail-closed reason wants a person.
// Reasons that quote escalint's knowledge tables are matched by their stable part.
import { beforeAll, describe, expect, it } from 'vitest';
import type { HookDecision } from '../../src/hook/judge.js';
import { judgeWith, type Judge } from './helpers.js';
import { NO_FORBIDDEN, RULES } from './rules.js';

type Row = [command: string | string[], decision: HookDecision, reason: string | RegExp];

const WITH_FORBIDDEN: Row[] = [
  // Forbidden anywhere: the segment, where it hides, the rule and its justification.
  ['echo $(rm -rf /) hi', 'deny', 'rm -rf / (inside $(…)) is forbidden by ["rm","-rf"] at rules.yaml:18 — Use trash instead'],
  ['cat <(rm -rf /tmp/x)', 'deny', 'rm -rf /tmp/x (inside <(…)) is forbidden by ["rm","-rf"] at rules.yaml:18 — Use trash instead'],
  ['f() { touch x; }; f', 'deny', 'touch x (in a function body) is forbidden by ["touch"] at rules.yaml:21'],
  ['sudo rm -rf /', 'deny', 'rm -rf / (run by sudo) is forbidden by ["rm","-rf"] at rules.yaml:18 — Use trash instead'],
  ['echo `touch x`', 'deny', 'touch x (inside `…`) is forbidden by ["touch"] at rules.yaml:21'],
  ['git push && rm -rf build', 'deny', 'rm -rf build is forbidden by ["rm","-rf"] at rules.yaml:18 — Use trash instead'],
  ['rm -rf "$dir"', 'deny', 'rm -rf $dir is forbidden by ["rm","-rf"] at rules.yaml:18 — Use trash instead'],
  ['touch a; rm -rf b', 'deny', 'touch a is forbidden by ["touch"] at rules.yaml:21; rm -rf b is forbidden by ["rm","-rf"] at rules.yaml:18 — Use trash instead'],
  // A word only known at run time might be the forbidden command.
  ['$cmd', 'deny', '$cmd is only known at run time and might be forbidden by ["touch"] at rules.yaml:21'],
  ['eval "$x"', 'deny', '$x (inside eval) is only known at run time and might be forbidden by ["touch"] at rules.yaml:21'],
  ['bash -c "$x"', 'deny', '$x (inside the script of bash -c) is only known at run time and might be forbidden by ["touch"] at rules.yaml:21'],
  // A wrapper option escalint does not know: the wrapped command may start at any word.
  ['sudo --no-such-option rm -rf /', 'deny', 'rm -rf / (run by sudo after an option escalint does not know) might be forbidden by ["rm","-rf"] at rules.yaml:18 — Use trash instead'],
  ['echo $(sudo --no-such-option touch x)', 'deny', 'touch x (run by sudo after an option escalint does not know, inside $(…)) might be forbidden by ["touch"] at rules.yaml:21'],
  // Bash runs a script command by command: what does not parse may still run its first part.
  ['ls; (', 'deny', 'escalint cannot check this command against the forbidden rules: syntax error: unexpected end of file'],
  // A shell given an argv: its script is judged.
  [['/bin/bash', '-c', 'touch x'], 'deny', 'touch x is forbidden by ["touch"] at rules.yaml:21'],
  ["bash -lc 'echo ok; touch x'", 'deny', 'touch x is forbidden by ["touch"] at rules.yaml:21'],

  // Allowed: every segment, nothing hidden, nothing dynamic, nothing written, inert assignments only.
  ['git status && ls -la', 'allow', "every command is allowed by escalint's rules: git status (rules.yaml:3), ls -la (rules.yaml:5)"],
  ['git status; git diff | ls', 'allow', "every command is allowed by escalint's rules: git status (rules.yaml:3), git diff (rules.yaml:3), ls (rules.yaml:5)"],
  ['ls 2>&1 >/dev/null', 'allow', "every command is allowed by escalint's rules: ls (rules.yaml:5)"],
  ['ls < in.txt', 'allow', "every command is allowed by escalint's rules: ls (rules.yaml:5)"],
  ['NODE_ENV=test npm test', 'allow', "every command is allowed by escalint's rules: npm test (rules.yaml:9)"],
  ['CI=1 RUST_LOG=debug npm test', 'allow', "every command is allowed by escalint's rules: npm test (rules.yaml:9)"],
  ['export CI=1; npm test', 'allow', "every command is allowed by escalint's rules: export CI=1 (rules.yaml:13), npm test (rules.yaml:9)"],
  ["echo 'a=b'", 'allow', "every command is allowed by escalint's rules: echo a=b (rules.yaml:7)"],
  [['git', 'status'], 'allow', "every command is allowed by escalint's rules: git status (rules.yaml:3)"],
  [['ls', 'a b'], 'allow', "every command is allowed by escalint's rules: ls 'a b' (rules.yaml:5)"],
  // Codex hands over `bash -lc '<script>'`: the script is judged, the shell needs no rule.
  ["bash -lc 'git status && ls'", 'allow', "every command is allowed by escalint's rules: git status (rules.yaml:3), ls (rules.yaml:5)"],
  [['bash', '-lc', 'git status && ls'], 'allow', "every command is allowed by escalint's rules: git status (rules.yaml:3), ls (rules.yaml:5)"],

  // Everything else: no opinion (the agent's own flow decides) …
  ['ls > out.txt', 'none', 'ls writes to "out.txt"'],
  ['ls >> log', 'none', 'ls writes to "log"'],
  ['ls &> all.log', 'none', 'ls writes to "all.log"'],
  ['FOO=1 npm test', 'none', 'npm test runs with FOO set; the script sets FOO'],
  ['x=1; ls', 'none', 'the script sets x'],
  ['ls; y=2', 'none', 'the script sets y'],
  ["bash -c 'x=1; ls'", 'none', 'the script sets x'],
  ['ls # a=b', 'none', 'the script sets a'],
  ['ls $HOME', 'none', 'ls $HOME: "$HOME" is only known at run time'],
  ['ls *.ts', 'none', 'ls *.ts: "*.ts" is only known at run time'],
  ['cargo build', 'none', 'no rule matches cargo build'],
  ['git status && cargo build', 'none', 'no rule matches cargo build'],
  ["bash -lc 'git status' > out.txt", 'none', /^no rule matches bash -lc 'git status'/],
  ['', 'none', 'the command runs nothing escalint can name'],
  ['# just a comment', 'none', 'the command runs nothing escalint can name'],
  // … or, when a prompt rule or a fail-closed reason applies, ask (Claude Code).
  ['git push', 'ask', 'git push needs approval: ["git","push"] at rules.yaml:15 — Pushing needs review'],
  ['git push; ls $HOME', 'ask', 'git push needs approval: ["git","push"] at rules.yaml:15 — Pushing needs review'],
  ['LD_PRELOAD=/x.so ls', 'ask', /^escalint cannot see what ls runs \(dangerous-env: LD_PRELOAD /],
  ['export EDITOR=vim', 'ask', /^escalint cannot see what export EDITOR=vim runs \(dangerous-env: EDITOR /],
  ['sudo --no-such-option ls', 'ask', /^escalint cannot see what sudo --no-such-option ls runs \(unknown-wrapper-option: /],
];

const WITHOUT_FORBIDDEN: Row[] = [
  // No forbidden rule can be hidden in what does not parse: a person decides.
  ['ls; (', 'ask', 'the command does not parse: syntax error: unexpected end of file'],
  ['git push', 'ask', 'git push needs approval: ["git","push"] at rules.yaml:5'],
  ['$cmd', 'ask', /^escalint cannot see what \$cmd runs \(dynamic-command: /],
  ['ls | cat', 'none', 'no rule matches cat'],
];

function check(judge: () => Judge, rows: Row[]): void {
  it.each(rows)('%j → %s', (command, decision, reason) => {
    const v = judge().verdict(command);
    expect(v.decision).toBe(decision);
    if (typeof reason === 'string') expect(v.reason).toBe(reason);
    else expect(v.reason).toMatch(reason);
  });
}

describe('judgeCommand with forbidden rules', () => {
  let judge: Judge;
  beforeAll(async () => {
    judge = await judgeWith(RULES);
  });
  check(() => judge, WITH_FORBIDDEN);
});

describe('judgeCommand without forbidden rules', () => {
  let judge: Judge;
  beforeAll(async () => {
    judge = await judgeWith(NO_FORBIDDEN);
  });
  check(() => judge, WITHOUT_FORBIDDEN);
});

describe('judgeCommand and Codex', () => {
  it("never allows what Codex's own view forbids (a rule on the shell it wraps the command in)", async () => {
    const judge = await judgeWith(`version: 1
rules:
  - pattern: [ls]
    decision: allow
  - pattern: [bash, -lc]
    decision: forbidden
    justification: no login shells
`);
    // Codex checks `/bin/bash -lc 'ls > x'` whole (it does not split redirections), and its
    // basename fallback lets ["bash","-lc"] match it.
    const v = judge.verdict('ls 2>/dev/null');
    expect(v).toEqual({ decision: 'deny', reason: 'Codex checks `bash -lc …`, which ["bash","-lc"] at rules.yaml:5 forbids — no login shells' });
  });

  it('never allows what Codex would prompt for', async () => {
    const judge = await judgeWith(`version: 1
rules:
  - pattern: [ls]
    decision: allow
  - pattern: [bash, -lc]
    decision: prompt
`);
    expect(judge.verdict('ls 2>/dev/null')).toEqual({ decision: 'none', reason: "Codex's own view of the command is prompt" });
    // Where Codex splits the script, its view is the plain commands, which the allow rule covers.
    expect(judge.verdict('ls').decision).toBe('allow');
  });

  it('names at most five segments and counts the rest', async () => {
    const judge = await judgeWith(RULES);
    const v = judge.verdict(Array.from({ length: 7 }, (_, k) => `touch f${k}`).join('; '));
    expect(v.decision).toBe('deny');
    expect(v.reason.split('; ')).toHaveLength(6);
    expect(v.reason).toMatch(/; and 2 more$/);
  });

  it('escapes invisible characters of a command in its reason', async () => {
    const judge = await judgeWith(RULES);
    const v = judge.verdict('touch "a\u202eb"');
    expect(v.reason).toBe("touch 'a\\u202eb' is forbidden by [\"touch\"] at rules.yaml:21");
  });
});
