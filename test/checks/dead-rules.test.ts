// One finding per dead rule (src/checks/dead-rules.ts): the pipeline's filter, and the rules the
// checks may skip. The end-to-end behaviour is in too-specific.test.ts and shell-wrapper.test.ts.
import { describe, expect, it } from 'vitest';
import { sureDeadRules, withoutPatternFindingsOnDeadRules } from '../../src/checks/dead-rules.js';
import type { Diagnostic } from '../../src/types.js';
import { ruleSetOf } from './helpers.js';

const d = (check: string, start: number, end = start + 5, file = 'a.yaml'): Diagnostic => ({ check, messageId: 'x', severity: 'warn', message: check, file, start, end });

describe('withoutPatternFindingsOnDeadRules', () => {
  it('drops the pattern findings on a rule a coverage finding reports, and keeps the rest', () => {
    const kept = withoutPatternFindingsOnDeadRules([
      d('too-specific', 10),
      d('redundant-rule', 10),
      d('arbitrary-code', 10), // what a rule lets through is always reported
      d('too-specific', 20), // another rule
      d('glob-literal', 30, 35, 'b.yaml'), // same offsets, another file
      d('duplicate-rule', 30, 35, 'a.yaml'),
    ]);
    expect(kept.map((x) => `${x.check}@${x.file}:${x.start}`)).toEqual(['redundant-rule@a.yaml:10', 'arbitrary-code@a.yaml:10', 'too-specific@a.yaml:20', 'glob-literal@b.yaml:30', 'duplicate-rule@a.yaml:30']);
  });

  it('keeps shell-wrapper unless the rule is an exact copy', () => {
    expect(withoutPatternFindingsOnDeadRules([d('shell-wrapper', 0), d('redundant-rule', 0)]).map((x) => x.check)).toEqual(['shell-wrapper', 'redundant-rule']);
    expect(withoutPatternFindingsOnDeadRules([d('shell-wrapper', 0), d('duplicate-rule', 0)]).map((x) => x.check)).toEqual(['duplicate-rule']);
  });
});

describe('sureDeadRules', () => {
  const text = 'rules:\n  - pattern: [rg]\n  - pattern: [rg, -n]\n';
  const rules = [
    { at: '[rg]', pattern: ['rg'] },
    { at: '[rg, -n]', pattern: ['rg', '-n'] },
  ];

  it('names the rules a coverage check that is reported finds dead', () => {
    const set = ruleSetOf([{ path: 'a.yaml', text, rules }]);
    expect([...sureDeadRules(set, () => true)].map(([r, id]) => `${r.pattern.join(' ')}:${id}`)).toEqual(['rg -n:redundant-rule']);
    expect(sureDeadRules(set, (id) => id !== 'redundant-rule').size).toBe(0);
  });

  it('names none when a file has an inline directive, which may silence a coverage finding', () => {
    const withDirective = text.replace('  - pattern: [rg, -n]', '  # escalint-disable-next-line redundant-rule -- kept\n  - pattern: [rg, -n]');
    const set = ruleSetOf([{ path: 'a.yaml', text: withDirective, rules }]);
    expect(sureDeadRules(set, () => true).size).toBe(0);
  });
});
