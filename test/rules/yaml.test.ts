import { describe, expect, test } from 'vitest';
import { loadYamlRuleFile } from '../../src/rules/yaml.js';
import { brief, lineCol } from './yaml-helpers.js';

const load = (text: string) => loadYamlRuleFile('rules.yaml', text);

// Every YAML construct escalint refuses: expected `line:col check/messageId`, and the exact
// source text the finding covers.
const refused: { name: string; text: string; expect: string[]; covers?: string[] }[] = [
  { name: '%YAML directive', text: '%YAML 1.2\n---\nversion: 1\n', expect: ['1:1 yaml/directive'], covers: ['%YAML 1.2'] },
  {
    name: '%TAG directive',
    text: '%TAG !e! tag:example.com,2000:\n---\nversion: 1\n',
    expect: ['1:1 yaml/directive'],
    covers: ['%TAG !e! tag:example.com,2000:'],
  },
  { name: 'two documents', text: 'version: 1\n---\nversion: 1\n', expect: ['2:1 yaml/multiple-documents'], covers: ['---'] },
  {
    name: 'two documents after an explicit end',
    text: '---\nversion: 1\n...\n---\nrules: []\n',
    expect: ['4:1 yaml/multiple-documents'],
  },
  {
    name: 'anchor and alias',
    text: 'version: 1\nrules:\n  - &r\n    pattern: [a]\n  - *r\n',
    expect: ['3:5 yaml/anchor', '5:5 yaml/alias'],
    covers: ['&r', '*r'],
  },
  {
    name: 'anchor on a scalar, alias as a token',
    text: 'version: 1\nrules:\n  - pattern: [&g git, *g]\n',
    expect: ['3:15 yaml/anchor', '3:23 yaml/alias'],
  },
  {
    name: 'standard and custom tags',
    text: 'version: !!int 1\nrules:\n  - pattern: [!foo a]\n',
    expect: ['1:10 yaml/tag', '3:15 yaml/tag'],
    covers: ['!!int', '!foo'],
  },
  {
    name: 'tag on a key',
    text: 'version: 1\n!!str rules: []\n',
    expect: ['2:1 yaml/tag'],
  },
  {
    name: 'duplicate key',
    text: 'version: 1\nrules:\n  - pattern: [a]\n    pattern: [b]\n',
    expect: ['4:5 yaml/duplicate-key'],
    covers: ['pattern'],
  },
  { name: 'duplicate top-level key', text: 'version: 1\nversion: 1\n', expect: ['2:1 yaml/duplicate-key'] },
  { name: 'complex key', text: 'version: 1\n? [a]\n: b\n', expect: ['2:3 yaml/complex-key'], covers: ['[a]'] },
  { name: 'unclosed flow sequence', text: 'version: 1\nrules:\n  - pattern: [a\n', expect: ['4:1 yaml/syntax-error'] },
  { name: 'tab indentation', text: 'version: 1\nrules:\n\t- pattern: [a]\n', expect: ['3:1 yaml/syntax-error'] },
  {
    name: 'unterminated quote',
    text: 'version: 1\nrules:\n  - pattern: ["git]\n',
    expect: ['4:1 yaml/syntax-error', '4:1 yaml/syntax-error'],
  },
  // Tokens YAML reads as something other than text, where the schema wants text.
  { name: 'float token', text: 'version: 1\nrules:\n  - pattern: [node, 1.10]\n', expect: ['3:21 yaml/non-string-scalar'], covers: ['1.10'] },
  { name: 'hex token', text: 'version: 1\nrules:\n  - pattern: [chmod, 0x1F]\n', expect: ['3:22 yaml/non-string-scalar'], covers: ['0x1F'] },
  { name: 'null token', text: 'version: 1\nrules:\n  - pattern: [a, null]\n', expect: ['3:18 yaml/non-string-scalar'], covers: ['null'] },
  { name: 'tilde token', text: 'version: 1\nrules:\n  - pattern: [cd, ~]\n', expect: ['3:19 yaml/non-string-scalar'], covers: ['~'] },
  { name: 'boolean alternative', text: 'version: 1\nrules:\n  - pattern: [a, [b, true]]\n', expect: ['3:22 yaml/non-string-scalar'], covers: ['true'] },
  { name: 'YAML 1.1 boolean', text: 'version: 1\nrules:\n  - pattern: [yes]\n', expect: ['3:15 yaml/yaml11-boolean'], covers: ['yes'] },
  { name: 'octal-looking token', text: 'version: 1\nrules:\n  - pattern: [chmod, 0755]\n', expect: ['3:22 yaml/non-string-scalar'], covers: ['0755'] },
  { name: 'number as match example', text: 'version: 1\nrules:\n  - pattern: [a]\n    match: [1.5]\n', expect: ['4:13 yaml/non-string-scalar'], covers: ['1.5'] },
  {
    name: 'number as a token of a list example',
    text: 'version: 1\nrules:\n  - pattern: [a]\n    not_match: [[a, 2]]\n',
    expect: ['4:21 yaml/non-string-scalar'],
    covers: ['2'],
  },
  { name: 'number justification', text: 'version: 1\nrules:\n  - pattern: [a]\n    justification: 42\n', expect: ['4:20 yaml/non-string-scalar'] },
  { name: 'empty justification', text: 'version: 1\nrules:\n  - pattern: [a]\n    justification:\n', expect: ['4:5 yaml/empty-value'] },
  { name: 'codex_version as number', text: 'version: 1\nsettings:\n  codex_version: 0.169\n', expect: ['3:18 yaml/non-string-scalar'] },
  { name: 'host path as number', text: 'version: 1\nhost_executables:\n  - name: git\n    paths: [1]\n', expect: ['4:13 yaml/non-string-scalar'] },
];

