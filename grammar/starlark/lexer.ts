// Lexing a `.rules` file: Chevrotain's lexer for the tokens, then a layout pass that does what
// starlark-rust's lexer does around them: newlines inside brackets are dropped, blank and
// comment-only lines vanish, and leading spaces at bracket depth 0 become INDENT/DEDENT tokens.
// A counter of bracket depth is all this needs, so no lexer modes are used (grammar/README.md).
import { createTokenInstance, Lexer, type IToken, type TokenType } from '../chevrotain.js';
import type { Comment } from './ast.js';
import type { StringLiteralPayload } from './string-literal.js';
import * as T from './tokens.js';

export interface StarlarkSyntaxError {
  /** Stable id: `invalid-input`, `tab`, `string`, `indentation`, `too-deep`, `syntax`. */
  code: string;
  message: string;
  start: number;
  end: number;
}

export interface LexResult {
  /** Significant tokens plus virtual Newline/Indent/Dedent tokens, in order. */
  tokens: IToken[];
  comments: Comment[];
  errors: StarlarkSyntaxError[];
}

export interface LexOptions {
  /** Deepest bracket nesting accepted; deeper input is an error and is not parsed (default 100). */
  maxDepth?: number;
}

// One lexer for the process: building it validates and analyses every pattern.
const lexer = new Lexer(T.allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false });

const OPENERS = new Set<TokenType>([T.LParen, T.LBracket, T.LBrace]);
const CLOSERS = new Set<TokenType>([T.RParen, T.RBracket, T.RBrace]);

/** Chevrotain's endOffset is inclusive; escalint's spans are half-open. */
export function tokenEnd(tok: IToken): number {
  return (tok.endOffset ?? tok.startOffset + tok.image.length - 1) + 1;
}

function virtual(type: TokenType, image: string, offset: number): IToken {
  // A zero-width token: endOffset = startOffset - 1, so tokenEnd() = startOffset.
  return createTokenInstance(type, image, offset, offset - 1, NaN, NaN, NaN, NaN);
}

function describeChar(text: string): string {
  const cp = text.codePointAt(0)!;
  if (cp === 0xfeff) return 'U+FEFF (a byte order mark)';
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `\`${String.fromCodePoint(cp)}\``;
}

export function lexStarlark(text: string, options: LexOptions = {}): LexResult {
  const maxDepth = options.maxDepth ?? 100;
  const errors: StarlarkSyntaxError[] = [];
  const result = lexer.tokenize(text);

  for (const e of result.errors) {
    const ch = text.slice(e.offset, e.offset + (text.codePointAt(e.offset)! > 0xffff ? 2 : 1));
    errors.push({
      code: 'invalid-input',
      message: `invalid input ${describeChar(ch)}`,
      start: e.offset,
      end: e.offset + Math.max(1, e.length),
    });
  }
  for (const tab of result.groups['invalid'] ?? []) {
    // starlark-rust accepts tabs on lines that are blank or hold only a comment.
    const lineStart = text.lastIndexOf('\n', tab.startOffset - 1) + 1;
    const lineEnd = text.indexOf('\n', tab.startOffset);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (/^[ \t]*(?:#.*)?\r?$/.test(line)) continue;
    errors.push({ code: 'tab', message: 'tabs are not allowed', start: tab.startOffset, end: tokenEnd(tab) });
  }
  const comments: Comment[] = (result.groups['comments'] ?? []).map((c) => ({
    start: c.startOffset,
    end: tokenEnd(c),
    text: c.image.slice(1),
  }));

  const out: IToken[] = [];
  const indents = [0];
  let depth = 0;
  let atLineStart = true;
  let lastSignificant: IToken | undefined;
  for (const tok of result.tokens) {
    if (tok.tokenType === T.Newline) {
      if (depth > 0) continue; // inside brackets a newline is a blank
      const last = out[out.length - 1];
      if (last === undefined || last.tokenType === T.Newline) continue; // blank line
      out.push(tok);
      atLineStart = true;
      continue;
    }
    if (tok.tokenType === T.StringLiteral) {
      const payload = tok.payload as StringLiteralPayload;
      if (payload.error) errors.push({ code: 'string', ...payload.error });
    }
    if (atLineStart) {
      atLineStart = false;
      const lineStart = text.lastIndexOf('\n', tok.startOffset - 1) + 1;
      const indent = tok.startOffset - lineStart;
      const current = indents[indents.length - 1]!;
      if (indent > current) {
        if (lastSignificant?.tokenType === T.Colon) {
          indents.push(indent);
          out.push(virtual(T.Indent, '', tok.startOffset));
        } else {
          errors.push({ code: 'indentation', message: 'unexpected indentation', start: tok.startOffset, end: tokenEnd(tok) });
        }
      } else if (indent < current) {
        while (indents.length > 1 && indents[indents.length - 1]! > indent) {
          indents.pop();
          out.push(virtual(T.Dedent, '', tok.startOffset));
        }
        if (indents[indents.length - 1] !== indent) {
          errors.push({ code: 'indentation', message: 'incorrect indentation', start: tok.startOffset, end: tokenEnd(tok) });
        }
      }
    }
    if (OPENERS.has(tok.tokenType)) {
      depth++;
      if (depth === maxDepth + 1) {
        errors.push({
          code: 'too-deep',
          message: `brackets nested more than ${maxDepth} deep`,
          start: tok.startOffset,
          end: tokenEnd(tok),
        });
      }
    } else if (CLOSERS.has(tok.tokenType)) {
      depth = Math.max(0, depth - 1);
    }
    out.push(tok);
    lastSignificant = tok;
  }
  const endOffset = text.length;
  if (out.length > 0 && out[out.length - 1]!.tokenType !== T.Newline) out.push(virtual(T.Newline, '', endOffset));
  while (indents.length > 1) {
    indents.pop();
    out.push(virtual(T.Dedent, '', endOffset));
  }
  errors.sort((a, b) => a.start - b.start || a.end - b.end);
  return { tokens: out, comments, errors };
}
