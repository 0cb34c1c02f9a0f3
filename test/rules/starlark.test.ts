import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadStarlarkRuleFile } from '../../src/rules/starlark.js';
import type { Diagnostic } from '../../src/types.js';
import { loadTexts } from './stages.js';

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `${line}:${col}`;
}

/** `line:col check/messageId` for each diagnostic, in order. */
function golden(text: string, diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${lineCol(text, d.start)} ${d.check}/${d.messageId}`);
}

/** The reader and the example stage, as `loadRuleFiles` runs them. */
function load(text: string) {
  return loadTexts([{ path: 'f.rules', text }]);
}

describe('reading rules', () => {
  it('reads prefix_rule with keyword and positional arguments, in parameter order', () => {
    const text =
      'prefix_rule(["git", ["status", "log"]], "prompt", ["git status"], ["git push"], "read only", True)\n' +
      'prefix_rule(pattern=["ls"])\n';
    const r = load(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.rules).toHaveLength(2);
    const [a, b] = r.rules;
    expect(a).toMatchObject({
      id: null,
      pattern: ['git', ['status', 'log']],
      decision: 'prompt',
      decisionExplicit: true,
      match: ['git status'],
      notMatch: ['git push'],
      justification: 'read only',
      canonicalMatching: true,
      index: 0,
    });
    expect(text.slice(a!.source.start, a!.source.end)).toBe(text.split('\n')[0]);
    expect(text.slice(a!.patternSource.start, a!.patternSource.end)).toBe('["git", ["status", "log"]]');
    expect(text.slice(a!.matchSources![0]!.start, a!.matchSources![0]!.end)).toBe('"git status"');
    expect(b).toMatchObject({ pattern: ['ls'], decision: 'allow', decisionExplicit: false, canonicalMatching: false, index: 1 });
    expect(b!.justification).toBeUndefined();
    expect(b!.source.file).toBe('f.rules');
  });

  it('reads host_executable (normalized, deduplicated) and network_rule (normalized host, aliases, deny)', () => {
    const r = load(
      'host_executable(name="git", paths=["/usr/lib/../bin/git", "/usr/bin/git", "//opt//git/"])\n' +
        'network_rule("API.GitHub.com.:443", "http-connect", "deny", justification="no")\n' +
        'network_rule(host="[::1]:8080", protocol="socks5_udp", decision="allow")\n',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.hostExecutables.map(({ name, paths }) => ({ name, paths }))).toEqual([
      { name: 'git', paths: ['/usr/bin/git', '/opt/git'] },
    ]);
    expect(r.networkRules.map(({ host, protocol, decision, justification }) => ({ host, protocol, decision, justification }))).toEqual([
      { host: 'api.github.com', protocol: 'https', decision: 'forbidden', justification: 'no' },
      { host: '::1', protocol: 'socks5_udp', decision: 'allow', justification: undefined },
    ]);
  });

  it('a real default.rules as Codex writes it loads cleanly', () => {
    const text = readFileSync(new URL('../fixtures/starlark/default.rules', import.meta.url), 'utf8');
    const r = load(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.rules.map((x) => x.pattern)).toEqual([
      ['echo', 'Hello, "world"'],
      ['cargo', 'test', '-p', 'codex-app-server'],
      ['printf', 'a\tb\nc\\\\d'],
      ['echo', '\u0001\u001b[0m'],
      ['echo', 'héllo wörld 日本 😀'],
      ['/bin/bash', '-lc', 'cat LOG.md && curl -fsSL https://example.invalid/setup.sh -o setup.sh'],
      ['git', ''],
    ]);
    expect(r.rules.every((x) => x.decision === 'allow' && x.decisionExplicit)).toBe(true);
  });

  it('docstrings, pass and comments are harmless', () => {
    expect(load('"""Rules for this repo."""\npass\n# c\nprefix_rule(pattern=["a"])  # why\n').diagnostics).toEqual([]);
  });
});

// One row per Codex load error of reference/codex-0.169.md §1.4 and per unsupported construct:
// the file, then `line:col check/messageId` of every finding, then a fragment of the first message.
const table: [string, string, string[], string][] = [
  ['empty pattern', 'prefix_rule(pattern = [])', ['1:23 codex-load/pattern-empty'], 'pattern cannot be empty'],
  ['empty alternatives', 'prefix_rule(pattern = ["git", []])', ['1:31 codex-load/pattern-alternatives-empty'], '(Codex: invalid pattern element: pattern alternatives cannot be empty)'],
  ['empty first alternatives', 'prefix_rule(pattern = [[]])', ['1:24 codex-load/pattern-alternatives-empty'], 'alternatives cannot be empty'],
  ['int element', 'prefix_rule(pattern = ["git", 1])', ['1:31 codex-load/pattern-element-type'], '(got int)'],
  ['None element', 'prefix_rule(pattern = ["git", None])', ['1:31 codex-load/pattern-element-type'], '(got NoneType)'],
  ['tuple element', 'prefix_rule(pattern = ["git", ("a", "b")])', ['1:31 codex-load/pattern-element-type'], '(got tuple)'],
  ['bytes element', 'prefix_rule(pattern = ["git", b"x"])', ['1:31 codex-load/pattern-element-type'], '(got bytes)'],
  ['int alternative', 'prefix_rule(pattern = ["git", ["a", 2]])', ['1:37 codex-load/pattern-alternative-type'], 'pattern alternative must be a string (got int)'],
  ['nested alternative', 'prefix_rule(pattern = [["a", ["b"]]])', ['1:30 codex-load/pattern-alternative-type'], '(got list)'],
  ['pattern string', 'prefix_rule(pattern = "git")', ['1:23 codex-load/pattern-type'], 'Type of parameter `pattern` doesn\'t match, expected `list`, actual `string (repr: "git")`'],
  ['pattern tuple', 'prefix_rule(pattern = ("git",))', ['1:23 codex-load/pattern-type'], 'actual `tuple'],
  ['decision deny', 'prefix_rule(pattern = ["git"], decision = "deny")', ['1:43 codex-load/decision-invalid'], 'invalid decision "deny": must be one of allow, prompt, forbidden; use "forbidden" (Codex: invalid decision: deny)'],
  ['decision case', 'prefix_rule(pattern = ["git"], decision = "Allow")', ['1:43 codex-load/decision-invalid'], '(Codex: invalid decision: Allow)'],
  ['decision prompt-user', 'prefix_rule(pattern = ["git"], decision = "prompt-user")', ['1:43 codex-load/decision-invalid'], 'requirements.toml'],
  ['decision None', 'prefix_rule(pattern = ["git"], decision = None)', ['1:43 codex-load/decision-type'], 'actual `NoneType (repr: None)`'],
  ['blank justification', 'prefix_rule(pattern = ["git"], justification = "  ")', ['1:48 codex-load/justification-blank'], 'invalid rule: justification cannot be empty'],
  ['U+0085 justification', 'prefix_rule(pattern = ["git"], justification = "\\x85")', ['1:48 codex-load/justification-blank'], 'cannot be blank'],
  ['int justification', 'prefix_rule(pattern = ["git"], justification = 3)', ['1:48 codex-load/justification-type'], 'actual `int (repr: 3)`'],
  ['match int', 'prefix_rule(pattern = ["git"], match = [1])', ['1:41 codex-load/example-type'], 'example must be a string or list of strings (got int)'],
  ['match token int', 'prefix_rule(pattern = ["git"], match = [["git", 1]])', ['1:49 codex-load/example-token-type'], 'example tokens must be strings (got int)'],
  ['match empty list', 'prefix_rule(pattern = ["git"], match = [[]])', ['1:41 codex-load/example-empty-list'], 'example cannot be an empty list'],
  ['match empty string', 'prefix_rule(pattern = ["git"], match = [""])', ['1:41 codex-load/example-empty-string'], 'example cannot be an empty string'],
  ['match blank string', 'prefix_rule(pattern = ["git"], match = ["   "])', ['1:41 codex-load/example-empty-string'], 'empty string'],
  ['match comment only', 'prefix_rule(pattern = ["git"], match = ["# c"])', ['1:41 codex-load/example-empty-string'], 'empty string'],
  ['match bad shell', 'prefix_rule(pattern = ["git"], match = ["git \\"x"])', ['1:41 codex-load/example-shell-syntax'], 'example string has invalid shell syntax'],
  ['match string', 'prefix_rule(pattern = ["git"], match = "git status")', ['1:40 codex-load/match-type'], 'expected `list`, actual `string (repr: "git status")`'],
  ['not_match tuple', 'prefix_rule(pattern = ["git"], not_match = ("git",))', ['1:44 codex-load/not-match-type'], 'expected `list`'],
  ['match fails', 'prefix_rule(pattern = ["git", "status"], match = ["git log", ["git", "diff"], "git status -s"])', ['1:51 example-mismatch/match-unmatched', '1:62 example-mismatch/match-unmatched'], 'match example "git log" does not match the pattern ["git", "status"]'],
  ['not_match matches (first only)', 'prefix_rule(pattern = ["git", ["status", "log"]], not_match = ["git diff", "git log -1", "git status"])', ['1:76 example-mismatch/not-match-matches'], 'not_match example "git log -1" matches'],
  ['not_match before match', 'prefix_rule(["git"], match = ["ls"], not_match = ["git x"])', ['1:31 example-mismatch/match-unmatched', '1:51 example-mismatch/not-match-matches'], ''],
  ['unknown kwarg', 'prefix_rule(pattern = ["git"], decision = "prompt", reviewer = "user")', ['1:53 codex-load/unknown-argument'], 'Found `reviewer` extra named parameter(s) for call to prefix_rule'],
  ['reason kwarg', 'prefix_rule(pattern = ["git"], reason = "x")', ['1:32 codex-load/unknown-argument'], 'did you mean `justification`?'],
  ['too many positional', 'prefix_rule(["a"], "allow", [], [], None, False, 7)', ['1:50 codex-load/too-many-arguments'], 'Found 1 extra positional argument(s) for call to prefix_rule'],
  ['missing pattern', 'prefix_rule(decision = "allow")', ['1:1 codex-load/missing-argument'], 'Missing parameter `pattern` for call to `prefix_rule`'],
  ['repeated kwarg', 'prefix_rule(pattern = ["git"], pattern = ["ls"])', ['1:32 codex-load/repeated-argument'], 'repeated named argument'],
  ['positional and kwarg', 'prefix_rule(["git"], pattern = ["ls"])', ['1:22 codex-load/repeated-argument'], 'positionally and by name'],
  ['canonical_matching string', 'prefix_rule(pattern = ["git"], canonical_matching = "yes")', ['1:53 codex-load/canonical-matching-type'], 'expected `bool`, actual `string (repr: "yes")`'],
  ['host empty name', 'host_executable(name = "", paths = ["/usr/bin/git"])', ['1:24 codex-load/host-name-empty'], 'host_executable name cannot be empty'],
  ['host path name', 'host_executable(name = "bin/git", paths = [])', ['1:24 codex-load/host-name-not-bare'], 'must be a bare executable name (got bin/git)'],
  ['host dot name', 'host_executable(name = "..", paths = [])', ['1:24 codex-load/host-name-not-bare'], 'bare'],
  ['host int path', 'host_executable(name = "git", paths = ["/usr/bin/git", 1])', ['1:56 codex-load/host-path-type'], 'paths must be strings (got int)'],
  ['host tilde path', 'host_executable(name = "git", paths = ["~/bin/git"])', ['1:40 codex-load/host-path-not-absolute'], 'paths must be absolute (got ~/bin/git)'],
  ['host relative path', 'host_executable(name = "git", paths = ["bin/git"])', ['1:40 codex-load/host-path-not-absolute'], 'absolute'],
  ['host basename', 'host_executable(name = "git", paths = ["/usr/bin/gitx"])', ['1:40 codex-load/host-path-basename'], 'host_executable path `/usr/bin/gitx` must have basename `git`'],
  ['host normalized basename', 'host_executable(name = "git", paths = ["/usr/bin/git/.."])', ['1:40 codex-load/host-path-basename'], 'basename'],
  ['host missing paths', 'host_executable(name = "git")', ['1:1 codex-load/missing-argument'], 'Missing parameter `paths`'],
  ['network protocol', 'network_rule(host = "example.com", protocol = "ftp", decision = "allow")', ['1:47 codex-load/network-protocol-invalid'], '(got ftp)'],
  ['network decision ask', 'network_rule(host = "example.com", protocol = "https", decision = "ask")', ['1:67 codex-load/network-decision-invalid'], 'invalid decision: ask'],
  ['network empty host', 'network_rule(host = " ", protocol = "https", decision = "allow")', ['1:21 codex-load/network-host-empty'], 'host cannot be empty'],
  ['network scheme', 'network_rule(host = "https://x.com", protocol = "https", decision = "allow")', ['1:21 codex-load/network-host-not-host'], 'without scheme or path'],
  ['network wildcard', 'network_rule(host = "*.x.com", protocol = "https", decision = "allow")', ['1:21 codex-load/network-host-wildcard'], 'wildcards are not allowed'],
  ['network whitespace', 'network_rule(host = "a b", protocol = "https", decision = "allow")', ['1:21 codex-load/network-host-whitespace'], 'cannot contain whitespace'],
  ['network ipv6', 'network_rule(host = "[::1", protocol = "https", decision = "allow")', ['1:21 codex-load/network-host-ipv6'], 'IPv6'],
  ['network suffix', 'network_rule(host = "[::1]x", protocol = "https", decision = "allow")', ['1:21 codex-load/network-host-suffix'], 'unsupported suffix: [::1]x'],
  ['network missing decision', 'network_rule(host = "a.com", protocol = "https")', ['1:1 codex-load/missing-argument'], 'Missing parameter `decision`'],
  // rules-syntax: valid Starlark that escalint does not run, at its position.
  ['variable', 'x = ["git"]\nprefix_rule(pattern = x)', ['1:1 rules-syntax/variable', '2:23 rules-syntax/variable'], 'variables are not supported: escalint reads .rules files without running them; write the literal value'],
  ['undefined name', 'prefix_rule(pattern = [git])', ['1:24 rules-syntax/variable'], 'the string "git" is written with quotes'],
  ['def', 'def f():\n    prefix_rule(pattern = ["a"])\nf()', ['1:1 rules-syntax/def', '3:1 rules-syntax/unknown-function'], '`def` is not supported'],
  ['for', 'for t in ["ls"]:\n    prefix_rule(pattern = [t])', ['1:1 rules-syntax/loop'], 'loops are not supported'],
  ['if', 'if True:\n    prefix_rule(pattern = ["a"])', ['1:1 rules-syntax/if'], '`if` statements'],
  ['lambda', 'prefix_rule(pattern = [(lambda: "a")()])', ['1:24 rules-syntax/call'], 'function calls'],
  ['comprehension', 'prefix_rule(pattern = [t for t in ["a"]])', ['1:26 rules-syntax/comprehension'], 'comprehensions'],
  ['f-string', 'prefix_rule(pattern = [f"git"])', ['1:24 rules-syntax/f-string'], 'f-strings are not supported'],
  ['plus', 'prefix_rule(pattern = ["git"] + ["status"])', ['1:31 rules-syntax/operator'], 'operators such as `+`'],
  ['percent', 'prefix_rule(pattern = ["%s" % "git"])', ['1:29 rules-syntax/operator'], '`%`'],
  ['format', 'prefix_rule(pattern = ["{}".format("git")])', ['1:24 rules-syntax/call'], 'function calls'],
  ['load', 'load("x.star", "y")', ['1:1 rules-syntax/load'], 'No imports are available'],
  ['star args', 'prefix_rule(*[["git"]])', ['1:13 rules-syntax/unpacking'], 'unpacking'],
  ['other builtin', 'len([])', ['1:1 rules-syntax/call'], 'calls to `len` are not supported'],
  ['unknown function', 'print("x")', ['1:1 rules-syntax/unknown-function'], 'Variable `print` not found'],
  ['shadowed builtin', 'prefix_rule = 3', ['1:1 rules-syntax/variable'], 'variables'],
  ['leading zero', 'prefix_rule(pattern = ["a"], decision = 01)', ['1:41 rules-syntax/syntax'], 'integer cannot have leading 0'],
  // Real syntax errors.
  ['double comma', 'prefix_rule(pattern = ["git"],, )', ['1:31 rules-syntax/syntax'], "unexpected symbol ',', expected expression"],
  ['set literal', 'x = {1, 2}', ['1:7 rules-syntax/syntax'], "unexpected symbol ',', expected symbol ':'"],
  ['while', 'x = 0\nwhile x < 3:\n    x += 1', ['1:1 rules-syntax/variable', '2:1 rules-syntax/syntax'], ''],
  ['tab', 'prefix_rule(pattern = ["a"])\t', ['1:29 rules-syntax/tab'], 'tabs are not allowed; indent with spaces'],
  ['unfinished string', 'prefix_rule(pattern = ["a\n"])', ['1:24 rules-syntax/syntax'], 'unfinished string literal'],
  ['surrogate escape', 'prefix_rule(pattern = ["\\udc00"])', ['1:25 rules-syntax/syntax'], 'invalid string escape sequence'],
  ['positional after keyword', 'prefix_rule(pattern = ["a"], "allow")', ['1:30 rules-syntax/syntax'], 'positional argument after a keyword argument'],
];

