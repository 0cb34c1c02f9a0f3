// The findings of `escalint check` as YAML comments of an imported file: one `escalint: <check> —
// <message>` line per finding (the message as check prints it, but for the rule's own pattern,
// which is right below), then what the finding offers, written as YAML: the replacement
// pattern of a suggestion (`suggested pattern: [cargo, test]`), a rule a suggestion adds
// (`suggested rule: {pattern: …, decision: prompt, …}`), or the safe fix (`fix: remove this
// entry`). The rules a finding names (`related`) are named by their imported ids. Edits are read
// back with the `.rules` reader itself, so what a comment shows is exactly what the edit writes.
import { scanStringLiteral } from '../../grammar/starlark/index.js';
import type { Diagnostic, PatternElement, Rule, Span, TextEdit } from '../types.js';
import { loadStarlarkRuleFile } from '../rules/starlark.js';
import { patternLabel } from '../checks/edits.js';
import { yamlPattern, yamlExamples, yamlScalar } from '../emit/yaml.js';

/** What the comments need to know about the file the findings are about. */
export interface FindingContext {
  /** The id (or name) of the entry whose call holds `offset` in the linted text, if any. */
  entryNameAt(offset: number): string | undefined;
  /** The pattern span of the rule the finding is about, when it is about a rule. */
  patternSpan?: Span;
  /** That rule's pattern: the comment sits right above it, so the message need not repeat it. */
  pattern?: readonly PatternElement[];
}

/**
 * The message without the rule's own pattern where it names the rule (`allow rule ["cargo", …]
 * carries …` → `allow rule carries …`): the pattern is on the line below the comment, and whole
 * commands make long labels (a grown default.rules has thousands of findings).
 */
export function withoutOwnPattern(message: string, pattern: readonly PatternElement[] | undefined): string {
  if (!pattern) return message;
  const label = patternLabel(pattern);
  let at = -1;
  let word = '';
  for (const w of ['rule ', 'pattern ', 'prefix_rule ']) {
    const i = message.indexOf(w + label);
    if (i >= 0 && (at < 0 || i < at)) [at, word] = [i, w];
  }
  if (at < 0) return message;
  const end = at + word.length + label.length;
  return message.slice(0, at + word.length - 1) + message.slice(end);
}

/**
 * A flat Starlark list of string literals and lists of them, as src/checks/edits.ts writes a
 * pattern (`["cargo", "test"]`), read with the grammar's own string scanner; undefined for any
 * other text, which then goes through the full reader.
 */
function readListFast(text: string): PatternElement[] | undefined {
  let i = 0;
  const blanks = () => {
    while (text[i] === ' ') i++;
  };
  /** One `"…"` literal at `i`, or undefined (the caller gives up on anything else). */
  const literal = (): string | undefined => {
    const lit = text[i] === '"' ? scanStringLiteral(text, i) : null;
    if (!lit || lit.payload.error || lit.payload.flavor !== 'str') return undefined;
    i += lit.image.length;
    return lit.payload.value;
  };
  /** After an element: a comma or the closing bracket, with blanks around; false otherwise. */
  const separator = (): boolean => {
    blanks();
    if (text[i] === ',') i++;
    else if (text[i] !== ']') return false;
    blanks();
    return true;
  };
  const strings = (): string[] | undefined => {
    const out: string[] = [];
    if (text[i] !== '[') return undefined;
    i++;
    blanks();
    while (text[i] !== ']') {
      const value = literal();
      if (value === undefined || !separator()) return undefined;
      out.push(value);
    }
    i++;
    return out;
  };
  const out: PatternElement[] = [];
  if (text[i] !== '[') return undefined;
  i++;
  blanks();
  while (text[i] !== ']') {
    if (text[i] === '[') {
      const alts = strings();
      if (!alts || alts.length === 0) return undefined;
      out.push(alts);
    } else {
      const value = literal();
      if (value === undefined) return undefined;
      out.push(value);
    }
    if (!separator() || i >= text.length) return undefined;
  }
  return i === text.length - 1 && out.length > 0 ? out : undefined;
}

const patternCache = new Map<string, PatternElement[] | undefined>();

