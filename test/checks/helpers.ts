// A tiny RuleSet builder for tests that must not depend on the loaders: rules are located in the
// file text by a unique substring (their pattern as written).
import type { Decision, Diagnostic, LoadedFile, Rule, RuleSet } from '../../src/types.js';

export interface RuleSpec {
  /** Unique text of the pattern in the file, e.g. `[git, push]`. */
  at: string;
  pattern: (string | string[])[];
  decision?: Decision;
  id?: string;
}

export function span(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: ${JSON.stringify(needle)} not found`);
  return { start, end: start + needle.length };
}

export function ruleSetOf(
  files: { path: string; text: string; rules?: RuleSpec[] }[],
  checks: RuleSet['settings']['checks'] = {},
): RuleSet {
  const rules: Rule[] = [];
  const loaded: LoadedFile[] = [];
  for (const f of files) {
    loaded.push({ path: f.path, text: f.text, kind: f.path.endsWith('.rules') ? 'rules' : 'yaml' });
    for (const r of f.rules ?? []) {
      const s = span(f.text, r.at);
      rules.push({
        id: r.id ?? null,
        pattern: r.pattern,
        decision: r.decision ?? 'allow',
        decisionExplicit: r.decision !== undefined,
        match: [],
        notMatch: [],
        canonicalMatching: false,
        source: { file: f.path, ...s },
        patternSource: { file: f.path, ...s },
        index: rules.length,
      });
    }
  }
  return { rules, hostExecutables: [], networkRules: [], settings: { checks }, files: loaded };
}

export function diag(file: string, text: string, needle: string, check: string, message: string): Diagnostic {
  return { check, messageId: 'x', severity: 'error', message, file, ...span(text, needle) };
}

import { formatMessage, type Check } from '../../src/checks/define.js';

/** Runs one check alone and returns its findings as `messageId@start-end: message`. */
export function runCheck(check: Check, ruleSet: RuleSet, options: Record<string, unknown> = {}): string[] {
  const out: string[] = [];
  check.run({
    ruleSet,
    options,
    report: (f) => {
      const msg = formatMessage((check.meta.messages as Record<string, string>)[f.messageId]!, f.data);
      out.push(`${f.messageId}@${f.at.file}:${f.at.start}-${f.at.end}: ${msg}`);
    },
  });
  return out;
}
