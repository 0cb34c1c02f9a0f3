// A Chevrotain parser for the Starlark that Codex accepts (starlark-rust, Dialect::Extended with
// f-strings). It recognises the whole expression and statement syntax so that a construct
// escalint does not run (a variable, `def`, a loop, `+`) is told apart from a real syntax error
// and reported where it is; only literals, lists, tuples, dicts and calls become full AST nodes.
// Rules are class fields (a misspelled SUBRULE fails to compile); the AST is built in ACTIONs
// because Chevrotain runs each rule once without input to record the grammar.
import { EmbeddedActionsParser, type IToken, type TokenType } from '../chevrotain.js';
import type {
  Argument,
  CallExpr,
  DictEntry,
  Expr,
  Node,
  Statement,
  UnsupportedConstruct,
  UnsupportedExpr,
} from './ast.js';
import type { StringLiteralPayload } from './string-literal.js';
import * as T from './tokens.js';
import { tokenEnd } from './lexer.js';
import { TabledLookahead, type LookaheadTable } from '../lookahead.js';
import { STARLARK_LOOKAHEAD } from './lookahead-table.js';

function span(first: IToken | Node, last: IToken | Node): Node {
  const start = 'startOffset' in first ? first.startOffset : first.start;
  const end = 'startOffset' in last ? tokenEnd(last) : last.end;
  return { start, end };
}

function tokSpan(tok: IToken): Node {
  return { start: tok.startOffset, end: tokenEnd(tok) };
}

function unsupported(construct: UnsupportedConstruct, whole: Node, at: Node, detail?: string): UnsupportedExpr {
  return { kind: 'unsupported', construct, start: whole.start, end: whole.end, at, ...(detail ? { detail } : {}) };
}

// A MismatchedTokenException names the expected token by its label alone, between markers, so
// that the API (index.ts) can word the error the way starlark-rust does.
const errorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }: { expected: TokenType }) => `--> ${expected.LABEL ?? expected.name} <--`,
  buildNotAllInputParsedMessage: () => 'not all input parsed',
  buildNoViableAltMessage: () => 'no viable alternative',
  buildEarlyExitMessage: () => 'early exit',
};

const MAX_LOOKAHEAD = 3;

export class StarlarkParser extends EmbeddedActionsParser {
  /** `validate`: run Chevrotain's grammar checks (tests do; every process need not). */
  constructor(readonly lookahead = new TabledLookahead(STARLARK_LOOKAHEAD, MAX_LOOKAHEAD), validate = false) {
    super([...T.allTokens, ...T.Indentation], { maxLookahead: MAX_LOOKAHEAD, errorMessageProvider, skipValidations: !validate, lookaheadStrategy: lookahead });
    this.performSelfAnalysis();
  }

  // statement: a top-level or block statement, with its NEWLINE.
  public statement = this.RULE('statement', (): Statement[] => {
    return this.OR([
      { ALT: () => [this.SUBRULE(this.defStmt)] },
      { ALT: () => [this.SUBRULE(this.forStmt)] },
      { ALT: () => [this.SUBRULE(this.ifStmt)] },
      { ALT: () => this.SUBRULE(this.simpleStmts) },
    ]);
  });

  // simpleStmts: smallStmt (';' smallStmt)* ';'? NEWLINE
  private simpleStmts = this.RULE('simpleStmts', (): Statement[] => {
    const stmts: Statement[] = [this.SUBRULE(this.smallStmt)];
    this.MANY(() => {
      this.CONSUME(T.Semicolon);
      this.OPTION(() => stmts.push(this.SUBRULE2(this.smallStmt)));
    });
    this.CONSUME(T.Newline);
    return stmts;
  });

