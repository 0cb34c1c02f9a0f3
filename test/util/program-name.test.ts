import { describe, expect, it } from 'vitest';
import { lookupProgram, programNames } from '../../src/util/program-name.js';

describe('programNames', () => {
  it.each([
    ['git', ['git']],
    ['/usr/bin/git', ['git']],
    ['pip3.12', ['pip3.12', 'pip3', 'pip']],
    ['/opt/py/bin/python3.11', ['python3.11', 'python3', 'python']],
    ['pip3', ['pip3', 'pip']],
    ['7z', ['7z']],
    ['dir/', ['dir/']],
  ])('%s', (word, names) => expect(programNames(word)).toEqual(names));

  it('finds the most specific entry', () => {
    const table: Record<string, string> = { pip: 'pip', pip3: 'pip3' };
    expect(lookupProgram('pip3.12', (n) => table[n])).toBe('pip3');
    expect(lookupProgram('/usr/local/bin/pip', (n) => table[n])).toBe('pip');
    expect(lookupProgram('npm', (n) => table[n])).toBeUndefined();
  });
});
