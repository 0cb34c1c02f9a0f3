// ESLint's default format, plus a code frame: findings grouped by file, each as
// `line:col  severity  message  check-id` (columns aligned per file), the source line with a caret
// under the span, and a summary `✖ N problems (E errors, W warnings)`. Nothing is printed for a
// clean run. Colour only when the caller says so (TTY, --color/--no-color, NO_COLOR: src/cli).
import { LineIndex, locate, type LocatedDiagnostic } from './lines.js';
import type { Formatter } from './types.js';
import { colours, plain, type Paint } from './paint.js';


/** Widest part of a source line shown in a frame; longer lines are cut around the span. */
const FRAME_WIDTH = 120;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The source line and a caret line under [column, endColumn) (to the line's end for multi-line spans). */
export function codeFrame(index: LineIndex, d: LocatedDiagnostic, paint: Paint, indent: string, gutterWidth = 0): string {
  let text = index.lineText(d.line);
  let start = d.column - 1;
  let end = d.endLine === d.line ? Math.max(d.endColumn - 1, start + 1) : Math.max(text.length, start + 1);
  let prefix = '';
  let suffix = '';
  if (text.length > FRAME_WIDTH) {
    const from = Math.max(0, Math.min(start - 20, text.length - FRAME_WIDTH));
    const to = Math.min(text.length, from + FRAME_WIDTH);
    if (from > 0) prefix = '…';
    if (to < text.length) suffix = '…';
    text = text.slice(from, to);
    start = start - from + prefix.length;
    end = Math.min(end - from, text.length + 1) + prefix.length;
  }
  text = prefix + text + suffix;
  // Keep tabs under tabs so the caret lines up however the terminal renders them.
  const pad = text.slice(0, start).replace(/[^\t]/g, ' ');
  const gutter = String(d.line).padStart(gutterWidth);
  const blank = ' '.repeat(gutter.length);
  const caret = '^'.repeat(Math.max(1, end - start));
  const colour = d.severity === 'error' ? paint.red : paint.yellow;
  return (
    `${indent}${paint.dim(`${gutter} |`)} ${text.replace(/\s+$/, '')}\n` +
    `${indent}${paint.dim(`${blank} |`)} ${pad}${colour(caret)}\n`
  );
}

export const stylish: Formatter = (results, ctx) => {
  const paint = ctx.color ? colours : plain;
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    const index = new LineIndex(result.text);
    const located = locate(index, result.diagnostics);
    const pos = located.map((d) => `${d.line}:${d.column}`);
    const posWidth = Math.max(...pos.map((p) => p.length));
    const gutterWidth = Math.max(...located.map((d) => String(d.line).length));
    const sevWidth = located.some((d) => d.severity === 'warn') ? 'warning'.length : 'error'.length;
    out += `${paint.underline(result.filePath)}\n`;
    for (const d of result.diagnostics) {
      if (!d.fix) continue;
      if (d.severity === 'error') fixableErrors++;
      else fixableWarnings++;
    }
    located.forEach((d, i) => {
      const sev = d.severity === 'error' ? paint.red('error'.padEnd(sevWidth)) : paint.yellow('warning'.padEnd(sevWidth));
      const message = d.message.replace(/\r\n|\r|\n/g, ' ');
      out += `  ${paint.dim(pos[i]!.padStart(posWidth))}  ${sev}  ${message}  ${paint.dim(d.check)}\n`;
      if (result.text) out += codeFrame(index, d, paint, ' '.repeat(posWidth + 4), gutterWidth);
      if (d.hint) out += `${' '.repeat(posWidth + 4)}${paint.dim('hint:')} ${d.hint}\n`;
    });
    out += '\n';
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  out += `${errors > 0 ? paint.red(paint.bold(summary)) : paint.yellow(paint.bold(summary))}\n`;
  if (fixableErrors + fixableWarnings > 0) {
    const fixable = `  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`;
    out += `${errors > 0 ? paint.red(paint.bold(fixable)) : paint.yellow(paint.bold(fixable))}\n`;
  }
  return out;
};