describe('refused YAML constructs', () => {
  test.each(refused)('$name', ({ text, expect: expected, covers }) => {
    const { diagnostics } = load(text);
    expect(brief(text, diagnostics)).toEqual(expected);
    if (covers) expect(diagnostics.map((d) => text.slice(d.start, d.end))).toEqual(covers);
    for (const d of diagnostics) {
      expect(d.file).toBe('rules.yaml');
      expect(d.severity).toBe('error');
      expect(d.message).toMatch(/^[^A-Z]/); // lowercase, problem first
    }
  });
});

describe('quote hints quote the source text, not the parsed value', () => {
  test.each([
    ['1.10', "quote it: '1.10'"],
    ['0x1F', "quote it: '0x1F'"],
    ['1e3', "quote it: '1e3'"],
    ['~', "quote it: '~'"],
    ['NULL', "quote it: 'NULL'"],
    ['True', "quote it: 'True'"],
    ['Off', "quote it: 'Off'"],
    ['+12', "quote it: '+12'"],
  ])('%s', (token, hint) => {
    const text = `version: 1\nrules:\n  - pattern: [x, ${token}]\n`;
    const [d, ...rest] = load(text).diagnostics;
    expect(rest).toEqual([]);
    expect(d!.hint).toBe(hint);
    expect(d!.message).toContain(hint);
    expect(text.slice(d!.start, d!.end)).toBe(token);
  });
});

