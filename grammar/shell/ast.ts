// Typed AST of the shell grammar. Every node has half-open offsets (`start`, `end`) into the
// original command string. Nodes read from a derived text (the inside of backticks, whose
// escapes are removed before it is parsed) carry offsets mapped back to the original string.

export interface Node {
  start: number;
  end: number;
}

// ---- words -----------------------------------------------------------------------------------

/** Literal text. `quoted` when it came from a backslash escape, so it is not a glob or keyword. */
export interface Lit extends Node {
  type: 'lit';
  value: string;
  quoted: boolean;
  /** The elements of an array assignment's `(…)`, whose raw text is `value`. */
  array?: Word[];
}

export interface SglQuoted extends Node {
  type: 'sgl';
  value: string;
}

/** `"…"` or bash's locale string `$"…"`. */
export interface DblQuoted extends Node {
  type: 'dbl';
  parts: WordPart[];
  locale: boolean;
}

/** `$'…'` with its escapes decoded (bash manual §3.1.2.4). */
export interface AnsiC extends Node {
  type: 'ansi';
  value: string;
}

/** `$name`, `$1`, `$@`, `${…}`: `raw` is the text as written; `nested` holds the parts of its operands and subscripts. */
export interface Param extends Node {
  type: 'param';
  raw: string;
  name: string;
  nested: WordPart[];
  /** `${!name}` indirection, `${x@P}` prompt expansion and similar run-time evaluation. */
  indirect: boolean;
  /** A transformation operator `@X`, if any. */
  transform?: string;
}

export type SubstKind = '$(' | '`' | '${ ' | '${|';

/** Command substitution `$(…)`, backticks, or bash 5.3 `${ …; }` / `${| …; }`. */
export interface CmdSubst extends Node {
  type: 'cmdsubst';
  raw: string;
  kind: SubstKind;
  body: Script;
}

/** `$((…))` or the old `$[…]`. */
export interface Arith extends Node {
  type: 'arith';
  raw: string;
  parts: WordPart[];
}

/** `<(…)` or `>(…)`. */
export interface ProcSubst extends Node {
  type: 'procsubst';
  raw: string;
  op: '<' | '>';
  body: Script;
}

export type WordPart = Lit | SglQuoted | DblQuoted | AnsiC | Param | CmdSubst | Arith | ProcSubst;

export interface Assignment {
  name: string;
  op: '=' | '+=';
  /** Subscript parts of `a[i]=…`. */
  subscript?: WordPart[];
  /** Parts of the value (after `=`), when not an array. */
  value: WordPart[];
  /** Elements of `a=(…)`. */
  array?: Word[];
}

export interface Word extends Node {
  type: 'word';
  parts: WordPart[];
  /** Set when the word has the shape of an assignment (`NAME=`, `NAME+=`, `NAME[i]=`, `NAME=(…)`). */
  assign?: Assignment;
}

// ---- commands --------------------------------------------------------------------------------

export interface HeredocBody extends Node {
  /** Delimiter after quote removal. */
  delimiter: string;
  /** A quoted delimiter turns off expansion in the body (bash manual §3.6.6). */
  quoted: boolean;
  stripTabs: boolean;
  /** Parts of the body when the delimiter is unquoted; one literal part otherwise. */
  parts: WordPart[];
  text: string;
  /** False when the input ended before the delimiter line (bash warns and accepts). */
  terminated: boolean;
}

export interface Redirect extends Node {
  type: 'redirect';
  /** Operator as written, including an fd number or `{name}` prefix. */
  op: string;
  target: Word;
  heredoc?: HeredocBody;
}

export interface SimpleCommand extends Node {
  type: 'simple';
  assigns: Word[];
  words: Word[];
  redirects: Redirect[];
}

export interface Subshell extends Node {
  type: 'subshell';
  body: List;
  redirects: Redirect[];
}

export interface Group extends Node {
  type: 'group';
  body: List;
  redirects: Redirect[];
}

export interface IfClause extends Node {
  type: 'if';
  /** Conditions and bodies in order: if/elif conditions and their `then` bodies. */
  clauses: { cond: List; body: List }[];
  elseBody?: List;
  redirects: Redirect[];
}

export interface WhileClause extends Node {
  type: 'while';
  until: boolean;
  cond: List;
  body: List;
  redirects: Redirect[];
}

export interface ForClause extends Node {
  type: 'for';
  select: boolean;
  name: Word;
  /** Undefined when `in` is absent (iterates over "$@"). */
  items?: Word[];
  body: List;
  redirects: Redirect[];
}

export interface ArithCmd extends Node {
  type: 'arithcmd';
  raw: string;
  parts: WordPart[];
}

export interface ArithFor extends Node {
  type: 'arithfor';
  header: ArithCmd;
  body: List;
  redirects: Redirect[];
}

export interface CaseItem extends Node {
  patterns: Word[];
  body?: List;
  terminator?: ';;' | ';&' | ';;&';
}

export interface CaseClause extends Node {
  type: 'case';
  word: Word;
  items: CaseItem[];
  redirects: Redirect[];
}

/** `[[ … ]]`: the operands as words; operators are kept as plain literal words. */
export interface DBracket extends Node {
  type: 'dbracket';
  words: Word[];
  redirects: Redirect[];
}

export interface ArithCommand extends Node {
  type: 'arith-command';
  expr: ArithCmd;
  redirects: Redirect[];
}

export interface FunctionDef extends Node {
  type: 'function';
  name: Word;
  body: Command;
}

export interface Coproc extends Node {
  type: 'coproc';
  name?: Word;
  body: Command;
}

export type Command =
  | SimpleCommand
  | Subshell
  | Group
  | IfClause
  | WhileClause
  | ForClause
  | ArithFor
  | CaseClause
  | DBracket
  | ArithCommand
  | FunctionDef
  | Coproc;

export interface Pipeline extends Node {
  type: 'pipeline';
  negated: boolean;
  timed: boolean;
  commands: Command[];
  /** Operators between commands: `|` or `|&`. */
  ops: string[];
}

export interface AndOr extends Node {
  type: 'andor';
  pipelines: Pipeline[];
  ops: ('&&' | '||')[];
  background: boolean;
}

export interface List extends Node {
  type: 'list';
  items: AndOr[];
}

export interface Script extends Node {
  type: 'script';
  body: List;
}
