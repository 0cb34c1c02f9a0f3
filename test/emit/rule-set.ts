// Builds a RuleSet for emit tests without a loader: rules from specs (test/engine/make-rule.ts),
// host executables and network rules, all in one file `in.yaml`.
import type { HostExecutable, NetworkRule, RuleSet } from '../../src/types.js';
import { makeRules, type RuleSpec } from '../engine/make-rule.js';

export function ruleSetOf(specs: RuleSpec[], extra: { hosts?: Pick<HostExecutable, 'name' | 'paths'>[]; network?: Omit<NetworkRule, 'source'>[] } = {}): RuleSet {
  const file = 'in.yaml';
  const at = { file, start: 0, end: 0 };
  return {
    rules: makeRules(specs, file),
    hostExecutables: (extra.hosts ?? []).map((h) => ({ ...h, source: at })),
    networkRules: (extra.network ?? []).map((n) => ({ ...n, source: at })),
    settings: { checks: {} },
    files: [{ path: file, text: '', kind: 'yaml' }],
  };
}
