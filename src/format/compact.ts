// `file:line:col: severity: message [check-id]`, one finding per line (design.md §5).
import { LineIndex, locate } from './lines.js';
import type { Formatter } from './types.js';

export const compact: Formatter = (results) => {
  let out = '';
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const index = new LineIndex(result.text);
    for (const d of locate(index, result.diagnostics)) {
      const severity = d.severity === 'error' ? 'error' : 'warning';
      out += `${result.filePath}:${d.line}:${d.column}: ${severity}: ${oneLine(d.message)} [${d.check}]\n`;
    }
  }
  return out;
};

/** Keeps one finding on one line: a message never spans lines in line-oriented formats. */
export function oneLine(message: string): string {
  return message.replace(/\r\n|\r|\n/g, ' ');
}
