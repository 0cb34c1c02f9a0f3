// The diagnostic pipeline of `escalint check` (design.md §5, §7):
//   load (src/load.ts: yaml, schema, rules-syntax, codex-load, example-mismatch)
//   → registered checks (src/checks/index.ts), skipping those set to off
//   → severities from settings.checks → inline directives → one finding per dead rule
//   (src/checks/dead-rules.ts) → sorted results per file.
// Library code: no printing, no exits, no process.env. Formatters (src/format) render the result.
import { allChecks, checks as registry, type CheckInfo } from './checks/index.js';
import { sureDeadRules, withoutPatternFindingsOnDeadRules } from './checks/dead-rules.js';
import { formatMessage, type Check, type EffectiveSeverity } from './checks/define.js';
import { parseDirectives, type Directive } from './checks/directives.js';
import { loadRuleFiles, type LoadRuleOptions, type LoadResult } from './load.js';
import type { CheckSeverity, Diagnostic, LoadedFile, RuleSet, Severity, Span } from './types.js';
import { didYouMean } from './util/edit-distance.js';

export interface LintOptions {
  /** Report disable directives that silenced nothing: `true` or a severity (true = error). */
  reportUnusedDisableDirectives?: boolean | Severity;
  /** The registered checks to run (default: the registry of src/checks/index.ts). */
  checks?: readonly Check[];
  /** Limits and other options of the loaders. */
  load?: LoadRuleOptions;
}

/** A finding an inline directive silenced; kept so formats such as SARIF can show it. */
export interface SuppressedDiagnostic extends Diagnostic {
  suppressions: { kind: 'directive'; justification: string }[];
}

export interface LintFileResult {
  filePath: string;
  /** The file's text (formatters turn offsets into line/column with it). */
  text: string;
  kind: LoadedFile['kind'];
  /** Findings, sorted by position. */
  diagnostics: Diagnostic[];
  suppressed: SuppressedDiagnostic[];
  errorCount: number;
  warningCount: number;
}

