// The two loading stages of src/load.ts called synchronously, for table tests that read rule text
// in memory: each file through its reader, then the example stage over the merged rules.
import { checkRuleSetExamples } from '../../src/engine/examples.js';
import { loadStarlarkRuleFile } from '../../src/rules/starlark.js';
import { loadYamlRuleFile } from '../../src/rules/yaml.js';
import type { Diagnostic, RuleSet } from '../../src/types.js';

/** Reads `files` in order and checks examples as `loadRuleFiles` does; diagnostics by file, then position. */
export function loadTexts(files: readonly { path: string; text: string }[]): RuleSet & { diagnostics: Diagnostic[] } {
  const ruleSet: RuleSet = { rules: [], hostExecutables: [], networkRules: [], settings: { checks: {} }, files: [] };
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    const isRules = f.path.endsWith('.rules');
    const r = isRules ? loadStarlarkRuleFile(f.path, f.text) : loadYamlRuleFile(f.path, f.text);
    for (const rule of r.rules) ruleSet.rules.push({ ...rule, index: ruleSet.rules.length });
    ruleSet.hostExecutables.push(...r.hostExecutables);
    ruleSet.networkRules.push(...r.networkRules);
    ruleSet.files.push({ path: f.path, text: r.text, kind: isRules ? 'rules' : 'yaml' });
    diagnostics.push(...r.diagnostics);
  }
  const order = new Map(files.map((f, i) => [f.path, i]));
  const all = [...diagnostics, ...checkRuleSetExamples(ruleSet)];
  all.sort((a, b) => (order.get(a.file ?? '') ?? -1) - (order.get(b.file ?? '') ?? -1) || a.start - b.start || a.end - b.end);
  return { ...ruleSet, diagnostics: all };
}
