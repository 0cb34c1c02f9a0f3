// Shared helpers of the YAML loader tests: 1-based line:column from offsets, computed here so
// the tests check the library's offsets independently of any formatter.
import type { Diagnostic } from '../../src/types.js';

export function lineCol(text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return `${line}:${col}`;
}

/** `line:col check/messageId` for each diagnostic, in order. */
export function brief(text: string, diags: readonly Diagnostic[]): string[] {
  return diags.map((d) => `${lineCol(text, d.start)} ${d.check}/${d.messageId}`);
}
