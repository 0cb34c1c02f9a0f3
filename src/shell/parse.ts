// parseShell: a command string → the segments bash could run, and syntax diagnostics.
// Never throws: bad input, hostile input and limits are diagnostics (design.md §3).
import { parseScriptPieces } from '../../grammar/shell/parser.js';
import type { Diagnostic, ParseOptions, ParseResult, Segment } from '../types.js';
import { collectSegments, ScriptState } from './segments.js';
import { SegmentAnalyzer } from './wrappers.js';

export const DEFAULT_MAX_INPUT = 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 256;

function diagnostic(messageId: string, message: string, start: number, end: number): Diagnostic {
  return { check: 'syntax-error', messageId, severity: 'error', message, start, end };
}

export function parseShell(text: string, options: ParseOptions = {}): ParseResult {
  const maxInput = options.maxInputSize ?? DEFAULT_MAX_INPUT;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (typeof text !== 'string') {
    return { segments: [], diagnostics: [diagnostic('not-a-string', 'the command must be a string', 0, 0)] };
  }
  if (text.length > maxInput) {
    return {
      segments: [],
      diagnostics: [diagnostic('input-too-large', `command is ${text.length} characters long; the limit is ${maxInput}`, maxInput, text.length)],
    };
  }
  // Each piece of the script is turned into segments as soon as it is parsed, and its AST
  // dropped: a long script never holds all its tokens, AST and segments at once.
  const analyzer = options.unwrap === false ? null : new SegmentAnalyzer({ maxDepth, source: text });
  const hooks = analyzer ? analyzer.hooks(0) : {};
  // One shell state for the whole script: a variable set in one piece is read in a later one.
  const state = analyzer ? new ScriptState() : null;
  const segments: Segment[] = [];
  const parsed = parseScriptPieces(text, { maxDepth }, (list) => {
    for (const s of collectSegments({ type: 'script', body: list, start: list.start, end: list.end }, hooks, state)) segments.push(s);
  });
  if (!parsed.ok) {
    const { message, start, end } = parsed.error;
    const id = message.startsWith('nesting too deep') || message.includes('too deeply') ? 'too-deep' : 'syntax-error';
    return { segments: [], diagnostics: [diagnostic(id, message, start, end)] };
  }
  if (!analyzer) return { segments, diagnostics: [] };
  state!.finish(segments);
  analyzer.finish(segments);
  return { segments: sortSegments(segments), diagnostics: [] };
}

/** Source order of each command's start; a wrapper before what it wraps; stable for ties. */
function sortSegments(segments: Segment[]): Segment[] {
  return segments
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.start - b.s.start || a.i - b.i)
    .map((x) => x.s);
}
