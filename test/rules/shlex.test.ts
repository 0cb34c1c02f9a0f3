import { describe, expect, it } from 'vitest';
import { renderExample, shlexQuote, shlexSplit, shlexTryJoin } from '../../src/rules/shlex.js';

// Rows marked "crate" are the Rust shlex 1.3 crate's own split/quote test table; the others are
// the Codex behaviours of reference/codex-0.169.md §1.3.
const splitTable: [string, string[] | null][] = [
  ['foo$baz', ['foo$baz']], // crate
  ['foo baz', ['foo', 'baz']], // crate
  ['foo"bar"baz', ['foobarbaz']], // crate
  ['foo "bar"baz', ['foo', 'barbaz']], // crate
  ['   foo \nbar', ['foo', 'bar']], // crate
  ['foo\\\nbar', ['foobar']], // crate
  ['"foo\\\nbar"', ['foobar']], // crate
  ["'baz\\$b'", ['baz\\$b']], // crate
  ["'baz\\''", null], // crate
  ['\\', null], // crate
  ['"\\', null], // crate
  ["'\\", null], // crate
  ['"', null], // crate
  ["'", null], // crate
  ['foo #bar\nbaz', ['foo', 'baz']], // crate
  ['foo #bar', ['foo']], // crate
  ['foo#bar', ['foo#bar']], // crate
  ['foo"#bar', null], // crate
  ["'\\n'", ['\\n']], // crate
  ["'\\\\n'", ['\\\\n']], // crate
  ['', []],
  ['   ', []],
  ['# c', []],
  ['g#h', ['g#h']],
  ['git status', ['git', 'status']],
  ['git\tstatus\n-s', ['git', 'status', '-s']],
  ['a\rb', ['a\rb']], // CR is a word character
  ['a\u00a0b', ['a\u00a0b']], // so is NBSP
  ["''", ['']],
  ['"" x', ['', 'x']],
  ['echo $HOME ~ * ; && |', ['echo', '$HOME', '~', '*', ';', '&&', '|']],
  ['"a\\$b\\`c\\"d\\\\e\\x"', ['a$b`c"d\\e\\x']],
  ['a\\ b', ['a b']],
  ['a\\"b', ['a"b']],
  ['git "x', null],
  ['x \\', null],
  ['héllo wörld', ['héllo', 'wörld']],
];

describe('shlexSplit', () => {
  it.each(splitTable)('%j', (input, expected) => {
    expect(shlexSplit(input)).toEqual(expected);
  });
});

const quoteTable: [string, string | null][] = [
  ['', "''"], // crate
  ['foobar', 'foobar'], // crate
  ['foo bar', "'foo bar'"], // crate
  ['\'"', '"\'\\""'], // crate
  ['a b', "'a b'"],
  ['$HOME', "'$HOME'"],
  ['a-b.c/d:e@f]_9', 'a-b.c/d:e@f]_9'],
  ['x=1', "'x=1'"],
  ["it's", '"it\'s"'],
  ["it's $x", '"it\'s "\'$x\''],
  ['^x', "'^x'"],
  ['a^b', "a'^b'"],
  ['é', "'é'"],
  ['a\\b', '"a\\\\b"'],
  ['a\0b', null],
  ['!', "'!'"],
];

describe('shlexQuote', () => {
  it.each(quoteTable)('%j', (input, expected) => {
    expect(shlexQuote(input)).toBe(expected);
  });
});

describe('shlexTryJoin', () => {
  it('joins quoted words with single spaces', () => {
    expect(shlexTryJoin(['git', 'commit', '-m', 'a b'])).toBe("git commit -m 'a b'");
    expect(shlexTryJoin([])).toBe('');
    expect(shlexTryJoin([''])).toBe("''");
  });
  it('fails on NUL, which Codex renders as a fixed text', () => {
    expect(shlexTryJoin(['a', '\0'])).toBeNull();
    expect(renderExample(['a', '\0'])).toBe('unable to render example');
  });
  it('round-trips through split', () => {
    const words = ['git', "it's", 'a b', '$x', '', '^h', 'a\\b', 'é ü', '#c', 'x"y'];
    expect(shlexSplit(shlexTryJoin(words)!)).toEqual(words);
  });
});
