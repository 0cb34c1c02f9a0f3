// The Chevrotain parser for the command structure of bash: lists, and-or lists, pipelines,
// simple and compound commands, function definitions and redirections (bash manual §3.2).
// Words arrive already read into parts by the lexer (lexer.ts), so the grammar is about
// structure only. One parser instance is reused; errors are returned, never thrown to callers.
import { EmbeddedActionsParser, type IToken, type TokenType } from '../chevrotain.js';
import type * as A from './ast.js';
import * as T from './tokens.js';
import type { RedirPayload, ShellToken } from './tokens.js';
import { ShellSyntaxAbort, type LexContext, type SyntaxProblem } from './context.js';
import { shellText } from './continuations.js';
import { lexScript, ShellLexer } from './lexer.js';
import { TabledLookahead, type LookaheadTable } from '../lookahead.js';
import { SHELL_LOOKAHEAD } from './lookahead-table.js';

const MAX_LOOKAHEAD = 3;

function tokStart(t: IToken): number {
  return t.startOffset;
}

function tokEnd(t: IToken): number {
  return (t.endOffset ?? t.startOffset) + 1;
}

class ShellParser extends EmbeddedActionsParser {
  /** The character that ends the script being parsed: `)` for `$(…)` and `<(…)`, `}` for `${ …; }`. */
  closer: ')' | '}' | undefined;

  /** `validate`: run Chevrotain's grammar checks (tests do; every process need not). */
  constructor(readonly lookahead = new TabledLookahead(SHELL_LOOKAHEAD, MAX_LOOKAHEAD), validate = false) {
    super(T.allTokens, { maxLookahead: MAX_LOOKAHEAD, recoveryEnabled: false, skipValidations: !validate, lookaheadStrategy: lookahead });
    this.performSelfAnalysis();
  }

  private word(t: IToken): A.Word {
    return (t as ShellToken).payload as A.Word;
  }

  /** A script: a list that may be empty. */
  public script = this.RULE('script', (): A.List => this.SUBRULE(this.list, { ARGS: [true] }));

