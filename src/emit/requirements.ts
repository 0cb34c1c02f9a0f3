// The `[rules]` table of Codex's managed requirements.toml (reference/codex-0.169.md §4;
// codex-rs/config/src/requirements_exec_policy.rs): `prefix_rules = [{pattern = [{token = "x"} |
// {any_of = [...]}], decision = "prompt" | "forbidden", justification?, canonical_matching?}]`.
// Codex refuses the whole file when a rule has decision `allow`, a blank token (after Unicode
// trimming) or when the list is empty, so those are findings here, never output. The text is
// written by smol-toml; only its layout is smol-toml's choice (an array of tables).
import { stringify } from 'smol-toml';
import { rustTrim } from '../rules/codex-load.js';
import type { Diagnostic, PatternElement, Rule } from '../types.js';
import type { CompileResult, NormalizedRuleSet } from './compile.js';
import { compileDiagnostic } from './diagnostics.js';
import { showInvisible } from './invisible.js';

export interface RequirementsOptions {
  /** A comment line for the top of the file. */
  header?: string;
  /** Leave `allow` rules out instead of refusing them. */
  dropAllow: boolean;
  /** Where a finding about the rule set as a whole points (the first file). */
  firstFile: string;
}

/** One entry of `prefix_rules`, as Codex's `RequirementsExecPolicyPrefixRuleToml` reads it. */
export interface RequirementsPrefixRule {
  pattern: ({ token: string } | { any_of: string[] })[];
  decision: 'prompt' | 'forbidden';
  justification?: string;
  canonical_matching?: true;
}

export interface RequirementsDocument {
  rules: { prefix_rules: RequirementsPrefixRule[] };
}

function patternText(pattern: readonly PatternElement[]): string {
  return JSON.stringify(pattern);
}

function comment(text: string): string {
  // A TOML comment may not hold control characters other than tab; show the others as escapes.
  const controls = text.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `# ${showInvisible(controls, 'toml')}\n`;
}

/** The requirements entry for one rule, or the findings that keep it out. */
function entry(rule: Rule, options: RequirementsOptions): RequirementsPrefixRule | Diagnostic[] | null {
  if (rule.decision === 'allow') {
    if (options.dropAllow) return null;
    const implicit = rule.decisionExplicit ? '' : ' (no decision given: Codex reads that as allow)';
    return [
      compileDiagnostic(
        'allow-in-requirements',
        rule.patternSource,
        `allow rule ${patternText(rule.pattern)}${implicit} cannot go in requirements.toml: Codex permits only prompt and forbidden there, ` +
          'as it merges managed rules with the user\'s and keeps the strictest; make it prompt or forbidden, remove it, or pass --drop-allow',
      ),
    ];
  }
  const blank = rule.pattern.flatMap((el) => (typeof el === 'string' ? [el] : el)).filter((t) => rustTrim(t) === '');
  if (blank.length > 0) {
    return [...new Set(blank)].map((t) =>
      compileDiagnostic(
        'blank-token-in-requirements',
        rule.patternSource,
        `pattern token ${JSON.stringify(t)} of ${patternText(rule.pattern)} is blank, and requirements.toml refuses blank tokens ` +
          '(Codex: token cannot be empty); keep this rule in a .rules file (--target codex)',
      ),
    );
  }
  const out: RequirementsPrefixRule = {
    pattern: rule.pattern.map((el) => (typeof el === 'string' ? { token: el } : { any_of: [...el] })),
    decision: rule.decision,
  };
  if (rule.justification !== undefined) out.justification = rule.justification;
  if (rule.canonicalMatching) out.canonical_matching = true;
  return out;
}

/** The requirements document and its findings; `document` is null when an error keeps it out. */
export function requirementsDocument(set: NormalizedRuleSet, options: RequirementsOptions): { document: RequirementsDocument | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const prefixRules: RequirementsPrefixRule[] = [];
  for (const rule of set.rules) {
    const e = entry(rule, options);
    if (e === null) continue;
    if (Array.isArray(e)) diagnostics.push(...e);
    else prefixRules.push(e);
  }
  for (const h of set.hostExecutables) {
    diagnostics.push(
      compileDiagnostic(
        'not-in-requirements',
        h.source,
        `host_executable ${JSON.stringify(h.name)} is not written: the [rules] table of requirements.toml holds prefix rules only; ` +
          'keep it in a .rules file (--target codex)',
        'warn',
      ),
    );
  }
  for (const n of set.networkRules) {
    diagnostics.push(
      compileDiagnostic(
        'not-in-requirements',
        n.source,
        `network_rule ${JSON.stringify(n.host)} is not written: the [rules] table of requirements.toml holds prefix rules only; ` +
          'keep it in a .rules file (--target codex)',
        'warn',
      ),
    );
  }
  const errors = diagnostics.some((d) => d.severity === 'error');
  if (!errors && prefixRules.length === 0) {
    diagnostics.push(
      compileDiagnostic(
        'empty-requirements',
        { file: options.firstFile, start: 0, end: 0 },
        `no prompt or forbidden rules to write${options.dropAllow ? ' once allow rules are dropped' : ''}; Codex refuses an empty prefix_rules list`,
      ),
    );
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { document: null, diagnostics };
  return { document: { rules: { prefix_rules: prefixRules } }, diagnostics };
}

/** The text of a requirements document: smol-toml's TOML, with invisible characters shown as escapes. */
export function requirementsText(document: RequirementsDocument, header?: string): string {
  // An invisible character can only be inside a basic string: the keys are fixed ASCII names and
  // smol-toml writes every string value double-quoted.
  const body = showInvisible(stringify(document), 'toml');
  return (header === undefined ? '' : comment(header)) + body;
}

export function emitRequirements(set: NormalizedRuleSet, options: RequirementsOptions): CompileResult {
  const { document, diagnostics } = requirementsDocument(set, options);
  if (document === null) return { text: null, diagnostics };
  return { text: requirementsText(document, options.header), diagnostics };
}
