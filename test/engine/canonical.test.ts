import { describe, expect, it } from 'vitest';
import { canonicalCaselessMatch, caseFold } from '../../src/engine/canonical.js';

// Examples from reference/codex-0.169.md §2 and §2.1, measured on codex 0.169.0.
const equal: [string, string, string][] = [
  ['GIT', 'git', 'ASCII case'],
  ['gIt', 'git', 'mixed case'],
  ['STRASSE', 'straße', 'ß folds to ss (status F)'],
  ['ẞ', 'ss', 'capital sharp s folds to ss'],
  ['ẞ', 'ß', 'capital sharp s and sharp s'],
  ['ﬁ', 'fi', 'ligature fi folds to fi (status F)'],
  ['ΣΟΦΟΣ', 'σοφος', 'Greek sigma'],
  ['σοφος', 'σοφοσ', 'final sigma folds to sigma'],
  ['e\u0301cole', 'école', 'canonical equivalence (NFD vs NFC)'],
  ['E\u0301COLE', 'école', 'case and canonical equivalence together'],
  ['\u212A', 'k', 'Kelvin sign decomposes canonically to K'],
  ['\u2126', 'ω', 'Ohm sign decomposes canonically to Ω'],
  ['\u212B', 'å', 'Ångström sign decomposes canonically to Å'],
  ['ſ', 's', 'long s folds to s'],
  ['\u0345', 'ι', 'combining ypogegrammeni folds to iota'],
  ['ᾈ', 'ἀι', 'Greek with prosgegrammeni (status F)'],
  ['İ', 'i\u0307', 'capital I with dot folds to i + combining dot (status F)'],
  ['ꭰ', 'Ꭰ', 'Cherokee small letter folds to the capital'],
  ['\u1C89', '\u1C8A', 'Unicode 16 case pair: codex 0.169.0 folds it (measured)'],
  ['', '', 'empty'],
];
const different: [string, string, string][] = [
  ['ＧＩＴ', 'git', 'no compatibility folding (fullwidth)'],
  ['İ', 'i', 'dotted capital I is not i'],
  ['ı', 'i', 'dotless i has no fold'],
  ['ı', 'I', 'dotless i has no fold'],
  ['Ǆ', 'dž', 'no compatibility decomposition of the DŽ digraph'],
  ['git ', 'git', 'no trimming'],
  ['git.exe', 'git', 'no .exe stripping'],
  ['ﬁ', 'ﬀ', 'different ligatures'],
  ['\u{16EA0}', '\u{16EBB}', 'Unicode 17 case pair: codex 0.169.0 folds with Unicode 16 tables (measured)'],
  ['\uA7D2', '\uA7D3', 'Unicode 17 case pair: codex 0.169.0 folds with Unicode 16 tables (measured)'],
];

describe('canonical caseless match', () => {
  it.each(equal)('%s ≡ %s (%s)', (a, b) => {
    expect(canonicalCaselessMatch(a, b)).toBe(true);
    expect(canonicalCaselessMatch(b, a)).toBe(true);
  });
  it.each(different)('%s ≢ %s (%s)', (a, b) => {
    expect(canonicalCaselessMatch(a, b)).toBe(false);
  });
  it('folds ASCII by lowercasing and leaves uncased text alone', () => {
    expect(caseFold('Hello, World!')).toBe('hello, world!');
    expect(caseFold('日本語 😀')).toBe('日本語 😀');
  });
});
