// A hand-written, context-aware lexer for bash that produces Chevrotain tokens.
//
// Why hand-written: what a character means in shell depends on where it is in the *grammar*, not
// just on the characters before it: `)` closes a case pattern or a `$(`, `((` is arithmetic only
// when the matching `)` is followed by another `)`, `if` is a keyword only in command position,
// a heredoc body starts at the next newline, and a word's parts nest without limit (`"${x:-$(…)}"`).
// The lexer tracks that context (command position, case and for states, paren depth, pending
// heredocs) and reads each word into typed parts, parsing every nested script (`$(…)`, backticks,
// `<(…)`, `${ …; }`) recursively, so the Chevrotain parser (parser.ts) sees a flat token vector.
import type { TokenType } from 'chevrotain';
import type * as A from './ast.js';
import * as T from './tokens.js';
import type { ShellToken, RedirPayload } from './tokens.js';

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

export interface LexContext {
  maxDepth: number;
  depth: number;
  /** Parses a nested token vector; provided by the parser module to avoid an import cycle. */
  parseTokens: (tokens: ShellToken[], endOffset: number, ctx: LexContext, closer?: ')' | '}') => A.List;
  /** Memo of scanArith for the text last scanned. */
  parenMemo?: { text: string; close: Map<number, number> };
}

type Stop = 'eof' | 'paren' | 'brace';

const enum Mode {
  Word, // an ordinary word: ends at a blank, newline or metacharacter
  Regex, // the right side of `=~` in `[[ ]]`: parentheses and `|` belong to the word
  Dq, // inside "…"
  ParamOp, // an operand of ${…}: ends at the matching `}`
  Heredoc, // an unquoted heredoc body or arithmetic text: only $, ` and \ are special
}

// `after`: just after a compound command's closer (`}`, `fi`, `done`, `esac`, `]]`, `))`), where
// bash still recognizes reserved words (`{ a; } fi`, `(( i++ )) done`) but nothing else starts.
type CmdState = 'start' | 'prefix' | 'args' | 'after';

interface CaseFrame {
  state: 'subject' | 'in' | 'pattern' | 'body';
  paren: number;
}

interface PendingHeredoc {
  payload: RedirPayload;
  delimiter: string;
  quoted: boolean;
  strip: boolean;
}

const DECLARATION_BUILTINS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ASSIGN_RE = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=)/;
const SPECIAL_PARAMS = '@*#?-$!0123456789';

/** ASCII characters that end a run of plain literal text, per reading mode (others are plain). */
function specials(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}
// `[` only so that `NAME[` can start a subscript (readParts).
const WORD_SPECIALS = specials(' \t\n|&;()<>\\\'"$`[');
const DQ_SPECIALS = specials('"\\$`');
const HEREDOC_SPECIALS = specials('\\$`');

function isBlank(c: string): boolean {
  // Only space and tab separate words (bash manual §2 "blank"); NBSP, CR, VT and FF do not.
  return c === ' ' || c === '\t';
}

function isMeta(c: string): boolean {
  return c === '|' || c === '&' || c === ';' || c === '(' || c === ')' || c === '<' || c === '>';
}

function isNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

function isNameChar(c: string): boolean {
  return isNameStart(c) || (c >= '0' && c <= '9');
}

/** The value of a word after quote removal, expansions kept as written. */
export function partsValue(parts: A.WordPart[]): string {
  let s = '';
  for (const p of parts) {
    switch (p.type) {
      case 'lit':
      case 'sgl':
      case 'ansi':
        s += p.value;
        break;
      case 'dbl':
        s += partsValue(p.parts);
        break;
      default:
        s += p.raw;
    }
  }
  return s;
}

/** Matches of `(` by position, per text (backtick bodies are texts of their own). */
function arithMemo(ctx: LexContext, text: string): Map<number, number> {
  if (ctx.parenMemo === undefined || ctx.parenMemo.text !== text) ctx.parenMemo = { text, close: new Map() };
  return ctx.parenMemo.close;
}

/** Index just after the backtick that closes the one before `i`, or -1 (escapes skipped). */
function skipBacktick(t: string, i: number): number {
  while (i < t.length && t[i] !== '`') i += t[i] === '\\' ? 2 : 1;
  return i < t.length ? i + 1 : -1;
}

type ScanFrame = { dq: true } | { dq: false; depth: number };

/**
 * Scans from `i` (just after an opening `(`) to its matching `)`, as bash's matched-pair reading
 * does: quotes, `$'…'`, backticks and escapes are skipped, and inside double quotes a `$(…)` is
 * followed to its own `)` (`"$(echo ")")"`). Records the match (or -1) of every `(` passed at
 * the outer level. Iterative, so deep nesting cannot overflow the stack.
 */
function scanParens(t: string, i: number, memo: Map<number, number>): number {
  const open: number[] = [];
  const frames: ScanFrame[] = [];
  const fail = () => {
    for (const o of open) memo.set(o, -1);
    return -1;
  };
  while (i < t.length) {
    const c = t[i]!;
    const top = frames[frames.length - 1];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '`') {
      i = skipBacktick(t, i + 1);
      if (i < 0) return fail();
      continue;
    }
    if (top?.dq) {
      if (c === '"') frames.pop();
      else if (c === '$' && t[i + 1] === '(') {
        frames.push({ dq: false, depth: 0 });
        i++;
      }
      i++;
      continue;
    }
    if (c === '$' && t[i + 1] === "'") {
      // `$'…'` ends at an unescaped quote: `$'\''` is one string.
      let j = i + 2;
      while (j < t.length && t[j] !== "'") j += t[j] === '\\' ? 2 : 1;
      if (j >= t.length) return fail();
      i = j + 1;
      continue;
    }
    if (c === "'") {
      const close = t.indexOf(c, i + 1);
      if (close < 0) return fail();
      i = close + 1;
      continue;
    }
    if (c === '"') frames.push({ dq: true });
    else if (c === '(') {
      if (top) top.depth++;
      else open.push(i);
    } else if (c === ')') {
      if (top) {
        if (top.depth === 0) frames.pop();
        else top.depth--;
      } else {
        const o = open.pop();
        if (o === undefined) return i;
        memo.set(o, i);
      }
    }
    i++;
  }
  return fail();
}

/**
 * The `]` matching a `[` just before `i`, or -1: nested brackets count, quotes, escapes,
 * backticks and `$(…)` are skipped (bash's parse_matched_pair for subscripts).
 */
function scanBracket(t: string, i: number, limit: number): number {
  let depth = 0;
  while (i < limit) {
    const c = t[i]!;
    if (c === '\\') i += 2;
    else if (c === "'") {
      const close = t.indexOf("'", i + 1);
      if (close < 0 || close >= limit) return -1;
      i = close + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < limit && t[j] !== '"') j += t[j] === '\\' ? 2 : 1;
      if (j >= limit) return -1;
      i = j + 1;
    } else if (c === '`') {
      i = skipBacktick(t, i + 1);
      if (i < 0) return -1;
    } else if (c === '$' && t[i + 1] === '(') {
      const close = scanParens(t, i + 2, new Map());
      if (close < 0) return -1;
      i = close + 1;
    } else if (c === '[') {
      depth++;
      i++;
    } else if (c === ']') {
      if (depth === 0) return i;
      depth--;
      i++;
    } else i++;
  }
  return -1;
}

/** One token of a `[[ … ]]` expression: an operator, or a word (`word` is its text when unquoted). */
interface CondItem {
  op: string | null;
  word: string | null;
  start: number;
  end: number;
}

