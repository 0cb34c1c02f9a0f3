// ESLint's JSON format (eslint/lib/cli-engine/formatters/json.js shape): one object per file with
// `messages` (severity 1 = warning, 2 = error; 1-based line/column, exclusive end) and counts.
// `filePath` is absolute, as ESLint writes it. Findings an inline directive silenced go to
// `suppressedMessages` with their `suppressions`, as in ESLint 8+.
import path from 'node:path';
import { applyEdits } from '../checks/edits.js';
import type { Diagnostic, TextEdit } from '../types.js';
import { LineIndex, locate, type LocatedDiagnostic } from './lines.js';
import type { FormatContext, Formatter } from './types.js';

export interface EslintMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  nodeType: null;
  messageId: string;
  endLine: number;
  endColumn: number;
  fatal?: true;
  /** ESLint's one fix: a range of the source and its replacement (several edits merged into one). */
  fix?: EslintFix;
  suggestions?: { desc: string; fix: EslintFix }[];
  suppressions?: { kind: 'directive'; justification: string }[];
}

export interface EslintFix {
  range: [number, number];
  text: string;
}

/** Edits as ESLint's single fix: the span from the first to the last edit, rewritten. */
function mergeEdits(text: string, edits: readonly TextEdit[]): EslintFix {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const start = sorted[0]!.start;
  const end = Math.max(...sorted.map((e) => e.end));
  // Only the span is rewritten (not the text before it): a file with thousands of fixes stays linear.
  const local = sorted.map((e) => ({ ...e, start: e.start - start, end: e.end - start }));
  return { range: [start, end], text: applyEdits(text.slice(start, end), local).text };
}

function message(d: LocatedDiagnostic, fatalIds: ReadonlySet<string>, text: string): EslintMessage {
  const m: EslintMessage = {
    ruleId: d.check,
    severity: d.severity === 'error' ? 2 : 1,
    message: d.message,
    line: d.line,
    column: d.column,
    nodeType: null,
    messageId: d.messageId,
    endLine: d.endLine,
    endColumn: d.endColumn,
  };
  if (fatalIds.has(d.check)) m.fatal = true;
  if (d.fix && d.fix.length > 0) m.fix = mergeEdits(text, d.fix);
  if (d.suggestions && d.suggestions.length > 0) m.suggestions = d.suggestions.map((s) => ({ desc: s.desc, fix: mergeEdits(text, s.edits) }));
  return m;
}

export function toEslintResults(results: Parameters<Formatter>[0], ctx: FormatContext) {
  // ESLint marks parse errors `fatal`; escalint's equivalents are the ids that are always errors.
  const fatalIds = new Set(ctx.checks.filter((c) => c.fixed).map((c) => c.id));
  return results.map((r) => {
    const index = new LineIndex(r.text);
    const messages = locate(index, r.diagnostics).map((d) => message(d, fatalIds, r.text));
    const suppressedMessages = locate(index, r.suppressed as Diagnostic[]).map((d, i) => ({
      ...message(d, fatalIds, r.text),
      suppressions: r.suppressed[i]!.suppressions,
    }));
    return {
      filePath: path.resolve(ctx.cwd, r.filePath),
      messages,
      suppressedMessages,
      errorCount: r.errorCount,
      fatalErrorCount: messages.filter((m) => m.fatal).length,
      warningCount: r.warningCount,
      fixableErrorCount: messages.filter((m) => m.fix && m.severity === 2).length,
      fixableWarningCount: messages.filter((m) => m.fix && m.severity === 1).length,
      usedDeprecatedRules: [],
    };
  });
}

export const json: Formatter = (results, ctx) => `${JSON.stringify(toEslintResults(results, ctx))}\n`;
