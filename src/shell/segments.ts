// AST → segments: every simple command anywhere in a script, with where it sits (design.md §3).
// Nested places bash runs commands: substitutions in any word (also inside double quotes,
// `${…}` operands, `$((…))`, subscripts), assignment values, redirection targets, here-strings,
// unquoted heredoc bodies, case patterns and subjects, `for` words, `[[ ]]` operands and
// function bodies.
import type * as A from '../../grammar/shell/ast.js';
import type { Redirect, Segment, SegmentWord } from '../types.js';
import { isDynamicWord, wordValue } from './words.js';

/** The context ids a segment can carry, outer to inner. Documented in docs/segments.md. */
export const CONTEXT_IDS = [
  'pipeline',
  'and-or',
  'background',
  'subshell',
  'group',
  'if',
  'loop',
  'case',
  'function',
  'coproc',
  'test',
  'arithmetic',
  'command-substitution',
  'backtick',
  'process-substitution',
  'function-substitution',
  'parameter-expansion',
  'assignment',
  'redirect',
  'here-string',
  'heredoc',
  'array',
  'wrapped',
  'shell-string',
  'eval-string',
] as const;

export type ContextId = (typeof CONTEXT_IDS)[number];

export interface SegmentInfo {
  command: A.SimpleCommand;
  /** True when the command's standard input comes from a pipe (it is not first in its pipeline). */
  piped: boolean;
}

/** Called for each simple command's segment; may add segments for commands it wraps. */
export type SegmentHook = (segment: Segment, info: SegmentInfo, out: SegmentSink) => void;

/** Called for each assignment that is not a prefix of a command (`PATH=/x; ls`), in source order. */
export type AssignmentHook = (name: string, word: A.Word) => void;

export interface SegmentSink {
  push(segment: Segment): void;
}

export interface SegmentHooks {
  segment?: SegmentHook;
  assignment?: AssignmentHook;
}

export function collectSegments(script: A.Script, hooks: SegmentHooks = {}): Segment[] {
  const out: Segment[] = [];
  const sink: SegmentSink = { push: (s) => out.push(s) };
  const walker = new Walker(sink, hooks);
  walker.list(script.body, []);
  // Source order of each command's start (its first assignment or word); stable for ties.
  return out.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.i - b.i).map((x) => x.s);
}

function redirectOf(r: A.Redirect): Redirect {
  return { op: r.op, target: wordValue(r.target), dynamic: r.heredoc ? false : isDynamicWord(r.target), start: r.start, end: r.end };
}

export function segmentWord(w: A.Word): SegmentWord {
  return { value: wordValue(w), dynamic: isDynamicWord(w), start: w.start, end: w.end };
}

class Walker {
  constructor(
    private readonly sink: SegmentSink,
    private readonly hooks: SegmentHooks,
  ) {}

  list(list: A.List, ctx: ContextId[]): void {
    for (const item of list.items) this.andOr(item, ctx);
  }

  private andOr(a: A.AndOr, ctx: ContextId[]): void {
    let c = ctx;
    if (a.pipelines.length > 1) c = [...c, 'and-or'];
    if (a.background) c = [...c, 'background'];
    for (const p of a.pipelines) {
      const pc: ContextId[] = p.commands.length > 1 ? [...c, 'pipeline'] : c;
      p.commands.forEach((cmd, i) => this.command(cmd, pc, i > 0));
    }
  }

  private redirects(rs: A.Redirect[], ctx: ContextId[]): void {
    for (const r of rs) {
      if (r.heredoc) {
        if (!r.heredoc.quoted) this.parts(r.heredoc.parts, [...ctx, 'heredoc']);
      } else {
        this.parts(r.target.parts, [...ctx, r.op.endsWith('<<<') ? 'here-string' : 'redirect']);
      }
    }
  }