  /**
   * A list of and-or lists separated by `;`, `&` or newlines (bash manual §3.2.4). Bodies of
   * compound commands need at least one command; a script and a case item may be empty.
   */
  private list = this.RULE('list', (allowEmpty: boolean): A.List => {
    const items: A.AndOr[] = [];
    let more = true;
    this.MANY(() => this.CONSUME(T.Newline));
    this.OPTION(() => items.push(this.SUBRULE(this.andOr)));
    this.ACTION(() => {
      more = items.length > 0;
      if (!more && !allowEmpty) {
        // `if then`, `{ }`, `( )`: bash wants at least one command here.
        const t = this.LA(1);
        throw new ShellSyntaxAbort({ message: syntaxErrorNear(t), start: tokStart(t), end: tokEnd(t) });
      }
    });
    this.MANY2({
      GATE: () => more,
      DEF: () => {
        this.OR([
          { ALT: () => { this.CONSUME(T.Semi); this.MANY3(() => this.CONSUME2(T.Newline)); } },
          {
            ALT: () => {
              this.CONSUME(T.Amp);
              this.ACTION(() => {
                const last = items[items.length - 1];
                if (last) last.background = true;
              });
              this.MANY4(() => this.CONSUME3(T.Newline));
            },
          },
          { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME4(T.Newline)) },
        ]);
        this.ACTION(() => (more = false));
        this.OPTION2(() => {
          items.push(this.SUBRULE3(this.andOr));
          this.ACTION(() => (more = true));
        });
      },
    });
    return this.ACTION(() => {
      const start = items.length ? items[0]!.start : 0;
      const end = items.length ? items[items.length - 1]!.end : 0;
      return { type: 'list', items, start, end } satisfies A.List;
    });
  });

  private andOr = this.RULE('andOr', (): A.AndOr => {
    const pipelines: A.Pipeline[] = [this.SUBRULE(this.pipeline)];
    const ops: ('&&' | '||')[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => { this.CONSUME(T.AndIf); ops.push('&&'); } },
        { ALT: () => { this.CONSUME(T.OrIf); ops.push('||'); } },
      ]);
      this.MANY2(() => this.CONSUME(T.Newline));
      pipelines.push(this.SUBRULE2(this.pipeline));
    });
    return this.ACTION(() => ({
      type: 'andor',
      pipelines,
      ops,
      background: false,
      start: pipelines[0]!.start,
      end: pipelines[pipelines.length - 1]!.end,
    }) satisfies A.AndOr);
  });

  private pipeline = this.RULE('pipeline', (): A.Pipeline => {
    let negated = false;
    let timed = false;
    let first: IToken | undefined;
    let seq: { commands: A.Command[]; ops: string[] } | undefined;
    const prefix = () => {
      const t = this.OR2([
        { ALT: () => { const k = this.CONSUME(T.Bang); negated = !negated; return k; } },
        { ALT: () => { const k = this.CONSUME(T.Time); timed = true; return k; } },
      ]);
      this.ACTION(() => (first ??= t));
    };
    // The alternatives keep the rule from matching nothing, which would defeat LL lookahead.
    this.OR([
      {
        ALT: () => {
          // `time` and `!` alone are complete pipelines in bash, but only before a list
          // terminator: newline, `;` or the end (parse.y `BANG list_terminator`).
          this.AT_LEAST_ONE(prefix);
          this.OPTION(() => (seq = this.SUBRULE(this.pipeCommands)));
          this.ACTION(() => {
            const next = this.LA(1);
            if (seq === undefined && next.tokenType !== T.Newline && next.tokenType !== T.Semi && next.tokenType.name !== 'EOF') {
              throw new ShellSyntaxAbort({ message: syntaxErrorNear(next), start: tokStart(next), end: tokEnd(next) });
            }
            // The end of a `$(…)` body is its `)`, not the end of input: `$(!)` is an error in
            // bash (though `$(time)` is not).
            if (seq === undefined && negated && next.tokenType.name === 'EOF' && this.closer !== undefined) {
              throw new ShellSyntaxAbort({ message: `syntax error near unexpected token \`${this.closer}'`, start: NaN, end: NaN });
            }
          });
        },
      },
      { ALT: () => (seq = this.SUBRULE2(this.pipeCommands)) },
    ]);
    return this.ACTION(() => {
      const commands = seq?.commands ?? [];
      const ops = seq?.ops ?? [];
      const start = first ? tokStart(first) : commands[0]!.start;
      const end = commands.length ? commands[commands.length - 1]!.end : tokEnd(first!);
      return { type: 'pipeline', negated, timed, commands, ops, start, end } satisfies A.Pipeline;
    });
  });

  private pipeCommands = this.RULE('pipeCommands', (): { commands: A.Command[]; ops: string[] } => {
    const commands: A.Command[] = [this.SUBRULE(this.command)];
    const ops: string[] = [];
    this.MANY(() => {
      this.OR([
        { ALT: () => { this.CONSUME(T.Pipe); ops.push('|'); } },
        { ALT: () => { this.CONSUME(T.PipeAmp); ops.push('|&'); } },
      ]);
      this.MANY2(() => this.CONSUME(T.Newline));
      // No `!` or `time` after a pipe (parse.y `pipeline '|' newline_list pipeline`): the lexer
      // reads `time` there as a plain word (`ls | time wc` runs the time program).
      commands.push(this.SUBRULE2(this.command));
    });
    return { commands, ops };
  });

  private command = this.RULE('command', (): A.Command =>
    this.OR([
      { ALT: () => this.SUBRULE(this.functionDef) },
      { ALT: () => this.SUBRULE(this.simpleCommand) },
      { ALT: () => this.SUBRULE(this.compoundWithRedirects) },
      { ALT: () => this.SUBRULE(this.coproc) },
    ]),
  );

  private simpleCommand = this.RULE('simpleCommand', (): A.SimpleCommand => {
    const assigns: A.Word[] = [];
    const words: A.Word[] = [];
    const redirects: A.Redirect[] = [];
    let start = -1;
    let end = -1;
    const addWord = (t: IToken) => {
      this.ACTION(() => {
        const w = this.word(t);
        if (words.length === 0 && w.assign) assigns.push(w);
        else words.push(w);
        if (start < 0) start = w.start;
        end = w.end;
      });
    };
    const addRedir = (r: A.Redirect) => {
      this.ACTION(() => {
        redirects.push(r);
        if (start < 0) start = r.start;
        end = Math.max(end, r.end);
      });
    };
    this.OR([
      { ALT: () => addWord(this.CONSUME(T.Word)) },
      { ALT: () => addRedir(this.SUBRULE(this.redirect)) },
    ]);
    this.MANY(() => {
      this.OR2([
        { ALT: () => addWord(this.CONSUME(T.AnyWord)) },
        { ALT: () => addRedir(this.SUBRULE2(this.redirect)) },
      ]);
    });
    return this.ACTION(() => ({ type: 'simple', assigns, words, redirects, start, end }) satisfies A.SimpleCommand);
  });

  private redirect = this.RULE('redirect', (): A.Redirect => {
    const op = this.CONSUME(T.RedirOp);
    const target = this.CONSUME(T.AnyWord);
    return this.ACTION(() => {
      const payload = (op as ShellToken).payload as RedirPayload;
      const w = this.word(target);
      const r: A.Redirect = { type: 'redirect', op: payload.op, target: w, start: tokStart(op), end: w.end };
      if (payload.heredoc) r.heredoc = payload.heredoc;
      return r;
    });
  });

  private redirects = this.RULE('redirects', (): A.Redirect[] => {
    const out: A.Redirect[] = [];
    this.MANY(() => out.push(this.SUBRULE(this.redirect)));
    return out;
  });

  private compoundWithRedirects = this.RULE('compoundWithRedirects', (): A.Command => {
    const c = this.SUBRULE(this.compound);
    const redirects = this.SUBRULE(this.redirects);
    return this.ACTION(() => {
      if (redirects.length > 0 && 'redirects' in c) {
        c.redirects.push(...redirects);
        c.end = Math.max(c.end, redirects[redirects.length - 1]!.end);
      }
      return c;
    });
  });

  private compound = this.RULE('compound', (): A.Command =>
    this.OR([
      { ALT: () => this.SUBRULE(this.subshell) },
      { ALT: () => this.SUBRULE(this.group) },
      { ALT: () => this.SUBRULE(this.ifClause) },
      { ALT: () => this.SUBRULE(this.whileClause) },
      { ALT: () => this.SUBRULE(this.forClause) },
      { ALT: () => this.SUBRULE(this.caseClause) },
      { ALT: () => this.SUBRULE(this.dbracket) },
      { ALT: () => this.SUBRULE(this.arithCommand) },
    ]),
  );

  private subshell = this.RULE('subshell', (): A.Subshell => {
    const open = this.CONSUME(T.LParen);
    const body = this.SUBRULE(this.list, { ARGS: [false] });
    const close = this.CONSUME(T.RParen);
    return this.ACTION(() => ({ type: 'subshell', body, redirects: [], start: tokStart(open), end: tokEnd(close) }) satisfies A.Subshell);
  });

  private group = this.RULE('group', (): A.Group => {
    const open = this.CONSUME(T.LBrace);
    const body = this.SUBRULE(this.list, { ARGS: [false] });
    const close = this.CONSUME(T.RBrace);
    return this.ACTION(() => ({ type: 'group', body, redirects: [], start: tokStart(open), end: tokEnd(close) }) satisfies A.Group);
  });

  private ifClause = this.RULE('ifClause', (): A.IfClause => {
    const open = this.CONSUME(T.If);
    const clauses: { cond: A.List; body: A.List }[] = [];
    let elseBody: A.List | undefined;
    const cond = this.SUBRULE(this.list, { ARGS: [false] });
    this.CONSUME(T.Then);
    const body = this.SUBRULE2(this.list, { ARGS: [false] });
    clauses.push({ cond, body });
    this.MANY(() => {
      this.CONSUME(T.Elif);
      const c = this.SUBRULE3(this.list, { ARGS: [false] });
      this.CONSUME2(T.Then);
      const b = this.SUBRULE4(this.list, { ARGS: [false] });
      clauses.push({ cond: c, body: b });
    });
    this.OPTION(() => {
      this.CONSUME(T.Else);
      elseBody = this.SUBRULE5(this.list, { ARGS: [false] });
    });
    const close = this.CONSUME(T.Fi);
    return this.ACTION(() => {
      const node: A.IfClause = { type: 'if', clauses, redirects: [], start: tokStart(open), end: tokEnd(close) };
      if (elseBody) node.elseBody = elseBody;
      return node;
    });
  });

  private doGroup = this.RULE('doGroup', (): { body: A.List; end: number } => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Do);
          const body = this.SUBRULE(this.list, { ARGS: [false] });
          const close = this.CONSUME(T.Done);
          return { body, end: tokEnd(close) };
        },
      },
      {
        // bash accepts `{ …; }` as the body of for and select.
        ALT: () => {
          const g = this.SUBRULE(this.group);
          return { body: g.body, end: g.end };
        },
      },
    ]);
  });

  private whileClause = this.RULE('whileClause', (): A.WhileClause => {
    let until = false;
    const open = this.OR([
      { ALT: () => this.CONSUME(T.While) },
      { ALT: () => { const t = this.CONSUME(T.Until); until = true; return t; } },
    ]);
    const cond = this.SUBRULE(this.list, { ARGS: [false] });
    this.CONSUME(T.Do);
    const body = this.SUBRULE2(this.list, { ARGS: [false] });
    const close = this.CONSUME(T.Done);
    return this.ACTION(() => ({ type: 'while', until, cond, body, redirects: [], start: tokStart(open), end: tokEnd(close) }) satisfies A.WhileClause);
  });

  private forClause = this.RULE('forClause', (): A.Command => {
    let select = false;
    const open = this.OR([
      { ALT: () => this.CONSUME(T.For) },
      { ALT: () => { const t = this.CONSUME(T.Select); select = true; return t; } },
    ]);
    return this.OR2([
      {
        // C-style `for ((init; test; step))` (bash manual §3.2.5.1).
        ALT: () => {
          const header = this.CONSUME(T.ArithTok);
          this.MANY(() => this.CONSUME(T.Newline));
          this.OPTION(() => { this.CONSUME(T.Semi); this.MANY2(() => this.CONSUME2(T.Newline)); });
          const g = this.SUBRULE(this.doGroup);
          return this.ACTION(() => ({
            type: 'arithfor',
            header: (header as ShellToken).payload as A.ArithCmd,
            body: g.body,
            redirects: [],
            start: tokStart(open),
            end: g.end,
          }) satisfies A.ArithFor);
        },
      },
      {
        ALT: () => {
          const name = this.CONSUME(T.Word);
          let items: A.Word[] | undefined;
          this.MANY3(() => this.CONSUME3(T.Newline));
          this.OPTION2(() => {
            this.OR3([
              {
                ALT: () => {
                  this.CONSUME(T.In);
                  const ws: A.Word[] = [];
                  this.MANY4(() => {
                    const w = this.CONSUME(T.AnyWord);
                    this.ACTION(() => ws.push(this.word(w)));
                  });
                  items = ws;
                  this.OR4([
                    { ALT: () => this.CONSUME2(T.Semi) },
                    { ALT: () => this.CONSUME4(T.Newline) },
                  ]);
                },
              },
              { ALT: () => this.CONSUME3(T.Semi) },
            ]);
          });
          this.MANY5(() => this.CONSUME5(T.Newline));
          const g = this.SUBRULE2(this.doGroup);
          return this.ACTION(() => {
            const node: A.ForClause = { type: 'for', select, name: this.word(name), body: g.body, redirects: [], start: tokStart(open), end: g.end };
            if (items) node.items = items;
            return node;
          });
        },
      },
    ]);
  });

  private caseClause = this.RULE('caseClause', (): A.CaseClause => {
    const open = this.CONSUME(T.Case);
    const subject = this.CONSUME(T.AnyWord);
    this.MANY(() => this.CONSUME(T.Newline));
    this.CONSUME(T.In);
    this.MANY2(() => this.CONSUME2(T.Newline));
    const items: A.CaseItem[] = [];
    this.MANY3({
      GATE: () => this.LA(1).tokenType !== T.Esac,
      DEF: () => items.push(this.SUBRULE(this.caseItem)),
    });
    const close = this.CONSUME(T.Esac);
    return this.ACTION(() => ({ type: 'case', word: this.word(subject), items, redirects: [], start: tokStart(open), end: tokEnd(close) }) satisfies A.CaseClause);
  });

  private caseItem = this.RULE('caseItem', (): A.CaseItem => {
    const patterns: A.Word[] = [];
    let first: IToken | undefined;
    let terminator: A.CaseItem['terminator'];
    let endTok: IToken | undefined;
    this.OPTION(() => (first = this.CONSUME(T.LParen)));
    const p = this.CONSUME(T.AnyWord);
    this.ACTION(() => {
      first ??= p;
      patterns.push(this.word(p));
    });
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      const q = this.CONSUME2(T.AnyWord);
      this.ACTION(() => patterns.push(this.word(q)));
    });
    endTok = this.CONSUME(T.RParen);
    const body = this.SUBRULE(this.list, { ARGS: [true] });
    this.OPTION2(() => {
      endTok = this.OR([
        { ALT: () => { const t = this.CONSUME(T.DSemi); terminator = ';;'; return t; } },
        { ALT: () => { const t = this.CONSUME(T.SemiAmp); terminator = ';&'; return t; } },
        { ALT: () => { const t = this.CONSUME(T.DSemiAmp); terminator = ';;&'; return t; } },
      ]);
    });
    this.MANY2(() => this.CONSUME(T.Newline));
    return this.ACTION(() => {
      const end = Math.max(tokEnd(endTok!), body.end);
      const item: A.CaseItem = { patterns, start: tokStart(first!), end };
      if (body.items.length > 0) item.body = body;
      if (terminator) item.terminator = terminator;
      return item;
    });
  });

  private dbracket = this.RULE('dbracket', (): A.DBracket => {
    const t = this.CONSUME(T.DBracketTok);
    return this.ACTION(() => ({ ...((t as ShellToken).payload as A.DBracket), redirects: [] }));
  });

  private arithCommand = this.RULE('arithCommand', (): A.ArithCommand => {
    const t = this.CONSUME(T.ArithTok);
    return this.ACTION(() => {
      const expr = (t as ShellToken).payload as A.ArithCmd;
      return { type: 'arith-command', expr, redirects: [], start: expr.start, end: expr.end } satisfies A.ArithCommand;
    });
  });

  private functionDef = this.RULE('functionDef', (): A.FunctionDef => {
    let open: IToken | undefined;
    let name: IToken | undefined;
    this.OR([
      {
        ALT: () => {
          open = this.CONSUME(T.Function);
          name = this.CONSUME(T.AnyWord);
          this.OPTION(() => { this.CONSUME(T.LParen); this.CONSUME(T.RParen); });
        },
      },
      {
        ALT: () => {
          name = this.CONSUME(T.Word);
          this.CONSUME2(T.LParen);
          this.CONSUME2(T.RParen);
        },
      },
    ]);
    this.MANY(() => this.CONSUME(T.Newline));
    const body = this.SUBRULE(this.compoundWithRedirects);
    return this.ACTION(() => ({ type: 'function', name: this.word(name!), body, start: tokStart(open ?? name!), end: body.end }) satisfies A.FunctionDef);
  });

  private coproc = this.RULE('coproc', (): A.Coproc => {
    const open = this.CONSUME(T.Coproc);
    let name: A.Word | undefined;
    this.OPTION({
      GATE: () => this.LA(2).tokenType === T.LBrace || this.LA(2).tokenType === T.LParen || isCompoundStart(this.LA(2).tokenType),
      DEF: () => {
        const n = this.CONSUME(T.Word);
        this.ACTION(() => (name = this.word(n)));
      },
    });
    // parse.y: `COPROC shell_command | COPROC WORD shell_command | COPROC simple_command`, so no
    // function definition and no second `coproc` (`coproc coproc a` is an error in bash).
    const body = this.OR([
      { ALT: (): A.Command => this.SUBRULE(this.simpleCommand) },
      { ALT: (): A.Command => this.SUBRULE(this.compoundWithRedirects) },
    ]);
    return this.ACTION(() => {
      const node: A.Coproc = { type: 'coproc', body, start: tokStart(open), end: body.end };
      if (name) node.name = name;
      return node;
    });
  });
}

