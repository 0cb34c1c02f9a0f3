// Writes generated rule specs (test/codex/generate.ts) as an escalint YAML rule file, every string
// double-quoted (so `""`, `~`, `1.10`, `#`, NUL and line breaks stay text), for suites that start
// from YAML the way users do.
import { stringify } from 'yaml';
import type { RuleSpec } from '../engine/make-rule.js';
import type { HostSpec } from './generate.js';

export function ruleFileYaml(rules: readonly RuleSpec[], hosts: readonly HostSpec[] = []): string {
  const doc: Record<string, unknown> = {
    version: 1,
    rules: rules.map((r) => ({
      pattern: r.pattern,
      ...(r.decision !== undefined ? { decision: r.decision } : {}),
      ...(r.justification !== undefined ? { justification: r.justification } : {}),
      ...(r.canonical ? { canonical_matching: true } : {}),
      ...(r.match ? { match: r.match } : {}),
      ...(r.notMatch ? { not_match: r.notMatch } : {}),
    })),
  };
  if (hosts.length > 0) doc.host_executables = hosts;
  return stringify(doc, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}
