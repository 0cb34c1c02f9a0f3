// ESLint's JSON format (eslint/lib/cli-engine/formatters/json.js shape): one object per file with
// `messages` (severity 1 = warning, 2 = error; 1-based line/column, exclusive end) and counts.
// `filePath` is absolute, as ESLint writes it. Findings an inline directive silenced go to
// `suppressedMessages` with their `suppressions`, as in ESLint 8+.
import path from 'node:path';
import type { Diagnostic } from '../types.js';
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
  suppressions?: { kind: 'directive'; justification: string }[];
}

function message(d: LocatedDiagnostic, fatalIds: ReadonlySet<string>): EslintMessage {
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
  return m;
}

export function toEslintResults(results: Parameters<Formatter>[0], ctx: FormatContext) {
  // ESLint marks parse errors `fatal`; escalint's equivalents are the ids that are always errors.
  const fatalIds = new Set(ctx.checks.filter((c) => c.fixed).map((c) => c.id));
  return results.map((r) => {
    const index = new LineIndex(r.text);
    const messages = locate(index, r.diagnostics).map((d) => message(d, fatalIds));
    const suppressedMessages = locate(index, r.suppressed as Diagnostic[]).map((d, i) => ({
      ...message(d, fatalIds),
      suppressions: r.suppressed[i]!.suppressions,
    }));
    return {
      filePath: path.resolve(ctx.cwd, r.filePath),
      messages,
      suppressedMessages,
      errorCount: r.errorCount,
      fatalErrorCount: messages.filter((m) => m.fatal).length,
      warningCount: r.warningCount,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    };
  });
}

export const json: Formatter = (results, ctx) => `${JSON.stringify(toEslintResults(results, ctx))}\n`;
