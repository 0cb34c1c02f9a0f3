// Position-free views of parse results for table tests (mvdan/sh style: several spellings, one
// expected result). Wrappers are off: these tests are about the grammar and the segment walk.
import { parseShell } from '../../src/shell/parse.js';
import { shellPosition } from '../../src/cli/parse.js';
import type { Segment } from '../../src/types.js';

export interface SegView {
  argv: string[];
  assigns: string[];
  redirects: [string, string][];
  context: string[];
  dynamic: boolean;
}

export function segView(s: Segment): SegView {
  return {
    argv: s.argv,
    assigns: s.assigns,
    redirects: s.redirects.map((r) => [r.op, r.target] as [string, string]),
    context: s.context,
    dynamic: s.dynamic,
  };
}

/** A segment with defaults: no assigns, no redirects, top-level context, static. */
export function seg(argv: string[], extra: Partial<Omit<SegView, 'argv'>> = {}): SegView {
  return { argv, assigns: [], redirects: [], context: [], dynamic: false, ...extra };
}

/** Shorthand: `at(['a'], 'pipeline', 'subshell')` for a segment with a context path. */
export function at(argv: string[], ...context: string[]): SegView {
  return seg(argv, { context });
}

export function parseView(script: string): { segments: SegView[]; errors: string[] } {
  const r = parseShell(script, { unwrap: false });
  return {
    segments: r.segments.map(segView),
    errors: r.diagnostics.map((d) => {
      const { line, column } = shellPosition(script, d.start);
      return `${line}:${column} ${d.message}`;
    }),
  };
}
