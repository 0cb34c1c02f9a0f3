// Tokens of Starlark as Codex's parser (starlark-rust, Dialect::Extended with f-strings) lexes it.
// The order of `allTokens` matters: Chevrotain tries patterns in order and takes the first match
// (longer_alt aside), so longer operators come before their prefixes and keywords before
// identifiers. Labels are the names starlark-rust uses in its parse errors ("symbol ')'").
import { createToken, Lexer, type TokenType } from '../chevrotain.js';
import { scanStringLiteral, STRING_START_CHARS } from './string-literal.js';

// --- Layout: skipped, grouped, or turned into NEWLINE/INDENT/DEDENT by the layout pass ---------

/** Backslash-newline outside a string joins lines; starlark-rust skips it like a blank. */
const LineContinuation = createToken({
  name: 'LineContinuation',
  pattern: /\\\r?\n/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
/** Only spaces separate tokens; tabs are an error anywhere outside strings (below). */
const Spaces = createToken({ name: 'Spaces', pattern: / +/, group: Lexer.SKIPPED });
/** starlark-rust: "Parse error: tabs are not allowed". Kept in a group so the lexer can report it. */
const Tabs = createToken({ name: 'Tabs', pattern: /\t+/, group: 'invalid' });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });
/** CR is ignored at the start of a line; a lone CR elsewhere is invalid input, as in starlark-rust. */
export const Newline = createToken({ name: 'Newline', pattern: /\r?\n/, line_breaks: true, label: 'new line' });
/** Virtual tokens made by the layout pass (lexer.ts). */
export const Indent = createToken({ name: 'Indent', pattern: Lexer.NA, label: 'new indentation block' });
export const Dedent = createToken({ name: 'Dedent', pattern: Lexer.NA, label: 'end of indentation block' });

// --- Literals -----------------------------------------------------------------------------------

/**
 * Every kind of string literal (`"…"`, `'…'`, triple-quoted, `r`, `b`, `f` prefixes). A custom
 * pattern: the decoded value and any error travel in the token's payload. It must come before
 * Identifier, which would otherwise take the `r`/`b`/`f` prefix.
 */
export const StringLiteral = createToken({
  name: 'StringLiteral',
  label: 'string literal',
  line_breaks: true,
  start_chars_hint: STRING_START_CHARS,
  pattern: {
    exec: (text: string, offset: number) => {
      const m = scanStringLiteral(text, offset);
      if (!m) return null;
      const result = [m.image] as unknown as RegExpExecArray & { payload: unknown };
      result.payload = m.payload;
      return result;
    },
  },
});
/** Floats before Int (`1.5` must not lex as `1` `.5`) and before Dot (`.5`). */
export const FloatLiteral = createToken({
  name: 'FloatLiteral',
  label: 'float literal',
  pattern: /[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+|\.[0-9]+(?:[eE][-+]?[0-9]+)?/,
});
export const IntLiteral = createToken({
  name: 'IntLiteral',
  label: 'integer literal',
  pattern: /0[xX][0-9A-Fa-f]+|0[bB][01]+|0[oO][0-7]+|[0-9]+/,
});

// --- Identifiers and keywords ---------------------------------------------------------------------

/** ASCII only, as in starlark-rust. `True`, `False`, `None` are identifiers (globals), not keywords. */
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'identifier' });

function keyword(word: string): TokenType {
  return createToken({
    name: word[0]!.toUpperCase() + word.slice(1),
    pattern: new RegExp(word),
    longer_alt: Identifier, // `format` is an identifier, not `for` + `mat`
    label: `keyword '${word}'`,
  });
}

export const And = keyword('and');
export const Break = keyword('break');
export const Continue = keyword('continue');
export const Def = keyword('def');
export const Elif = keyword('elif');
export const Else = keyword('else');
export const For = keyword('for');
export const If = keyword('if');
export const In = keyword('in');
export const Lambda = keyword('lambda');
export const Load = keyword('load');
export const Not = keyword('not');
export const Or = keyword('or');
export const Pass = keyword('pass');
export const Return = keyword('return');
/** Python keywords Starlark reserves: "Parse error: cannot use reserved keyword `while`". */
export const Reserved = createToken({
  name: 'Reserved',
  // Longest first: with `as` first, `assert` would match `as` and longer_alt would make it an identifier.
  pattern: /assert|async|await|as|class|del|except|finally|from|global|import|is|nonlocal|raise|try|while|with|yield/,
  longer_alt: Identifier,
  label: 'reserved keyword',
});

// --- Punctuation ----------------------------------------------------------------------------------

function symbol(name: string, pattern: RegExp, text: string): TokenType {
  return createToken({ name, pattern, label: `symbol '${text}'` });
}

/** All augmented assignments are one token type; before every operator they start with. */
export const AugAssign = createToken({
  name: 'AugAssign',
  pattern: /\/\/=|<<=|>>=|[-+*/%&|^]=/,
  label: 'augmented assignment',
});
export const Arrow = symbol('Arrow', /->/, '->');
export const StarStar = symbol('StarStar', /\*\*/, '**');
export const Star = symbol('Star', /\*/, '*');
/** Comparisons; `==` before `=`, `<=`/`>=` and `!=` are two characters. `<<`/`>>` are in BinOp, first. */
export const BinOp = createToken({ name: 'BinOp', pattern: /\/\/|<<|>>|[/%&|^]/, label: 'operator' });
export const CompareOp = createToken({ name: 'CompareOp', pattern: /==|!=|<=|>=|<|>/, label: 'comparison' });
export const Plus = symbol('Plus', /\+/, '+');
export const Minus = symbol('Minus', /-/, '-');
export const Tilde = symbol('Tilde', /~/, '~');
export const Equal = symbol('Equal', /=/, '=');
export const Dot = symbol('Dot', /\./, '.');
export const Comma = symbol('Comma', /,/, ',');
export const Semicolon = symbol('Semicolon', /;/, ';');
export const Colon = symbol('Colon', /:/, ':');
export const LParen = symbol('LParen', /\(/, '(');
export const RParen = symbol('RParen', /\)/, ')');
export const LBracket = symbol('LBracket', /\[/, '[');
export const RBracket = symbol('RBracket', /\]/, ']');
export const LBrace = symbol('LBrace', /\{/, '{');
export const RBrace = symbol('RBrace', /\}/, '}');

export const allTokens: TokenType[] = [
  LineContinuation,
  Spaces,
  Tabs,
  Comment,
  Newline,
  StringLiteral, // before Identifier: r"…", b"…", f"…"
  FloatLiteral, // before IntLiteral and Dot
  IntLiteral,
  // Keywords before Identifier; longer_alt keeps `format`, `iffy`, `classic` identifiers.
  And,
  Break,
  Continue,
  Def,
  Elif,
  Else,
  For,
  If,
  In,
  Lambda,
  Load,
  Not,
  Or,
  Pass,
  Return,
  Reserved,
  Identifier,
  AugAssign, // before StarStar, BinOp, Plus, Minus, Equal
  Arrow, // before Minus
  StarStar, // before Star
  Star,
  BinOp, // `<<`/`>>` before CompareOp's `<`/`>`
  CompareOp, // `==` before Equal
  Plus,
  Minus,
  Tilde,
  Equal,
  Dot,
  Comma,
  Semicolon,
  Colon,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
];

export const Indentation = [Indent, Dedent];
