// Edits checks offer (design.md §7: a fix never widens a permission; generalizing is a
// suggestion): removing a rule entry, replacing a pattern. Edits are text replacements in the
// file as written, so comments and formatting elsewhere stay exactly as they are. An edit is only
// offered where the shape of the text makes it safe (a block-style YAML list item, a call on lines
// of its own); otherwise the finding comes without one.
import { encodeStarlarkString } from '../emit/starlark.js';
import type { LoadedFile, PatternElement, Rule, RuleSet, Suggestion, TextEdit } from '../types.js';

/** The kind of file a rule was read from. */
export function fileKind(ruleSet: RuleSet, rule: Rule): LoadedFile['kind'] {
  return ruleSet.files.find((f) => f.path === rule.source.file)?.kind ?? (rule.source.file.endsWith('.rules') ? 'rules' : 'yaml');
}

function fileText(ruleSet: RuleSet, rule: Rule): string | undefined {
  return ruleSet.files.find((f) => f.path === rule.source.file)?.text;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * Deletes a rule's whole lines: a YAML block list item (`- pattern: …` and its more-indented
 * lines) or a `.rules` call that has its lines to itself (a trailing `# comment` goes with it).
 */
export function removeRuleEdit(ruleSet: RuleSet, rule: Rule): TextEdit | undefined {
  const text = fileText(ruleSet, rule);
  if (text === undefined) return undefined;
  let start = rule.source.start;
  if (fileKind(ruleSet, rule) === 'yaml') {
    // Back over blanks to the `-` that opens the item; only blanks may precede it on its line.
    let i = start - 1;
    while (isBlank(text[i])) i--;
    if (text[i] !== '-') return undefined;
    start = i;
  }
  let lineStart = start;
  while (lineStart > 0 && isBlank(text[lineStart - 1])) lineStart--;
  if (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') return undefined;
  // After the entry: blanks, an optional comment, then the line end.
  let end = rule.source.end;
  while (isBlank(text[end])) end++;
  if (text[end] === '#') while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (end < text.length && text[end] !== '\n' && text[end] !== '\r') return undefined;
  if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
  else if (end < text.length) end += 1;
  return { start: lineStart, end, text: '' };
}

const PLAIN_YAML = /^[A-Za-z0-9_./@%+=:^~-][A-Za-z0-9_./@%+=:^~ -]*$/;
const YAML_SPECIAL = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i;

/** A token as a YAML flow scalar: plain when that reads back as the same string, else double-quoted. */
function yamlToken(token: string): string {
  const plain = PLAIN_YAML.test(token) && !YAML_SPECIAL.test(token) && !token.endsWith(' ') && !token.includes(': ') && !token.includes(' #') && !/^[-?:](?:\s|$)/.test(token);
  return plain ? token : JSON.stringify(token);
}

/** A pattern as the file writes it: a YAML flow list or a Starlark list; undefined when it cannot be encoded. */
export function patternSource(pattern: readonly PatternElement[], kind: LoadedFile['kind']): string | undefined {
  if (kind === 'yaml') {
    const el = (e: PatternElement) => (typeof e === 'string' ? yamlToken(e) : `[${e.map(yamlToken).join(', ')}]`);
    return `[${pattern.map(el).join(', ')}]`;
  }
  const parts: string[] = [];
  for (const e of pattern) {
    const tokens = typeof e === 'string' ? [e] : e;
    const encoded: string[] = [];
    for (const t of tokens) {
      const r = encodeStarlarkString(t);
      if (!r.ok) return undefined;
      encoded.push(r.text);
    }
    parts.push(typeof e === 'string' ? encoded[0]! : `[${encoded.join(', ')}]`);
  }
  return `[${parts.join(', ')}]`;
}

/** A suggestion that replaces a rule's pattern by `pattern`. */
export function replacePatternSuggestion(ruleSet: RuleSet, rule: Rule, pattern: readonly PatternElement[], desc: string): Suggestion | undefined {
  const text = patternSource(pattern, fileKind(ruleSet, rule));
  if (text === undefined) return undefined;
  return { desc, edits: [{ start: rule.patternSource.start, end: rule.patternSource.end, text }] };
}

const labels = new WeakMap<readonly PatternElement[], string>();

/**
 * A pattern for messages: `["cargo", "test"]` (alternatives as inner lists). Remembered per pattern:
 * several checks, and the import's comments, name the same rule (patterns are never mutated).
 */
export function patternLabel(pattern: readonly PatternElement[]): string {
  let label = labels.get(pattern);
  if (label === undefined) {
    label = `[${pattern.map((e) => (typeof e === 'string' ? JSON.stringify(e) : `[${e.map((t) => JSON.stringify(t)).join(', ')}]`)).join(', ')}]`;
    labels.set(pattern, label);
  }
  return label;
}

/** Applies non-overlapping edits to `text` (later edits that overlap an earlier one are skipped). */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  let applied = 0;
  for (const e of sorted) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
    applied++;
  }
  return { text: out + text.slice(pos), applied };
}

/** A suggestion that adds a rule right after `after` (same indentation in YAML; a line of its own in `.rules`). */
export function insertRuleSuggestion(
  ruleSet: RuleSet,
  after: Rule,
  rule: { pattern: readonly PatternElement[]; decision: Rule['decision']; justification: string },
  desc: string,
): Suggestion | undefined {
  const text = fileText(ruleSet, after);
  const lines = removeRuleEdit(ruleSet, after); // the entry's whole lines, when it has them to itself
  if (text === undefined || lines === undefined) return undefined;
  const kind = fileKind(ruleSet, after);
  const pattern = patternSource(rule.pattern, kind);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const ending = lines.end === text.length && !/[\r\n]$/.test(text) ? eol : '';
  if (pattern === undefined) return undefined;
  if (kind === 'yaml') {
    const indent = ' '.repeat(after.source.start - lines.start - 2);
    const body = `- pattern: ${pattern}${eol}${indent}  decision: ${rule.decision}${eol}${indent}  justification: ${JSON.stringify(rule.justification)}${eol}`;
    return { desc, edits: [{ start: lines.end, end: lines.end, text: `${ending}${indent}${body}` }] };
  }
  const justification = encodeStarlarkString(rule.justification);
  if (!justification.ok) return undefined;
  const call = `prefix_rule(pattern=${pattern}, decision="${rule.decision}", justification=${justification.text})${eol}`;
  return { desc, edits: [{ start: lines.end, end: lines.end, text: `${ending}${call}` }] };
}
