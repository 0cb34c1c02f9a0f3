// The Starlark grammar's API: text in, a Module and syntax errors out; nothing is thrown.
// One parser instance is reused for every statement of every file (Chevrotain parsers are
// reusable by resetting `input`). Each top-level statement is parsed on its own, so a syntax
// error costs that statement only and the rest of the file is still read.
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Module, Statement } from './ast.js';
import { lexStarlark, tokenEnd, type LexOptions, type StarlarkSyntaxError } from './lexer.js';
import { StarlarkParser } from './parser.js';
import * as T from './tokens.js';

export type { StarlarkSyntaxError, LexOptions } from './lexer.js';
export * from './ast.js';
export type { StringLiteralPayload, StringFlavor } from './string-literal.js';
export { scanStringLiteral } from './string-literal.js';

export interface ParseStarlarkResult {
  module: Module;
  errors: StarlarkSyntaxError[];
}

let parser: StarlarkParser | undefined;

function getParser(): StarlarkParser {
  parser ??= new StarlarkParser();
  return parser;
}

/** How starlark-rust names a token in "unexpected X, expected Y". */
function describeToken(tok: IToken): string {
  switch (tok.tokenType) {
    case T.Newline:
      return 'new line';
    case T.Indent:
      return 'new indentation block';
    case T.Dedent:
      return 'end of indentation block';
    case T.Identifier:
      return `identifier '${tok.image}'`;
    case T.StringLiteral:
      return 'string literal';
    case T.IntLiteral:
      return `integer literal '${tok.image}'`;
    case T.FloatLiteral:
      return `float literal '${tok.image}'`;
    case T.Reserved:
      return `reserved keyword \`${tok.image}\``;
    default:
      if (tok.tokenType.name === 'EOF') return 'end of file';
      if (/^[a-z]+$/.test(tok.image)) return `keyword '${tok.image}'`;
      return `symbol '${tok.image}'`;
  }
}

/** The token kinds an expression can start with: "expected expression" rather than a list. */
const EXPRESSION_RULES = new Set([
  'test',
  'testList',
  'orExpr',
  'andExpr',
  'notExpr',
  'comparison',
  'arith',
  'unary',
  'primaryExpr',
  'operand',
  'argument',
  'smallStmt',
  'exprOrAssign',
  'dictEntry',
]);

function syntaxError(e: IRecognitionException, end: number): StarlarkSyntaxError {
  const tok = e.token;
  const found = tok.tokenType.name === 'EOF' ? undefined : tok;
  const start = found ? found.startOffset : end;
  const stop = found ? Math.max(tokenEnd(found), found.startOffset) : end;
  const unexpected = found ? describeToken(found) : 'end of file';
  if (found?.tokenType === T.Reserved) {
    return { code: 'syntax', message: `cannot use reserved keyword \`${found.image}\``, start, end: stop };
  }
  let expected = 'expression';
  if (e.name === 'MismatchedTokenException') {
    const m = /-->\s*(.+?)\s*<--/.exec(e.message);
    // `f(a,, )`: after a comma an expression is what was missing (Codex's wording).
    const previous = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
    const afterComma = previous?.tokenType === T.Comma && found?.tokenType === T.Comma;
    if (m && !afterComma) expected = m[1]!;
  } else {
    const rule = e.context.ruleStack[e.context.ruleStack.length - 1] ?? '';
    if (!EXPRESSION_RULES.has(rule)) expected = rule === 'statement' ? 'statement' : 'expression';
  }
  return { code: 'syntax', message: `unexpected ${unexpected}, expected ${expected}`, start, end: stop };
}

/**
 * Split the layout token stream into top-level statements: a statement ends at a NEWLINE at
 * block level 0 that is not followed by an INDENT, or at the DEDENT that closes its block (unless
 * `elif`/`else` continue it).
 */
function topLevelStatements(tokens: IToken[]): IToken[][] {
  const chunks: IToken[][] = [];
  let current: IToken[] = [];
  let level = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    current.push(tok);
    if (tok.tokenType === T.Indent) level++;
    else if (tok.tokenType === T.Dedent) level = Math.max(0, level - 1);
    const next = tokens[i + 1];
    const ends =
      level === 0 &&
      (tok.tokenType === T.Dedent || tok.tokenType === T.Newline) &&
      next?.tokenType !== T.Indent &&
      next?.tokenType !== T.Dedent &&
      next?.tokenType !== T.Elif && // an if statement goes on
      next?.tokenType !== T.Else;
    if (ends) {
      chunks.push(current);
      current = [];
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export function parseStarlark(text: string, options: LexOptions = {}): ParseStarlarkResult {
  const lexed = lexStarlark(text, options);
  const errors: StarlarkSyntaxError[] = [];
  const statements: Statement[] = [];
  const p = getParser();
  const lexErrors = lexed.errors;
  let e = 0; // index into the lexer errors, sorted by start
  for (const chunk of topLevelStatements(lexed.tokens)) {
    const start = chunk[0]!.startOffset;
    const end = Math.max(start, tokenEnd(chunk[chunk.length - 1]!));
    while (e < lexErrors.length && lexErrors[e]!.start < start) errors.push(lexErrors[e++]!);
    // A statement that holds a lexer error is not parsed, and only its first lexer error is
    // reported (as starlark-rust stops at the first): after an unfinished string the rest of
    // the statement is noise.
    if (e < lexErrors.length && lexErrors[e]!.start < end) {
      errors.push(lexErrors[e]!);
      while (e < lexErrors.length && lexErrors[e]!.start < end) e++;
      continue;
    }
    p.input = chunk;
    let parsed: Statement[] | undefined;
    try {
      parsed = p.statement();
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      errors.push({ code: 'too-deep', message: 'statement nested too deeply to read', start, end });
      continue;
    }
    if (p.errors.length > 0) {
      errors.push(syntaxError(p.errors[0]!, end));
      continue;
    }
    if (parsed) statements.push(...parsed);
  }
  while (e < lexErrors.length) errors.push(lexErrors[e++]!);
  errors.sort((a, b) => a.start - b.start || a.end - b.end);
  return { module: { start: 0, end: text.length, statements, comments: lexed.comments }, errors };
}
