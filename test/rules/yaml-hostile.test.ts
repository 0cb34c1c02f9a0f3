// Hostile input stays bounded (design.md §2): each case ends in a diagnostic, quickly, without
// the YAML parser ever seeing the text when a limit is exceeded.
import { describe, expect, test } from 'vitest';
import { loadYamlRuleFile } from '../../src/rules/yaml.js';
import { firstInvalidUtf8, firstTooDeep } from '../../src/rules/yaml-limits.js';
import { brief } from './yaml-helpers.js';

function timed<T>(f: () => T): { result: T; ms: number } {
  const t0 = performance.now();
  const result = f();
  return { result, ms: performance.now() - t0 };
}

// Generous bounds: the machine running the tests may be busy; a hang or a blow-up is far above.
const QUICK_MS = 2000;

describe('hostile input', () => {
  test('a 20 MB string is refused before parsing', () => {
    const text = `version: 1\nrules:\n${'  - pattern: [a]\n'.repeat(1_250_000)}`;
    const { result, ms } = timed(() => loadYamlRuleFile('big.yaml', text));
    expect(result.diagnostics.map((d) => d.messageId)).toEqual(['too-large']);
    expect(result.diagnostics[0]!.message).toBe('file is 20.3 MiB, larger than the limit of 5 MiB; split the rules into several files');
    expect(ms).toBeLessThan(QUICK_MS);
  });

  test('20 MB of bytes is refused before decoding', () => {
    const { result, ms } = timed(() => loadYamlRuleFile('big.yaml', Buffer.alloc(20 * 1024 * 1024, 0x61)));
    expect(result.diagnostics.map((d) => d.messageId)).toEqual(['too-large']);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  test('the size limit is an option', () => {
    const text = 'version: 1\n';
    expect(loadYamlRuleFile('a.yaml', text, { maxBytes: 5 }).diagnostics.map((d) => d.messageId)).toEqual(['too-large']);
    expect(loadYamlRuleFile('a.yaml', text, { maxBytes: 11 }).diagnostics).toEqual([]);
  });

  test.each([
    ['100k-deep flow sequence', `version: 1\nrules: ${'['.repeat(100_000)}`, '2:107'],
    ['100k-deep closed flow sequences', `x: ${'['.repeat(100_000)}${']'.repeat(100_000)}`, '1:103'],
    ['50k-deep flow mappings', '{a: '.repeat(50_000), '1:397'],
    ['100k compact nested sequences', `${'- '.repeat(100_000)}x`, '1:1'],
    ['2000-deep block mappings', Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), '101:101'],
  ])('%s', (_name, text, at) => {
    const { result, ms } = timed(() => loadYamlRuleFile('deep.yaml', text));
    expect(brief(text, result.diagnostics)).toEqual([`${at} yaml/too-deep`]);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  test('depth 100 is accepted, 101 is not (the limit is an option)', () => {
    const nest = (n: number) => `x: ${'['.repeat(n - 1)}${']'.repeat(n - 1)}\n`;
    // The top-level mapping is one level; each `[` another.
    expect(loadYamlRuleFile('a.yaml', nest(100)).diagnostics.map((d) => d.messageId)).not.toContain('too-deep');
    expect(loadYamlRuleFile('a.yaml', nest(101)).diagnostics.map((d) => d.messageId)).toContain('too-deep');
    expect(loadYamlRuleFile('a.yaml', nest(10), { maxDepth: 5 }).diagnostics.map((d) => d.messageId)).toEqual(['too-deep']);
  });

  test('billion laughs: aliases are reported, never expanded', () => {
    const lines = ['version: 1', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const name = String.fromCharCode(97 + i);
      const prev = String.fromCharCode(96 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = lines.join('\n');
    const { result, ms } = timed(() => loadYamlRuleFile('lol.yaml', text));
    const ids = result.diagnostics.map((d) => d.messageId);
    expect(ids.filter((id) => id === 'anchor')).toHaveLength(10);
    // 81 aliases: 50 shown, then one summary line.
    expect(ids.filter((id) => id === 'alias')).toHaveLength(50);
    expect(result.diagnostics.find((d) => d.messageId === 'too-many')?.message).toBe('31 more "alias" problems not shown');
    expect(ms).toBeLessThan(QUICK_MS);
  });

  test('invalid UTF-8: one diagnostic at the bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('version: 1\nrules:\n  - pattern: [é, "'), Buffer.from([0xff, 0xfe]), Buffer.from('"]\n')]);
    const r = loadYamlRuleFile('bad.yaml', bytes);
    // é is two bytes but one UTF-16 unit: the column counts characters.
    expect(brief(r.text, r.diagnostics)).toEqual(['3:19 yaml/invalid-utf8']);
    expect(r.diagnostics[0]!.message).toBe('invalid UTF-8 (byte 0xff at byte offset 37); save the file as UTF-8');
    expect(r.rules).toEqual([]);
  });

  test.each([
    ['valid ASCII', [0x61, 0x62], -1],
    ['valid 2-, 3- and 4-byte sequences', [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], -1],
    ['lone continuation byte', [0x61, 0x80], 1],
    ['overlong 2-byte', [0xc0, 0xaf], 0],
    ['overlong 3-byte', [0xe0, 0x80, 0xaf], 0],
    ['UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['truncated at the end', [0x61, 0xe2, 0x82], 1],
    ['0xFF', [0xff], 0],
  ])('firstInvalidUtf8: %s', (_name, bytes, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected);
  });

  test.each([
    ['brackets inside quotes do not count', `x: "${'['.repeat(500)}"\n`],
    ['brackets inside single quotes do not count', `x: '${'['.repeat(500)}'\n`],
    ['brackets in comments do not count', `x: 1 # ${'['.repeat(500)}\n`],
    ['brackets inside a plain scalar do not count', `x: a${'['.repeat(500)}\n`],
    ['deep indentation inside a block scalar does not count', `x: |\n${Array.from({ length: 300 }, (_, i) => `  ${' '.repeat(i)}y`).join('\n')}\n`],
  ])('firstTooDeep: %s', (_name, text) => {
    expect(firstTooDeep(text, 100)).toBe(-1);
  });
});
