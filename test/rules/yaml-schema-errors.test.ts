// ajv errors mapped back to YAML nodes: the key for an unknown key, the value for a wrong type,
// enum or const, the mapping for a missing key; one message per mistake, in words a person uses.
import { describe, expect, test } from 'vitest';
import { labelOf } from '../../src/rules/yaml-schema-errors.js';
import { didYouMean, editDistance } from '../../src/util/edit-distance.js';
import { loadYamlRuleFile } from '../../src/rules/yaml.js';
import { lineCol } from './yaml-helpers.js';

const rule = (body: string) => `version: 1\nrules:\n  - pattern: [git]\n${body}`;

const cases: { name: string; text: string; expect: string[]; covers?: string }[] = [
  {
    name: 'misspelled key',
    text: rule('    decison: allow\n'),
    expect: ['4:5 schema/unknown-key unknown key "decison" in rule; did you mean "decision"?'],
    covers: 'decison',
  },
  {
    name: 'unknown key without a near match',
    text: rule('    color: red\n'),
    expect: [
      '4:5 schema/unknown-key unknown key "color" in rule; expected one of id, pattern, decision, justification, match, not_match, canonical_matching',
    ],
  },
  {
    name: 'YAML spelling of not_match',
    text: rule('    not-match: [git x]\n'),
    expect: ['4:5 schema/unknown-key unknown key "not-match" in rule; did you mean "not_match"?'],
  },
  {
    name: 'unknown top-level key',
    text: 'version: 1\nrule: []\n',
    expect: ['2:1 schema/unknown-key unknown key "rule" in the rule file; did you mean "rules"?'],
  },
  {
    name: 'decision outside the enum',
    text: rule('    decision: deny\n'),
    expect: ['4:15 schema/enum decision must be one of allow, prompt, forbidden; got "deny"'],
    covers: 'deny',
  },
  {
    name: 'decision in the wrong case',
    text: rule('    decision: Allow\n'),
    expect: ['4:15 schema/enum decision must be one of allow, prompt, forbidden; got "Allow"'],
  },
  {
    name: 'network protocol',
    text: 'version: 1\nnetwork_rules:\n  - {host: a.com, protocol: ftp, decision: allow}\n',
    expect: [
      '3:29 schema/enum protocol must be one of http, https, https_connect, http-connect, socks5_tcp, socks5_udp; got "ftp"',
    ],
  },
  { name: 'version const', text: 'version: 2\n', expect: ['1:10 schema/const version must be 1; got 2'] },
  { name: 'version as a string', text: "version: '1'\n", expect: ['1:10 schema/const version must be 1; got "1"'] },
  {
    name: 'missing version',
    text: 'rules: []\n',
    expect: ['1:1 schema/required the rule file is missing required key "version"'],
  },
  {
    name: 'missing pattern: at the rule mapping',
    text: 'version: 1\nrules:\n  - decision: allow\n',
    expect: ['3:5 schema/required rule is missing required key "pattern"'],
    covers: 'decision: allow',
  },
  {
    name: 'missing network rule keys',
    text: 'version: 1\nnetwork_rules:\n  - host: a.com\n',
    expect: [
      '3:5 schema/required network rule is missing required key "protocol"',
      '3:5 schema/required network rule is missing required key "decision"',
    ],
  },
  {
    name: 'pattern as a string',
    text: 'version: 1\nrules:\n  - pattern: git\n',
    expect: ['3:14 schema/type pattern must be a list; got "git"'],
  },
  {
    name: 'pattern element as a mapping',
    text: 'version: 1\nrules:\n  - pattern: [git, {a: b}]\n',
    expect: ['3:20 schema/type pattern[1] must be a string or a list of strings; got a mapping'],
  },
  {
    name: 'nested alternatives',
    text: 'version: 1\nrules:\n  - pattern: [git, [a, [b]]]\n',
    expect: ['3:24 schema/type pattern[1][1] must be a string; got a list'],
  },
  {
    name: 'rules as a mapping',
    text: 'version: 1\nrules:\n  pattern: [git]\n',
    expect: ['3:3 schema/type rules must be a list; got a mapping'],
  },
  {
    name: 'the file as a list',
    text: '- version: 1\n',
    expect: ['1:1 schema/type the rule file must be a mapping; got a list'],
  },
  {
    name: 'canonical_matching as a string',
    text: rule("    canonical_matching: 'yes'\n"),
    expect: ['4:25 schema/type canonical_matching must be true or false; got "yes"'],
  },
  {
    name: 'match as a mapping',
    text: rule('    match: {a: b}\n'),
    expect: ['4:12 schema/type match must be a string or a list; got a mapping'],
  },
  {
    name: 'id not kebab-case',
    text: 'version: 1\nrules:\n  - id: Git_Read\n    pattern: [git]\n',
    expect: ['3:9 schema/pattern id must be kebab-case (lowercase letters, digits and single "-"); got "Git_Read"'],
  },
  {
    name: 'check id not kebab-case',
    text: 'version: 1\nsettings:\n  checks:\n    Too_Specific: warn\n',
    expect: ['4:5 schema/bad-key "Too_Specific" is not a check id; check ids are kebab-case, such as "too-specific"'],
  },
  {
    name: 'check severity',
    text: 'version: 1\nsettings:\n  checks:\n    too-specific: warning\n',
    expect: ['4:19 schema/enum severity of check "too-specific" must be one of error, warn, off; got "warning"'],
  },
  {
    name: 'check severity tuple too long',
    text: 'version: 1\nsettings:\n  checks:\n    too-specific: [warn, {}, 3]\n',
    expect: ['4:19 schema/max-items severity of check "too-specific" takes at most 2 items'],
  },
  {
    name: 'codex_version',
    text: 'version: 1\nsettings:\n  codex_version: latest\n',
    expect: ['3:18 schema/pattern codex_version must be a version such as "0.169.0"; got "latest"'],
  },
  {
    name: 'an alias is reported once, with no schema noise under it',
    text: 'version: 1\nx: &a 1\nrules:\n  - pattern: *a\n',
    expect: [
      '2:1 schema/unknown-key unknown key "x" in the rule file; expected one of version, rules, host_executables, network_rules, settings',
      '2:4 yaml/anchor anchor "&a" is not allowed; write the value out in full',
      '4:14 yaml/alias alias "*a" is not allowed; write the value out in full',
    ],
  },
  {
    name: 'empty file',
    text: '# nothing yet\n',
    expect: ['1:1 schema/empty-file the rule file is empty; start it with "version: 1"'],
  },
];

