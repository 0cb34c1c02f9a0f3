import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/format/github.js';

describe('github workflow command escaping (as @actions/core)', () => {
  it.each([
    ['100%', '100%25', '100%25'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['a:b,c', 'a:b,c', 'a%3Ab%2Cc'],
    ['%0A', '%250A', '%250A'],
    ['plain text', 'plain text', 'plain text'],
  ])('%j', (input, data, property) => {
    expect(escapeData(input)).toBe(data);
    expect(escapeProperty(input)).toBe(property);
  });
});
