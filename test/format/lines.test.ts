import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/format/lines.js';

describe('LineIndex', () => {
  it.each([
    ['LF', 'ab\ncd\n', [[0, 1, 1], [2, 1, 3], [3, 2, 1], [5, 2, 3], [6, 3, 1]]],
    ['CRLF', 'ab\r\ncd', [[2, 1, 3], [3, 1, 4], [4, 2, 1], [6, 2, 3]]],
    ['lone CR', 'a\rb', [[1, 1, 2], [2, 2, 1]]],
    ['UTF-16 columns', '😀x\ny', [[2, 1, 3], [4, 2, 1]]],
    ['clamped', 'ab', [[-5, 1, 1], [99, 1, 3]]],
    ['empty', '', [[0, 1, 1]]],
  ] as const)('%s', (_name, text, cases) => {
    const index = new LineIndex(text);
    for (const [offset, line, column] of cases) expect([offset, index.position(offset)]).toEqual([offset, { line, column }]);
  });

  it('returns line text without its break', () => {
    const index = new LineIndex('a\r\nbb\ncc');
    expect([1, 2, 3, 4].map((l) => index.lineText(l))).toEqual(['a', 'bb', 'cc', '']);
  });
});
