// patternValues and hasStricterRuleWithin: a pattern read as a command, as too-specific and
// whole-command judge it.
import { describe, expect, it } from 'vitest';
import { hasStricterRuleWithin, patternValues } from '../../src/suggest/pattern.js';
import type { Decision, PatternElement, Rule } from '../../src/types.js';

const rule = (pattern: PatternElement[], decision: Decision): Rule => ({
  id: null,
  pattern,
  decision,
  decisionExplicit: true,
  match: [],
  notMatch: [],
  canonicalMatching: false,
  source: { file: 'a', start: 0, end: 0 },
  patternSource: { file: 'a', start: 0, end: 0 },
  index: 0,
});

describe('patternValues', () => {
  const ROWS: [PatternElement[], boolean, PatternElement[]][] = [
    [['cargo', 'test', '-p', 'x'], true, ['cargo', 'test']],
    [['cargo', 'test'], false, ['cargo', 'test']],
    [['git', ['push', 'pull'], 'origin'], true, ['git', ['push', 'pull']]],
    [['git', 'push', ['origin', 'upstream']], false, ['git', 'push']], // alternatives are no evidence
    [['ls', '*.ts'], false, ['ls']], // globs are glob-literal's
    [['python3', 'gen.py'], false, ['python3']], // banned prefix, one argument: the narrowest rule
    [['python3', 'gen.py', 'out.json'], true, ['python3']],
    [['ssh', 'host', 'uptime'], false, ['ssh']], // no safe prefix, but not banned: keep it narrow
    [['git', '-C', 'dir', 'status'], true, ['git', 'status']],
  ];
  it.each(ROWS)('%j → too specific: %s', (pattern, tooSpecific, capability) => {
    const v = patternValues(pattern);
    expect(v.tooSpecific).toBe(tooSpecific);
    expect(v.capability).toEqual(capability);
  });

  it('lists the values with their positions', () => {
    expect(patternValues(['git', 'push', 'origin', 'feature/x']).values.map((v) => [v.index, v.info.kind])).toEqual([
      [2, 'an argument of "git push"'],
      [3, 'a path'],
    ]);
  });
});

describe('hasStricterRuleWithin', () => {
  it('finds a prompt or forbidden rule inside the capability', () => {
    const rules = [rule(['cat', '.env'], 'forbidden'), rule(['git', 'status'], 'allow'), rule([['git', 'hub'], 'push'], 'prompt')];
    expect(hasStricterRuleWithin(['cat'], rules)).toBe(true);
    expect(hasStricterRuleWithin(['git', 'push'], rules)).toBe(true);
    expect(hasStricterRuleWithin(['git', ['push', 'pull']], rules)).toBe(true);
    expect(hasStricterRuleWithin(['git', 'status'], rules)).toBe(false); // only an allow rule there
    expect(hasStricterRuleWithin(['cat', 'x'], [rule(['cat'], 'forbidden')])).toBe(false); // shorter: not inside
  });
});