/** A Starlark list literal (an edit's replacement pattern) as a pattern; undefined when it is not one. */
export function readPattern(text: string): PatternElement[] | undefined {
  if (patternCache.has(text)) return patternCache.get(text);
  let pattern = readListFast(text);
  if (pattern === undefined) {
    const loaded = loadStarlarkRuleFile('suggestion.rules', `prefix_rule(pattern=${text}, decision="allow")\n`);
    pattern = loaded.diagnostics.length === 0 && loaded.rules.length === 1 ? loaded.rules[0]!.pattern : undefined;
  }
  if (patternCache.size > 10_000) patternCache.clear();
  patternCache.set(text, pattern);
  return pattern;
}

/** A `prefix_rule(…)` call (an edit that adds a rule) as a rule; undefined when it is not one. */
export function readRule(text: string): Rule | undefined {
  if (ruleCache.has(text)) return ruleCache.get(text);
  const loaded = loadStarlarkRuleFile('suggestion.rules', text);
  const rule = loaded.diagnostics.length === 0 && loaded.rules.length === 1 ? loaded.rules[0] : undefined;
  if (ruleCache.size > 1000) ruleCache.clear();
  ruleCache.set(text, rule);
  return rule;
}

const ruleCache = new Map<string, Rule | undefined>();

/** A rule as a one-line YAML flow mapping, as it would be written in `rules:`. */
export function ruleFlow(rule: Pick<Rule, 'pattern' | 'decision' | 'justification' | 'match' | 'notMatch' | 'canonicalMatching'>): string {
  const parts = [`pattern: ${yamlPattern(rule.pattern)}`, `decision: ${rule.decision}`];
  if (rule.justification !== undefined) parts.push(`justification: ${yamlScalar(rule.justification)}`);
  if (rule.match.length > 0) parts.push(`match: ${yamlExamples(rule.match)}`);
  if (rule.notMatch.length > 0) parts.push(`not_match: ${yamlExamples(rule.notMatch)}`);
  if (rule.canonicalMatching) parts.push('canonical_matching: true');
  return `{${parts.join(', ')}}`;
}

/** The check a finding's edit replaces the rule's pattern with, when it does exactly that. */
export function replacementPattern(d: Diagnostic, patternSpan: Span | undefined): PatternElement[] | undefined {
  if (!patternSpan) return undefined;
  for (const s of d.suggestions ?? []) {
    const edit = s.edits.length === 1 ? s.edits[0]! : undefined;
    if (edit && edit.start === patternSpan.start && edit.end === patternSpan.end) {
      const p = readPattern(edit.text);
      if (p) return p;
    }
  }
  return undefined;
}

function editLine(edit: TextEdit, desc: string | undefined, ctx: FindingContext): string {
  if (ctx.patternSpan && edit.start === ctx.patternSpan.start && edit.end === ctx.patternSpan.end) {
    const p = readPattern(edit.text);
    if (p) return `suggested pattern: ${yamlPattern(p)}`;
  }
  if (edit.start === edit.end && edit.text.includes('prefix_rule(')) {
    const r = readRule(edit.text);
    if (r) return `suggested rule: ${ruleFlow(r)}`;
  }
  if (edit.text === '') return 'fix: remove this entry (escalint check --fix)';
  return `suggestion: ${desc ?? 'edit'}`;
}

/**
 * The comment bodies (text after `# `) for one finding. `implicit-decision` is never passed here:
 * the import writes every decision out, which is that finding's fix.
 */
export function findingLines(d: Diagnostic, ctx: FindingContext): string[] {
  let head = `escalint: ${d.check} — ${withoutOwnPattern(d.message, ctx.pattern)}`;
  // The message names the other rule by its pattern; its id says where it is in this file.
  const names = (d.related ?? []).map((r) => ctx.entryNameAt(r.start)).filter((n): n is string => n !== undefined);
  if (names.length > 0) head += ` (see ${[...new Set(names)].join(', ')})`;
  const lines = [head];
  if (d.hint !== undefined) lines.push(`  hint: ${d.hint}`);
  for (const s of d.suggestions ?? []) {
    if (s.edits.length === 1) lines.push(`  ${editLine(s.edits[0]!, s.desc, ctx)}`);
    else lines.push(`  suggestion: ${s.desc}`);
  }
  if (d.fix && d.fix.length === 1) lines.push(`  ${editLine(d.fix[0]!, undefined, ctx)}`);
  return lines;
}
