// Token types of the shell grammar. The lexer (lexer.ts) is hand-written and context-aware, so
// these token types carry no regular expressions: they exist for the Chevrotain parser and its
// syntax diagrams. Words carry their parsed parts in `payload`.
import { createToken, Lexer, type IToken, type TokenType } from '../chevrotain.js';
import type { ArithCmd, DBracket, HeredocBody, Word as WordNode } from './ast.js';

// Any word, keyword or not: arguments accept every word, including `if`, `}` or `done`
// (bash recognizes reserved words only in command position: bash manual §3.2.1).
export const AnyWord = createToken({ name: 'AnyWord', pattern: Lexer.NA });
// A word the lexer did not classify as a reserved word: only these can start a simple command.
export const Word = createToken({ name: 'Word', pattern: Lexer.NA, categories: [AnyWord] });

function keyword(name: string, label: string): TokenType {
  return createToken({ name, label, pattern: Lexer.NA, categories: [AnyWord] });
}

// Reserved words (bash manual §2 "Reserved Words"): emitted by the lexer only in command position.
export const If = keyword('If', "'if'");
export const Then = keyword('Then', "'then'");
export const Elif = keyword('Elif', "'elif'");
export const Else = keyword('Else', "'else'");
export const Fi = keyword('Fi', "'fi'");
export const Do = keyword('Do', "'do'");
export const Done = keyword('Done', "'done'");
export const Case = keyword('Case', "'case'");
export const Esac = keyword('Esac', "'esac'");
export const While = keyword('While', "'while'");
export const Until = keyword('Until', "'until'");
export const For = keyword('For', "'for'");
export const Select = keyword('Select', "'select'");
export const In = keyword('In', "'in'");
export const Function = keyword('Function', "'function'");
export const LBrace = keyword('LBrace', "'{'");
export const RBrace = keyword('RBrace', "'}'");
export const Bang = keyword('Bang', "'!'");
export const Time = keyword('Time', "'time'");
export const Coproc = keyword('Coproc', "'coproc'");
// `]]` is reserved too: in command position outside `[[` no rule accepts it, as in bash.
const DBracketEnd = keyword('DBracketEnd', "']]'");

// Whole constructs the lexer reads in one piece because their inside follows other rules.
export const DBracketTok = createToken({ name: 'DBracket', label: "'[[ … ]]'", pattern: Lexer.NA });
export const ArithTok = createToken({ name: 'Arith', label: "'(( … ))'", pattern: Lexer.NA });

// Operators (bash manual §2 "control operator").
export const Newline = createToken({ name: 'Newline', label: 'newline', pattern: Lexer.NA });
export const Semi = createToken({ name: 'Semi', label: "';'", pattern: Lexer.NA });
export const Amp = createToken({ name: 'Amp', label: "'&'", pattern: Lexer.NA });
export const AndIf = createToken({ name: 'AndIf', label: "'&&'", pattern: Lexer.NA });
export const OrIf = createToken({ name: 'OrIf', label: "'||'", pattern: Lexer.NA });
export const Pipe = createToken({ name: 'Pipe', label: "'|'", pattern: Lexer.NA });
export const PipeAmp = createToken({ name: 'PipeAmp', label: "'|&'", pattern: Lexer.NA });
export const LParen = createToken({ name: 'LParen', label: "'('", pattern: Lexer.NA });
export const RParen = createToken({ name: 'RParen', label: "')'", pattern: Lexer.NA });
export const DSemi = createToken({ name: 'DSemi', label: "';;'", pattern: Lexer.NA });
export const SemiAmp = createToken({ name: 'SemiAmp', label: "';&'", pattern: Lexer.NA });
export const DSemiAmp = createToken({ name: 'DSemiAmp', label: "';;&'", pattern: Lexer.NA });
// A redirection operator with its optional fd (`2>`, `{fd}>`, `&>>`, `<<-`); the target is the next word.
export const RedirOp = createToken({ name: 'RedirOp', label: 'redirection', pattern: Lexer.NA });

export const allTokens: TokenType[] = [
  AnyWord, Word, If, Then, Elif, Else, Fi, Do, Done, Case, Esac, While, Until, For, Select, In,
  Function, LBrace, RBrace, Bang, Time, Coproc, DBracketEnd, DBracketTok, ArithTok, Newline, Semi, Amp, AndIf,
  OrIf, Pipe, PipeAmp, LParen, RParen, DSemi, SemiAmp, DSemiAmp, RedirOp,
];

// A Map, not an object: a command named `toString` or `constructor` must not find Object.prototype.
export const keywordTypes: ReadonlyMap<string, TokenType> = new Map(Object.entries({
  if: If, then: Then, elif: Elif, else: Else, fi: Fi, do: Do, done: Done, case: Case, esac: Esac,
  while: While, until: Until, for: For, select: Select, in: In, function: Function, '{': LBrace,
  '}': RBrace, '!': Bang, time: Time, coproc: Coproc, ']]': DBracketEnd,
}));

/** What the lexer attaches to a token. */
export interface RedirPayload {
  op: string;
  heredoc?: HeredocBody;
}

export type ShellToken = IToken & {
  payload?: WordNode | RedirPayload | DBracket | ArithCmd;
};