function isCompoundStart(t: TokenType): boolean {
  return t === T.While || t === T.Until || t === T.If || t === T.For || t === T.Select || t === T.Case || t === T.DBracketTok || t === T.ArithTok;
}

function syntaxErrorNear(t: IToken): string {
  if (t.tokenType.name === 'EOF' || t.image === undefined || t.image === '') return 'syntax error: unexpected end of file';
  const image = t.tokenType === T.Newline ? 'newline' : t.image;
  return `syntax error near unexpected token \`${image}'`;
}

let parser: ShellParser | undefined;

function getParser(): ShellParser {
  parser ??= new ShellParser();
  return parser;
}

/** Parses a token vector into a list; throws ShellSyntaxAbort on the first error. */
function parseTokens(tokens: ShellToken[], endOffset: number, _ctx: LexContext, closer?: ')' | '}'): A.List {
  const p = getParser();
  p.input = tokens;
  p.closer = closer;
  let list: A.List;
  try {
    list = p.script();
  } catch (err) {
    // An abort raised at the end of input (`for x in a; do`) carries the EOF token's NaN offsets.
    if (err instanceof ShellSyntaxAbort && Number.isNaN(err.problem.start)) {
      throw new ShellSyntaxAbort({ message: err.problem.message, start: endOffset, end: endOffset });
    }
    throw err;
  }
  if (p.errors.length > 0) {
    const err = p.errors[0]!;
    const t = err.token;
    const atEof = t.tokenType.name === 'EOF' || Number.isNaN(t.startOffset);
    const last = tokens[tokens.length - 1];
    let problem: SyntaxProblem;
    if (atEof && last?.tokenType === T.RedirOp) {
      // bash reads the end of a script as a newline where a redirection wants its target.
      problem = { message: "syntax error near unexpected token `newline'", start: endOffset, end: endOffset };
    } else if (atEof) {
      problem = { message: 'syntax error: unexpected end of file', start: endOffset, end: endOffset };
    } else {
      problem = { message: syntaxErrorNear(t), start: tokStart(t), end: tokEnd(t) };
    }
    throw new ShellSyntaxAbort(problem);
  }
  // An empty body (`$( # comment )`) sits where the body ends, inside whatever encloses it.
  if (list.items.length === 0) list.start = list.end = endOffset;
  return list;
}

