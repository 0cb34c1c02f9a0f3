// The lookahead tables (grammar/lookahead.ts) must be the grammars' own analysis: a stale table is
// not wrong at run time (the parser then analyses afresh) but it is slow, so it fails here.
import { describe, expect, it } from 'vitest';
import { alternativesLookahead, optionalLookahead } from '../../grammar/lookahead.js';
import { createToken, type IToken, type TokenType } from 'chevrotain';
import { analyseShellGrammar } from '../../grammar/shell/parser.js';
import { SHELL_LOOKAHEAD } from '../../grammar/shell/lookahead-table.js';
import { analyseStarlarkGrammar } from '../../grammar/starlark/parser.js';
import { STARLARK_LOOKAHEAD } from '../../grammar/starlark/lookahead-table.js';
import { parseScript } from '../../grammar/shell/parser.js';
import { parseStarlark } from '../../grammar/starlark/index.js';

describe('lookahead tables', () => {
  it.each([
    ['shell', analyseShellGrammar, SHELL_LOOKAHEAD],
    ['starlark', analyseStarlarkGrammar, STARLARK_LOOKAHEAD],
  ] as const)('the %s table is the grammar analysed afresh (else run npm run lookahead)', (_name, analyse, table) => {
    // With Chevrotain's grammar validations, which the parsers skip at run time.
    const fresh = analyse(true);
    expect(table.fingerprint).toBe(fresh.fingerprint);
    expect(table.paths).toEqual(fresh.paths);
  });

  it.each([
    ['shell', analyseShellGrammar, SHELL_LOOKAHEAD],
    ['starlark', analyseStarlarkGrammar, STARLARK_LOOKAHEAD],
  ] as const)('a %s parser built with its table computes no path', (_name, analyse, table) => {
    const built = analyse(false, table);
    expect(built.usedTable).toBe(true);
    expect(built.paths).toEqual({});
    // …and parses with the functions made from it.
    expect(parseScript('git status && ls | wc -l', { maxDepth: 100 }).ok).toBe(true);
    expect(parseStarlark('prefix_rule(pattern = ["ls"])\n').errors).toEqual([]);
  });

  it('a table of another grammar is not used', () => {
    const built = analyseShellGrammar(false, { ...SHELL_LOOKAHEAD, fingerprint: 'other' });
    expect(built.usedTable).toBe(false);
    expect(built.paths).toEqual(SHELL_LOOKAHEAD.paths);
  });
});

// The functions built from paths, on tokens of a small vocabulary with a category.
describe('lookahead functions', () => {
  const Word = createToken({ name: 'LkWord', pattern: /NA/ });
  const Name = createToken({ name: 'LkName', pattern: /NA/, categories: [Word] });
  const Semi = createToken({ name: 'LkSemi', pattern: /NA/ });
  const Amp = createToken({ name: 'LkAmp', pattern: /NA/ });
  // createToken fills the indices Chevrotain matches on, categories included, only once a
  // parser or lexer is built from the vocabulary; do it by hand here.
  const all = [Word, Name, Semi, Amp] as (TokenType & { tokenTypeIdx: number; categoryMatches: number[]; categoryMatchesMap: Record<number, boolean>; isParent: boolean })[];
  all.forEach((t, i) => {
    t.tokenTypeIdx = 1000 + i;
    t.categoryMatches = [];
    t.categoryMatchesMap = {};
    t.isParent = false;
  });
  (Word as (typeof all)[0]).categoryMatches = [1001];
  (Word as (typeof all)[0]).categoryMatchesMap = { 1001: true };
  (Word as (typeof all)[0]).isParent = true;

  const parserOn = (...types: TokenType[]) => ({ LA: (i: number) => ({ tokenTypeIdx: (types[i - 1] ?? { tokenTypeIdx: -1 }).tokenTypeIdx }) as IToken });

  it('one token: the first alternative, categories included', () => {
    const f = alternativesLookahead([[[Semi]], [[Word]], [[Name]]], false, false);
    expect(f.call(parserOn(Semi))).toBe(0);
    expect(f.call(parserOn(Word))).toBe(1);
    expect(f.call(parserOn(Name))).toBe(1); // a Name is a Word, and the Word alternative comes first
    expect(f.call(parserOn(Amp))).toBeUndefined();
  });

  it('longer paths, an empty alternative, and gates', () => {
    const alts = [[[Word, Semi]], [[Word, Amp], [Semi]], []];
    const f = alternativesLookahead(alts, false, false);
    expect(f.call(parserOn(Name, Semi))).toBe(0);
    expect(f.call(parserOn(Word, Amp))).toBe(1);
    expect(f.call(parserOn(Semi))).toBe(1);
    expect(f.call(parserOn(Amp))).toBeUndefined();
    const withEmpty = alternativesLookahead([[[Word, Semi]], [[]]], false, false);
    expect(withEmpty.call(parserOn(Amp))).toBe(1);
    const gated = alternativesLookahead([[[Word]], [[Name]]], true, false);
    expect(gated.call(parserOn(Name), [{ GATE: () => false, ALT: () => 0 }, { ALT: () => 1 }])).toBe(1);
    expect(gated.call(parserOn(Name), [{ GATE: () => true, ALT: () => 0 }, { ALT: () => 1 }])).toBe(0);
  });

  it('optional productions', () => {
    expect(optionalLookahead([[Semi]], false).call(parserOn(Semi))).toBe(true);
    expect(optionalLookahead([[Semi]], false).call(parserOn(Amp))).toBe(false);
    expect(optionalLookahead([[Word], [Amp]], false).call(parserOn(Name))).toBe(true);
    expect(optionalLookahead([[Word, Semi]], false).call(parserOn(Word, Amp))).toBe(false);
    expect(optionalLookahead([[Word, Semi]], false).call(parserOn(Name, Semi))).toBe(true);
    expect(optionalLookahead([], false).call(parserOn(Semi))).toBe(false);
  });
});
