import { describe, expect, it } from 'vitest';
import { CODEX_BANNED_PREFIXES, isCodexBanned } from '../../src/knowledge/codex-banned.js';

describe('Codex banned prefixes (reference/codex-0.169.md §4)', () => {
  it('holds the 87 prefixes confirmed on 0.169.0, each once', () => {
    const keys = CODEX_BANNED_PREFIXES.map((p) => p.join(' '));
    expect(keys).toHaveLength(87);
    expect(new Set(keys).size).toBe(87);
  });
  it.each([
    [['python3', '-c'], true],
    [['/bin/zsh', '-lc'], true],
    [['pwsh', '-ec'], true],
    [['npm', 'run'], true],
    [['python3', '-m'], false], // accepted by Codex
    [['git', '-c'], false],
    [['/usr/bin/bash'], false],
    [['Python3'], false], // exact, case-sensitive
    [['npm', 'run', 'test'], false],
  ])('%j banned: %s', (prefix, banned) => expect(isCodexBanned(prefix)).toBe(banned));
});
