// `importRules`: a Codex `.rules` file → an escalint YAML rule file (design.md §2, §5 `escalint
// import`). Every call Codex loads becomes an entry, in file order (prefix_rule → `rules`,
// host_executable → `host_executables`, network_rule → `network_rules`), with an id derived from
// its pattern, `decision` always written, and the file's comments where they were
// (src/import/layout.ts). The findings of `escalint check` on the file are comments above the
// entries they concern (src/import/findings.ts); `collapse` replaces over-specific entries by the
// categorical rules the checks suggest (src/import/collapse.ts).
//
// What Codex refuses to load (a syntax error, a bad argument, a failing example: the findings of
// `CODEX_REFUSES`) is not imported: there is nothing Codex loads to carry over, and a YAML file
// holding the other calls would silently drop the refused ones. The result then has no text and
// says why; constructs escalint reads without running (variables, loops, `def`) are `unreadable`,
// everything else `codex-refuses`, as `escalint compile` tells them apart.
import { LineIndex } from '../format/lines.js';
import { lintLoaded, type LintOptions } from '../lint.js';
import { CODEX_REFUSES, loadRuleText, type LoadRuleOptions } from '../load.js';
import type { Diagnostic, Span } from '../types.js';
import { planCollapse } from './collapse.js';
import { buildEntries, callsOf, type Entry } from './entries.js';
import { findingLines } from './findings.js';
import { IdAllocator } from './ids.js';
import type { LayoutLine } from './layout.js';
import { renderYaml } from './render.js';

/**
 * `rules-syntax` findings about constructs Codex runs but escalint does not read, and escalint's
 * own size limit: such a file cannot be imported as it is written (exit 2, as `compile` and
 * `test` exit for it). The same list as src/cli/compile.ts.
 */
export const NOT_READ_IDS: ReadonlySet<string> = new Set([
  'variable', 'def', 'loop', 'if', 'call', 'f-string', 'unpacking', 'operator', 'conditional', 'lambda', 'comprehension', 'attribute', 'subscript', 'too-large',
]);

export const DEFAULT_SCHEMA_REF = './schemas/escalint.schema.json';

export interface ImportOptions {
  /** The source as the header names it (default: `path`). */
  source?: string;
  /** The modeline's schema path or URL (default `./schemas/escalint.schema.json`). */
  schemaRef?: string;
  /** Replace over-specific entries by the categorical rules the checks suggest. */
  collapse?: boolean;
  /** Limits of the loader. */
  load?: LoadRuleOptions;
  /** Options of the checks (the registry to run). */
  lint?: Pick<LintOptions, 'checks'>;
}

export interface ImportStats {
  rules: number;
  hostExecutables: number;
  networkRules: number;
  /** Findings written as comments. */
  findings: number;
  /**
   * With collapse: entries replaced by categorical rules, entries folded into a rule that covers
   * them, the rules the replaced ones became, groups kept because the checks flag the replacement.
   */
  replaced: number;
  folded: number;
  collapsedRules: number;
  vetoed: number;
}

export interface ImportResult {
  /** The YAML text, or null when the file is not imported. */
  text: string | null;
  /** Why not: `unreadable` (constructs escalint does not run, or too large), `codex-refuses` (Codex would not load it). */
  refused: 'unreadable' | 'codex-refuses' | null;
  /** When refused: the findings that refuse it, with positions in `inputText`. */
  diagnostics: Diagnostic[];
  /** The input as decoded (what the diagnostics' offsets refer to). */
  inputText: string;
  stats: ImportStats;
}

/** A finding of no use in the YAML file: the import writes every decision out, which is its fix. */
const RESOLVED_BY_IMPORT: ReadonlySet<string> = new Set(['implicit-decision']);

