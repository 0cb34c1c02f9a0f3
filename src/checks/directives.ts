// Inline directives in rule-file comments, as ESLint spells them:
//   # escalint-disable-next-line <check>[, <check>…] -- reason
//   # escalint-disable-line <check>…            (a trailing comment on the line it silences)
//   # escalint-disable [<check>…]  …  # escalint-enable [<check>…]   (ranges; no ids = every check)
// Comments are found with YAML's own lexer for YAML (so `#` inside quoted or block scalars is not
// a comment) and with a small string-aware scanner for Codex .rules (Starlark) files.
import { createRequire } from 'node:module';
import type { Span } from '../types.js';

// The `yaml` package is required only for a file that has a directive (start-up: most have none,
// and the rule loader reads plain files without it).
const require = createRequire(import.meta.url);

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface DirectiveCheckRef extends Span {
  id: string;
}

export interface Directive extends Span {
  kind: DirectiveKind;
  /** The check ids named; empty means every check. */
  checks: DirectiveCheckRef[];
  /** Text after ` -- `, trimmed; '' when none was given. */
  reason: string;
  /** For disable-line / disable-next-line: the offsets of the line it covers (line break included). */
  covers?: Span;
}

/** Spans of the comments in a file, `#` included, in order. */
export function findComments(text: string, kind: 'yaml' | 'rules'): Span[] {
  return kind === 'yaml' ? yamlComments(text) : starlarkComments(text);
}

// yaml's Lexer yields the source split into tokens, plus one-character control tokens that are not
// part of the source (document start, flow-error end, scalar marker); skip those when counting.
const LEXER_CONTROL = new Set(['\x02', '\x18', '\x1f']);

function yamlComments(text: string): Span[] {
  const out: Span[] = [];
  let offset = 0;
  const { Lexer } = require('yaml') as typeof import('yaml');
  for (const token of new Lexer().lex(text)) {
    if (LEXER_CONTROL.has(token)) continue;
    if (token.startsWith('#')) out.push({ start: offset, end: offset + token.length });
    offset += token.length;
  }
  return out;
}

// Starlark strings: '…', "…", '''…''', """…""", with optional r/b prefixes; a backslash escapes the
// next character in every form (in raw strings it still keeps the quote from closing the string).
function starlarkComments(text: string): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      let end = i;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
      out.push({ start: i, end });
      i = end;
    } else if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      i += close.length;
      while (i < text.length) {
        const d = text[i]!;
        if (d === '\\') i += 2;
        else if (text.startsWith(close, i)) {
          i += close.length;
          break;
        } else if (!triple && (d === '\n' || d === '\r')) break; // unterminated: stop at the line end
        else i++;
      }
    } else i++;
  }
  return out;
}

const DIRECTIVE = /^#\s*escalint-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;

/** The directives in a file's comments, in source order. */
export function parseDirectives(text: string, kind: 'yaml' | 'rules'): Directive[] {
  // Fast path: most files have none, and lexing a 20,000-rule file twice is measurable.
  if (!text.includes('escalint-')) return [];
  const out: Directive[] = [];
  for (const comment of findComments(text, kind)) {
    const body = text.slice(comment.start, comment.end);
    const m = DIRECTIVE.exec(body);
    if (!m) continue;
    const directiveKind = m[1] as DirectiveKind;
    let rest = body.slice(m[0].length);
    let reason = '';
    const sep = /\s--(?:\s|$)/.exec(rest);
    if (sep) {
      reason = rest.slice(sep.index + sep[0].length).trim();
      rest = rest.slice(0, sep.index);
    }
    const checks: DirectiveCheckRef[] = [];
    const base = comment.start + m[0].length;
    for (const id of rest.matchAll(/[^\s,]+/g)) {
      checks.push({ id: id[0], start: base + id.index, end: base + id.index + id[0].length });
    }
    const directive: Directive = { kind: directiveKind, checks, reason, start: comment.start, end: comment.end };
    if (directiveKind === 'disable-line') directive.covers = lineAt(text, comment.start);
    if (directiveKind === 'disable-next-line') {
      const own = lineAt(text, comment.start);
      directive.covers = own.end < text.length ? lineAt(text, own.end) : { start: text.length, end: text.length + 1 };
      if (kind === 'yaml') directive.covers = wholeListItem(text, directive.covers);
    }
    out.push(directive);
  }
  return out;
}

/**
 * In YAML, a directive above a list item (`- id: x`) covers the whole item, because findings
 * about a rule point at its `pattern`, which is often not the item's first line. The item runs
 * while lines are blank or indented deeper than its dash.
 */
function wholeListItem(text: string, line: Span): Span {
  const m = /^([ \t]*)-(?:[ \t]|\r?\n|\r|$)/.exec(text.slice(line.start, line.end));
  if (!m) return line;
  const dash = m[1]!.length;
  let end = line.end;
  while (end < text.length) {
    const next = lineAt(text, end);
    const content = text.slice(next.start, next.end).replace(/\r?\n$|\r$/, '');
    const indent = /^[ \t]*/.exec(content)![0].length;
    if (content.trim() !== '' && indent <= dash) break;
    end = next.end;
  }
  return { start: line.start, end };
}

/** The line holding `offset`: from its first character to just after its line break. */
function lineAt(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && !(text[start - 1] === '\r' && text[start] !== '\n')) start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
  else if (end < text.length) end += 1;
  return { start, end };
}
