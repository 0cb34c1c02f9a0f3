// Where the comments of a Codex `.rules` file belong, so that `escalint import` keeps them with
// what they describe: a comment on its own line (or a block of them) goes with the call below it,
// a comment after a call on the line where the call ends goes with that call, comments inside a
// multi-line call go with the argument they sit at, comments after the last call end the file,
// and a block at the top that a blank line separates from the first call is about the file.
// Blank lines between calls are kept (one at most), so groups stay groups. A docstring (a string
// on its own, which Codex evaluates and ignores) is kept as comment lines. Only the text between
// and inside the calls is scanned; the calls themselves are the loader's (src/rules/starlark.ts).
import { parseStarlark, scanStringLiteral, type CallExpr } from '../../grammar/starlark/index.js';
import { BUILTINS, type BuiltinName } from '../rules/starlark-bind.js';
import type { Span } from '../types.js';

/** One line of a comment block: a comment (`raw` is its text after `#`, as written) or a blank line. */
export type LayoutLine = { kind: 'comment'; raw: string; start: number } | { kind: 'blank' };

/** A comment inside a call, with whether it has a line of its own. */
export interface InnerComment {
  raw: string;
  start: number;
  ownLine: boolean;
}

export interface CallLayout {
  /** Comment lines and blank lines above the call, after the previous call (or the file's header). */
  leading: LayoutLine[];
  /** Comments after the call on the line where it ends. */
  trailing: string[];
  /** Comments inside the call's parentheses. */
  inner: InnerComment[];
}

export interface FileLayout {
  /** Comments at the top, separated by a blank line from the first call (or the whole file without calls). */
  header: LayoutLine[];
  /** One per call, in the order of `calls` given. */
  calls: CallLayout[];
  /** Comments after the last call. */
  footer: LayoutLine[];
}

type GapItem = { kind: 'comment'; raw: string; start: number } | { kind: 'newline' };

/**
 * The comments, docstrings and line ends between `start` and `end` (text Codex evaluated to
 * nothing: blanks, `;`, `pass`, parentheses, strings). Strings are skipped with the grammar's own
 * literal scanner, so a `#` inside one is not a comment.
 */
function scanGap(text: string, start: number, end: number): GapItem[] {
  const items: GapItem[] = [];
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      items.push({ kind: 'newline' });
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else if (c === '#') {
      let e = i + 1;
      while (e < end && text[e] !== '\n' && text[e] !== '\r') e++;
      items.push({ kind: 'comment', raw: text.slice(i + 1, e), start: i });
      i = e;
    } else if (c === '"' || c === "'" || (/[rbf]/.test(c) && (i === start || !/[\w]/.test(text[i - 1]!)))) {
      const lit = scanStringLiteral(text, i);
      if (!lit) {
        i++;
        continue;
      }
      // A docstring: each of its lines becomes a comment line.
      const lines = lit.payload.value.split(/\r\n|\n|\r/);
      while (lines.length > 1 && lines[lines.length - 1]!.trim() === '') lines.pop();
      while (lines.length > 1 && lines[0]!.trim() === '') lines.shift();
      for (const line of lines) items.push({ kind: 'comment', raw: line === '' ? '' : ` ${line}`, start: i });
      i += lit.image.length;
    } else i++;
  }
  return items;
}