  command(cmd: A.Command, ctx: ContextId[], piped = false): void {
    switch (cmd.type) {
      case 'simple':
        this.simple(cmd, ctx, piped);
        return;
      case 'subshell':
        this.list(cmd.body, [...ctx, 'subshell']);
        break;
      case 'group':
        this.list(cmd.body, [...ctx, 'group']);
        break;
      case 'if': {
        const c: ContextId[] = [...ctx, 'if'];
        for (const cl of cmd.clauses) {
          this.list(cl.cond, c);
          this.list(cl.body, c);
        }
        if (cmd.elseBody) this.list(cmd.elseBody, c);
        break;
      }
      case 'while': {
        const c: ContextId[] = [...ctx, 'loop'];
        this.list(cmd.cond, c);
        this.list(cmd.body, c);
        break;
      }
      case 'for': {
        const c: ContextId[] = [...ctx, 'loop'];
        for (const w of cmd.items ?? []) this.parts(w.parts, c);
        this.list(cmd.body, c);
        break;
      }
      case 'arithfor': {
        const c: ContextId[] = [...ctx, 'loop'];
        this.parts(cmd.header.parts, [...c, 'arithmetic']);
        this.list(cmd.body, c);
        break;
      }
      case 'case': {
        const c: ContextId[] = [...ctx, 'case'];
        this.parts(cmd.word.parts, c);
        for (const item of cmd.items) {
          for (const p of item.patterns) this.parts(p.parts, c);
          if (item.body) this.list(item.body, c);
        }
        break;
      }
      case 'dbracket': {
        const c: ContextId[] = [...ctx, 'test'];
        for (const w of cmd.words) this.parts(w.parts, c);
        break;
      }
      case 'arith-command':
        this.parts(cmd.expr.parts, [...ctx, 'arithmetic']);
        break;
      case 'function':
        this.command(cmd.body, [...ctx, 'function']);
        return;
      case 'coproc':
        this.command(cmd.body, [...ctx, 'coproc']);
        return;
    }
    this.redirects(cmd.redirects, ctx);
  }

  private simple(cmd: A.SimpleCommand, ctx: ContextId[], piped: boolean): void {
    if (cmd.words.length > 0) {
      const words = cmd.words.map(segmentWord);
      const seg: Segment = {
        argv: words.map((w) => w.value),
        words,
        assigns: cmd.assigns.map(wordValue),
        redirects: cmd.redirects.map(redirectOf),
        context: ctx,
        dynamic: words.some((w) => w.dynamic),
        reasons: [],
        start: cmd.start,
        end: cmd.end,
      };
      this.sink.push(seg);
      this.hooks.segment?.(seg, { command: cmd, piped }, this.sink);
    } else if (this.hooks.assignment) {
      for (const a of cmd.assigns) if (a.assign) this.hooks.assignment(a.assign.name, a);
    }
    for (const a of cmd.assigns) this.assignment(a, ctx);
    for (const w of cmd.words) {
      if (w.assign) this.assignment(w, ctx);
      else this.parts(w.parts, ctx);
    }
    this.redirects(cmd.redirects, ctx);
  }

  private assignment(w: A.Word, ctx: ContextId[]): void {
    const c: ContextId[] = [...ctx, 'assignment'];
    const a = w.assign;
    if (!a) {
      this.parts(w.parts, c);
      return;
    }
    if (a.subscript) this.parts(a.subscript, [...c, 'arithmetic']);
    this.parts(a.value, c);
    for (const el of a.array ?? []) this.parts(el.parts, [...c, 'array']);
  }

  parts(parts: A.WordPart[], ctx: ContextId[]): void {
    for (const p of parts) {
      switch (p.type) {
        case 'lit':
          for (const el of p.array ?? []) this.parts(el.parts, [...ctx, 'array']);
          break;
        case 'dbl':
          this.parts(p.parts, ctx);
          break;
        case 'param':
          if (p.nested.length > 0) this.parts(p.nested, [...ctx, 'parameter-expansion']);
          break;
        case 'arith':
          this.parts(p.parts, [...ctx, 'arithmetic']);
          break;
        case 'cmdsubst': {
          const id: ContextId = p.kind === '`' ? 'backtick' : p.kind === '$(' ? 'command-substitution' : 'function-substitution';
          this.list(p.body.body, [...ctx, id]);
          break;
        }
        case 'procsubst':
          this.list(p.body.body, [...ctx, 'process-substitution']);
          break;
      }
    }
  }
}

