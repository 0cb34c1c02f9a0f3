// The typed AST of a Codex `.rules` file. Every node has half-open offsets into the file text.
// Literal values, lists, tuples, dicts and calls are real nodes; every other expression Starlark
// allows is an `UnsupportedExpr` that names the construct, because escalint reads rule files
// without running them and only needs to say where such a construct is.
import type { StringFlavor } from './string-literal.js';

export interface Node {
  start: number;
  end: number;
}

export interface StringLit extends Node {
  kind: 'string';
  /** The decoded value, exactly as Codex's parser decodes the literal. */
  value: string;
  /** `str` for plain and raw literals; `bytes` for `b"…"`; `fstring` for `f"…"`. */
  flavor: StringFlavor;
  raw: boolean;
  triple: boolean;
}

export interface IntLit extends Node {
  kind: 'int';
  /** The literal as written (`10`, `0x1f`). */
  text: string;
}

export interface FloatLit extends Node {
  kind: 'float';
  text: string;
}

/** A bare name: a variable or a global such as `True`, `False`, `None`, `len`. */
export interface Name extends Node {
  kind: 'name';
  name: string;
}

export interface ListExpr extends Node {
  kind: 'list';
  elements: Expr[];
}

/** `(a, b)`, `(a,)`, `()`, or a bare `a, b`. */
export interface TupleExpr extends Node {
  kind: 'tuple';
  elements: Expr[];
}

export interface DictEntry extends Node {
  key: Expr;
  value: Expr;
}

export interface DictExpr extends Node {
  kind: 'dict';
  entries: DictEntry[];
}

export interface Argument extends Node {
  /** `x`, `name=x`, `*x`, `**x`. */
  kind: 'positional' | 'keyword' | 'star' | 'star-star';
  /** The keyword's name and where it is written (keyword arguments only). */
  name?: string;
  nameStart?: number;
  nameEnd?: number;
  value: Expr;
}

export interface CallExpr extends Node {
  kind: 'call';
  callee: Expr;
  args: Argument[];
}

/** The Starlark constructs escalint does not evaluate, by the words its messages use. */
export type UnsupportedConstruct =
  | 'operator' // a + b, -x, a % b, a == b, a and b, not a, a in b
  | 'conditional' // a if b else c
  | 'lambda'
  | 'comprehension'
  | 'attribute' // a.b, "x".format(…)
  | 'subscript'; // a[0], a[1:2]

export interface UnsupportedExpr extends Node {
  kind: 'unsupported';
  construct: UnsupportedConstruct;
  /** For operators, the operator as written (`+`, `not in`, `%`). */
  detail?: string;
  /** Where the construct's own keyword or operator is, for a precise diagnostic. */
  at: Node;
}

export type Expr =
  | StringLit
  | IntLit
  | FloatLit
  | Name
  | ListExpr
  | TupleExpr
  | DictExpr
  | CallExpr
  | UnsupportedExpr;

export interface ExprStatement extends Node {
  kind: 'expr';
  expr: Expr;
}

/** A statement escalint does not run, with the position of the keyword or target that names it. */
export interface UnsupportedStatement extends Node {
  kind: 'assign' | 'augmented-assign' | 'def' | 'for' | 'if' | 'load' | 'return' | 'pass' | 'break' | 'continue';
  at: Node;
}

export type Statement = ExprStatement | UnsupportedStatement;

export interface Comment extends Node {
  /** The text after `#`. */
  text: string;
}

export interface Module extends Node {
  statements: Statement[];
  comments: Comment[];
}
