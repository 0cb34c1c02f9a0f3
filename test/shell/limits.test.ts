// Hostile input and limits (design.md §3): beyond the size or nesting limit the result is a
// diagnostic, never a RangeError, a throw or a hang. Time budgets are relative to parsing a
// benign script of the same length on this machine, so a loaded CI box does not make them flaky
// while a quadratic blow-up (100k nested `$((` once took 20 s) still fails.
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/shell/parse.js';
import type { ParseOptions, ParseResult } from '../../src/types.js';

const N = 100_000;
const MiB = 1024 * 1024;

function benign(length: number): string {
  const unit = 'echo hello world && ls -la | grep foo; ';
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const baselines = new Map<number, number>();
function baselineMs(length: number): number {
  // Powers of two from 64 KiB: a handful of benign parses serve every case.
  let bucket = 65_536;
  while (bucket < length && bucket < MiB) bucket *= 2;
  let ms = baselines.get(bucket);
  if (ms === undefined) {
    const text = benign(Math.min(bucket, MiB));
    const t0 = performance.now();
    parseShell(text, { maxInputSize: 2 * MiB, unwrap: false });
    ms = performance.now() - t0;
    baselines.set(bucket, ms);
  }
  return ms;
}

function timed(text: string, options: ParseOptions = {}): { r: ParseResult; ms: number; budget: number } {
  const budget = 1500 + 4 * baselineMs(text.length);
  const t0 = performance.now();
  const r = parseShell(text, { unwrap: false, ...options });
  return { r, ms: performance.now() - t0, budget };
}

const ids = (r: ParseResult) => r.diagnostics.map((d) => d.messageId);

function escapeForBackticks(s: string): string {
  return s.replace(/[\\`]/g, (c) => `\\${c}`);
}

/** `echo \`echo \\\`…\\\`\``: each level of backticks escapes the one inside it. */
function nestedBackticks(levels: number): string {
  let s = 'ls';
  for (let i = 0; i < levels; i++) s = `echo \`${escapeForBackticks(s)}\``;
  return s;
}

describe('input size', () => {
  it('a 1 MiB script parses', () => {
    const text = benign(MiB - 1) + '\n';
    expect(text.length).toBe(MiB);
    const { r, ms, budget } = timed(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.segments.length).toBeGreaterThan(70_000);
    expect(ms).toBeLessThan(budget + 2 * baselineMs(MiB));
  });
  it('over the default limit (1 MiB) is a diagnostic', () => {
    const r = parseShell('a'.repeat(MiB + 1));
    expect(ids(r)).toEqual(['input-too-large']);
    expect(r.segments).toEqual([]);
    expect(r.diagnostics[0]!.message).toBe(`command is ${MiB + 1} characters long; the limit is ${MiB}`);
  });
  it('maxInputSize is an option', () => {
    expect(ids(parseShell('echo 12345', { maxInputSize: 10 }))).toEqual([]);
    expect(ids(parseShell('echo 123456', { maxInputSize: 10 }))).toEqual(['input-too-large']);
  });
});

describe('maxDepth', () => {
  // One level per construct; a depth-5 limit accepts 5 levels and refuses 6.
  const gens: Record<string, (n: number) => string> = {
    '$(': (n) => `${'$('.repeat(n)}ls${')'.repeat(n)}`,
    'backticks': (n) => nestedBackticks(n).replace(/^echo /, 'x '),
    '( )': (n) => `${'( '.repeat(n)}ls${' )'.repeat(n)}`,
    '{ }': (n) => `${'{ '.repeat(n)}ls${'; }'.repeat(n)}`,
    'if': (n) => `${'if a; then '.repeat(n)}ls${'; fi'.repeat(n)}`,
    'while': (n) => `${'while a; do '.repeat(n)}ls${'; done'.repeat(n)}`,
    'case': (n) => `${'case x in a) '.repeat(n)}ls${';; esac'.repeat(n)}`,
    '${x:-': (n) => `echo ${'${x:-'.repeat(n)}$(ls)${'}'.repeat(n)}`.replace('$(ls)', 'a'),
    '$((': (n) => `echo ${'$(('.repeat(n)}1${'))'.repeat(n)}`,
    '<(': (n) => `cat ${'<('.repeat(n)}ls${')'.repeat(n)}`,
    '[[ (': (n) => `[[ ${'( '.repeat(n)}a${' )'.repeat(n)} ]]`,
    '${ ': (n) => `echo ${'${ '.repeat(n)}ls${'; }'.repeat(n)}`,
    'f()': (n) => `${'f() { '.repeat(n)}ls${'; }'.repeat(n)}`,
  };
  for (const [name, gen] of Object.entries(gens)) {
    it(`${name}: 5 levels pass, 6 are refused`, () => {
      expect(ids(parseShell(gen(5), { maxDepth: 5, unwrap: false }))).toEqual([]);
      expect(ids(parseShell(gen(6), { maxDepth: 5, unwrap: false }))).toEqual(['too-deep']);
      expect(ids(parseShell(gen(6), { unwrap: false }))).toEqual([]);
    });
  }
  it('a double-quoted ${x:-"…"} counts the quotes and the expansion: 2 levels each', () => {
    const gen = (n: number) => `echo ${'"${x:-'.repeat(n)}a${'}"'.repeat(n)}`;
    expect(ids(parseShell(gen(2), { maxDepth: 4 }))).toEqual([]);
    expect(ids(parseShell(gen(3), { maxDepth: 4 }))).toEqual(['too-deep']);
  });
  it('the message names the limit', () => {
    expect(parseShell('$($($(ls)))', { maxDepth: 2 }).diagnostics[0]!.message).toBe('nesting too deep: more than 2 levels');
  });
  it('a huge maxDepth still ends in a diagnostic, not a RangeError', () => {
    const text = `${'$('.repeat(N)}ls${')'.repeat(N)}`;
    const r = parseShell(text, { maxDepth: 10 * N, unwrap: false });
    expect(r.diagnostics.length + r.segments.length).toBeGreaterThan(0);
  });
});

describe('hostile input: a diagnostic or a result, fast', () => {
  const cases: [name: string, text: string, expected: 'too-deep' | 'syntax-error' | 'ok' | 'any'][] = [
    ['100k nested $(', `${'$('.repeat(N)}ls${')'.repeat(N)}`, 'too-deep'],
    ['100k unterminated $(', `echo ${'$('.repeat(N)}`, 'too-deep'],
    ['100k ( with spaces', `${'( '.repeat(N)}ls${' )'.repeat(N)}`, 'too-deep'],
    ['100k ( without spaces: one arithmetic command, as in bash', `${'('.repeat(N)}ls${')'.repeat(N)}`, 'ok'],
    ['100k unbalanced (', '('.repeat(N), 'any'],
    ['100k {', `${'{ '.repeat(N)}ls; ${'} '.repeat(N)}`, 'too-deep'],
    ['100k "${x:-', `echo ${'"${x:-'.repeat(N)}${'}"'.repeat(N)}`, 'too-deep'],
    ['100k unterminated "${x:-', `echo ${'"${x:-'.repeat(N)}`, 'too-deep'],
    ['100k backticks', '`'.repeat(N), 'ok'],
    ['100k escaped backticks', '\\`'.repeat(N), 'ok'],
    ['backticks nested as deep as 1 MiB allows', nestedBackticks(18), 'ok'],
    ['100k if', `${'if true; then '.repeat(N)}ls; ${'fi; '.repeat(N)}`, 'too-deep'],
    ['100k unterminated if', 'if true; then '.repeat(N), 'too-deep'],
    ['deep [[ ( ( (', `[[ ${'( '.repeat(N)}a${' )'.repeat(N)} ]]`, 'too-deep'],
    ['deep [[ ! ! !', `[[ ${'! '.repeat(N)}a ]]`, 'ok'],
    ['deep unterminated [[ ( ( (', `[[ ${'( '.repeat(N)}`, 'syntax-error'],
    ['10k heredocs on one line', `cat ${'<<E '.repeat(10_000)}\n${'E\n'.repeat(10_000)}`, 'ok'],
    ['10k unterminated heredocs', `cat ${'<<E '.repeat(10_000)}\n${'x\n'.repeat(100_000)}`, 'ok'],
    ['100k nested $((', `${'$(('.repeat(N)}1${'))'.repeat(N)}`, 'too-deep'],
    ['100k nested $[', `echo ${'$['.repeat(N)}1${']'.repeat(N)}`, 'too-deep'],
    ['100k nested <(', `${'<('.repeat(N)}${')'.repeat(N)}`, 'too-deep'],
    ['100k nested ${ ', '${ '.repeat(N), 'too-deep'],
    ['100k nested ${', '${'.repeat(N), 'too-deep'],
    ['50k nested case', `${'case x in a) '.repeat(N / 2)}${';; esac '.repeat(N / 2)}`, 'too-deep'],
    ['100k nested subscripts', `a${'[${a'.repeat(N)}`, 'any'],
    ['100k array $( ', `a=(${'$( '.repeat(N)}`, 'too-deep'],
    ['100k pipes', `${'a |'.repeat(N)}b`, 'ok'],
    ['100k &&', `${'a &&'.repeat(N)}b`, 'ok'],
    ['100k double quotes', '"'.repeat(N), 'ok'],
    ['100k single quotes, odd', "'".repeat(N + 1), 'syntax-error'],
    ['1M newlines', '\n'.repeat(MiB - 1), 'ok'],
    ['400k words', 'x '.repeat(400_000), 'ok'],
    ["100k \\x41 in $'…'", `$'${'\\x41'.repeat(N)}'`, 'ok'],
    ['100k (( unterminated at command start', '(( '.repeat(N), 'any'],
    ['100k $(( unterminated', `echo ${'$(( '.repeat(N)}`, 'any'],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const { r, ms, budget } = timed(text, { maxInputSize: 2 * MiB });
      expect(ms).toBeLessThan(budget);
      if (expected === 'ok') expect(ids(r)).toEqual([]);
      else if (expected === 'any') expect(ids(r).every((id) => id === 'too-deep' || id === 'syntax-error')).toBe(true);
      else expect(ids(r)).toEqual([expected]);
      if (r.diagnostics.length > 0) expect(r.segments).toEqual([]);
    });
  }
});