describe('diagnostics: golden line:col', () => {
  it.each(table)('%s', (_name, text, expected, fragment) => {
    const r = load(text);
    expect(golden(text, r.diagnostics)).toEqual(expected);
    if (fragment) expect(r.diagnostics[0]!.message).toContain(fragment);
    for (const d of r.diagnostics) {
      expect(d.file).toBe('f.rules');
      expect(d.severity).toBe('error');
      expect(d.end).toBeGreaterThanOrEqual(d.start);
      expect(d.message).toMatch(/^[a-z`]/); // messages start lowercase (or with a quoted name)
    }
  });

  it('a rule with a load error is not kept, the others are', () => {
    const r = load('prefix_rule(pattern = [])\nprefix_rule(pattern = ["ls"])\n');
    expect(r.rules.map((x) => x.pattern)).toEqual([['ls']]);
    expect(r.rules[0]!.index).toBe(0);
  });
});

describe('examples and host executables of the file', () => {
  it('uses host executables defined later in the same file', () => {
    const ok = 'prefix_rule(pattern=["git", "status"], match=["/usr/bin/git status"])\nhost_executable(name="git", paths=["/usr/bin/git"])\n';
    expect(load(ok).diagnostics).toEqual([]);
    const bad = ok.replace('/usr/bin/git status', '/usr/local/bin/git status');
    expect(golden(bad, load(bad).diagnostics)).toEqual(['1:47 example-mismatch/match-unmatched']);
  });

  it('uses host executables of earlier files, not of later ones', () => {
    const text = 'prefix_rule(pattern=["git","status"], match=["/usr/local/bin/git status"])\n';
    const hosts = { path: 'a.rules', text: 'host_executable(name="git", paths=["/usr/bin/git"])\n' };
    expect(load(text).diagnostics).toEqual([]);
    expect(loadTexts([{ path: 'b.rules', text }, hosts]).diagnostics).toEqual([]);
    expect(loadTexts([hosts, { path: 'b.rules', text }]).diagnostics.map((d) => d.messageId)).toEqual(['match-unmatched']);
  });
});

describe('hostile input', () => {
  it('a 20 MB file is refused without parsing', () => {
    const big = 'prefix_rule(pattern=["a"])\n'.repeat(800_000);
    const t0 = performance.now();
    const r = load(big);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.diagnostics.map((d) => `${d.check}/${d.messageId}`)).toEqual(['rules-syntax/too-large']);
  });

  it('invalid UTF-8 bytes are one diagnostic', () => {
    const bytes = new Uint8Array([...Buffer.from('prefix_rule(pattern=["a'), 0xff, ...Buffer.from('"])\n')]);
    const r = loadStarlarkRuleFile('f.rules', bytes);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ check: 'rules-syntax', messageId: 'invalid-utf8' });
    expect(r.diagnostics[0]!.message).toContain('byte offset 23');
  });

  it('valid UTF-8 bytes are decoded', () => {
    const r = loadStarlarkRuleFile('f.rules', new TextEncoder().encode('prefix_rule(pattern=["é"])\n'));
    expect(r.diagnostics).toEqual([]);
    expect(r.rules[0]!.pattern).toEqual(['é']);
  });

  it('100k-deep nesting is one bounded diagnostic', () => {
    const r = load('prefix_rule(pattern=' + '['.repeat(100_000) + ']'.repeat(100_000) + ')\n');
    expect(r.diagnostics.map((d) => d.messageId)).toEqual(['too-deep']);
  });

  it('a 4 MB file of Codex lines loads in bounded time', () => {
    const text = 'prefix_rule(pattern=["git", "status", "--short"], decision="allow")\n'.repeat(60_000);
    const t0 = performance.now();
    const r = load(text);
    const ms = performance.now() - t0;
    expect(r.rules).toHaveLength(60_000);
    // Generous: the shared CI machine is slow; bench/ measures the real figure.
    expect(ms).toBeLessThan(30_000);
  });
});

import { loadStarlarkRuleFile as loadForProtoTest } from '../../src/rules/starlark.js';
describe('keyword names that are also JavaScript object members', () => {
  it('reports an unknown keyword `constructor` plainly', () => {
    const r = loadForProtoTest('x.rules', 'prefix_rule(pattern=["ls"], constructor=1)\n');
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'unknown argument `constructor` for prefix_rule; expected one of pattern, decision, match, not_match, justification, canonical_matching (Codex: Found `constructor` extra named parameter(s) for call to prefix_rule)',
    ]);
  });
});

describe('names of Object.prototype are not builtins', () => {
  it.each(['toString()', 'constructor(pattern=["a"])', 'hasOwnProperty("x")', '__proto__()'])('%s is an unknown function, not a crash', (text) => {
    const r = load(`${text}\n`);
    expect(r.diagnostics.map((d) => `${d.check}/${d.messageId}`)).toEqual(['rules-syntax/unknown-function']);
  });
});