/** Imports one `.rules` file (`path` names it; `input` is its text or bytes). Never throws on bad input. */
export async function importRules(path: string, input: string | Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const loaded = await loadRuleText(path, input, options.load ?? {});
  const inputText = loaded.ruleSet.files[0]?.text ?? (typeof input === 'string' ? input : '');
  const stats: ImportStats = { rules: 0, hostExecutables: 0, networkRules: 0, findings: 0, replaced: 0, folded: 0, collapsedRules: 0, vetoed: 0 };
  const blocking = loaded.diagnostics.filter((d) => CODEX_REFUSES.has(d.check) && d.severity === 'error');
  if (blocking.length > 0) {
    const unreadable = blocking.some((d) => d.check === 'io' || NOT_READ_IDS.has(d.messageId));
    return { text: null, refused: unreadable ? 'unreadable' : 'codex-refuses', diagnostics: blocking, inputText, stats };
  }

  const lines = new LineIndex(inputText);
  const calls = callsOf(loaded.ruleSet);
  const { entries, layout } = buildEntries(inputText, calls, (o) => lines.position(o).line);
  const lintOptions = options.lint ?? {};
  let lint = lintLoaded(loaded, lintOptions);
  let output: Entry[] = entries;
  // The calls of the text the findings are about, parallel to `output`.
  let linted = calls;
  if (options.collapse) {
    const plan = planCollapse(inputText, entries, lint.diagnostics);
    output = plan.entries;
    stats.replaced = plan.replaced;
    stats.folded = plan.folded;
    stats.collapsedRules = plan.rules;
    stats.vetoed = plan.vetoed;
    const reloaded = await loadRuleText(path, plan.text, options.load ?? {});
    const bad = reloaded.diagnostics.filter((d) => CODEX_REFUSES.has(d.check) && d.severity === 'error');
    linted = callsOf(reloaded.ruleSet);
    // Cannot happen (every call written is one Codex loaded, or one the encoder wrote): never write a wrong file.
    if (bad.length > 0 || linted.length !== output.length) {
      throw new Error(`the collapsed rules do not read back (${bad[0]?.message ?? `${linted.length} calls for ${output.length} entries`})`);
    }
    lint = lintLoaded(reloaded, lintOptions);
  }

  // Ids, in output order.
  const ids = new IdAllocator();
  for (const e of output) if (e.value.kind === 'rule') e.id = ids.allocate(e.value.rule.pattern);

  // Findings above the entries they concern; before the first call they are about the file.
  const spans: Span[] = linted.map((c) => c.span);
  const nameAt = (offset: number): string | undefined => {
    const i = entryIndexAt(spans, offset);
    if (i < 0 || offset < spans[i]!.start) return undefined;
    const e = output[i]!;
    return e.id ?? (e.value.kind === 'host' ? `host_executable ${JSON.stringify(e.value.host.name)}` : e.value.kind === 'network' ? `network_rule ${JSON.stringify(e.value.network.host)}` : undefined);
  };
  const fileNotes: string[] = [];
  const footerNotes: string[] = [];
  for (const d of lint.diagnostics) {
    if (RESOLVED_BY_IMPORT.has(d.check)) continue;
    stats.findings++;
    const i = entryIndexAt(spans, d.start);
    const call = i >= 0 ? linted[i]! : undefined;
    const rule = call?.value.kind === 'rule' && d.start >= call.span.start ? call.value.rule : undefined;
    const body = findingLines(d, { entryNameAt: nameAt, ...(rule ? { patternSpan: rule.patternSource, pattern: rule.pattern } : {}) });
    if (i < 0) (spans.length > 0 && d.start >= spans[spans.length - 1]!.end ? footerNotes : fileNotes).push(...body);
    else output[i]!.notes.push(...body);
  }

  for (const e of output) {
    if (e.value.kind === 'rule') stats.rules++;
    else if (e.value.kind === 'host') stats.hostExecutables++;
    else stats.networkRules++;
  }
  const source = options.source ?? path;
  const footer: LayoutLine[] = [...layout.footer];
  if (footerNotes.length > 0) {
    if (footer.length === 0) footer.push({ kind: 'blank' });
    for (const n of footerNotes) footer.push({ kind: 'comment', raw: ` ${n}`, start: -1 });
  }
  const text = renderYaml({
    source,
    schemaRef: options.schemaRef ?? DEFAULT_SCHEMA_REF,
    header: layout.header,
    footer,
    notes: fileNotes,
    entries: output,
    hasFindings: stats.findings > 0,
    collapsed: options.collapse ?? false,
  });
  return { text, refused: null, diagnostics: [], inputText, stats };
}

/**
 * The entry a position concerns: the call that holds it, or else the next call (a finding in the
 * comments above a call is about it); -1 before the first call (the file's header) and after the
 * last one (its end).
 */
function entryIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  // The first call that ends after `offset`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= spans.length) return -1;
  // Before the first call: about the file.
  if (lo === 0 && offset < spans[0]!.start) return -1;
  return lo;
}
