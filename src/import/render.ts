// Writing the imported entries as an escalint YAML rule file (design.md §2): the modeline and a
// header naming the source, `version: 1`, then `rules`, `host_executables` and `network_rules`,
// each in file order, every value on one line through the one YAML writer (src/emit/yaml.ts), the
// file's comments where they were, and the findings above the entries they concern.
import { commentText, yamlComment, yamlExamples, yamlFlowList, yamlPattern, yamlScalar } from '../emit/yaml.js';
import type { Entry } from './entries.js';
import type { LayoutLine } from './layout.js';

export interface RenderInput {
  /** The source file as the header names it. */
  source: string;
  /** The modeline's schema path or URL. */
  schemaRef: string;
  header: LayoutLine[];
  footer: LayoutLine[];
  /** Comment bodies of findings that concern no entry (written under the header). */
  notes: string[];
  entries: Entry[];
  /** Whether the header explains the `escalint:` comments (the file has findings). */
  hasFindings: boolean;
  collapsed: boolean;
}

const ENTRY_INDENT = '  ';
const KEY_INDENT = '    ';

const DIRECTIVE_ABOVE = /^\s*escalint-disable-next-line(?=\s|$)/;

function commentLines(lines: readonly LayoutLine[], indent: string, out: string[]): void {
  for (const l of lines) out.push(l.kind === 'blank' ? '' : `${indent}${yamlComment(l.raw, { raw: true })}`);
}

function replacesLines(entry: Entry, source: string): string[] {
  const replaced = entry.replaces ?? [];
  const n = replaced.length;
  const what = entry.merged ? `also stands for ${n} entr${n === 1 ? 'y' : 'ies'}` : `replaces ${n} entr${n === 1 ? 'y' : 'ies'}`;
  // Entries folded into a rule that covers them (duplicate-rule, redundant-rule) need no suggestion.
  const how = replaced.every((r) => r.check.endsWith('-rule')) ? 'which it covers' : 'with the categorical prefix the checks suggest';
  const out = [`escalint import --collapse: ${what} of ${source}, ${how}:`];
  replaced.forEach(({ entry: e, check }, i) => {
    out.push(`  line ${e.line} (${check}): ${patternOf(e)}`);
    // A new rule stands where the first entry was, under the comments that were above it.
    const above = i === 0 && !entry.merged ? [] : e.leading;
    const own = [
      ...above.flatMap((l) => (l.kind === 'comment' ? [l.raw] : [])),
      ...[...e.keys.values()].flatMap((k) => [...k.leading, ...k.trailing]),
      ...e.footer,
    ];
    for (const raw of own) out.push(`    #${raw}`);
  });
  return out;
}

function patternOf(e: Entry): string {
  return e.value.kind === 'rule' ? yamlPattern(e.value.rule.pattern) : '';
}

/** The key lines of an entry: `[key, value]` in the order they are written. */
function keyValues(entry: Entry): [string, string][] {
  const v = entry.value;
  if (v.kind === 'rule') {
    const r = v.rule;
    const out: [string, string][] = [
      ['pattern', yamlPattern(r.pattern)],
      ['decision', r.decision],
    ];
    if (r.justification !== undefined) out.push(['justification', yamlScalar(r.justification)]);
    if (r.match.length > 0) out.push(['match', yamlExamples(r.match)]);
    if (r.notMatch.length > 0) out.push(['not_match', yamlExamples(r.notMatch)]);
    if (r.canonicalMatching) out.push(['canonical_matching', 'true']);
    return out;
  }
  if (v.kind === 'host') {
    return [
      ['name', yamlScalar(v.host.name)],
      ['paths', yamlFlowList(v.host.paths)],
    ];
  }
  const n = v.network;
  const out: [string, string][] = [
    ['host', yamlScalar(n.host)],
    ['protocol', n.protocol],
    ['decision', n.decision],
  ];
  if (n.justification !== undefined) out.push(['justification', yamlScalar(n.justification)]);
  return out;
}

function trailing(comments: readonly string[]): string {
  return comments.map((raw) => `  ${yamlComment(raw, { raw: true })}`).join('');
}

function renderEntry(entry: Entry, first: boolean, input: RenderInput, out: string[]): void {
  // The leading block; a blank line at the top of a section separates nothing.
  let leading = entry.leading;
  if (first && leading[0]?.kind === 'blank') leading = leading.slice(1);
  // Notes go between the comments and the entry, but above a disable-next-line directive, which
  // must stay right above the entry to cover it (src/checks/directives.ts).
  let cut = leading.length;
  while (cut > 0) {
    const l = leading[cut - 1]!;
    if (l.kind !== 'comment' || !DIRECTIVE_ABOVE.test(l.raw)) break;
    cut--;
  }
  commentLines(leading.slice(0, cut), ENTRY_INDENT, out);
  if (entry.replaces && entry.replaces.length > 0) {
    for (const line of replacesLines(entry, input.source)) out.push(`${ENTRY_INDENT}${yamlComment(line)}`);
  }
  for (const note of entry.notes) out.push(`${ENTRY_INDENT}${yamlComment(note)}`);
  commentLines(leading.slice(cut), ENTRY_INDENT, out);

  const keys = keyValues(entry);
  // An id is kebab-case, but `yes`, `0` or `1-2` would not read back as strings unquoted.
  const lead = entry.value.kind === 'rule' ? `${ENTRY_INDENT}- id: ${yamlScalar(entry.id ?? '')}` : undefined;
  if (lead !== undefined) out.push(lead);
  keys.forEach(([key, value], i) => {
    const c = entry.keys.get(key);
    for (const raw of c?.leading ?? []) out.push(`${KEY_INDENT}${yamlComment(raw, { raw: true })}`);
    const prefix = lead === undefined && i === 0 ? `${ENTRY_INDENT}- ` : KEY_INDENT;
    out.push(`${prefix}${key}: ${value}${trailing(c?.trailing ?? [])}`);
  });
  // Comments after the last argument (buildEntries puts comments at keys the entry does not write there too).
  for (const raw of entry.footer) out.push(`${KEY_INDENT}${yamlComment(raw, { raw: true })}`);
}

/** The YAML text of an imported file. */
export function renderYaml(input: RenderInput): string {
  const out: string[] = [];
  out.push(`# yaml-language-server: $schema=${commentText(input.schemaRef)}`);
  out.push(yamlComment(`imported by escalint from ${input.source}${input.collapsed ? ' (--collapse)' : ''}`));
  if (input.hasFindings) {
    out.push(yamlComment(`"escalint:" comments are the findings of escalint check on ${input.source}, above the entries they concern`));
  }
  if (input.header.length > 0) {
    out.push('');
    commentLines(input.header, '', out);
  }
  for (const note of input.notes) out.push(yamlComment(note));
  out.push('version: 1');

  const sections: [string, Entry['value']['kind']][] = [
    ['rules', 'rule'],
    ['host_executables', 'host'],
    ['network_rules', 'network'],
  ];
  for (const [name, kind] of sections) {
    const entries = input.entries.filter((e) => e.value.kind === kind);
    if (entries.length === 0) {
      if (kind === 'rule') out.push('rules: []');
      continue;
    }
    out.push(`${name}:`);
    entries.forEach((e, i) => renderEntry(e, i === 0, input, out));
  }
  if (input.footer.length > 0) {
    if (input.footer[0]!.kind !== 'blank') out.push('');
    commentLines(input.footer, '', out);
  }
  return out.join('\n') + '\n';
}
