// Output of `escalint suggest`: JSON exactly as design.md §8 (plus `allowed` when rule files are
// given), YAML rules to paste into rules.yaml, Codex `prefix_rule(...)` lines, or text for people.
import { patternSource } from '../checks/edits.js';
import { encodeStarlarkString } from '../emit/starlark.js';
import { LineIndex } from '../format/lines.js';
import type { SuggestResult } from '../suggest/suggest.js';
import type { RuleSet } from '../types.js';
import { displayWord } from './parse.js';

const shown = (argv: readonly string[]) => argv.map(displayWord).join(' ');

function starlark(s: string): string {
  const r = encodeStarlarkString(s);
  return r.ok ? r.text : JSON.stringify(s);
}

function yamlRule(prefix: readonly string[], justification: string): string {
  return `- pattern: ${patternSource(prefix, 'yaml') ?? JSON.stringify(prefix)}\n  decision: allow\n  justification: ${JSON.stringify(justification)}\n`;
}

function codexRule(prefix: readonly string[]): string {
  return `prefix_rule(pattern=${patternSource(prefix, 'rules') ?? '[]'}, decision="allow")\n`;
}

export function renderSuggestions(
  r: SuggestResult,
  format: 'text' | 'json' | 'yaml' | 'codex',
  ruleSet: RuleSet | undefined,
  display: (path: string) => string,
): string {
  const where = (file: string, start: number) => {
    const text = ruleSet?.files.find((f) => f.path === file)?.text;
    return text === undefined ? display(file) : `${display(file)}:${new LineIndex(text).position(start).line}`;
  };
  if (format === 'json') {
    const out: Record<string, unknown> = { command: r.command, suggestions: r.suggestions };
    if (ruleSet) {
      out.allowed = r.allowed.map((a) => ({
        argv: a.argv,
        rules: a.matches.map((m) => ({ rule: m.rule.id, pattern: m.rule.pattern, at: where(m.rule.source.file, m.rule.source.start) })),
      }));
    }
    return `${JSON.stringify(out, null, 2)}\n`;
  }
  const safe = r.suggestions.filter((s) => s.prefix_rule !== null);
  if (format === 'yaml') {
    const seen = new Set<string>();
    return safe
      .filter((s) => !seen.has(s.prefix_rule!.join('\0')) && seen.add(s.prefix_rule!.join('\0')))
      .map((s) => yamlRule(s.prefix_rule!, s.justification))
      .join('');
  }
  if (format === 'codex') {
    const seen = new Set<string>();
    return safe
      .filter((s) => !seen.has(s.prefix_rule!.join('\0')) && seen.add(s.prefix_rule!.join('\0')))
      .map((s) => codexRule(s.prefix_rule!))
      .join('');
  }
  let out = `$ ${r.command}\n`;
  for (const a of r.allowed) {
    const by = a.matches[0];
    out += `${shown(a.argv)}\n  already allowed${by ? ` by ${JSON.stringify(by.rule.pattern)} at ${where(by.rule.source.file, by.rule.source.start)}` : ''}\n`;
  }
  for (const s of r.suggestions) {
    if (s.prefix_rule === null) {
      out += `${shown(s.argv)}\n  no rule to suggest: ${s.reason}\n`;
      continue;
    }
    out += `${shown(s.argv)}  →  ${JSON.stringify(s.prefix_rule)}\n  ${s.reason}\n`;
    out += `  codex: ${codexRule(s.prefix_rule)}`;
    out += `  ask:   ${s.justification} (sandbox_permissions: ${starlark(s.sandbox_permissions)})\n`;
  }
  return out;
}