  private smallStmt = this.RULE('smallStmt', (): Statement => {
    return this.OR([
      {
        ALT: () => {
          const kw = this.CONSUME(T.Return);
          let last: IToken | Node = kw;
          this.OPTION(() => (last = this.SUBRULE(this.testList)));
          return this.ACTION(() => ({ kind: 'return' as const, ...span(kw, last), at: tokSpan(kw) }));
        },
      },
      { ALT: () => this.keywordStatement(this.CONSUME(T.Pass), 'pass') },
      { ALT: () => this.keywordStatement(this.CONSUME(T.Break), 'break') },
      { ALT: () => this.keywordStatement(this.CONSUME(T.Continue), 'continue') },
      { ALT: () => this.SUBRULE(this.loadStmt) },
      { ALT: () => this.SUBRULE(this.exprOrAssign) },
    ]);
  });

  private keywordStatement(kw: IToken, kind: 'pass' | 'break' | 'continue'): Statement {
    return this.ACTION(() => ({ kind, ...tokSpan(kw), at: tokSpan(kw) }));
  }

  // load("module.star", "symbol", alias = "symbol")
  private loadStmt = this.RULE('loadStmt', (): Statement => {
    const kw = this.CONSUME(T.Load);
    this.CONSUME(T.LParen);
    this.SUBRULE(this.argList);
    const close = this.CONSUME(T.RParen);
    return this.ACTION(() => ({ kind: 'load' as const, ...span(kw, close), at: tokSpan(kw) }));
  });

  private exprOrAssign = this.RULE('exprOrAssign', (): Statement => {
    const lhs = this.SUBRULE(this.testList);
    let op: IToken | undefined;
    let rhs: Expr | undefined;
    this.OPTION(() => {
      op = this.OR([{ ALT: () => this.CONSUME(T.Equal) }, { ALT: () => this.CONSUME(T.AugAssign) }]);
      rhs = this.SUBRULE2(this.testList);
    });
    return this.ACTION((): Statement => {
      if (op && rhs) {
        const kind = op.tokenType === T.Equal ? ('assign' as const) : ('augmented-assign' as const);
        return { kind, ...span(lhs, rhs), at: { start: lhs.start, end: lhs.end } };
      }
      return { kind: 'expr', ...span(lhs, lhs), expr: lhs };
    });
  });

  // def name(params) -> type: suite
  private defStmt = this.RULE('defStmt', (): Statement => {
    const kw = this.CONSUME(T.Def);
    const name = this.CONSUME(T.Identifier);
    this.CONSUME(T.LParen);
    this.OPTION(() => this.SUBRULE(this.params));
    this.CONSUME(T.RParen);
    this.OPTION2(() => {
      this.CONSUME(T.Arrow);
      this.SUBRULE(this.test);
    });
    this.CONSUME(T.Colon);
    const last = this.SUBRULE(this.suite);
    return this.ACTION(() => ({ kind: 'def' as const, ...span(kw, last), at: span(kw, name) }));
  });

