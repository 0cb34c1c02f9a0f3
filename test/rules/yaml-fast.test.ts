// The fast YAML reader (src/rules/yaml-fast.ts) against the `yaml` package it stands in for:
// wherever the fast reader reads a file, the data, every node's range (value and key), and the
// scalars the schema stage looks at must be exactly what the production `yaml`-package path gives
// Inputs: the check fixtures, rules.example.yaml, generated bench files, a table of edge cases,
// and random files built from the subset's pieces (comments at every indentation, odd scalars).
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generateRuleFile } from '../../bench/check-data.js';
import { fastLookup, fastValueRange, readFastYaml } from '../../src/rules/yaml-fast.js';
import { DiagnosticList, loadYamlRuleFile, readYamlData, type NodeRef } from '../../src/rules/yaml.js';
import { scalarNeedsCheck } from '../../src/rules/yaml-schema-errors.js';

interface Expected {
  data: unknown;
  /** pointer → [value start, value end, key start, key end] */
  ranges: Map<string, number[]>;
  scalars: string[];
}

/**
 * What the production `yaml`-package path of src/rules/yaml.ts builds (`reader: 'full'`), or null
 * when it refuses the text or reports anything.
 */
function viaYaml(text: string): Expected | null {
  const diags = new DiagnosticList('r.yaml');
  const read = readYamlData('r.yaml', text, diags, 100, 'full');
  if (read === 'refused' || diags.sorted().length > 0) return null;
  const nodes = read.yd.nodes as Map<string, NodeRef>;
  const ranges = new Map<string, number[]>();
  for (const [pointer, ref] of nodes) {
    ranges.set(pointer, [ref.value?.range?.[0] ?? -1, ref.value?.range?.[1] ?? -1, ref.key?.range?.[0] ?? -1, ref.key?.range?.[1] ?? -1]);
  }
  const scalars = read.yd.scalars.map((x) => `${x.pointer} ${x.shape} ${String(x.node.value)} ${x.node.type}`);
  return { data: read.empty ? null : read.yd.data, ranges, scalars };
}

/** Fast reading of `text`, compared with `yaml`'s; returns whether the fast reader read it. */
function compare(text: string): boolean {
  const fast = readFastYaml(text, scalarNeedsCheck, 100);
  if (fast === null) return false;
  const want = viaYaml(text);
  expect(want, `the fast reader read a file yaml rejects:\n${text}`).not.toBeNull();
  expect(fast.data).toEqual(want!.data);
  for (const [pointer, r] of want!.ranges) {
    const got = fastLookup(text, fast.root, pointer);
    expect(fastValueRange(text, fast.root, pointer)).toEqual([r[0], r[1]]);
    expect([got?.value.range[0], got?.value.range[1], got?.key?.range[0] ?? -1, got?.key?.range[1] ?? -1], `${pointer} in\n${text}`).toEqual(r);
  }
  expect(fast.scalars.map((s) => `${s.pointer} ${s.shape} ${String(s.node.value)} ${s.node.type}`)).toEqual(want!.scalars);
  // Pointers that name nothing: past a scalar, a missing key, an index out of range or not canonical.
  for (const missing of ['/nope', '/version/x', '/rules/999999', '/rules/01', '/rules/-1', '/rules/', '/rules/0/nope']) {
    if (want!.ranges.has(missing)) continue;
    expect(fastLookup(text, fast.root, missing), missing).toBeUndefined();
    expect(fastValueRange(text, fast.root, missing), missing).toBeUndefined();
  }
  return true;
}

const fixtureDir = new URL('../fixtures/check/', import.meta.url);
const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => [f, readFileSync(new URL(f, fixtureDir), 'utf8')] as const);
const example = readFileSync(new URL('../../rules.example.yaml', import.meta.url), 'utf8');