// Conditional expression operators (bash manual §6.4).
const COND_UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-o', '-v', '-R', '-z', '-n']);
const COND_BINARY = new Set(['=', '==', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/**
 * A token whose `image` is sliced from the text only when asked for (Chevrotain reads it for
 * error messages): one string less per token on large scripts.
 */
class LexedToken implements ShellToken {
  readonly tokenTypeIdx: number;

  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly to: number,
    readonly startOffset: number,
    readonly endOffset: number,
    readonly tokenType: TokenType,
    readonly payload: ShellToken['payload'],
  ) {
    this.tokenTypeIdx = tokenType.tokenTypeIdx!;
  }

  get image(): string {
    return this.text.slice(this.from, this.to);
  }
}

export class ShellLexer {
  private pos: number;
  private readonly tokens: ShellToken[] = [];
  private cmd: CmdState = 'start';
  private paren = 0;
  private brace = 0;
  private blocks = 0;
  private readonly cases: CaseFrame[] = [];
  private forState: 'none' | 'name' | 'in' = 'none';
  private funcName = false;
  private afterRedir = false;
  private coprocName = false;
  private heredocOp: RedirPayload | null = null;
  private readonly pending: PendingHeredoc[] = [];
  private cmdName: string | null = null;

  private readonly limit: number;

  constructor(
    private readonly text: string,
    private readonly map: Int32Array | null,
    start: number,
    private readonly stop: Stop,
    private readonly ctx: LexContext,
    limit?: number,
  ) {
    this.pos = start;
    this.limit = limit ?? text.length;
  }

  /** Offset in the original string of position `i` of this text. */
  private off(i: number): number {
    if (this.map === null) return i;
    return this.map[Math.min(i, this.map.length - 1)]!;
  }

  private fail(message: string, start: number, end = start + 1): never {
    const s = this.off(start);
    const e = Math.max(s, end > start ? this.off(end - 1) + 1 : s);
    throw new ShellSyntaxAbort({ message, start: s, end: e });
  }

  private emit(type: TokenType, start: number, end: number, payload?: ShellToken['payload']): ShellToken {
    const s = this.off(start);
    const e = end > start ? this.off(end - 1) + 1 : s;
    const tok = new LexedToken(this.text, start, end, s, e - 1, type, payload);
    this.tokens.push(tok);
    if (type !== T.Newline) {
      this.beforeLastSignificant = this.lastSignificant;
      this.lastSignificant = type;
    }
    return tok;
  }

  private enterBlock(at: number): void {
    this.blocks++;
    if (this.ctx.depth + this.blocks > this.ctx.maxDepth) {
      this.fail(`nesting too deep: more than ${this.ctx.maxDepth} levels`, at);
    }
  }

  private leaveBlock(): void {
    if (this.blocks > 0) this.blocks--;
  }

  /** Lexes up to the stop condition; returns the tokens and the position of the closing character. */
  /**
   * Called with the tokens of complete top-level commands, so a long script is parsed piece by
   * piece and its tokens do not all stay alive at once (top-level lexer only).
   */
  onChunk: ((tokens: ShellToken[]) => void) | null = null;

  /** Tokens gathered before a chunk is handed over: small scripts are parsed in one piece. */
  static readonly CHUNK_TOKENS = 4096;

  /** True after a newline that ends every open construct: what came before is complete. */
  private atCommandBoundary(): boolean {
    if (this.paren !== 0 || this.brace !== 0 || this.blocks !== 0 || this.cases.length > 0) return false;
    if (this.pending.length > 0 || this.heredocOp !== null || this.forState !== 'none' || this.funcName || this.coprocName) return false;
    // The last token before the newlines must not ask for more (`a &&⏎b`, `a |⏎b`, `f()⏎{ …; }`).
    const last = this.lastSignificant;
    if (last === null) return false;
    if (last === T.AndIf || last === T.OrIf || last === T.Pipe || last === T.PipeAmp || last === T.RedirOp || last === T.Bang || last === T.Time || last === T.Coproc) return false;
    if (last === T.RParen && this.beforeLastSignificant === T.LParen) return false; // `f()` then its body
    if (last === T.Word && this.beforeLastSignificant === T.Function) return false; // `function f` then its body
    return true;
  }

  /** Types of the last two tokens that are not newlines (kept by emit, so no scan back is needed). */
  private lastSignificant: TokenType | null = null;
  private beforeLastSignificant: TokenType | null = null;

  run(): { tokens: ShellToken[]; end: number } {
    const text = this.text;
    const n = text.length;
    for (;;) {
      // Blanks and line continuations between tokens.
      while (this.pos < n) {
        const c = text[this.pos]!;
        if (isBlank(c)) this.pos++;
        else if (c === '\\' && text[this.pos + 1] === '\n') this.pos += 2;
        else break;
      }
      if (this.pos >= n) break;
      const c = text[this.pos]!;
      const start = this.pos;
      if (c === '#' ) {
        // A comment starts only where a word could start (bash manual §3.1.3).
        while (this.pos < n && text[this.pos] !== '\n') this.pos++;
        continue;
      }
      if (c === '\n') {
        this.pos++;
        this.emit(T.Newline, start, start + 1);
        this.afterOperator();
        if (this.pending.length > 0) this.readHeredocBodies();
        if (this.onChunk !== null && this.tokens.length >= ShellLexer.CHUNK_TOKENS && this.atCommandBoundary()) {
          this.onChunk(this.tokens.splice(0));
        }
        continue;
      }
      if (this.stop === 'paren' && c === ')' && this.paren === 0 && !this.inCasePattern()) {
        return this.finish(start);
      }
      if (this.stop === 'brace' && c === '}' && this.brace === 0 && this.cmd === 'start') {
        // The `}` that closes `${ …; }`, also when a quote follows it: `"${ ls; }"`.
        return this.finish(start);
      }
      if (isMeta(c)) {
        if (this.lexOperator(c)) continue;
      }
      // Reading a word.
      this.lexWord(start);
      if (this.stop === 'brace' && this.brace < 0) {
        // The `}` that closes `${ …; }`: drop its token.
        this.tokens.pop();
        return this.finish(start);
      }
    }
    if (this.stop !== 'eof') {
      // Reported by the caller with the position of the opening.
      return { tokens: this.tokens, end: -1 };
    }
    return this.finish(n);
  }

  private finish(end: number): { tokens: ShellToken[]; end: number } {
    return { tokens: this.tokens, end };
  }

  private inCasePattern(): boolean {
    const top = this.cases[this.cases.length - 1];
    return top !== undefined && top.paren === this.paren && (top.state === 'pattern' || top.state === 'in');
  }

  private caseTop(): CaseFrame | undefined {
    const top = this.cases[this.cases.length - 1];
    return top !== undefined && top.paren === this.paren ? top : undefined;
  }

  private afterOperator(): void {
    this.cmd = 'start';
    this.cmdName = null;
    this.afterRedir = false;
    if (this.forState === 'in') this.forState = 'none';
  }

  /** Operators and redirections. Returns false when the character starts a word instead. */
  private lexOperator(c: string): boolean {
    const text = this.text;
    const start = this.pos;
    const c2 = text[start + 1];
    const c3 = text[start + 2];
    const op = (type: TokenType, len: number): true => {
      this.pos = start + len;
      this.emit(type, start, start + len);
      this.afterOperator();
      return true;
    };
    switch (c) {
      case ';': {
        const top = this.caseTop();
        if (c2 === ';') {
          if (top) top.state = 'pattern';
          return c3 === '&' ? op(T.DSemiAmp, 3) : op(T.DSemi, 2);
        }
        if (c2 === '&') {
          if (top) top.state = 'pattern';
          return op(T.SemiAmp, 2);
        }
        return op(T.Semi, 1);
      }
      case '&':
        if (c2 === '&') return op(T.AndIf, 2);
        if (c2 === '>') return this.lexRedir(start, c2 === '>' && c3 === '>' ? '&>>' : '&>');
        return op(T.Amp, 1);
      case '|':
        if (c2 === '|') return op(T.OrIf, 2);
        if (c2 === '&') return op(T.PipeAmp, 2);
        return op(T.Pipe, 1);
      case '(': {
        const top = this.caseTop();
        if (top && top.state === 'pattern') {
          // The optional `(` before a case pattern.
          this.pos++;
          this.emit(T.LParen, start, start + 1);
          return true;
        }
        if (c2 === '(' && this.cmd === 'start' && !this.afterRedir) {
          const arith = this.tryArithCommand(start);
          if (arith) return true;
        }
        this.enterBlock(start);
        this.paren++;
        return op(T.LParen, 1);
      }
      case ')': {
        const top = this.caseTop();
        if (top && (top.state === 'pattern' || top.state === 'in')) {
          top.state = 'body';
          return op(T.RParen, 1);
        }
        this.paren--;
        this.leaveBlock();
        if (this.paren < 0) this.fail("syntax error near unexpected token `)'", start);
        return op(T.RParen, 1);
      }
      case '<':
      case '>': {
        if (c2 === '(') return false; // process substitution: a word
        return this.lexRedir(start, this.redirOperator(start));
      }
    }
    return false;
  }

  private redirOperator(i: number): string {
    const t = this.text;
    const c = t[i];
    const c2 = t[i + 1];
    const c3 = t[i + 2];
    if (c === '<') {
      if (c2 === '<') {
        if (c3 === '<') return '<<<';
        if (c3 === '-') return '<<-';
        return '<<';
      }
      if (c2 === '>') return '<>';
      if (c2 === '&') return '<&';
      return '<';
    }
    if (c2 === '>') return '>>';
    if (c2 === '&') return '>&';
    if (c2 === '|') return '>|';
    return '>';
  }

  /** Emits a redirection operator; `prefix` is an fd number or `{name}` already read. */
  private lexRedir(start: number, op: string, prefixStart = start): true {
    this.pos = start + op.length;
    const full = this.text.slice(prefixStart, this.pos);
    const payload: RedirPayload = { op: full };
    this.emit(T.RedirOp, prefixStart, this.pos, payload);
    if (op === '<<' || op === '<<-') this.heredocOp = payload;
    this.afterRedir = true;
    return true;
  }

  /** `((…))` in command position: arithmetic when the matching `)` is followed by `)`. */
  private tryArithCommand(start: number): boolean {
    const end = this.scanArith(start + 2);
    if (end < 0) return false;
    const parts = this.readRange(start + 2, end, Mode.Heredoc);
    const node: A.ArithCmd = {
      type: 'arithcmd',
      raw: this.text.slice(start, end + 2),
      parts,
      start: this.off(start),
      end: this.off(end + 1) + 1,
    };
    this.pos = end + 2;
    this.emit(T.ArithTok, start, end + 2, node);
    this.cmd = 'after';
    if (this.forState === 'name') this.forState = 'none';
    return true;
  }

  /**
   * Finds the `))` closing arithmetic text that starts at `i`, as bash does: read to the `)`
   * matching an imaginary `(`, then require another `)`. Returns the index of the first `)` or -1.
   * One scan records the match of every `(` it passes, so nested `$((…))` and `((…))` reuse it
   * instead of scanning the rest of the text again at each level (linear, not depth × size).
   */
  private scanArith(i: number): number {
    const t = this.text;
    const memo = arithMemo(this.ctx, t);
    const known = memo.get(i - 1);
    const close = known ?? scanParens(t, i, memo);
    if (known === undefined) memo.set(i - 1, close);
    return close >= 0 && t[close + 1] === ')' ? close : -1;
  }

  // ---- words ---------------------------------------------------------------------------------

  private lexWord(start: number): void {
    const text = this.text;
    // An fd number or {name} right before a redirection operator belongs to the operator.
    const c = text[start]!;
    // After `>&` or `<&` digits are the target fd (`2>&1>f`: bash's `GREATER_AND NUMBER`).
    const dupTarget = this.afterRedir && ((this.tokens[this.tokens.length - 1]?.payload as RedirPayload | undefined)?.op.endsWith('&') ?? false);
    if (c >= '0' && c <= '9' && !dupTarget) {
      let j = start;
      while (j < text.length && text[j]! >= '0' && text[j]! <= '9') j++;
      if ((text[j] === '<' || text[j] === '>') && text[j + 1] !== '(') {
        this.lexRedir(j, this.redirOperator(j), start);
        return;
      }
    } else if (c === '{') {
      let j = start + 1;
      while (j < text.length && isNameChar(text[j]!)) j++;
      if (j > start + 1 && text[j] === '}' && (text[j + 1] === '<' || text[j + 1] === '>') && text[j + 2] !== '(') {
        this.lexRedir(j + 1, this.redirOperator(j + 1), start);
        return;
      }
    }

    const top = this.caseTop();
    const inPattern = top !== undefined && (top.state === 'pattern' || top.state === 'in' || top.state === 'subject');
    const keywordsAllowed = (this.cmd === 'start' || this.cmd === 'after') && !this.afterRedir && !this.funcName;

    // `[[ … ]]` in command position is read whole: inside it `<`, `>` and `(` are operators.
    if (keywordsAllowed && !inPattern && text.startsWith('[[', start) && this.endsWord(start + 2)) {
      this.lexDBracket(start);
      return;
    }

    const subscript = (this.cmd === 'start' || this.cmd === 'prefix') && !this.afterRedir && !inPattern && !this.funcName && this.forState === 'none';
    const parts = this.readParts(Mode.Word, { subscript });
    const end = this.pos;
    const word: A.Word = { type: 'word', parts, start: this.off(start), end: this.off(end - 1) + 1 };
    if ((this.cmd === 'start' || this.cmd === 'prefix') && !this.afterRedir && !inPattern && !this.funcName && this.forState === 'none') {
      const assign = this.assignmentOf(parts);
      if (assign) word.assign = assign;
    }
    const plain = parts.length === 1 && parts[0]!.type === 'lit' && !parts[0]!.quoted ? parts[0]!.value : null;

    // Redirection target (and heredoc delimiter).
    if (this.afterRedir) {
      this.afterRedir = false;
      this.emit(T.Word, start, end, word);
      if (this.heredocOp) {
        const quoted = parts.some((p) => p.type !== 'lit' || p.quoted);
        this.pending.push({ payload: this.heredocOp, delimiter: partsValue(parts), quoted, strip: this.heredocOp.op.endsWith('<<-') });
        this.heredocOp = null;
      }
      if (this.cmd === 'start') this.cmd = 'prefix';
      return;
    }

    // Case: subject word, `in`, patterns, `esac`.
    if (top !== undefined) {
      if (top.state === 'subject') {
        top.state = 'in';
        this.emit(T.Word, start, end, word);
        return;
      }
      if (top.state === 'in') {
        if (plain === 'in') {
          top.state = 'pattern';
          this.emit(T.In, start, end, word);
          return;
        }
        this.emit(T.Word, start, end, word);
        return;
      }
      if (top.state === 'pattern') {
        if (plain === 'esac' && this.lastTypeIsNot(T.Pipe)) {
          this.cases.pop();
          this.leaveBlock();
          this.emit(T.Esac, start, end, word);
          this.cmd = 'after';
          return;
        }
        this.emit(T.Word, start, end, word);
        return;
      }
    }

    if (this.funcName) {
      // `function NAME`: the body (or `()`) follows in command position.
      this.funcName = false;
      this.emit(T.Word, start, end, word);
      this.cmd = 'start';
      return;
    }

    if (this.forState === 'name') {
      this.forState = 'in';
      this.emit(T.Word, start, end, word);
      this.cmd = 'args';
      return;
    }
    if (this.forState === 'in' && this.lastTypeIs(T.Word, T.Newline)) {
      if (plain === 'in') {
        this.forState = 'none';
        this.emit(T.In, start, end, word);
        this.cmd = 'args';
        return;
      }
      if (plain === 'do') {
        this.forState = 'none';
        this.emit(T.Do, start, end, word);
        this.cmd = 'start';
        return;
      }
    }

    if (this.coprocName) {
      this.coprocName = false;
      this.emit(T.Word, start, end, word);
      return; // still command position: the coprocess body follows
    }

    if (keywordsAllowed && plain !== null) {
      const kw = T.keywordTypes.get(plain);
      if (kw !== undefined) {
        this.keyword(kw, plain, start, end, word);
        return;
      }
    }

    this.emit(T.Word, start, end, word);
    if (this.cmd === 'after') this.cmd = 'args';
    if (this.cmd === 'start' || this.cmd === 'prefix') {
      if (word.assign) {
        this.cmd = 'prefix';
      } else {
        this.cmd = 'args';
        this.cmdName = partsValue(parts);
      }
    }
  }

  private lastTypeIs(...types: TokenType[]): boolean {
    const last = this.tokens[this.tokens.length - 1];
    return last !== undefined && types.includes(last.tokenType);
  }

  private lastTypeIsNot(type: TokenType): boolean {
    const last = this.tokens[this.tokens.length - 1];
    return last === undefined || last.tokenType !== type;
  }

  private endsWord(i: number): boolean {
    const c = this.text[i];
    return c === undefined || isBlank(c) || c === '\n' || isMeta(c);
  }

  private keyword(kw: TokenType, text: string, start: number, end: number, word: A.Word): void {
    this.emit(kw, start, end, word);
    switch (text) {
      case 'if':
      case 'while':
      case 'until':
        this.enterBlock(start);
        this.cmd = 'start';
        break;
      case 'then':
      case 'else':
      case 'elif':
      case 'do':
      case '!':
        this.cmd = 'start';
        break;
      case 'time':
        this.cmd = 'start';
        this.skipTimeOption();
        break;
      case '{':
        this.enterBlock(start);
        this.brace++;
        this.cmd = 'start';
        break;
      case '}':
        this.brace--;
        this.leaveBlock();
        this.cmd = 'after';
        break;
      case 'fi':
      case 'done':
        this.leaveBlock();
        this.cmd = 'after';
        break;
      case 'esac':
        // `esac` in command position of a case body closes the case.
        if (this.caseTop()) this.cases.pop();
        this.leaveBlock();
        this.cmd = 'after';
        break;
      case 'case':
        this.enterBlock(start);
        this.cases.push({ state: 'subject', paren: this.paren });
        this.cmd = 'args';
        break;
      case 'for':
      case 'select':
        this.enterBlock(start);
        this.cmd = 'args';
        this.skipBlanks();
        if (this.text.startsWith('((', this.pos) && text === 'for') {
          const s = this.pos;
          const end2 = this.scanArith(s + 2);
          if (end2 < 0) this.fail("syntax error near unexpected token `(('", s, s + 2);
          const parts = this.readRange(s + 2, end2, Mode.Heredoc);
          const node: A.ArithCmd = { type: 'arithcmd', raw: this.text.slice(s, end2 + 2), parts, start: this.off(s), end: this.off(end2 + 1) + 1 };
          this.pos = end2 + 2;
          this.emit(T.ArithTok, s, end2 + 2, node);
          this.cmd = 'start'; // `for ((…)) { …; }` takes a brace group
        } else {
          this.forState = 'name';
        }
        break;
      case 'function':
        this.funcName = true;
        this.cmd = 'args';
        break;
      case 'coproc':
        this.cmd = 'start';
        this.detectCoprocName();
        break;
      case 'in':
        this.cmd = 'args';
        break;
    }
  }

  private skipBlanks(): void {
    while (this.pos < this.text.length && isBlank(this.text[this.pos]!)) this.pos++;
  }

  private skipTimeOption(): void {
    const save = this.pos;
    this.skipBlanks();
    if (this.text.startsWith('-p', this.pos) && this.endsWord(this.pos + 2)) this.pos += 2;
    else this.pos = save;
  }

  /** `coproc NAME { …; }`: a name is present when an identifier is followed by a compound command. */
  private detectCoprocName(): void {
    let i = this.pos;
    const t = this.text;
    while (i < t.length && isBlank(t[i]!)) i++;
    const s = i;
    while (i < t.length && isNameChar(t[i]!)) i++;
    if (i === s || !isNameStart(t[s]!)) return;
    if (!(i >= t.length || isBlank(t[i]!))) return;
    while (i < t.length && isBlank(t[i]!)) i++;
    if (t[i] === '(' || (t[i] === '{' && this.endsWord(i + 1))) this.coprocName = true;
    else {
      const rest = /^(while|until|if|for|select|case)\b/.exec(t.slice(i, i + 7));
      if (rest) this.coprocName = true;
    }
  }

  /** `[[ … ]]`: operands are words; `=~` takes a regex word in which `(`, `)` and `|` are literal. */
  private lexDBracket(start: number): void {
    const t = this.text;
    this.pos = start + 2;
    const words: A.Word[] = [];
    const items: CondItem[] = [];
    let regexNext = false;
    for (;;) {
      while (this.pos < t.length) {
        const c = t[this.pos]!;
        if (isBlank(c) || c === '\n') this.pos++;
        else if (c === '\\' && t[this.pos + 1] === '\n') this.pos += 2;
        else break;
      }
      if (this.pos >= t.length) this.fail("unexpected EOF while looking for `]]'", start, start + 2);
      const s = this.pos;
      if (t.startsWith(']]', s) && this.endsWord(s + 2)) {
        items.push({ op: ']]', word: null, start: s, end: s + 2 });
        this.pos = s + 2;
        break;
      }
      const c = t[s]!;
      const bang = c === '!' && (t[s + 1] === undefined || isBlank(t[s + 1]!) || t[s + 1] === '\n');
      if (!regexNext && (c === '(' || c === ')' || bang)) {
        items.push({ op: c, word: null, start: s, end: s + 1 });
        this.pos++;
        continue;
      }
      if (!regexNext && (c === '&' || c === '|')) {
        if (t[s + 1] !== c) this.fail(`syntax error in conditional expression: unexpected token \`${c}'`, s);
        items.push({ op: c + c, word: null, start: s, end: s + 2 });
        this.pos += 2;
        continue;
      }
      if (!regexNext && (c === '<' || c === '>')) {
        items.push({ op: c, word: null, start: s, end: s + 1 });
        this.pos++;
        continue;
      }
      if (!regexNext && c === ';') this.fail("syntax error in conditional expression: unexpected token `;'", s);
      const parts: A.WordPart[] = regexNext ? this.readParts(Mode.Regex) : this.readParts(Mode.Word, { extglob: true });
      const w: A.Word = { type: 'word', parts, start: this.off(s), end: this.off(this.pos - 1) + 1 };
      words.push(w);
      const plain: string = parts.length === 1 && parts[0]!.type === 'lit' && !parts[0]!.quoted ? parts[0]!.value : '';
      items.push({ op: null, word: plain, start: s, end: this.pos });
      regexNext = plain === '=~';
    }
    this.checkConditional(items);
    const node: A.DBracket = { type: 'dbracket', words, redirects: [], start: this.off(start), end: this.off(this.pos - 1) + 1 };
    this.emit(T.DBracketTok, start, this.pos, node);
    this.cmd = 'after';
  }

  /**
   * Checks the shape of a `[[ … ]]` expression as bash's cond_term does (parse.y): terms joined
   * by `&&`/`||`, `!` and `( … )`, unary operators with one operand, binary operators with two.
   * Like bash, an expression may end early (`[[ ]]`, `[[ a && ]]`, `[[ ! ]]` are accepted).
   */
  private checkConditional(items: CondItem[]): void {
    let k = 0;
    const at = () => items[k]!;
    const show = (x: CondItem) => (x.op ?? this.text.slice(x.start, x.end));
    const fail = (message: string, x: CondItem): never => this.fail(message, x.start, x.end);
    const isWord = (x: CondItem) => x.op === null;
    let open = 0; // parentheses waiting for their `)`
    // An explicit stack instead of recursion: `[[ ( ( ( …` cannot overflow.
    for (;;) {
      // A term.
      while (at().op === '!') k++;
      const x = at();
      if (x.op === '(') {
        if (this.ctx.depth + this.blocks + ++open > this.ctx.maxDepth) fail(`nesting too deep: more than ${this.ctx.maxDepth} levels`, x);
        k++;
        continue;
      }
      if (x.op === ']]') break;
      if (!isWord(x)) fail(`unexpected token \`${show(x)}' in conditional command`, x);
      k++;
      if (x.word !== null && COND_UNARY.has(x.word)) {
        if (!isWord(at())) fail(`unexpected argument \`${show(at())}' to conditional unary operator`, at());
        k++;
      } else {
        const y = at();
        if (y.op === '<' || y.op === '>' || (y.op === null && y.word !== null && COND_BINARY.has(y.word))) {
          k++;
          if (!isWord(at())) fail(`unexpected argument \`${show(at())}' to conditional binary operator`, at());
          k++;
        } else if (y.op !== '&&' && y.op !== '||' && y.op !== ')' && y.op !== ']]') {
          fail('conditional binary operator expected', y);
        }
      }
      // After a term: `)` closes groups, `&&`/`||` continue, `]]` ends.
      while (at().op === ')' && open > 0) {
        open--;
        k++;
      }
      const z = at();
      if (z.op === '&&' || z.op === '||') {
        k++;
        continue;
      }
      if (z.op === ']]') break;
      fail(`syntax error in conditional expression: unexpected token \`${show(z)}'`, z);
    }
    if (open > 0) fail("unexpected token `]]', expected `)'", at());
  }

  /**
   * Reads the parts of one word starting at `this.pos`, in the given mode. Handles quotes,
   * escapes, every `$` form and backticks; recursion into nested scripts happens here.
   */
  private readParts(mode: Mode, opts: { dq?: boolean; sqLiteral?: boolean; subscript?: boolean; extglob?: boolean } = {}): A.WordPart[] {
    const t = this.text;
    const n = this.limit;
    const parts: A.WordPart[] = [];
    let lit = '';
    let litStart = this.pos;
    let depth = 0; // parens in Regex mode, braces in ParamOp mode
    const flush = (end: number) => {
      if (lit.length > 0) {
        parts.push({ type: 'lit', value: lit, quoted: false, start: this.off(litStart), end: this.off(end - 1) + 1 });
        lit = '';
      }
    };
    const inDq = mode === Mode.Dq || opts.dq === true;
    const wordStart = this.pos;
    // The `]` of a `NAME[…]` subscript or the `)` of an extended glob in `[[ ]]` (`*(a|b)`): up to
    // it, blanks and metacharacters are part of the word.
    let subscriptEnd = -1;
    const fast = mode === Mode.Word ? WORD_SPECIALS : mode === Mode.Dq ? DQ_SPECIALS : mode === Mode.Heredoc ? HEREDOC_SPECIALS : null;
    while (this.pos < n) {
      if (fast !== null) {
        // A run of plain characters in one slice (most of any script).
        let j = this.pos;
        while (j < n) {
          const code = t.charCodeAt(j);
          if (code < 128 && fast[code] === 1) break;
          j++;
        }
        if (j > this.pos) {
          if (lit.length === 0) litStart = this.pos;
          lit += t.slice(this.pos, j);
          this.pos = j;
          if (j >= n) break;
        }
      }
      const i = this.pos;
      const c = t[i]!;
      // Terminators.
      if (mode === Mode.Word && c === '[' && opts.subscript && subscriptEnd < 0 && parts.length === 0 && NAME_RE.test(lit)) {
        // Where an assignment may appear, bash reads `NAME[` to the matching `]` as one piece,
        // blanks included (`a[1 + 2]=x`); without a `]` it is an error (parse.y read_token_word).
        subscriptEnd = scanBracket(t, i + 1, this.limit);
        if (subscriptEnd < 0) this.fail("unexpected EOF while looking for matching `]'", i);
      }
      if (mode === Mode.Word && opts.extglob && c === '(' && subscriptEnd < i && /[?*+@!]$/.test(lit)) {
        // `?(…)`, `*(…)`, `+(…)`, `@(…)`, `!(…)`: bash reads the pattern to its matching `)`.
        subscriptEnd = scanParens(t, i + 1, arithMemo(this.ctx, t));
        if (subscriptEnd < 0) this.fail("unexpected EOF while looking for matching `)'", i);
      }
      if (mode === Mode.Word && i <= subscriptEnd) {
        // inside a subscript: only quotes, escapes and expansions are special
      } else if (mode === Mode.Word) {
        if (isBlank(c) || c === '\n') break;
        if (isMeta(c)) {
          if ((c === '<' || c === '>') && t[i + 1] === '(') {
            // process substitution inside or at the start of a word
          } else if (c === '(' && this.arrayAssignmentStart(parts, lit)) {
            flush(i);
            this.readArray(parts);
            return parts;
          } else break;
        }
      } else if (mode === Mode.Regex) {
        if ((isBlank(c) || c === '\n') && depth === 0) break;
        if (c === '(') depth++;
        else if (c === ')') {
          if (depth === 0) break;
          depth--;
        } else if ((c === '&' || c === ';' || c === '<' || c === '>') && depth === 0) break;
      } else if (mode === Mode.Dq) {
        if (c === '"') break;
      } else if (mode === Mode.ParamOp) {
        if (c === '}') {
          if (depth === 0) break;
          depth--;
        } else if (c === '{') depth++;
      }

      if (c === '\\') {
        const d = t[i + 1];
        if (d === undefined) {
          // A trailing backslash is kept literally.
          lit += c;
          this.pos++;
          continue;
        }
        if (d === '\n') {
          this.pos += 2; // line continuation: removed
          continue;
        }
        if (inDq || mode === Mode.Heredoc) {
          // In double quotes a backslash escapes only $ ` " \ and newline (bash manual §3.1.2.3);
          // in heredoc bodies and arithmetic, " is not special either.
          const special = d === '$' || d === '`' || d === '\\' || (d === '"' && mode !== Mode.Heredoc) || (mode === Mode.ParamOp && d === '}');
          if (special) {
            flush(i);
            parts.push({ type: 'lit', value: d, quoted: true, start: this.off(i), end: this.off(i + 1) + 1 });
            this.pos += 2;
            litStart = this.pos;
          } else {
            lit += c + d;
            this.pos += 2;
          }
          continue;
        }
        flush(i);
        parts.push({ type: 'lit', value: d, quoted: true, start: this.off(i), end: this.off(i + 1) + 1 });
        this.pos += 2;
        litStart = this.pos;
        continue;
      }
      if (c === "'" && !(inDq && (mode !== Mode.ParamOp || opts.sqLiteral)) && mode !== Mode.Heredoc) {
        flush(i);
        const close = t.indexOf("'", i + 1);
        if (close < 0) this.fail("unexpected EOF while looking for matching `''", i);
        parts.push({ type: 'sgl', value: t.slice(i + 1, close), start: this.off(i), end: this.off(close) + 1 });
        this.pos = close + 1;
        litStart = this.pos;
        continue;
      }
      if (c === '"' && mode !== Mode.Heredoc && (mode !== Mode.Dq)) {
        flush(i);
        parts.push(this.readDouble(i, false));
        litStart = this.pos;
        continue;
      }
      if (c === '$') {
        const part = this.readDollar(i, inDq || mode === Mode.Heredoc);
        if (part) {
          flush(i);
          parts.push(part);
          litStart = this.pos;
          continue;
        }
        lit += c;
        this.pos++;
        continue;
      }
      if (c === '`') {
        flush(i);
        parts.push(this.readBacktick(i, inDq));
        litStart = this.pos;
        continue;
      }
      if ((c === '<' || c === '>') && t[i + 1] === '(' && (mode === Mode.Word || mode === Mode.Regex)) {
        flush(i);
        parts.push(this.readProcSubst(i));
        litStart = this.pos;
        continue;
      }
      if (lit.length === 0) litStart = i;
      lit += c;
      this.pos++;
    }
    flush(this.pos);
    if (mode === Mode.Word && parts.length === 0 && this.pos === wordStart) {
      this.fail(`syntax error near unexpected token \`${t[this.pos] ?? 'newline'}'`, this.pos);
    }
    return parts;
  }

  /** True when the word read so far is `NAME=`, `NAME+=` or `NAME[…]=` and may take `(…)`. */
  private arrayAssignmentStart(parts: A.WordPart[], lit: string): boolean {
    if (!(this.cmd === 'start' || this.cmd === 'prefix' || (this.cmdName !== null && DECLARATION_BUILTINS.has(this.cmdName)))) return false;
    if (this.afterRedir) return false;
    if (parts.length === 0) return /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/.test(lit);
    return false;
  }

  /** Elements of `NAME=(…)`; the `NAME=` literal has been flushed into `parts`. */
  private readArray(parts: A.WordPart[]): void {
    const t = this.text;
    const open = this.pos;
    this.pos++; // (
    const elements: A.Word[] = [];
    for (;;) {
      while (this.pos < t.length) {
        const c = t[this.pos]!;
        if (isBlank(c) || c === '\n') this.pos++;
        else if (c === '\\' && t[this.pos + 1] === '\n') this.pos += 2;
        else if (c === '#') {
          while (this.pos < t.length && t[this.pos] !== '\n') this.pos++;
        } else break;
      }
      if (this.pos >= t.length) this.fail("unexpected EOF while looking for matching `)'", open);
      if (t[this.pos] === ')') {
        this.pos++;
        break;
      }
      const s = this.pos;
      const p = this.readParts(Mode.Word);
      if (this.pos === s) this.fail(`syntax error near unexpected token \`${t[s]}'`, s);
      elements.push({ type: 'word', parts: p, start: this.off(s), end: this.off(this.pos - 1) + 1 });
    }
    // The raw array text as the word's last part, so the word's value shows it as written.
    parts.push({ type: 'lit', value: t.slice(open, this.pos), quoted: true, array: elements, start: this.off(open), end: this.off(this.pos - 1) + 1 });
  }

  private readDouble(i: number, locale: boolean): A.DblQuoted {
    return this.nested(i, () => this.readDoubleInner(i, locale));
  }

  private readDoubleInner(i: number, locale: boolean): A.DblQuoted {
    const t = this.text;
    const open = i;
    this.pos = i + (locale ? 2 : 1);
    const parts = this.readParts(Mode.Dq);
    if (this.pos >= t.length || t[this.pos] !== '"') this.fail('unexpected EOF while looking for matching `"\'', open);
    this.pos++;
    return { type: 'dbl', parts, locale, start: this.off(open), end: this.off(this.pos - 1) + 1 };
  }

  /** Every `$` form; null when the `$` is literal. */
  private readDollar(i: number, inDq: boolean): A.WordPart | null {
    const t = this.text;
    const d = t[i + 1];
    if (d === undefined) return null;
    if (d === "'" && !inDq) return this.readAnsiC(i);
    if (d === '"' && !inDq) return this.readDouble(i, true);
    if (d === '(') {
      if (t[i + 2] === '(') {
        const end = this.scanArith(i + 3);
        if (end >= 0) {
          // Counted as a nesting level: `$(($((…))))` recurses through readRange.
          const parts = this.nested(i, () => this.readRange(i + 3, end, Mode.Heredoc));
          this.pos = end + 2;
          return { type: 'arith', raw: t.slice(i, end + 2), parts, start: this.off(i), end: this.off(end + 1) + 1 };
        }
      }
      return this.readCmdSubst(i, i + 2, '$(');
    }
    if (d === '[') {
      // The obsolete `$[…]` arithmetic, read to its `]` as a matched pair (quotes skipped).
      return this.nested(i, (): A.Arith => {
        const j = scanBracket(t, i + 2, t.length);
        if (j < 0) this.fail("unexpected EOF while looking for matching `]'", i);
        const parts = this.readRange(i + 2, j, Mode.Heredoc);
        this.pos = j + 1;
        return { type: 'arith', raw: t.slice(i, j + 1), parts, start: this.off(i), end: this.off(j) + 1 };
      });
    }
    if (d === '{') return this.readBraceParam(i, inDq);
    if (isNameStart(d)) {
      let j = i + 2;
      while (j < t.length && isNameChar(t[j]!)) j++;
      this.pos = j;
      return { type: 'param', raw: t.slice(i, j), name: t.slice(i + 1, j), nested: [], indirect: false, start: this.off(i), end: this.off(j - 1) + 1 };
    }
    if (SPECIAL_PARAMS.includes(d)) {
      this.pos = i + 2;
      return { type: 'param', raw: t.slice(i, i + 2), name: d, nested: [], indirect: false, start: this.off(i), end: this.off(i + 1) + 1 };
    }
    return null;
  }

  private readAnsiC(i: number): A.AnsiC {
    const t = this.text;
    let j = i + 2;
    let v = '';
    for (;;) {
      if (j >= t.length) this.fail("unexpected EOF while looking for matching `''", i);
      const c = t[j]!;
      if (c === "'") break;
      if (c !== '\\') {
        v += c;
        j++;
        continue;
      }
      const e = t[j + 1];
      if (e === undefined) this.fail("unexpected EOF while looking for matching `''", i);
      j += 2;
      switch (e) {
        case 'a': v += '\x07'; break;
        case 'b': v += '\b'; break;
        case 'e': case 'E': v += '\x1b'; break;
        case 'f': v += '\f'; break;
        case 'n': v += '\n'; break;
        case 'r': v += '\r'; break;
        case 't': v += '\t'; break;
        case 'v': v += '\v'; break;
        case '\\': v += '\\'; break;
        case "'": v += "'"; break;
        case '"': v += '"'; break;
        case '?': v += '?'; break;
        case 'c': {
          const x = t[j];
          if (x === undefined || x === "'") { v += '\\c'; break; }
          v += String.fromCharCode(x.toUpperCase().charCodeAt(0) & 0x1f);
          j++;
          break;
        }
        case 'x': case 'u': case 'U': {
          const max = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          let k = 0;
          while (k < max && /[0-9a-fA-F]/.test(t[j + k] ?? '')) k++;
          if (k === 0) { v += '\\' + e; break; }
          const code = parseInt(t.slice(j, j + k), 16);
          j += k;
          if (e === 'x') v += String.fromCharCode(code);
          else v += code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
          break;
        }
        default:
          if (e >= '0' && e <= '7') {
            let k = 1;
            while (k < 3 && t[j - 1 + k]! >= '0' && t[j - 1 + k]! <= '7') k++;
            v += String.fromCharCode(parseInt(t.slice(j - 1, j - 1 + k), 8) & 0xff);
            j += k - 1;
          } else v += '\\' + e;
      }
    }
    this.pos = j + 1;
    return { type: 'ansi', value: v, start: this.off(i), end: this.off(j) + 1 };
  }

  /** `${…}` in all its forms, including bash 5.3 `${ cmd; }` and `${| cmd; }`. */
  private readBraceParam(i: number, inDq: boolean): A.WordPart {
    const c = this.text[i + 2];
    if (c === ' ' || c === '\t' || c === '\n' || c === '|') {
      // One nesting level, like `$(…)`.
      return this.readCmdSubst(i, i + (c === '|' ? 3 : 2), c === '|' ? '${|' : '${ ');
    }
    return this.nested(i, () => this.readBraceParamInner(i, inDq));
  }

  private readBraceParamInner(i: number, inDq: boolean): A.WordPart {
    const t = this.text;
    let j = i + 2;
    let indirect = false;
    let name = '';
    if (t[j] === '#' && t[j + 1] !== '}' && t[j + 1] !== undefined && (isNameChar(t[j + 1]!) || SPECIAL_PARAMS.includes(t[j + 1]!))) {
      j++; // length operator
    } else if (t[j] === '!' && t[j + 1] !== '}') {
      indirect = true;
      j++;
    }
    const nameStart = j;
    if (t[j] !== undefined && isNameStart(t[j]!)) {
      while (j < t.length && isNameChar(t[j]!)) j++;
    } else if (t[j] !== undefined && /[0-9]/.test(t[j]!)) {
      while (j < t.length && /[0-9]/.test(t[j]!)) j++;
    } else if (t[j] !== undefined && SPECIAL_PARAMS.includes(t[j]!)) {
      j++;
    } else {
      return this.badSubstitution(i, inDq);
    }
    name = t.slice(nameStart, j);
    // `${!prefix*}` and `${!prefix@}`: names starting with a prefix.
    if (indirect && (t[j] === '*' || t[j] === '@') && t[j + 1] === '}') j++;
    const nested: A.WordPart[] = [];
    this.pos = j;
    if (t[j] === '[') {
      // Subscript: read until the matching `]` with expansions inside.
      this.pos = j + 1;
      const sub = this.readSubscript(i);
      nested.push(...sub);
      j = this.pos;
    }
    let transform: string | undefined;
    if (t[j] !== '}') {
      // Operator, then the operand up to the matching `}`.
      const op = /^(:-|:=|:\?|:\+|-|=|\?|\+|##|#|%%|%|\/\/|\/#|\/%|\/|\^\^|\^|,,|,|@.|:)/.exec(t.slice(j, j + 2));
      if (!op) return this.badSubstitution(i, inDq);
      const opText = op[0];
      if (opText.startsWith('@')) transform = opText.slice(1);
      if (transform !== undefined && !/^[QEPAKaUuLk]$/.test(transform)) return this.badSubstitution(i, inDq);
      this.pos = j + opText.length;
      // In double quotes, single quotes in the operand of -, =, ?, + are literal; in pattern operators they quote.
      const sqLiteral = inDq && /^:?[-=?+]$/.test(opText);
      const operand = this.readParts(Mode.ParamOp, { dq: inDq, sqLiteral });
      nested.push(...operand);
      j = this.pos;
    }
    if (t[j] !== '}') this.fail("unexpected EOF while looking for matching `}'", i);
    this.pos = j + 1;
    return {
      type: 'param',
      raw: t.slice(i, j + 1),
      name,
      nested,
      indirect: indirect || transform === 'P' || transform === 'E',
      transform,
      start: this.off(i),
      end: this.off(j) + 1,
    };
  }

  /**
   * `${…}` that bash would refuse only when it runs (`${}`, `${x@Z}`): bash -n accepts it, so
   * read it to its `}` like an operand, keeping any substitution inside visible; marked indirect
   * because its meaning is unknown.
   */
  private badSubstitution(i: number, inDq: boolean): A.Param {
    const t = this.text;
    this.pos = i + 2;
    const nested = this.readParts(Mode.ParamOp, { dq: inDq });
    if (t[this.pos] !== '}') this.fail("unexpected EOF while looking for matching `}'", i);
    this.pos++;
    return { type: 'param', raw: t.slice(i, this.pos), name: '', nested, indirect: true, start: this.off(i), end: this.off(this.pos - 1) + 1 };
  }

  /** Reads an array subscript after `[` up to the matching `]`, with expansions. */
  private readSubscript(open: number): A.WordPart[] {
    const t = this.text;
    let depth = 0;
    const s = this.pos;
    let j = s;
    for (; j < t.length; j++) {
      const c = t[j]!;
      if (c === '\\') { j++; continue; }
      if (c === '[') depth++;
      else if (c === ']') {
        if (depth === 0) break;
        depth--;
      } else if (c === '$' && t[j + 1] === '(') {
        // Skip over a nested substitution so a `]` inside it does not end the subscript.
        this.pos = j;
        this.readDollar(j, true);
        j = this.pos - 1;
      } else if (c === '`') {
        this.pos = j;
        this.readBacktick(j, true);
        j = this.pos - 1;
      }
    }
    if (j >= t.length) this.fail("unexpected EOF while looking for matching `]'", open);
    const parts = this.readRange(s, j, Mode.Heredoc);
    this.pos = j + 1;
    return parts;
  }

  /** Reads parts of the text range [s, e) with heredoc rules (used for arithmetic and subscripts). */
  private readRange(s: number, e: number, mode: Mode): A.WordPart[] {
    if (s >= e) return [];
    const sub = new ShellLexer(this.text, this.map, s, 'eof', this.ctx, e);
    return sub.readParts(mode);
  }

  private nested<T>(at: number, f: () => T): T {
    this.ctx.depth++;
    if (this.ctx.depth + this.blocks > this.ctx.maxDepth) {
      this.ctx.depth--;
      this.fail(`nesting too deep: more than ${this.ctx.maxDepth} levels`, at);
    }
    try {
      return f();
    } finally {
      this.ctx.depth--;
    }
  }

  private readCmdSubst(i: number, bodyStart: number, kind: A.SubstKind): A.CmdSubst {
    return this.nested(i, () => {
      const sub = new ShellLexer(this.text, this.map, bodyStart, kind === '$(' ? 'paren' : 'brace', this.ctx);
      const { tokens, end } = sub.run();
      if (end < 0) this.fail(kind === '$(' ? "unexpected EOF while looking for matching `)'" : "unexpected EOF while looking for matching `}'", i, i + 2);
      const body = this.ctx.parseTokens(tokens, this.off(end), this.ctx, kind === '$(' ? ')' : '}');
      this.pos = end + 1;
      const script: A.Script = { type: 'script', body, start: this.off(bodyStart), end: this.off(end) };
      return { type: 'cmdsubst', raw: this.text.slice(i, end + 1), kind, body: script, start: this.off(i), end: this.off(end) + 1 };
    });
  }

  private readProcSubst(i: number): A.ProcSubst {
    return this.nested(i, () => {
      const sub = new ShellLexer(this.text, this.map, i + 2, 'paren', this.ctx);
      const { tokens, end } = sub.run();
      if (end < 0) this.fail("unexpected EOF while looking for matching `)'", i, i + 2);
      const body = this.ctx.parseTokens(tokens, this.off(end), this.ctx, ')');
      this.pos = end + 1;
      const script: A.Script = { type: 'script', body, start: this.off(i + 2), end: this.off(end) };
      return { type: 'procsubst', raw: this.text.slice(i, end + 1), op: this.text[i] as '<' | '>', body: script, start: this.off(i), end: this.off(end) + 1 };
    });
  }

  /** Backticks: the body is un-escaped (\\, \`, \$, and \" inside double quotes) and parsed again. */
  private readBacktick(i: number, inDq: boolean): A.CmdSubst {
    const t = this.text;
    let j = i + 1;
    let body = '';
    const map: number[] = [];
    for (;;) {
      if (j >= t.length) this.fail("unexpected EOF while looking for matching ``'", i);
      const c = t[j]!;
      if (c === '`') break;
      if (c === '\\') {
        const d = t[j + 1];
        if (d === '\\' || d === '`' || d === '$' || (inDq && d === '"')) {
          body += d;
          map.push(this.off(j + 1));
          j += 2;
          continue;
        }
      }
      body += c;
      map.push(this.off(j));
      j++;
    }
    map.push(this.off(j)); // the closing backtick: end of the derived text
    const end = j;
    return this.nested(i, () => {
      const sub = new ShellLexer(body, Int32Array.from(map), 0, 'eof', this.ctx);
      const { tokens } = sub.run();
      const list = this.ctx.parseTokens(tokens, this.off(end), this.ctx);
      this.pos = end + 1;
      const script: A.Script = { type: 'script', body: list, start: this.off(i + 1), end: this.off(end) };
      return { type: 'cmdsubst', raw: t.slice(i, end + 1), kind: '`', body: script, start: this.off(i), end: this.off(end) + 1 };
    });
  }

  /** After a newline: read the bodies of the heredocs started on the line just ended. */
  private readHeredocBodies(): void {
    const t = this.text;
    for (const h of this.pending) {
      const bodyStart = this.pos;
      let lineStart = this.pos;
      let bodyEnd = -1;
      let after = t.length;
      while (lineStart <= t.length) {
        let lineEnd = t.indexOf('\n', lineStart);
        if (lineEnd < 0) lineEnd = t.length;
        let line = t.slice(lineStart, lineEnd);
        if (h.strip) line = line.replace(/^\t+/, '');
        if (line === h.delimiter) {
          bodyEnd = lineStart;
          after = Math.min(t.length, lineEnd + 1);
          break;
        }
        if (lineEnd >= t.length) break;
        lineStart = lineEnd + 1;
      }
      const terminated = bodyEnd >= 0;
      if (!terminated) {
        bodyEnd = t.length;
        after = t.length;
      }
      const text = t.slice(bodyStart, bodyEnd);
      let parts: A.WordPart[];
      if (h.quoted || text.length === 0) {
        parts = text.length ? [{ type: 'lit', value: text, quoted: true, start: this.off(bodyStart), end: this.off(bodyEnd - 1) + 1 }] : [];
      } else {
        parts = this.readRange(bodyStart, bodyEnd, Mode.Heredoc);
      }
      h.payload.heredoc = {
        delimiter: h.delimiter,
        quoted: h.quoted,
        stripTabs: h.strip,
        parts,
        text,
        terminated,
        start: this.off(bodyStart),
        end: bodyEnd > bodyStart ? this.off(bodyEnd - 1) + 1 : this.off(bodyStart),
      };
      this.pos = after;
    }
    this.pending.length = 0;
  }

  /** Index in this lexer's text of an offset in the original string (the map is increasing). */
  private derivedIndex(offset: number): number {
    const map = this.map;
    if (map === null) return offset;
    let lo = 0;
    let hi = map.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (map[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The characters [from, to) of an unquoted literal's value as a literal of their own, with its
   * source span: the value lacks the line continuations the source has, so positions are walked.
   */
  private subLit(p: A.Lit, from: number, to: number): A.Lit {
    const t = this.text;
    let i = this.derivedIndex(p.start);
    let first = -1;
    let last = -1;
    for (let v = 0; v < to; v++) {
      while (t[i] === '\\' && t[i + 1] === '\n') i += 2;
      if (v === from) first = i;
      last = i;
      i++;
    }
    return { type: 'lit', value: p.value.slice(from, to), quoted: false, start: this.off(first), end: this.off(last) + 1 };
  }

  /** Called by lexWord after reading: marks assignment-shaped words. */
  private assignmentOf(parts: A.WordPart[]): A.Assignment | undefined {
    const first = parts[0];
    if (!first || first.type !== 'lit' || first.quoted) return undefined;
    const m = ASSIGN_RE.exec(first.value);
    const last = parts[parts.length - 1];
    const arr = last && last.type === 'lit' ? last.array : undefined;
    if (m) {
      const value: A.WordPart[] = [];
      if (first.value.length > m[0].length) value.push(this.subLit(first, m[0].length, first.value.length));
      value.push(...parts.slice(1));
      const a: A.Assignment = { name: m[1]!, op: m[2] as '=' | '+=', value: arr ? [] : value };
      if (arr) a.array = arr;
      return a;
    }
    // NAME[subscript]=value, where the subscript may hold expansions in later parts.
    const b = /^([A-Za-z_][A-Za-z0-9_]*)\[/.exec(first.value);
    if (!b) return undefined;
    const subscript: A.WordPart[] = [];
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k]!;
      const from = k === 0 ? b[0].length : 0;
      if (p.type === 'lit' && !p.quoted) {
        const m2 = /\](\+?=)/.exec(p.value.slice(from));
        if (m2) {
          const close = from + m2.index;
          if (close > from) subscript.push(this.subLit(p, from, close));
          const rest = close + m2[0].length;
          const value: A.WordPart[] = [];
          if (rest < p.value.length) value.push(this.subLit(p, rest, p.value.length));
          value.push(...parts.slice(k + 1));
          const a: A.Assignment = { name: b[1]!, op: m2[1] as '=' | '+=', subscript, value: arr ? [] : value };
          if (arr) a.array = arr;
          return a;
        }
        if (from < p.value.length) subscript.push(from > 0 ? this.subLit(p, from, p.value.length) : p);
        continue;
      }
      subscript.push(p);
    }
    return undefined;
  }
}