describe('schema errors mapped to YAML nodes', () => {
  test.each(cases)('$name', ({ text, expect: expected, covers }) => {
    const { diagnostics } = loadYamlRuleFile('rules.yaml', text);
    expect(diagnostics.map((d) => `${lineCol(text, d.start)} ${d.check}/${d.messageId} ${d.message}`)).toEqual(expected);
    if (covers) expect(text.slice(diagnostics[0]!.start, diagnostics[0]!.end)).toBe(covers);
  });

  test('hints: did you mean for enums, a list for a string', () => {
    const enumHint = loadYamlRuleFile('r.yaml', rule('    decision: forbiden\n')).diagnostics[0]!;
    expect(enumHint.hint).toBe('did you mean "forbidden"?');
    const listHint = loadYamlRuleFile('r.yaml', 'version: 1\nrules:\n  - pattern: git\n').diagnostics[0]!;
    expect(listHint.hint).toBe('write it as a list: [git]');
    const versionHint = loadYamlRuleFile('r.yaml', 'rules: []\n').diagnostics[0]!;
    expect(versionHint.hint).toBe('add "version: 1" at the top of the file');
  });
});

describe('helpers', () => {
  test.each([
    [[], 'the rule file'],
    [['rules', '2'], 'rule'],
    [['network_rules', '0'], 'network rule'],
    [['rules', '2', 'pattern', '1', '0'], 'pattern[1][0]'],
    [['settings', 'checks', 'x', '1'], 'options of check "x"'],
    [['settings', 'codex_version'], 'codex_version'],
  ])('labelOf(%j) = %s', (segs, label) => expect(labelOf(segs)).toBe(label));

  test.each([
    ['decison', 'decision'],
    ['Decision', 'decision'],
    ['canonicalMatching', 'canonical_matching'],
    ['patern', 'pattern'],
    ['zzz', undefined],
    ['x'.repeat(100), undefined],
  ])('didYouMean(%s)', (word, expected) => {
    expect(didYouMean(word, ['id', 'pattern', 'decision', 'justification', 'match', 'not_match', 'canonical_matching'])).toBe(expected);
  });

  test('editDistance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