/** Gap items from the start of a line on, as lines: comments, and one blank marker for each run of empty lines. */
function toLines(items: readonly GapItem[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  let lineHasContent = false;
  for (const item of items) {
    if (item.kind === 'newline') {
      if (!lineHasContent && out[out.length - 1]?.kind !== 'blank') out.push({ kind: 'blank' });
      lineHasContent = false;
    } else {
      out.push({ kind: 'comment', raw: item.raw, start: item.start });
      lineHasContent = true;
    }
  }
  return out;
}

/** Comments inside `[start, end)`, found with the same string-aware scan. */
function innerComments(text: string, span: Span): InnerComment[] {
  let hash = false;
  for (let i = span.start; i < span.end && !hash; i++) hash = text.charCodeAt(i) === 35; // '#'
  if (!hash) return [];
  const out: InnerComment[] = [];
  let i = span.start;
  while (i < span.end) {
    const c = text[i]!;
    if (c === '#') {
      let e = i + 1;
      while (e < span.end && text[e] !== '\n' && text[e] !== '\r') e++;
      let b = i - 1;
      while (b >= span.start && (text[b] === ' ' || text[b] === '\t')) b--;
      const ownLine = b < span.start ? false : text[b] === '\n' || text[b] === '\r';
      out.push({ raw: text.slice(i + 1, e), start: i, ownLine });
      i = e;
    } else if (c === '"' || c === "'") {
      const lit = scanStringLiteral(text, i);
      i += lit ? lit.image.length : 1;
    } else i++;
  }
  return out;
}

/**
 * The comment layout of a `.rules` file around its calls (`calls` sorted by start, not
 * overlapping: the loader's call spans of prefix_rule, host_executable and network_rule).
 */
export function layoutComments(text: string, calls: readonly Span[]): FileLayout {
  const layouts: CallLayout[] = calls.map((c) => ({ leading: [], trailing: [], inner: innerComments(text, c) }));
  if (calls.length === 0) {
    return { header: trimBlanks(toLines(scanGap(text, 0, text.length))), calls: [], footer: [] };
  }
  let header: LayoutLine[] = [];
  let footer: LayoutLine[] = [];
  for (let k = 0; k <= calls.length; k++) {
    const from = k === 0 ? 0 : calls[k - 1]!.end;
    const to = k === calls.length ? text.length : calls[k]!.start;
    const items = scanGap(text, from, to);
    // After a call, what comes before the first line end trails it.
    let rest = items;
    if (k > 0) {
      const nl = items.findIndex((x) => x.kind === 'newline');
      const same = nl < 0 ? items : items.slice(0, nl);
      for (const x of same) if (x.kind === 'comment') layouts[k - 1]!.trailing.push(x.raw);
      rest = nl < 0 ? [] : items.slice(nl + 1);
    }
    const lines = toLines(rest);
    if (k === calls.length) {
      footer = trimBlanks(lines, { keepFirst: true });
    } else if (k === 0) {
      // The block above the last blank line is about the file; the rest is about the first call.
      const lastBlank = lines.map((l) => l.kind).lastIndexOf('blank');
      header = trimBlanks(lines.slice(0, Math.max(0, lastBlank)));
      layouts[0]!.leading = trimBlanks(lines.slice(lastBlank + 1));
    } else {
      layouts[k]!.leading = trimBlanks(lines, { keepFirst: true });
    }
  }
  return { header, calls: layouts, footer };
}

/** Drops blank lines at the end (and at the start unless `keepFirst`: a blank line before a block separates it). */
function trimBlanks(lines: LayoutLine[], opts: { keepFirst?: boolean } = {}): LayoutLine[] {
  let a = 0;
  let b = lines.length;
  while (b > a && lines[b - 1]!.kind === 'blank') b--;
  if (!opts.keepFirst) while (a < b && lines[a]!.kind === 'blank') a++;
  // A lone blank (nothing but an empty line) still separates the call from the one before.
  if (opts.keepFirst && b === 0 && lines.length > 0 && lines[0]!.kind === 'blank') return [{ kind: 'blank' }];
  return lines.slice(a, b);
}

/** An argument of a call: the parameter it binds to and where it is, in file offsets. */
export interface ArgumentSpan extends Span {
  param: string;
}

/**
 * The arguments of the call at `span` (only read for calls with comments inside): each bound to
 * its parameter as Starlark binds them (positional first, in the builtin's parameter order).
 */
export function callArguments(text: string, span: Span, builtin: BuiltinName): ArgumentSpan[] {
  const parsed = parseStarlark(text.slice(span.start, span.end));
  const stmt = parsed.module.statements[0];
  if (!stmt || stmt.kind !== 'expr' || stmt.expr.kind !== 'call') return [];
  const call: CallExpr = stmt.expr;
  const params: readonly string[] = BUILTINS[builtin].params;
  const out: ArgumentSpan[] = [];
  let positional = 0;
  for (const arg of call.args) {
    const param = arg.kind === 'positional' ? params[positional++] : arg.name;
    if (param === undefined) continue;
    out.push({ param, start: span.start + arg.start, end: span.start + arg.end });
  }
  return out;
}