describe('accepted: what Codex accepts', () => {
  test.each([
    ['one-element alternatives', 'pattern: [git, [status]]'],
    ['the empty token', 'pattern: ["", a]'],
    ['any Unicode', 'pattern: ["é", [ß, "😀"], "\\u202e"]'],
    ['quoted numbers', "pattern: [node, '1.10', \"0x1F\"]"],
    ['a single string example', 'pattern: [git]\n    match: git status'],
    ['examples as token lists', 'pattern: [git]\n    match: [[git, "a b"]]\n    not_match: []'],
    ['block scalar justification', 'pattern: [rm]\n    decision: forbidden\n    justification: |\n      Use trash.\n      Really.'],
  ])('%s', (_name, body) => {
    const text = `# yaml-language-server: $schema=./schemas/escalint.schema.json\nversion: 1\nrules:\n  - ${body}\n`;
    const r = load(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.rules).toHaveLength(1);
  });

  test('a byte-order mark', () => {
    const r = load('\uFEFFversion: 1\nrules: [{pattern: [a]}]\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.rules).toHaveLength(1);
  });

  test('a document start marker and an end marker', () => {
    expect(load('---\nversion: 1\n...\n').diagnostics).toEqual([]);
  });
});

describe('rules built from the file', () => {
  const text = [
    'version: 1',
    'rules:',
    '  - id: git-read',
    '    pattern: [git, [status, log]]',
    '    decision: allow',
    "    match: [git status, [git, log, '-1']]",
    '  - pattern: [rm, -rf] # no decision',
    '    justification: careful',
    '    canonical_matching: true',
    '    not_match: "rm -r"',
    'host_executables:',
    '  - name: git',
    '    paths: [/usr/bin/git, /usr/lib/../bin/git]',
    'network_rules:',
    '  - {host: API.GitHub.com., protocol: https_connect, decision: deny, justification: no network}',
    'settings:',
    '  checks: {too-specific: warn, implicit-decision: [error, {a: 1}]}',
    '  codex_version: "0.169.0"',
    '',
  ].join('\n');
  const r = load(text);

  test('no diagnostics', () => expect(r.diagnostics).toEqual([]));

  test('fields, defaults and load order', () => {
    expect(r.rules.map((x) => [x.id, x.pattern, x.decision, x.decisionExplicit, x.index])).toEqual([
      ['git-read', ['git', ['status', 'log']], 'allow', true, 0],
      [null, ['rm', '-rf'], 'allow', false, 1],
    ]);
    expect(r.rules[0]!.match).toEqual(['git status', ['git', 'log', '-1']]);
    expect(r.rules[1]!.notMatch).toEqual(['rm -r']);
    expect(r.rules[1]!.justification).toBe('careful');
    expect(r.rules[1]!.canonicalMatching).toBe(true);
    expect(r.rules[0]!.canonicalMatching).toBe(false);
  });

  test('source is the rule entry, patternSource the pattern value', () => {
    const [a, b] = r.rules;
    expect(text.slice(a!.source.start, a!.source.end)).toBe(
      "id: git-read\n    pattern: [git, [status, log]]\n    decision: allow\n    match: [git status, [git, log, '-1']]",
    );
    expect(text.slice(a!.patternSource.start, a!.patternSource.end)).toBe('[git, [status, log]]');
    expect(lineCol(text, b!.patternSource.start)).toBe('7:14');
    expect(a!.source.file).toBe('rules.yaml');
    expect(a!.matchSources!.map((s) => text.slice(s.start, s.end))).toEqual(['git status', "[git, log, '-1']"]);
    expect(b!.notMatchSources!.map((s) => text.slice(s.start, s.end))).toEqual(['"rm -r"']);
  });

  test('host executables and network rules as Codex normalizes them', () => {
    expect(r.hostExecutables.map((h) => [h.name, h.paths])).toEqual([['git', ['/usr/bin/git']]]);
    expect(r.networkRules.map((n) => [n.host, n.protocol, n.decision, n.justification])).toEqual([
      ['api.github.com', 'https', 'forbidden', 'no network'],
    ]);
  });

  test('settings', () => {
    expect(r.settings).toEqual({
      checks: { 'too-specific': 'warn', 'implicit-decision': ['error', { a: 1 }] },
      codexVersion: '0.169.0',
    });
  });
});

describe('codex-load findings in YAML, at the value', () => {
  test.each([
    ['empty pattern', '  - pattern: []\n', '3:14 codex-load/pattern-empty', '[]', 0],
    ['empty alternatives', '  - pattern: [a, []]\n', '3:18 codex-load/pattern-alternatives-empty', '[]', 0],
    // The rule stays usable; only the example is dropped.
    ['empty token-list example', '  - pattern: [a]\n    match: [[]]\n', '4:13 codex-load/example-empty-list', '[]', 1],
    ['blank justification', '  - pattern: [a]\n    justification: "  "\n', '4:20 codex-load/justification-blank', '"  "', 0],
    ['justification of U+0085 only', '  - pattern: [a]\n    justification: "\\x85"\n', '4:20 codex-load/justification-blank', '"\\x85"', 0],
  ])('%s', (_name, body, expected, covered, ruleCount) => {
    const text = `version: 1\nrules:\n${body}`;
    const { diagnostics, rules } = load(text);
    expect(brief(text, diagnostics)).toEqual([expected]);
    expect(text.slice(diagnostics[0]!.start, diagnostics[0]!.end)).toBe(covered);
    expect(diagnostics[0]!.message).toContain('(Codex: ');
    expect(rules).toHaveLength(ruleCount);
  });

  test.each([
    ['relative path', '  - name: git\n    paths: [bin/git]\n', '4:13 codex-load/host-path-not-absolute'],
    ['wrong basename', '  - name: git\n    paths: [/usr/bin/gitx]\n', '4:13 codex-load/host-path-basename'],
    ['name with a slash', '  - name: bin/git\n    paths: []\n', '3:11 codex-load/host-name-not-bare'],
  ])('host_executable: %s', (_name, body, expected) => {
    const text = `version: 1\nhost_executables:\n${body}`;
    const r = load(text);
    expect(brief(text, r.diagnostics)).toEqual([expected]);
    expect(r.hostExecutables).toEqual([]);
  });

  test.each([
    ['scheme', 'https://x.com', 'codex-load/network-host-not-host'],
    ['wildcard', '"*.x.com"', 'codex-load/network-host-wildcard'],
  ])('network_rule host: %s', (_name, host, id) => {
    const text = `version: 1\nnetwork_rules:\n  - host: ${host}\n    protocol: https\n    decision: allow\n`;
    const r = load(text);
    expect(brief(text, r.diagnostics)).toEqual([`3:11 ${id}`]);
    expect(r.networkRules).toEqual([]);
  });
});

describe('line endings', () => {
  test('CRLF files load, and offsets still point at the value', () => {
    const text = 'version: 1\r\nrules:\r\n  - pattern: [git, 1.10]\r\n    decision: allow\r\n';
    const r = load(text);
    expect(r.diagnostics.map((d) => [d.messageId, text.slice(d.start, d.end)])).toEqual([['non-string-scalar', '1.10']]);
    const ok = load('version: 1\r\nrules:\r\n  - pattern: [git]\r\n    decision: allow\r\n');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.rules[0]!.source.end).toBe(ok.text.indexOf('allow') + 'allow'.length);
  });
});