export interface ScriptParseOptions {
  maxDepth: number;
}

export type ScriptParseResult = { ok: true; script: A.Script } | { ok: false; error: SyntaxProblem };

/** Parses a whole command string. Never throws for any input. */
export function parseScript(text: string, options: ScriptParseOptions): ScriptParseResult {
  const items: A.AndOr[] = [];
  const parsed = parseScriptPieces(text, options, (list) => items.push(...list.items));
  if (!parsed.ok) return parsed;
  const body: A.List = { type: 'list', items, start: items.length ? items[0]!.start : 0, end: items.length ? items[items.length - 1]!.end : 0 };
  return { ok: true, script: { type: 'script', body, start: 0, end: text.length } };
}

/**
 * Parses a script piece by piece: `onList` receives the lists of complete top-level commands in
 * source order (a long script in several pieces, so its tokens and, for a caller that drops each
 * piece, its AST need not all be in memory at once). Never throws for any input.
 */
export function parseScriptPieces(text: string, options: ScriptParseOptions, onList: (list: A.List) => void): { ok: true } | { ok: false; error: SyntaxProblem } {
  const ctx: LexContext = { maxDepth: options.maxDepth, depth: 0, lexScript, parseTokens };
  try {
    const lexer = new ShellLexer(shellText(text, null), 0, 'eof', ctx);
    lexer.onChunk = (tokens) => onList(parseTokens(tokens, text.length, ctx));
    const { tokens } = lexer.run();
    onList(parseTokens(tokens, text.length, ctx));
    return { ok: true };
  } catch (err) {
    if (err instanceof ShellSyntaxAbort) return { ok: false, error: err.problem };
    if (err instanceof RangeError) {
      return { ok: false, error: { message: 'input too deeply nested to parse', start: 0, end: 0 } };
    }
    throw err;
  }
}

/** The grammar's productions, for syntax diagrams (`npm run diagrams`). */
export function grammarProductions() {
  return getParser().getSerializedGastProductions();
}

/**
 * The grammar's lookahead as a parser builds it: analysed afresh without a `table` (for `npm run
 * lookahead` and the test that the committed table is current), or from it; `paths` holds what
 * had to be computed, `usedTable` whether the table matched the grammar.
 */
export function analyseShellGrammar(validate = false, table?: LookaheadTable): { fingerprint: string; paths: Record<string, string[][][]>; usedTable: boolean } {
  const p = new ShellParser(new TabledLookahead(table, MAX_LOOKAHEAD), validate);
  return { fingerprint: p.lookahead.fingerprint, paths: p.lookahead.paths, usedTable: p.lookahead.usedTable };
}
