// What every reader of one parse shares, and how a parse stops at its first syntax error.
//
// A command string is read by many readers: the top-level lexer, one lexer per nested script
// (`$(…)`, backticks, `<(…)`, `${ …; }`) and one word reader per arithmetic text, subscript or
// heredoc body. They share the nesting budget and the memo of paren matches, and they reach the
// next stages (lex a nested script, parse its tokens) through this context, so that word-parts.ts
// imports neither lexer.ts nor parser.ts (no import cycle: the parser wires both in).
import type * as A from './ast.js';
import type { ShellText } from './continuations.js';
import type { ShellToken } from './tokens.js';

export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
}

/** Thrown inside the lexer and parser to stop at the first syntax error; caught by parseScript. */
export class ShellSyntaxAbort extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message);
  }
}

/** Where a nested lexer stops: at the end of its text, at the `)` of `$(…)`, or at the `}` of `${ …; }`. */
export type Stop = 'eof' | 'paren' | 'brace';

export interface LexContext {
  maxDepth: number;
  depth: number;
  /** Lexes a nested script up to its stop; provided by the parser module (lexer.ts's lexScript). */
  lexScript: (src: ShellText, start: number, stop: Stop, ctx: LexContext) => { tokens: ShellToken[]; end: number };
  /** Parses a nested token vector; provided by the parser module to avoid an import cycle. */
  parseTokens: (tokens: ShellToken[], endOffset: number, ctx: LexContext, closer?: ')' | '}') => A.List;
  /** Memo of scanArith for the text last scanned. */
  parenMemo?: { text: string; close: Map<number, number> };
}
