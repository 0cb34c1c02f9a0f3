// The Incorrect/Correct examples of docs/checks.md for duplicate-rule, redundant-rule and
// ineffective-rule, linted by the checks they document: each Incorrect example gets a finding of
// its check, each Correct example none of the three.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { duplicateRule } from '../../src/checks/duplicate-rule.js';
import { ineffectiveRule } from '../../src/checks/ineffective-rule.js';
import { redundantRule } from '../../src/checks/redundant-rule.js';
import { loadYamlRuleFile } from '../../src/rules/yaml.js';
import type { RuleSet } from '../../src/types.js';
import { findings } from './check-tester.js';

const doc = readFileSync(new URL('../../docs/checks.md', import.meta.url), 'utf8');
const checks = [duplicateRule, redundantRule, ineffectiveRule];

function example(id: string, label: 'Incorrect' | 'Correct'): RuleSet {
  const section = doc.split(`\n## ${id}\n`)[1]!.split('\n## ')[0]!;
  const body = new RegExp(`${label}:\\n\\n\`\`\`yaml\\n([\\s\\S]+?)\`\`\``).exec(section)![1]!;
  const text = 'version: 1\nrules:\n' + body.replace(/^(?=.)/gm, '  ');
  const r = loadYamlRuleFile('doc.yaml', text);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { rules: r.rules, hostExecutables: r.hostExecutables, networkRules: [], settings: r.settings, files: [{ path: 'doc.yaml', text, kind: 'yaml' }] };
}

describe('docs/checks.md examples of the coverage checks', () => {
  it.each(checks.map((c) => [c.id, c] as const))('%s', (id, check) => {
    expect(findings(check, example(id, 'Incorrect')).length).toBeGreaterThan(0);
    const correct = example(id, 'Correct');
    for (const c of checks) expect(findings(c, correct).map((d) => d.message)).toEqual([]);
  });
});