export interface LintResult {
  /** One entry per loaded file, in the order given. */
  results: LintFileResult[];
  /** Every finding of every file, in result order. */
  diagnostics: Diagnostic[];
  /** Loader failures that stop the run (missing or unreadable file): exit 2, no report. */
  fatal: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

/** Loads the rule files (merged in the order given) and lints them. */
export async function lintFiles(paths: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  return lintLoaded(await loadRuleFiles(paths, options.load), options);
}

function fatalList(loaded: LoadResult): Diagnostic[] {
  return loaded.fatal ? loaded.diagnostics.filter((d) => d.check === 'io') : [];
}

/** The pipeline after loading: checks, severities, directives. Exported for tests and tools. */
export function lintLoaded(loaded: LoadResult, options: LintOptions = {}): LintResult {
  const fatal = fatalList(loaded);
  const { ruleSet } = loaded;
  const checkList = options.checks ?? registry;
  const infos = allChecks(checkList);
  const byId = new Map(infos.map((c) => [c.id, c]));
  const config = resolveSettings(ruleSet, byId);

  const raw: Diagnostic[] = [];
  for (const d of loaded.diagnostics) if (!fatal.includes(d)) raw.push(d);
  raw.push(...config.problems);

  const severityOf = (check: Check) => config.severity.get(check.id) ?? check.meta.defaultSeverity;
  // Rules a coverage check is sure to report: the pattern checks need not analyse them.
  const deadRules = sureDeadRules(ruleSet, (id) => checkList.some((c) => c.id === id && severityOf(c) !== 'off'));
  for (const check of checkList) {
    const severity = severityOf(check);
    if (severity === 'off') continue;
    const messages = check.meta.messages as Record<string, string>;
    try {
      check.run({
        ruleSet,
        deadRules,
        options: config.options.get(check.id) ?? {},
        report: (f) => {
          const template = messages[f.messageId];
          if (template === undefined) throw new Error(`unknown messageId "${f.messageId}"`);
          const d: Diagnostic = {
            check: check.id,
            messageId: f.messageId,
            severity: severity,
            message: formatMessage(template, f.data),
            file: f.at.file,
            start: f.at.start,
            end: f.at.end,
          };
          if (f.hint !== undefined) d.hint = f.hint;
          if (f.related !== undefined) d.related = f.related;
          if (f.fix !== undefined) d.fix = f.fix;
          if (f.suggestions !== undefined) d.suggestions = f.suggestions;
          raw.push(d);
        },
      });
    } catch (err) {
      throw new Error(`check "${check.id}" failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  // Severities: fixed ids stay errors; the others follow settings.checks, then their default.
  const kept: Diagnostic[] = [];
  for (const d of raw) {
    const info = byId.get(d.check);
    if (info?.fixed) {
      kept.push(d.severity === 'error' ? d : { ...d, severity: 'error' });
      continue;
    }
    const configured = config.severity.get(d.check);
    const severity: EffectiveSeverity = configured ?? d.severity;
    if (severity === 'off') continue;
    kept.push(severity === d.severity ? d : { ...d, severity });
  }

  // Group by file, in load order; findings about files the loader did not list come after.
  const files = new Map<string, { file: LoadedFile; diagnostics: Diagnostic[] }>();
  for (const file of ruleSet.files) if (!files.has(file.path)) files.set(file.path, { file, diagnostics: [] });
  for (const d of kept) {
    const key = d.file ?? '';
    let entry = files.get(key);
    if (!entry) {
      entry = { file: { path: key, text: '', kind: key.endsWith('.rules') ? 'rules' : 'yaml' }, diagnostics: [] };
      files.set(key, entry);
    }
    entry.diagnostics.push(d);
  }

  const unusedSeverity: Severity | null =
    options.reportUnusedDisableDirectives === true
      ? 'error'
      : options.reportUnusedDisableDirectives === 'error' || options.reportUnusedDisableDirectives === 'warn'
        ? options.reportUnusedDisableDirectives
        : null;
  const directiveSeverity = config.severity.get('directive') ?? 'error';

  const results: LintFileResult[] = [];
  for (const { file, diagnostics } of files.values()) {
    const applied = applyDirectives(file, diagnostics, byId, {
      unused: directiveSeverity === 'off' ? null : unusedSeverity,
      unknown: directiveSeverity === 'off' ? null : directiveSeverity,
    });
    // One finding per dead rule: the coverage finding, not also advice on its pattern (dead-rules.ts).
    const sorted = withoutPatternFindingsOnDeadRules(applied.diagnostics).sort(compareDiagnostics);
    let errorCount = 0;
    for (const d of sorted) if (d.severity === 'error') errorCount++;
    results.push({
      filePath: file.path,
      text: file.text,
      kind: file.kind,
      diagnostics: sorted,
      suppressed: applied.suppressed.sort(compareDiagnostics),
      errorCount,
      warningCount: sorted.length - errorCount,
    });
  }
  const all = results.flatMap((r) => r.diagnostics);
  return {
    results,
    diagnostics: all,
    fatal,
    errorCount: results.reduce((n, r) => n + r.errorCount, 0),
    warningCount: results.reduce((n, r) => n + r.warningCount, 0),
  };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    (a.check < b.check ? -1 : a.check > b.check ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

// ---------------------------------------------------------------------------------------------
// settings.checks

interface ResolvedSettings {
  severity: Map<string, EffectiveSeverity>;
  options: Map<string, Record<string, unknown>>;
  problems: Diagnostic[];
}

function resolveSettings(ruleSet: RuleSet, byId: Map<string, CheckInfo>): ResolvedSettings {
  const severity = new Map<string, EffectiveSeverity>();
  const options = new Map<string, Record<string, unknown>>();
  const problems: Diagnostic[] = [];
  const entries = Object.entries(ruleSet.settings?.checks ?? {});
  const messages = byId.get('settings')!.meta.messages;
  for (const [id, value] of entries) {
    const [level, opts] = Array.isArray(value) ? value : [value, undefined];
    if (level !== 'error' && level !== 'warn' && level !== 'off') continue; // the schema reports it
    const info = byId.get(id);
    if (!info) {
      problems.push(
        settingsProblem(ruleSet, id, 'unknownCheck', formatMessage(messages.unknownCheck!, {
          id,
          suggestion: suggestion(id, byId),
        })),
      );
      continue;
    }
    if (info.fixed) {
      if (level !== 'error') {
        problems.push(
          settingsProblem(ruleSet, id, 'notConfigurable', formatMessage(messages.notConfigurable!, { id, severity: level })),
        );
      }
      continue;
    }
    severity.set(id, level satisfies CheckSeverity);
    if (opts && typeof opts === 'object') options.set(id, opts as Record<string, unknown>);
  }
  return { severity, options, problems };
}

/** `did you mean "x"?` for a near miss, else the ids that can be configured. */
function suggestion(id: string, byId: Map<string, CheckInfo>): string {
  const candidates = [...byId.values()].filter((c) => !c.fixed).map((c) => c.id);
  const near = didYouMean(id, candidates);
  return near !== undefined ? `did you mean "${near}"?` : `known checks: ${candidates.join(', ')}`;
}

/** A settings.checks finding points at the key, as the loader recorded it. */
function settingsProblem(ruleSet: RuleSet, id: string, messageId: string, message: string): Diagnostic {
  const key = ruleSet.settingsKeys?.[id];
  const at = key ?? { file: ruleSet.files[0]?.path, start: 0, end: 0 };
  const d: Diagnostic = { check: 'settings', messageId, severity: 'error', message, start: at.start, end: at.end };
  if (at.file !== undefined) d.file = at.file;
  return d;
}

// ---------------------------------------------------------------------------------------------
// Inline directives

interface DirectiveSeverities {
  unused: Severity | null;
  unknown: Severity | null;
}

function applyDirectives(
  file: LoadedFile,
  diagnostics: Diagnostic[],
  byId: Map<string, CheckInfo>,
  severities: DirectiveSeverities,
): { diagnostics: Diagnostic[]; suppressed: SuppressedDiagnostic[] } {
  const directives = file.text ? parseDirectives(file.text, file.kind) : [];
  if (directives.length === 0) return { diagnostics, suppressed: [] };
  const messages = byId.get('directive')!.meta.messages;
  const problems: Diagnostic[] = [];
  const report = (messageId: string, span: Span, data: Record<string, string>, severity: Severity) =>
    problems.push({
      check: 'directive',
      messageId,
      severity,
      message: formatMessage(messages[messageId]!, data),
      file: file.path,
      start: span.start,
      end: span.end,
    });

  // Validate the ids; only known, suppressible ids take part in suppression.
  const active: { directive: Directive; ids: string[] | null; used: Set<string> }[] = [];
  for (const directive of directives) {
    const ids: string[] = [];
    for (const ref of directive.checks) {
      const info = byId.get(ref.id);
      if (!info) {
        if (severities.unknown)
          report('unknownCheck', ref, { id: ref.id, kind: directive.kind, suggestion: suggestion(ref.id, byId) }, severities.unknown);
      } else if (info.fixed) {
        if (severities.unknown) report('notSuppressible', ref, { id: ref.id }, severities.unknown);
      } else ids.push(ref.id);
    }
    // A directive whose every id was unknown silences nothing (rather than everything).
    if (directive.checks.length > 0 && ids.length === 0) continue;
    active.push({ directive, ids: directive.checks.length === 0 ? null : ids, used: new Set() });
  }

  const ranges = active.filter((a) => a.directive.kind === 'disable' || a.directive.kind === 'enable');
  const lines = active.filter((a) => a.directive.covers !== undefined);
  const kept: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const d of diagnostics) {
    const info = byId.get(d.check);
    if (info?.fixed || d.check === 'directive') {
      kept.push(d);
      continue;
    }
    const by: typeof active = [];
    for (const a of lines) {
      const c = a.directive.covers!;
      if (d.start >= c.start && d.start < c.end && (a.ids === null || a.ids.includes(d.check))) by.push(a);
    }
    // The last range directive before the finding that concerns its check decides.
    let last: (typeof active)[number] | undefined;
    for (const a of ranges) {
      if (a.directive.start > d.start) break;
      if (a.ids === null || a.ids.includes(d.check)) last = a;
    }
    if (last && last.directive.kind === 'disable') by.push(last);
    if (by.length === 0) {
      kept.push(d);
      continue;
    }
    for (const a of by) a.used.add(d.check);
    suppressed.push({
      ...d,
      suppressions: by.map((a) => ({ kind: 'directive' as const, justification: a.directive.reason })),
    });
  }

  if (severities.unused) {
    for (const a of active) {
      if (a.directive.kind === 'enable') continue;
      if (a.ids === null) {
        if (a.used.size === 0) report('unused', a.directive, { kind: a.directive.kind, from: '' }, severities.unused);
        continue;
      }
      for (const ref of a.directive.checks) {
        if (!a.ids.includes(ref.id) || a.used.has(ref.id)) continue;
        report('unused', ref, { kind: a.directive.kind, from: ` from "${ref.id}"` }, severities.unused);
      }
    }
  }
  return { diagnostics: [...kept, ...problems], suppressed };
}
