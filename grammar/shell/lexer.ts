// A hand-written, context-aware lexer for bash that produces Chevrotain tokens.
//
// Why hand-written: what a character means in shell depends on where it is in the *grammar*, not
// just on the characters before it: `)` closes a case pattern or a `$(`, `((` is arithmetic only
// when the matching `)` is followed by another `)`, `if` is a keyword only in command position,
// a heredoc body starts at the next newline, and a word's parts nest without limit (`"${x:-$(…)}"`).
// This file tracks that context (command position, case and for states, paren depth, pending
// heredocs) and turns it into tokens, so the Chevrotain parser (parser.ts) sees a flat token
// vector. The rest is in one file per concern: reading a word into parts, with every nested
// script (`$(…)`, backticks, `<(…)`, `${ …; }`) lexed and parsed recursively (word-parts.ts),
// assignment words (assignment.ts), `[[ … ]]` (conditional.ts), heredoc bodies and delimiters
// (heredoc.ts, delimiter.ts), and the character classes and look-ahead scans they share (scan.ts).
// All of them read the text with its line continuations removed, as bash does before it forms
// tokens (continuations.ts).
import type { TokenType } from 'chevrotain';
import type * as A from './ast.js';
import * as T from './tokens.js';
import type { ShellToken, RedirPayload } from './tokens.js';
import { assignmentOf } from './assignment.js';
import { readConditional } from './conditional.js';
import type { LexContext, Stop } from './context.js';
import type { ShellText } from './continuations.js';
import { pendingHeredoc, readHeredocBodies, type PendingHeredoc } from './heredoc.js';
import { endsWord, isBlank, isMeta, isNameChar, isNameStart, scanArith } from './scan.js';
import { partsValue, WordReader } from './word-parts.js';

// partsValue lives with the word reader; src/shell/words.ts and test/shell/sanity.ts import it from here.
export { partsValue } from './word-parts.js';

// `after`: just after a compound command's closer (`}`, `fi`, `done`, `esac`, `]]`, `))`), where
// bash still recognizes reserved words (`{ a; } fi`, `(( i++ )) done`) but nothing else starts.
type CmdState = 'start' | 'prefix' | 'args' | 'after';

interface CaseFrame {
  state: 'subject' | 'in' | 'pattern' | 'body';
  paren: number;
}

const DECLARATION_BUILTINS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);

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

export class ShellLexer extends WordReader {
  private readonly tokens: ShellToken[] = [];
  private cmd: CmdState = 'start';
  private paren = 0;
  private brace = 0;
  private readonly cases: CaseFrame[] = [];
  private forState: 'none' | 'name' | 'in' = 'none';
  private funcName = false;
  private afterRedir = false;
  private coprocName = false;
  private heredocOp: RedirPayload | null = null;
  private readonly pending: PendingHeredoc[] = [];
  private cmdName: string | null = null;

  constructor(
    src: ShellText,
    start: number,
    private readonly stop: Stop,
    ctx: LexContext,
    limit?: number,
  ) {
    super(src, start, ctx, limit);
  }

  private emit(type: TokenType, start: number, end: number, payload?: ShellToken['payload']): ShellToken {
    const s = this.off(start);
    const e = end > start ? this.off(end - 1) + 1 : s;
    return this.push(new LexedToken(this.text, start, end, s, e - 1, type, payload));
  }

