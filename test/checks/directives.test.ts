import { describe, expect, it } from 'vitest';
import { findComments, parseDirectives } from '../../src/checks/directives.js';

const show = (text: string, kind: 'yaml' | 'rules') =>
  parseDirectives(text, kind).map((d) => ({
    kind: d.kind,
    checks: d.checks.map((c) => `${c.id}@${text.slice(c.start, c.end)}`),
    reason: d.reason,
    covers: d.covers ? text.slice(d.covers.start, d.covers.end) : undefined,
  }));

describe('findComments', () => {
  it.each([
    ['yaml: a # inside quotes is not a comment', 'a: "x # y" # real\nb: \'#\'\n', 'yaml', ['# real']],
    ['yaml: block scalar content is not a comment', 'j: |\n  # text\nk: 1 # c\n', 'yaml', ['# c']],
    ['yaml: # needs a space before it', 'a: b#c # d\n', 'yaml', ['# d']],
    ['rules: strings of every quoting', `prefix_rule(["#", '#', """#\n#""", r"\\"#"]) # c\n# d`, 'rules', ['# c', '# d']],
    ['rules: an escaped quote does not end the string', 'x("a\\"#") # e\n', 'rules', ['# e']],
  ] as const)('%s', (_name, text, kind, expected) => {
    expect(findComments(text, kind).map((c) => text.slice(c.start, c.end))).toEqual(expected);
  });
});

describe('parseDirectives', () => {
  it('reads disable-next-line with ids and a reason, covering the next line', () => {
    const text = 'rules:\n  # escalint-disable-next-line implicit-decision, codex-load -- reviewed in #12\n  - pattern: [ls]\n';
    expect(show(text, 'yaml')).toEqual([
      {
        kind: 'disable-next-line',
        checks: ['implicit-decision@implicit-decision', 'codex-load@codex-load'],
        reason: 'reviewed in #12',
        covers: '  - pattern: [ls]\n',
      },
    ]);
  });

  it('reads ranges and disable-line, with and without ids', () => {
    const text = '# escalint-disable\na: 1 # escalint-disable-line x y\n#escalint-enable implicit-decision\n';
    expect(show(text, 'yaml')).toEqual([
      { kind: 'disable', checks: [], reason: '', covers: undefined },
      { kind: 'disable-line', checks: ['x@x', 'y@y'], reason: '', covers: 'a: 1 # escalint-disable-line x y\n' },
      { kind: 'enable', checks: ['implicit-decision@implicit-decision'], reason: '', covers: undefined },
    ]);
  });

  it('ignores look-alikes and directives inside strings', () => {
    const text = '# escalint-disabled x\n# see escalint-disable\nj: "# escalint-disable"\n';
    expect(show(text, 'yaml')).toEqual([]);
  });

  it('reads .rules comments, and a next-line directive on the last line covers nothing real', () => {
    const text = 'prefix_rule(["a"]) # escalint-disable-line implicit-decision\r\n# escalint-disable-next-line';
    expect(show(text, 'rules')).toEqual([
      {
        kind: 'disable-line',
        checks: ['implicit-decision@implicit-decision'],
        reason: '',
        covers: 'prefix_rule(["a"]) # escalint-disable-line implicit-decision\r\n',
      },
      { kind: 'disable-next-line', checks: [], reason: '', covers: '' },
    ]);
  });
});

describe('disable-next-line above a YAML list item', () => {
  it('covers the whole item, not the items after it', () => {
    const text =
      'rules:\n  # escalint-disable-next-line implicit-decision\n  - id: a\n\n    pattern: [a]\n    match:\n      - a\n  - id: b\n    pattern: [b]\n';
    expect(show(text, 'yaml')[0]!.covers).toBe('  - id: a\n\n    pattern: [a]\n    match:\n      - a\n');
  });

  it('covers one line when the next line is not a list item', () => {
    const text = 'a:\n  # escalint-disable-next-line\n  b: 1\n  c: 2\n';
    expect(show(text, 'yaml')[0]!.covers).toBe('  b: 1\n');
  });
});
