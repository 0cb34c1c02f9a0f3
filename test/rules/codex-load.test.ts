import { describe, expect, it } from 'vitest';
import {
  isLoadProblem,
  normalizeNetworkHost,
  rustTrim,
  validateDecision,
  validateHostExecutable,
  validateJustification,
  validateNetworkDecision,
  validateNetworkProtocol,
  validatePatternShape,
} from '../../src/rules/codex-load.js';

describe('validators (reference/codex-0.169.md §1.2)', () => {
  it.each([
    ['allow', null],
    ['prompt', null],
    ['forbidden', null],
    ['Allow', 'invalid decision: Allow'],
    ['deny', 'invalid decision: deny'],
    ['prompt-user', 'invalid decision: prompt-user'],
  ])('decision %j', (value, codex) => {
    expect(validateDecision(value)?.codexMessage ?? null).toBe(codex);
  });

  it('justification is blank after trimming Unicode whitespace, as Rust trims', () => {
    expect(validateJustification(' \u0085\u3000\t')).not.toBeNull();
    expect(validateJustification('\ufeff')).toBeNull(); // Rust keeps U+FEFF
    expect(validateJustification(' ok ')).toBeNull();
    expect(rustTrim('\u0085 a \u2028')).toBe('a');
  });

  it('pattern problems name the element at fault', () => {
    expect(validatePatternShape(['git', [], ['a', ['b']], 3]).map((p) => [p.messageId, p.path])).toEqual([
      ['pattern-alternatives-empty', [1]],
      ['pattern-alternative-type', [2, 1]],
      ['pattern-element-type', [3]],
    ]);
    expect(validatePatternShape([]).map((p) => p.path)).toEqual([[]]);
    expect(validatePatternShape(['', ['x']])).toEqual([]); // "" and one-element alternatives are legal
  });

  it('host_executable: bare name, absolute paths with the right basename, normalized and deduplicated', () => {
    expect(validateHostExecutable('git', ['/usr/lib/../bin/git', '/usr/bin/git', '/usr/bin/git/'])).toEqual({
      name: 'git',
      paths: ['/usr/bin/git'],
      problems: [],
    });
    expect(validateHostExecutable('git', []).problems).toEqual([]);
    const bad = validateHostExecutable('git', ['~/bin/git', 'x', 2, '/usr/bin/gitx', '/']);
    expect(bad.problems.map((p) => [p.messageId, p.path])).toEqual([
      ['host-path-not-absolute', ['paths', 0]],
      ['host-path-not-absolute', ['paths', 1]],
      ['host-path-type', ['paths', 2]],
      ['host-path-basename', ['paths', 3]],
      ['host-path-basename', ['paths', 4]],
    ]);
    for (const name of ['', '.', '..', 'a/b', '/usr/bin/git', 'git/']) {
      expect(validateHostExecutable(name, []).problems[0]!.path).toEqual(['name']);
    }
  });

  it.each([
    ['api.github.com', 'api.github.com'],
    ['  API.GitHub.COM.  ', 'api.github.com'],
    ['example.com:443', 'example.com'],
    ['a:1:2', 'a:1:2'],
    ['[::1]', '::1'],
    ['[::1]:8080', '::1'],
    ['ÄB.com', 'Äb.com'], // ASCII lowercase only
    ['', 'network-host-empty'],
    ['...', 'network-host-empty'],
    ['http://x', 'network-host-not-host'],
    ['x/y', 'network-host-not-host'],
    ['x?y', 'network-host-not-host'],
    ['x#y', 'network-host-not-host'],
    ['*.x.com', 'network-host-wildcard'],
    ['a b', 'network-host-whitespace'],
    ['[::1', 'network-host-ipv6'],
    ['[::1]x', 'network-host-suffix'],
    ['[::1]:', 'network-host-suffix'],
  ])('network host %j', (raw, expected) => {
    const r = normalizeNetworkHost(raw);
    expect(isLoadProblem(r) ? r.messageId : r.host).toBe(expected);
  });

  it('network protocols and decisions', () => {
    expect(['http', 'https', 'https_connect', 'http-connect', 'socks5_tcp', 'socks5_udp', 'ftp'].map((p) => {
      const r = validateNetworkProtocol(p);
      return isLoadProblem(r) ? r.messageId : r.protocol;
    })).toEqual(['http', 'https', 'https', 'https', 'socks5_tcp', 'socks5_udp', 'network-protocol-invalid']);
    expect(validateNetworkDecision('deny')).toEqual({ decision: 'forbidden' });
    expect(isLoadProblem(validateNetworkDecision('ask'))).toBe(true);
  });
});

describe('names that are also JavaScript object members', () => {
  it('refuses protocol "toString" like any unknown protocol', () => {
    expect(validateNetworkProtocol('toString')).toMatchObject({ messageId: 'network-protocol-invalid' });
  });
});
