// compile --target json (src/emit/json.ts): the normalized rule set with file, line and column.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/emit/compile.js';
import { loadRuleText } from '../../src/load.js';
import { ruleSetOf } from './rule-set.js';

const yaml = [
  'version: 1', // 1
  'rules:', // 2
  '  - id: git-read', // 3
  '    pattern: [git, [status, log]]', // 4
  '    decision: allow', // 5
  '    match: [git status]', // 6
  '  - pattern: [ls]', // 7
  '  - pattern: [git, [status, log]]   # a duplicate of git-read but for the id: dropped', // 8
  '    decision: allow', // 9
  '    match: [git status]', // 10
  'host_executables:', // 11
  '  - name: git', // 12
  '    paths: [/usr/bin/git]', // 13
  'network_rules:', // 14
  '  - host: api.github.com', // 15
  '    protocol: https', // 16
  '    decision: prompt', // 17
  '',
].join('\n');

describe('compile --target json', () => {
  it('prints the documented shape, with positions of each entry', async () => {
    const { ruleSet, diagnostics } = await loadRuleText('/abs/rules.yaml', yaml);
    expect(diagnostics).toEqual([]);
    const out = compile(ruleSet, { target: 'json', displayPath: (f) => f.replace('/abs/', '') });
    expect(out.diagnostics).toEqual([]);
    expect(out.text!.endsWith('}\n')).toBe(true);
    expect(JSON.parse(out.text!)).toEqual({
      version: 1,
      sources: ['rules.yaml'],
      rules: [
        {
          id: 'git-read',
          pattern: ['git', ['status', 'log']],
          decision: 'allow',
          justification: null,
          match: ['git status'],
          not_match: [],
          canonical_matching: false,
          file: 'rules.yaml',
          line: 3,
          column: 5,
        },
        { id: null, pattern: ['ls'], decision: 'allow', justification: null, match: [], not_match: [], canonical_matching: false, file: 'rules.yaml', line: 7, column: 5 },
      ],
      host_executables: [{ name: 'git', paths: ['/usr/bin/git'], file: 'rules.yaml', line: 12, column: 5 }],
      network_rules: [{ host: 'api.github.com', protocol: 'https', decision: 'prompt', justification: null, file: 'rules.yaml', line: 15, column: 5 }],
    });
  });

  it('gives positions in a .rules file too', async () => {
    const text = '# c\nhost_executable(name="git", paths=[])\n\nprefix_rule(pattern=["git"], decision="prompt", justification="why")\n';
    const { ruleSet } = await loadRuleText('x.rules', text);
    const doc = JSON.parse(compile(ruleSet, { target: 'json' }).text!);
    expect(doc.rules).toEqual([expect.objectContaining({ pattern: ['git'], decision: 'prompt', justification: 'why', file: 'x.rules', line: 4, column: 1 })]);
    expect(doc.host_executables).toEqual([{ name: 'git', paths: [], file: 'x.rules', line: 2, column: 1 }]);
  });

  it('shows invisible characters as escapes, and parses back to the same strings', () => {
    const tricky = 'a\u202eb\u2028c\u0085d\u00a0e\u{e0041}f\u{f0000}g\u0000h😀';
    const text = compile(ruleSetOf([{ pattern: ['x', tricky], decision: 'prompt', justification: tricky }]), { target: 'json' }).text!;
    expect(text).toMatch(/^[\x20-\x7e\n😀]*$/u);
    expect(text).toContain('"a\\u202eb\\u2028c\\u0085d\\u00a0e\\udb40\\udc41f\\udb80\\udc00g\\u0000h😀"');
    const doc = JSON.parse(text);
    expect(doc.rules[0].pattern).toEqual(['x', tricky]);
    expect(doc.rules[0].justification).toBe(tricky);
  });
});