describe('fast YAML reader', () => {
  test('reads rules.example.yaml and generated rule files (the common case stays fast)', () => {
    expect(compare(example)).toBe(true);
    for (const seed of [1, 2, 3]) expect(compare(generateRuleFile(300, seed))).toBe(true);
  });

  test.each(fixtures)('agrees with yaml on fixture %s', (_name, text) => {
    compare(text);
  });

  // Each: the text, and whether the fast reader reads it (false: it must give up).
  const edges: [string, boolean][] = [
    ['version: 1\n', true],
    ['version: 1', true],
    ['# c\n\nversion: 1 # c\n\n# end\n', true],
    ['version: 1\nrules:\n- pattern: [a]\n  decision: allow\n- pattern: b\nsettings: {}\n', false],
    ['version: 1\nrules:\n- pattern: [a]\n  decision: allow\n- pattern: b\nx: 1\n', true],
    ['rules:\n  - id: a\n    pattern: [x]\n    # same column as the keys\n  - id: b\n', true],
    ['rules:\n  - id: a\n    pattern: [x]\n   # between\n  - id: b\n', true],
    ['rules:\n  - id: a\n    match:\n      - x y\n    # c\n  - id: b\n', true],
    ['rules:\n  - id: a\n    match:\n      - x y\n      # c\n\n# d\nz: 1\n', true],
    ['a:\n  b:\n    c: 1\n    # c\n', true],
    ['a:\n  b:\n    c: 1\n  # c\nd: 2\n', true],
    ['a:\n  - x\n  # c\n  # c2\nb: 1\n', true],
    ['a:\n  - [x, [y, "z"], \'w\']  # c\n  - "q\\"\\u00e9\\\\"\n', true],
    ['a: [ x ,y ]\nb: []\nc: [ ]\n', true],
    ['a: -rf\nb: --dry-run\nc: a:b\nd: "yes"\ne: yes\nf: on\ng: true\nh: 0\ni: 12\n', true],
    ['a: 1.10\n', false],
    ['a: 010\n', false],
    ['a: null\n', false],
    ['a: ~\n', false],
    ['a:\n', false],
    ['a: b: c\n', false],
    ['a: |\n  x\n', false],
    ['a: &x 1\nb: *x\n', false],
    ['a: !!str 1\n', false],
    ['a: 1\na: 2\n', false],
    ['a: [x,\n  y]\n', false],
    ['a: {b: 1}\n', false],
    ['a: x\n  y\n', false],
    ['a: 1\n    # deeper than the mapping\nb: 2\n', false],
    ['"a": 1\n', false],
    ['a:\tb\n', false],
    ['a: b\r\n', false],
    ['---\na: 1\n', false],
    ['a: [x, ]\n', false],
    ['a: [x: y]\n', false],
    ['a: \'it\'\'s\'\nb: it\'s\nc: "a # b"\nd: a#b\n', true],
    ['__proto__: 1\n', false],
    ['true: 1\n', false],
    ['a:\n  - - x\n', false],
    ['a:\n  -\n    x: 1\n', false],
  ];
  test.each(edges)('%j (fast: %s)', (text, fast) => {
    expect(compare(text)).toBe(fast);
  });

  test('loadYamlRuleFile gives the same findings whichever reader reads the file', () => {
    // The same file through the default reader and through the `yaml` package alone.
    const variants = [example, generateRuleFile(50, 7), ...fixtures.map(([, t]) => t)];
    for (const text of variants) {
      const a = loadYamlRuleFile('r.yaml', text);
      const b = loadYamlRuleFile('r.yaml', text, { reader: 'full' });
      expect(a.rules).toEqual(b.rules);
      expect(a.hostExecutables).toEqual(b.hostExecutables);
      expect(a.networkRules).toEqual(b.networkRules);
      expect(a.settings).toEqual(b.settings);
      expect(a.diagnostics).toEqual(b.diagnostics);
    }
  });

  // Random files from the subset's pieces: whenever the fast reader reads one, it agrees.
  const scalar = fc.constantFrom('git', 'a b', '-rf', '--x', 'yes', 'No', 'true', 'False', '0', '7', '12', '1.5', '01', 'null',
    '~', '"q"', "'s'", '"e\\"x"', "'it''s'", 'a:b', 'a#b', 'x # c', '""', '.x', '-', '0x1F', 'é', 'a,b', '[p, q]', '[p, [q, r]]', '[]',
    '[ "a" , b ]', '[x,]', '{}');
  const key = fc.constantFrom('id', 'pattern', 'decision', 'match', 'a-b', 'x_y', 'id');
  const comment = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.constantFrom('# c', '#', '# - x: y')).map(([n, c]) => `${' '.repeat(n)}${c}`);
  type Tree = { kind: 'map'; pairs: [string, Tree][] } | { kind: 'seq'; items: Tree[] } | { kind: 'scalar'; text: string };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
    t: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar.map((text) => ({ kind: 'scalar' as const, text })),
      fc.array(fc.tuple(key, tie('t')), { minLength: 1, maxLength: 4 }).map((pairs) => ({ kind: 'map' as const, pairs })),
      fc.array(tie('t'), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'seq' as const, items })),
    ),
  })).t;
  const render = (t: Tree, indent: number, sameColumnSeq: boolean, extra: string[], pick: () => number): string[] => {
    const pad = ' '.repeat(indent);
    const lines: string[] = [];
    const between = () => {
      const k = pick();
      if (k % 5 === 0) lines.push(extra[k % extra.length]!);
      if (k % 7 === 0) lines.push('');
    };
    if (t.kind === 'map') {
      for (const [k, v] of t.pairs) {
        between();
        if (v.kind === 'scalar') lines.push(`${pad}${k}: ${v.text}${pick() % 4 === 0 ? '  # t' : ''}`);
        else {
          lines.push(`${pad}${k}:`);
          const same = v.kind === 'seq' && sameColumnSeq;
          lines.push(...render(v, same ? indent : indent + 2, sameColumnSeq, extra, pick));
        }
      }
    } else if (t.kind === 'seq') {
      for (const item of t.items) {
        between();
        if (item.kind === 'scalar') lines.push(`${pad}- ${item.text}`);
        else if (item.kind === 'map') {
          const inner = render(item, indent + 2, sameColumnSeq, extra, pick);
          const first = inner.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
          inner[first] = `${pad}- ${inner[first]!.slice(indent + 2)}`;
          lines.push(...inner);
        } else {
          lines.push(`${pad}-`);
          lines.push(...render(item, indent + 2, sameColumnSeq, extra, pick));
        }
      }
    } else lines.push(`${pad}${t.text}`);
    return lines;
  };
  test('random files: the fast reader agrees with yaml whenever it reads one', () => {
    let read = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 4 }),
        fc.array(comment, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 }),
        (pairs, comments, sameColumnSeq, finalNewline, seeds) => {
          let i = 0;
          const pick = () => seeds[i++ % seeds.length]! + i;
          const lines = render({ kind: 'map', pairs }, 0, sameColumnSeq, comments, pick);
          const text = lines.join('\n') + (finalNewline ? '\n' : '');
          if (compare(text)) read++;
        },
      ),
      { numRuns: 1500 },
    );
    expect(read).toBeGreaterThan(100); // the generator does reach the fast reader
  });
});
