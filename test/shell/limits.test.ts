// Hostile input and limits (design.md §3): beyond the size or nesting limit the result is a
// diagnostic, never a RangeError, a throw or a hang. Time is only ever compared with parsing a
// benign script of the same length in the same process right after, so a loaded machine slows
// both sides and does not make these tests flaky, while a quadratic blow-up (100k nested `$((`
// once took 20 s, dozens of times a benign parse) still fails. Absolute timings belong in bench/.
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/shell/parse.js';
import type { ParseOptions, ParseResult } from '../../src/types.js';

const N = 100_000;
const MiB = 1024 * 1024;

function benign(length: number): string {
  const unit = 'echo hello world && ls -la | grep foo; ';
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const BENIGN: ParseOptions = { maxInputSize: 2 * MiB, unwrap: false };

/** Wall-clock milliseconds of one call. */
function clock(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/**
 * How many times slower `measure` is than `reference`, each timed back to back. On a miss it
 * measures again (3 tries at most) and keeps the best ratio: load and GC pauses do not repeat, a
 * blow-up does. `quickMs` short-cuts the comparison: a call that fast cannot be a blow-up.
 */
function slowdown(measure: () => number, reference: () => number, limit: number, quickMs: number, against: string): { ratio: number; detail: string } {
  let best = { ratio: Infinity, detail: '' };
  for (let attempt = 0; attempt < 3 && best.ratio > limit; attempt++) {
    const took = measure();
    if (took <= quickMs) return { ratio: 0, detail: `${took.toFixed(1)} ms, too fast to compare` };
    const ref = reference();
    const ratio = took / ref;
    if (ratio < best.ratio) best = { ratio, detail: `${took.toFixed(0)} ms against ${ref.toFixed(0)} ms for ${against}` };
  }
  return best;
}

/** Hostile input may cost this many benign parses of its length (all cases measure under 3x). */
const HOSTILE_RATIO = 8;

function timed(text: string, options: ParseOptions = {}): { r: ParseResult; ratio: number; detail: string } {
  let r!: ParseResult;
  const b = benign(text.length);
  const { ratio, detail } = slowdown(
    () => clock(() => (r = parseShell(text, { unwrap: false, ...options }))),
    () => clock(() => parseShell(b, BENIGN)),
    HOSTILE_RATIO,
    50,
    'a benign script of the same length',
  );
  return { r, ratio, detail };
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

/** How much more than linear a 16x larger benign script may cost. */
const LINEAR_RATIO = 5;

describe('input size', () => {
  it('a 1 MiB script parses, in time linear in its size', () => {
    const text = benign(MiB - 1) + '\n';
    expect(text.length).toBe(MiB);
    const r = parseShell(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.segments.length).toBeGreaterThan(70_000);
    // 16 times the text may cost 16 times the time, with room to spare (measured: under 2x);
    // quadratic work would cost 16 x 16.
    const small = benign(MiB / 16);
    for (let i = 0; i < 3; i++) parseShell(small, BENIGN); // warm up
    const { ratio, detail } = slowdown(
      () => clock(() => parseShell(text, BENIGN)),
      () => 16 * Math.min(...[0, 1, 2].map(() => clock(() => parseShell(small, BENIGN)))),
      LINEAR_RATIO,
      0,
      '16 x 64 KiB',
    );
    expect(ratio, `1 MiB: ${detail}`).toBeLessThanOrEqual(LINEAR_RATIO);
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
      const { r, ratio, detail } = timed(text, { maxInputSize: 2 * MiB });
      expect(ratio, detail).toBeLessThanOrEqual(HOSTILE_RATIO);
      if (expected === 'ok') expect(ids(r)).toEqual([]);
      else if (expected === 'any') expect(ids(r).every((id) => id === 'too-deep' || id === 'syntax-error')).toBe(true);
      else expect(ids(r)).toEqual([expected]);
      if (r.diagnostics.length > 0) expect(r.segments).toEqual([]);
    });
  }
});