  private push(tok: ShellToken): ShellToken {
    this.tokens.push(tok);
    if (tok.tokenType !== T.Newline) {
      this.beforeLastSignificant = this.lastSignificant;
      this.lastSignificant = tok.tokenType;
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

  /** Lexes up to the stop condition; returns the tokens and the position of the closing character. */
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
      if (c === '#') {
        // A comment starts only where a word could start (bash manual §3.1.3) and ends at the
        // first newline as written, even one a backslash precedes (continuations.ts).
        const end = this.commentEnd(this.pos);
        this.pos = end.pos;
        if (end.removedNewline !== null) {
          // That newline is gone from `text`; it still ends the line, as a token of its own.
          const at = end.removedNewline;
          this.push(new LexedToken('\n', 0, 1, at, at, T.Newline, undefined));
          this.endOfLine();
        }
        continue;
      }
      if (c === '\n') {
        this.pos++;
        this.emit(T.Newline, start, start + 1);
        this.endOfLine();
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

  /** After a newline token: the bodies of the heredocs started on the line, then maybe a chunk. */
  private endOfLine(): void {
    this.afterOperator();
    if (this.pending.length > 0) readHeredocBodies(this, this.pending, this.stop);
    if (this.onChunk !== null && this.tokens.length >= ShellLexer.CHUNK_TOKENS && this.atCommandBoundary()) {
      this.onChunk(this.tokens.splice(0));
    }
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
    const end = scanArith(this.text, start + 2, this.ctx);
    if (end < 0) return false;
    if (this.rawIndex(end + 1) !== this.rawIndex(end) + 1) {
      // bash reads the `)` after the matched pair as written (parse.y parse_arith_cmd:
      // shell_getc(0)), so `((…)\⏎)` is not arithmetic; it re-reads the text as nested
      // subshells and stops at an empty word after the backslash.
      this.fail("syntax error near unexpected token `'", end + 1, end + 2);
    }
    const parts = this.readRange(start + 2, end);
    const node: A.ArithCmd = {
      type: 'arithcmd',
      raw: this.rawSlice(start, end + 2),
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
    if (keywordsAllowed && !inPattern && text.startsWith('[[', start) && endsWord(text, start + 2)) {
      this.lexDBracket(start);
      return;
    }

    const subscript = (this.cmd === 'start' || this.cmd === 'prefix') && !this.afterRedir && !inPattern && !this.funcName && this.forState === 'none';
    const parts = this.readWord({ subscript });
    const end = this.pos;
    const word: A.Word = { type: 'word', parts, start: this.off(start), end: this.off(end - 1) + 1 };
    if ((this.cmd === 'start' || this.cmd === 'prefix') && !this.afterRedir && !inPattern && !this.funcName && this.forState === 'none') {
      const assign = assignmentOf(this, parts);
      if (assign) word.assign = assign;
    }
    const plain = parts.length === 1 && parts[0]!.type === 'lit' && !parts[0]!.quoted ? parts[0]!.value : null;

    // Redirection target (and heredoc delimiter).
    if (this.afterRedir) {
      this.afterRedir = false;
      this.emit(T.Word, start, end, word);
      if (this.heredocOp) {
        this.pending.push(pendingHeredoc(this, this.heredocOp, word));
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
      if (kw !== undefined && (kw !== T.Time || this.timeIsReserved())) {
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
        this.skipTimeOptions();
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
          const end2 = scanArith(this.text, s + 2, this.ctx);
          if (end2 < 0) this.fail("syntax error near unexpected token `(('", s, s + 2);
          const parts = this.readRange(s + 2, end2);
          const node: A.ArithCmd = { type: 'arithcmd', raw: this.rawSlice(s, end2 + 2), parts, start: this.off(s), end: this.off(end2 + 1) + 1 };
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

  /**
   * Whether `time` here is the reserved word, as parse.y time_command_acceptable decides (bash
   * 5.2): only where a pipeline starts after `;`, a newline, `&&`, `||`, `&`, `(`, `)`, `{`, `!`,
   * `time` (and its `-p`, `--`), `if`, `then`, `elif`, `else`, `while`, `until`, `do`, or at the
   * start of the input. After `|`, `|&` (also across one newline), `coproc` and right after the
   * `$(` or `<(` of a substitution it is a plain word, the time program: `a | time -p b` runs
   * `time -p b` (bash 5.3 adds the substitution starts to the list).
   */
  private timeIsReserved(): boolean {
    if (this.cmd !== 'start') return false;
    const n = this.tokens.length;
    const last = this.tokens[n - 1]?.tokenType;
    if (last === undefined) return this.stop !== 'paren';
    if (last === T.Pipe || last === T.PipeAmp || last === T.Coproc || last === T.ArithTok) return false;
    if (last === T.Newline) {
      const before = this.tokens[n - 2]?.tokenType;
      return before !== T.Pipe && before !== T.PipeAmp;
    }
    return true;
  }

  /**
   * `time -p`, `time --`, `time -p --`: parse.y special_case_tokens reads an unquoted `-p` right
   * after `time` as TIMEOPT and `--` after either as TIMEIGN, so `time -- ls` times `ls`; any
   * other word (`"-p"`, `-p` a second time, `-x`) is the command. `text` has no line
   * continuations, so `-\⏎p` is `-p` here as in bash.
   */
  private skipTimeOptions(): void {
    const t = this.text;
    const option = (o: string): boolean => {
      let i = this.pos;
      while (i < t.length && isBlank(t[i]!)) i++;
      if (!t.startsWith(o, i) || !endsWord(t, i + 2)) return false;
      this.pos = i + 2;
      return true;
    };
    option('-p');
    option('--');
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
    if (t[i] === '(' || (t[i] === '{' && endsWord(t, i + 1))) this.coprocName = true;
    else {
      const rest = /^(while|until|if|for|select|case)\b/.exec(t.slice(i, i + 7));
      if (rest) this.coprocName = true;
    }
  }

  /** `[[ … ]]` in command position, read whole (conditional.ts). */
  private lexDBracket(start: number): void {
    const node = readConditional(this, start);
    this.emit(T.DBracketTok, start, this.pos, node);
    this.cmd = 'after';
  }

  /** `NAME=(` opens an array in command position and in the arguments of a declaration builtin. */
  protected override arrayAssignmentAllowed(): boolean {
    if (!(this.cmd === 'start' || this.cmd === 'prefix' || (this.cmdName !== null && DECLARATION_BUILTINS.has(this.cmdName)))) return false;
    return !this.afterRedir;
  }
}

/** Lexes a nested script; the parser passes it to the word reader in the LexContext. */
export function lexScript(src: ShellText, start: number, stop: Stop, ctx: LexContext): { tokens: ShellToken[]; end: number } {
  return new ShellLexer(src, start, stop, ctx).run();
}