  private params = this.RULE('params', () => {
    this.SUBRULE(this.param);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.param);
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
  });

  private param = this.RULE('param', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Star);
          this.OPTION(() => this.CONSUME(T.Identifier));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.StarStar);
          this.CONSUME2(T.Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME3(T.Identifier);
          this.OPTION2(() => {
            this.CONSUME(T.Colon);
            this.SUBRULE(this.test);
          });
          this.OPTION3(() => {
            this.CONSUME(T.Equal);
            this.SUBRULE2(this.test);
          });
        },
      },
    ]);
  });

  // for targets in iterable: suite
  private forStmt = this.RULE('forStmt', (): Statement => {
    const kw = this.CONSUME(T.For);
    this.SUBRULE(this.loopTargets);
    this.CONSUME(T.In);
    this.SUBRULE(this.testList);
    this.CONSUME(T.Colon);
    const last = this.SUBRULE(this.suite);
    return this.ACTION(() => ({ kind: 'for' as const, ...span(kw, last), at: tokSpan(kw) }));
  });

  private loopTargets = this.RULE('loopTargets', () => {
    this.SUBRULE(this.primaryExpr);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.primaryExpr);
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
  });

  private ifStmt = this.RULE('ifStmt', (): Statement => {
    const kw = this.CONSUME(T.If);
    this.SUBRULE(this.test);
    this.CONSUME(T.Colon);
    let last: Node = this.SUBRULE(this.suite);
    this.MANY(() => {
      this.CONSUME(T.Elif);
      this.SUBRULE2(this.test);
      this.CONSUME2(T.Colon);
      last = this.SUBRULE2(this.suite);
    });
    this.OPTION(() => {
      this.CONSUME(T.Else);
      this.CONSUME3(T.Colon);
      last = this.SUBRULE3(this.suite);
    });
    return this.ACTION(() => ({ kind: 'if' as const, ...span(kw, last), at: tokSpan(kw) }));
  });

  // suite: simple statements on the same line, or an indented block.
  private suite = this.RULE('suite', (): Node => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Newline);
          this.CONSUME(T.Indent);
          let last: Statement[] = [];
          this.AT_LEAST_ONE(() => (last = this.SUBRULE(this.statement)));
          const dedent = this.CONSUME(T.Dedent);
          return this.ACTION(() => (last.length > 0 ? span(last[last.length - 1]!, last[last.length - 1]!) : tokSpan(dedent)));
        },
      },
      {
        ALT: () => {
          const stmts = this.SUBRULE(this.simpleStmts);
          return this.ACTION(() => span(stmts[stmts.length - 1]!, stmts[stmts.length - 1]!));
        },
      },
    ]);
  });

  // --- Expressions ----------------------------------------------------------------------------

  // testList: test (',' test)* ','?  — a bare tuple when there is a comma.
  private testList = this.RULE('testList', (): Expr => {
    const first = this.SUBRULE(this.test);
    const elements: Expr[] = [first];
    let comma: IToken | undefined;
    this.MANY(() => {
      this.CONSUME(T.Comma);
      elements.push(this.SUBRULE2(this.test));
    });
    this.OPTION(() => (comma = this.CONSUME2(T.Comma)));
    return this.ACTION((): Expr => {
      if (elements.length === 1 && !comma) return first;
      return { kind: 'tuple', ...span(first, comma ?? elements[elements.length - 1]!), elements };
    });
  });

  public test = this.RULE('test', (): Expr => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.lambdaExpr) },
      {
        ALT: () => {
          const value = this.SUBRULE(this.orExpr);
          let kw: IToken | undefined;
          let last: Expr | undefined;
          this.OPTION(() => {
            kw = this.CONSUME(T.If);
            this.SUBRULE2(this.orExpr);
            this.CONSUME(T.Else);
            last = this.SUBRULE(this.test);
          });
          return this.ACTION(() => (kw && last ? unsupported('conditional', span(value, last), tokSpan(kw)) : value));
        },
      },
    ]);
  });

  private lambdaExpr = this.RULE('lambdaExpr', (): Expr => {
    const kw = this.CONSUME(T.Lambda);
    this.OPTION(() => this.SUBRULE(this.lambdaParams));
    this.CONSUME(T.Colon);
    const body = this.SUBRULE(this.test);
    return this.ACTION(() => unsupported('lambda', span(kw, body), tokSpan(kw)));
  });

  private lambdaParams = this.RULE('lambdaParams', () => {
    this.SUBRULE(this.lambdaParam);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.lambdaParam);
    });
    this.OPTION(() => this.CONSUME2(T.Comma));
  });

  private lambdaParam = this.RULE('lambdaParam', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Star);
          this.OPTION(() => this.CONSUME(T.Identifier));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.StarStar);
          this.CONSUME2(T.Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME3(T.Identifier);
          this.OPTION2(() => {
            this.CONSUME(T.Equal);
            this.SUBRULE(this.test);
          });
        },
      },
    ]);
  });

  /** A chain of binary operators, flattened: escalint only reports the first operator. */
  private binaryChain(first: Expr, ops: { op: IToken; rhs: Expr }[], detail?: (op: IToken) => string): Expr {
    return this.ACTION(() => {
      if (ops.length === 0) return first;
      const op = ops[0]!.op;
      return unsupported('operator', span(first, ops[ops.length - 1]!.rhs), tokSpan(op), detail ? detail(op) : op.image);
    });
  }

  private orExpr = this.RULE('orExpr', (): Expr => {
    const first = this.SUBRULE(this.andExpr);
    const ops: { op: IToken; rhs: Expr }[] = [];
    this.MANY(() => {
      const op = this.CONSUME(T.Or);
      ops.push({ op, rhs: this.SUBRULE2(this.andExpr) });
    });
    return this.binaryChain(first, ops);
  });

  private andExpr = this.RULE('andExpr', (): Expr => {
    const first = this.SUBRULE(this.notExpr);
    const ops: { op: IToken; rhs: Expr }[] = [];
    this.MANY(() => {
      const op = this.CONSUME(T.And);
      ops.push({ op, rhs: this.SUBRULE2(this.notExpr) });
    });
    return this.binaryChain(first, ops);
  });

  // `not` is iterated, not recursive, so `not not … x` cannot exhaust the stack.
  private notExpr = this.RULE('notExpr', (): Expr => {
    const nots: IToken[] = [];
    this.MANY(() => nots.push(this.CONSUME(T.Not)));
    const operand = this.SUBRULE(this.comparison);
    return this.ACTION(() => (nots.length > 0 ? unsupported('operator', span(nots[0]!, operand), tokSpan(nots[0]!), 'not') : operand));
  });

  private comparison = this.RULE('comparison', (): Expr => {
    const first = this.SUBRULE(this.arith);
    const ops: { op: IToken; rhs: Expr }[] = [];
    this.MANY(() => {
      const op = this.OR([
        { ALT: () => this.CONSUME(T.CompareOp) },
        { ALT: () => this.CONSUME(T.In) },
        {
          ALT: () => {
            const not = this.CONSUME(T.Not);
            this.CONSUME2(T.In);
            return not;
          },
        },
      ]);
      ops.push({ op, rhs: this.SUBRULE2(this.arith) });
    });
    return this.binaryChain(first, ops, (op) => (op.tokenType === T.Not ? 'not in' : op.image));
  });

  // All arithmetic and bitwise operators at one level: precedence does not matter to escalint.
  private arith = this.RULE('arith', (): Expr => {
    const first = this.SUBRULE(this.unary);
    const ops: { op: IToken; rhs: Expr }[] = [];
    this.MANY(() => {
      const op = this.OR([
        { ALT: () => this.CONSUME(T.Plus) },
        { ALT: () => this.CONSUME(T.Minus) },
        { ALT: () => this.CONSUME(T.Star) },
        { ALT: () => this.CONSUME(T.StarStar) },
        { ALT: () => this.CONSUME(T.BinOp) },
      ]);
      ops.push({ op, rhs: this.SUBRULE2(this.unary) });
    });
    return this.binaryChain(first, ops);
  });

  private unary = this.RULE('unary', (): Expr => {
    const ops: IToken[] = [];
    this.MANY(() =>
      ops.push(
        this.OR([
          { ALT: () => this.CONSUME(T.Plus) },
          { ALT: () => this.CONSUME(T.Minus) },
          { ALT: () => this.CONSUME(T.Tilde) },
        ]),
      ),
    );
    const operand = this.SUBRULE(this.primaryExpr);
    return this.ACTION(() => (ops.length > 0 ? unsupported('operator', span(ops[0]!, operand), tokSpan(ops[0]!), ops[0]!.image) : operand));
  });

  // primaryExpr: operand followed by calls, attributes and subscripts.
  private primaryExpr = this.RULE('primaryExpr', (): Expr => {
    let expr = this.SUBRULE(this.operand);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            const args = this.SUBRULE(this.argList);
            const close = this.CONSUME(T.RParen);
            const callee = expr;
            expr = this.ACTION((): CallExpr => ({ kind: 'call', ...span(callee, close), callee, args }));
          },
        },
        {
          ALT: () => {
            const dot = this.CONSUME(T.Dot);
            const name = this.CONSUME(T.Identifier);
            const target = expr;
            expr = this.ACTION(() => unsupported('attribute', span(target, name), span(dot, name)));
          },
        },
        {
          ALT: () => {
            const open = this.CONSUME(T.LBracket);
            this.SUBRULE(this.subscript);
            const close = this.CONSUME(T.RBracket);
            const target = expr;
            expr = this.ACTION(() => unsupported('subscript', span(target, close), span(open, close)));
          },
        },
      ]);
    });
    return expr;
  });

  // a[i], a[i:j], a[i:j:k], a[:]
  private subscript = this.RULE('subscript', () => {
    this.OPTION(() => this.SUBRULE(this.test));
    this.OPTION2(() => {
      this.CONSUME(T.Colon);
      this.OPTION3(() => this.SUBRULE2(this.test));
      this.OPTION4(() => {
        this.CONSUME2(T.Colon);
        this.OPTION5(() => this.SUBRULE3(this.test));
      });
    });
  });

  // argList: (arg (',' arg)* ','?)?
  private argList = this.RULE('argList', (): Argument[] => {
    const args: Argument[] = [];
    this.OPTION(() => {
      args.push(this.SUBRULE(this.argument));
      this.MANY(() => {
        this.CONSUME(T.Comma);
        args.push(this.SUBRULE2(this.argument));
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
    return args;
  });

  private argument = this.RULE('argument', (): Argument => {
    return this.OR([
      {
        ALT: () => {
          const star = this.CONSUME(T.Star);
          const value = this.SUBRULE(this.test);
          return this.ACTION((): Argument => ({ kind: 'star', ...span(star, value), value }));
        },
      },
      {
        ALT: () => {
          const star = this.CONSUME(T.StarStar);
          const value = this.SUBRULE2(this.test);
          return this.ACTION((): Argument => ({ kind: 'star-star', ...span(star, value), value }));
        },
      },
      {
        // name = value; LL(2) tells it from an expression that starts with a name.
        ALT: () => {
          const name = this.CONSUME(T.Identifier);
          this.CONSUME(T.Equal);
          const value = this.SUBRULE3(this.test);
          return this.ACTION(
            (): Argument => ({
              kind: 'keyword',
              ...span(name, value),
              name: name.image,
              nameStart: name.startOffset,
              nameEnd: tokenEnd(name),
              value,
            }),
          );
        },
      },
      {
        ALT: () => {
          const value = this.SUBRULE4(this.test);
          return this.ACTION((): Argument => ({ kind: 'positional', ...span(value, value), value }));
        },
      },
    ]);
  });

  private operand = this.RULE('operand', (): Expr => {
    return this.OR([
      {
        ALT: () => {
          const tok = this.CONSUME(T.StringLiteral);
          return this.ACTION((): Expr => {
            const p = tok.payload as StringLiteralPayload;
            return { kind: 'string', ...tokSpan(tok), value: p.value, flavor: p.flavor, raw: p.raw, triple: p.triple };
          });
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(T.IntLiteral);
          return this.ACTION((): Expr => ({ kind: 'int', ...tokSpan(tok), text: tok.image }));
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(T.FloatLiteral);
          return this.ACTION((): Expr => ({ kind: 'float', ...tokSpan(tok), text: tok.image }));
        },
      },
      {
        ALT: () => {
          const tok = this.CONSUME(T.Identifier);
          return this.ACTION((): Expr => ({ kind: 'name', ...tokSpan(tok), name: tok.image }));
        },
      },
      { ALT: () => this.SUBRULE(this.listExpr) },
      { ALT: () => this.SUBRULE(this.dictExpr) },
      { ALT: () => this.SUBRULE(this.parenExpr) },
    ]);
  });

  // [a, b], [x for x in y if z]
  private listExpr = this.RULE('listExpr', (): Expr => {
    const open = this.CONSUME(T.LBracket);
    const elements: Expr[] = [];
    let comp: IToken | undefined;
    this.OPTION(() => {
      elements.push(this.SUBRULE(this.test));
      this.OR([
        { ALT: () => (comp = this.SUBRULE(this.comprehension)) },
        {
          ALT: () => {
            this.MANY(() => {
              this.CONSUME(T.Comma);
              elements.push(this.SUBRULE2(this.test));
            });
            this.OPTION2(() => this.CONSUME2(T.Comma));
          },
        },
      ]);
    });
    const close = this.CONSUME(T.RBracket);
    return this.ACTION((): Expr => {
      const whole = span(open, close);
      return comp ? unsupported('comprehension', whole, tokSpan(comp)) : { kind: 'list', ...whole, elements };
    });
  });

  // {k: v}, {k: v for … }; a set literal `{1, 2}` fails at the comma, as in Codex.
  private dictExpr = this.RULE('dictExpr', (): Expr => {
    const open = this.CONSUME(T.LBrace);
    const entries: DictEntry[] = [];
    let comp: IToken | undefined;
    this.OPTION(() => {
      entries.push(this.SUBRULE(this.dictEntry));
      this.OR([
        { ALT: () => (comp = this.SUBRULE(this.comprehension)) },
        {
          ALT: () => {
            this.MANY(() => {
              this.CONSUME(T.Comma);
              entries.push(this.SUBRULE2(this.dictEntry));
            });
            this.OPTION2(() => this.CONSUME2(T.Comma));
          },
        },
      ]);
    });
    const close = this.CONSUME(T.RBrace);
    return this.ACTION((): Expr => {
      const whole = span(open, close);
      return comp ? unsupported('comprehension', whole, tokSpan(comp)) : { kind: 'dict', ...whole, entries };
    });
  });

  private dictEntry = this.RULE('dictEntry', (): DictEntry => {
    const key = this.SUBRULE(this.test);
    this.CONSUME(T.Colon);
    const value = this.SUBRULE2(this.test);
    return this.ACTION(() => ({ ...span(key, value), key, value }));
  });

  // (x), (x,), (), (a, b), (x for x in y)
  private parenExpr = this.RULE('parenExpr', (): Expr => {
    const open = this.CONSUME(T.LParen);
    const elements: Expr[] = [];
    let comma = false;
    let comp: IToken | undefined;
    this.OPTION(() => {
      elements.push(this.SUBRULE(this.test));
      this.OR([
        { ALT: () => (comp = this.SUBRULE(this.comprehension)) },
        {
          ALT: () => {
            this.MANY(() => {
              this.CONSUME(T.Comma);
              comma = true;
              elements.push(this.SUBRULE2(this.test));
            });
            this.OPTION2(() => {
              this.CONSUME2(T.Comma);
              comma = true;
            });
          },
        },
      ]);
    });
    const close = this.CONSUME(T.RParen);
    return this.ACTION((): Expr => {
      const whole = span(open, close);
      if (comp) return unsupported('comprehension', whole, tokSpan(comp));
      if (elements.length === 1 && !comma) return { ...elements[0]!, start: whole.start, end: whole.end };
      return { kind: 'tuple', ...whole, elements };
    });
  });

  // for targets in iterable (for … | if …)*; returns the first `for`.
  private comprehension = this.RULE('comprehension', (): IToken => {
    const first = this.CONSUME(T.For);
    this.SUBRULE(this.loopTargets);
    this.CONSUME(T.In);
    this.SUBRULE(this.orExpr);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME2(T.For);
            this.SUBRULE2(this.loopTargets);
            this.CONSUME2(T.In);
            this.SUBRULE2(this.orExpr);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.If);
            this.SUBRULE3(this.orExpr);
          },
        },
      ]);
    });
    return first;
  });
}

/**
 * The grammar's lookahead as a parser builds it: analysed afresh without a `table` (for `npm run
 * lookahead` and the test that the committed table is current), or from it; `paths` holds what
 * had to be computed, `usedTable` whether the table matched the grammar.
 */
export function analyseStarlarkGrammar(validate = false, table?: LookaheadTable): { fingerprint: string; paths: Record<string, string[][][]>; usedTable: boolean } {
  const p = new StarlarkParser(new TabledLookahead(table, MAX_LOOKAHEAD), validate);
  return { fingerprint: p.lookahead.fingerprint, paths: p.lookahead.paths, usedTable: p.lookahead.usedTable };
}
