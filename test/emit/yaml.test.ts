// The YAML writer of escalint import (src/emit/yaml.ts): every string reads back as exactly that
// string, through both YAML readers escalint has (the fast reader and the `yaml` package), as a
// pattern token, an alternative, an example, a justification and a host path; tokens YAML would
// read as something else are quoted; a value never leaves its line; comments stay one line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentText, isPlainSafe, quotedScalar, yamlComment, yamlFlowList, yamlScalar } from '../../src/emit/yaml.js';
import { loadYamlRuleFile } from '../../src/rules/yaml.js';

/** Codex refuses a blank justification (codex-load): such strings are tried everywhere else. */
const justifiable = (s: string) => s.trim() !== '';

/** A rule file holding `s` in every kind of place a string can be. */
function fileWith(s: string): string {
  const v = yamlScalar(s);
  return [
    'version: 1',
    'rules:',
    `  - pattern: [x, ${v}, [${v}, y]]`,
    '    decision: prompt',
    `    justification: ${justifiable(s) ? v : 'j'}`,
    `    match: [[x, ${v}, ${v}]]`,
    `    not_match: [${v}]`,
    '',
  ].join('\n');
}

function readsBack(s: string): void {
  const text = fileWith(s);
  for (const reader of ['auto', 'yaml'] as const) {
    const loaded = loadYamlRuleFile('t.yaml', text, { reader });
    const structural = loaded.diagnostics.filter((d) => d.check === 'yaml' || d.check === 'schema');
    expect(structural, `${reader}: ${text}`).toEqual([]);
    const rule = loaded.rules[0]!;
    expect(rule.pattern, reader).toEqual(['x', s, [s, 'y']]);
    expect(rule.justification, reader).toBe(justifiable(s) ? s : 'j');
    expect(rule.match, reader).toEqual([['x', s, s]]);
    expect(rule.notMatch, reader).toEqual([s]);
  }
}

const TRICKY = [
  // YAML 1.1 and 1.2 scalars that are not strings when plain
  'yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', 'Null', '~', '1', '-1', '+1', '1.10', '.5', '-.5', '+.5', '0x1f', '0o17', '0b1',
  '1e3', '1_000', '1:20', '2001-12-14', '.inf', '-.Inf', '.NaN', '<<', '=',
  // indicators
  '#x', 'a #b', 'a#b', '- x', '-', '--', '---', '...', '? x', '?', ':', 'a: b', 'a:', ':a', 'a:b', 'a :b', '[x]', 'x]', '{x}', 'x,y', '!tag', '&a', '*a',
  '|', '>', '%x', '@x', '`x`', '"', "'", "it's", 'say "hi"',
  // blanks, breaks, controls, invisible characters
  '', ' ', ' lead', 'trail ', 'two  spaces', '\t', 'tab\there', '\n', 'a\nb', 'a\r\nb', '\r', 'nul\u0000x', '\u0001\u001b[0m', 'del\u007f', 'nel\u0085',
  'ls\u2028ps\u2029', 'bidi\u202eevil\u2066', 'zwj\u200d', 'nbsp\u00a0x', 'bom\ufeff', 'non\ufffechar\uffff', 'pua\ue000', '\u{e0001}tag',
  // text and paths
  'héllo wörld', '日本語', '😀', '👨‍👩‍👧', 'back\\slash', 'C:\\x', '\\', '~/x', '/usr/bin/git', './x', '$HOME', 'a=b', 'x=1', '-p', '--force', '-.',
  'prefix_rule(pattern=["rm"])', '")\nprefix_rule(pattern=["rm"])\n#', 'half\ud83d', '\udc00x',
];

describe('yamlScalar', () => {
  it.each(TRICKY)('%j reads back exactly', (s) => readsBack(s));

  it.each([
    ['git', 'git'],
    ['-p', '-p'],
    ['--force', '--force'],
    ['/usr/bin/git', '/usr/bin/git'],
    ['git status', 'git status'],
    ['héllo', 'héllo'],
    ['yes', '"yes"'],
    ['1.10', '"1.10"'],
    ['-.5', '"-.5"'],
    ['~', '"~"'],
    ['', '""'],
    ['#x', '"#x"'],
    ['- x', '"- x"'],
    ['a: b', '"a: b"'],
    [' x', '" x"'],
    ['a\nb', '"a\\nb"'],
    ['\u0001', '"\\x01"'],
    ['\u202e', '"\\u202e"'],
    ['\u{e0001}', '"\\U000e0001"'],
    ['😀', '"😀"'],
  ])('%j is written %s', (s, want) => {
    expect(yamlScalar(s)).toBe(want);
  });

  it('never writes a plain scalar the checks above would quote, and quotes keep every value on one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 24 }), (s) => {
        const out = yamlScalar(s);
        expect(out).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
        if (out === s) expect(isPlainSafe(s)).toBe(true);
        else expect(out).toBe(quotedScalar(s));
      }),
      { numRuns: 300, seed: 169 },
    );
  });

  it('reads back arbitrary strings (any code point, controls, lone surrogates) through both readers', () => {
    const chars = fc.constantFrom(...'ab -:#,[]{}"\'\\?!&*|>%@`~.=01\t\n\r\u0000\u0085\u00a0\u2028\u202e\ufeff\ufffe😀é'.split(''));
    const arb = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.string({ unit: chars, maxLength: 10 }),
      fc.constantFrom(...TRICKY),
    );
    fc.assert(fc.property(arb, (s) => readsBack(s)), { numRuns: 400, seed: 1697 });
  });
});

describe('yamlFlowList', () => {
  it('writes alternatives as inner lists', () => {
    expect(yamlFlowList(['git', ['status', 'yes'], ''])).toBe('[git, [status, "yes"], ""]');
  });
});

describe('comments', () => {
  it('keep a comment on one line and show invisible characters as escapes', () => {
    expect(yamlComment('a\nb\r\u2028c\u202e\td')).toBe('# a\\x0ab\\x0d\\u2028c\\u202e\td');
    expect(yamlComment(' as written', { raw: true })).toBe('# as written');
    expect(yamlComment('')).toBe('#');
    expect(commentText('\ud800x')).toBe('\\ud800x');
  });

  it('are comments to both readers whatever their text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const text = `${yamlComment(s)}\nversion: 1\nrules:\n  ${yamlComment(s, { raw: true })}\n  - pattern: [x]  ${yamlComment(s)}\n    decision: allow\n`;
        for (const reader of ['auto', 'yaml'] as const) {
          const loaded = loadYamlRuleFile('c.yaml', text, { reader });
          expect(loaded.diagnostics, text).toEqual([]);
          expect(loaded.rules.map((r) => r.pattern)).toEqual([['x']]);
        }
      }),
      { numRuns: 200, seed: 16 },
    );
  });
});
