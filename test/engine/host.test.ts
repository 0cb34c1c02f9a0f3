import { describe, expect, it } from 'vitest';
import { basenameOf, HostAllowlist, resolveProgramPath } from '../../src/engine/host.js';
import { normalizeAbsolutePath } from '../../src/util/path.js';

describe('normalizeAbsolutePath (lexical, as Codex)', () => {
  it.each([
    ['/usr/bin/git', '/usr/bin/git'],
    ['/usr/lib/../bin/git', '/usr/bin/git'],
    ['/usr/bin/git/', '/usr/bin/git'],
    ['//git', '/git'],
    ['/a/../../git', '/git'],
    ['/./a/./b', '/a/b'],
    ['/', '/'],
    ['/..', '/'],
  ])('%s -> %s', (input, want) => expect(normalizeAbsolutePath(input)).toBe(want));
});

describe('resolveProgramPath (measured on codex 0.169.0, cwd /w/foo, HOME /h/me)', () => {
  const opts = { cwd: '/w/foo', home: '/h/me' };
  it.each([
    ['./git', '/w/foo/git'],
    ['git', '/w/foo/git'],
    ['', '/w/foo'],
    ['.', '/w/foo'],
    ['..', '/w'],
    ['~', '/h/me'],
    ['~/', '/h/me'],
    ['~/bin/git', '/h/me/bin/git'],
    ['~root/git', '/w/foo/~root/git'],
    ['/usr/bin/git', '/usr/bin/git'],
  ])('%j -> %s', (program, want) => expect(resolveProgramPath(program, opts)).toBe(want));

  it('needs cwd for relative names and home for ~', () => {
    expect(resolveProgramPath('./git', {})).toBeNull();
    expect(resolveProgramPath('~/git', { cwd: '/w' })).toBeNull();
    expect(resolveProgramPath('/usr/bin/git', {})).toBe('/usr/bin/git');
  });

  it('has no basename for the root', () => {
    expect(basenameOf('/')).toBeNull();
    expect(basenameOf('/usr/bin/git')).toBe('git');
  });
});

describe('HostAllowlist', () => {
  it('lets the last definition win, normalizes paths, and treats an empty list as forbidding', () => {
    const hosts = new HostAllowlist([
      { name: 'git', paths: ['/usr/bin/git'] },
      { name: 'git', paths: ['/opt/../usr/local/bin/git'] },
      { name: 'rg', paths: [] },
    ]);
    expect(hosts.allows('git', '/usr/bin/git')).toBe(false);
    expect(hosts.allows('git', '/usr/local/bin/git')).toBe(true);
    expect(hosts.allows('rg', '/usr/bin/rg')).toBe(false);
    expect(hosts.allows('ls', '/anything/ls')).toBe(true);
  });
});
