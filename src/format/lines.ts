// Offsets → 1-based line and column, built once per file (eemeli/yaml's LineCounter idea).
// Columns count UTF-16 code units, as ESLint reports them and as SARIF's default
// `columnKind: utf16CodeUnits` reads them. Line breaks are LF, CRLF and a lone CR (YAML 1.2 §5.4).
import type { Diagnostic } from '../types.js';

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The 1-based line and column of an offset (clamped into the text). */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    let end = next === undefined ? this.text.length : next;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return this.text.slice(start, end);
  }
}

export interface LocatedDiagnostic extends Diagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Adds line/column (end exclusive, as ESLint and SARIF expect) to each diagnostic of one file. */
export function locate(index: LineIndex, diagnostics: readonly Diagnostic[]): LocatedDiagnostic[] {
  return diagnostics.map((d) => {
    const s = index.position(d.start);
    const e = index.position(Math.max(d.start, d.end));
    return { ...d, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  });
}
