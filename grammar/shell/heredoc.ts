// Here-documents (bash manual §3.6.6): `<<WORD` and `<<-WORD` bodies.
//
// A heredoc's body does not follow its operator: it starts at the next newline, after the rest
// of the line has been lexed (`cat <<A <<'B'; echo mid | tr a b⏎…A⏎…B⏎` reads both bodies after
// the line ends). So the lexer records each operator with its delimiter word as pending, and at
// the newline hands the list here; the bodies are attached to the operators' token payloads.
//
// Lines are read and compared as bash's make_cmd.c make_here_document does. With an unquoted
// delimiter the body is read like the rest of the input, line continuations removed, so `E\⏎F`
// is the line `EF` and the body is read for substitutions (`$(…)`, backticks, `$((…))`); with a
// quoted one the lines are taken as written and the body is data. `<<-` compares a line before
// and after stripping its leading tabs. Which text ends the body is delimiter.ts.
import type * as A from './ast.js';
import type { Stop } from './context.js';
import { heredocDelimiter } from './delimiter.js';
import type { RedirPayload } from './tokens.js';
import type { WordReader } from './word-parts.js';

export interface PendingHeredoc {
  payload: RedirPayload;
  delimiter: string;
  quoted: boolean;
  strip: boolean;
}

/** A heredoc whose operator `payload` was just followed by its delimiter word, read by `r`. */
export function pendingHeredoc(r: WordReader, payload: RedirPayload, word: A.Word): PendingHeredoc {
  const d = heredocDelimiter(r, word);
  return { payload, delimiter: d.text, quoted: d.quoted, strip: payload.op.endsWith('<<-') };
}

interface BodyEnd {
  /** Where the delimiter line starts (the body ends before it). */
  bodyEnd: number;
  /** Where reading goes on. */
  resume: number;
  terminated: boolean;
  /** Ended by a line that only starts with the delimiter (inside `$(…)`). */
  early: boolean;
}

/**
 * The end of a body starting at `from` in `s`. `closer`: inside `$(…)` (bash 5.3 also `${ …; }`),
 * bash also ends a body at a line that starts with the delimiter and has the closing character
 * somewhere after it, and reads the rest of that line again as input (make_here_document's
 * "backwards compatibility" with PST_EOFTOKEN, which parse_comsub sets): in
 * `$(cat <<E⏎x⏎E)` the `)` after `E` closes the substitution.
 */
function findEnd(s: string, from: number, h: PendingHeredoc, closer: string | null): BodyEnd {
  const d = h.delimiter;
  // A line is compared up to its newline, so a delimiter holding one never matches.
  const matchAt = (at: number, lineEnd: number) => at + d.length <= lineEnd && s.startsWith(d, at);
  let lineStart = from;
  while (lineStart < s.length) {
    let lineEnd = s.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = s.length;
    const next = Math.min(s.length, lineEnd + 1);
    let at = lineStart;
    if (h.strip) {
      // "check the word before stripping the whitespace": a delimiter may start with a tab.
      if (lineEnd - at === d.length && matchAt(at, lineEnd)) return { bodyEnd: lineStart, resume: next, terminated: true, early: false };
      while (at < lineEnd && s[at] === '\t') at++;
    }
    if (lineEnd - at === d.length && matchAt(at, lineEnd)) return { bodyEnd: lineStart, resume: next, terminated: true, early: false };
    if (closer !== null && matchAt(at, lineEnd) && s.slice(at + d.length, lineEnd).includes(closer)) {
      return { bodyEnd: lineStart, resume: at + d.length, terminated: true, early: true };
    }
    lineStart = next;
  }
  return { bodyEnd: s.length, resume: s.length, terminated: false, early: false };
}

/**
 * After a newline, at `r.pos`: reads the bodies of the heredocs started on the line just ended,
 * empties `pending` and leaves `r.pos` where reading goes on (after the last delimiter line).
 * `stop` says whether the lexer is inside `$(…)` or `${ …; }` (see findEnd).
 */
export function readHeredocBodies(r: WordReader, pending: PendingHeredoc[], stop: Stop): void {
  const closer = stop === 'paren' ? ')' : stop === 'brace' ? '}' : null;
  for (let k = 0; k < pending.length; k++) {
    const h = pending[k]!;
    let body: A.HeredocBody;
    let end: BodyEnd;
    if (h.quoted) {
      // Read as written: the continuations removed from r.text belong to the body (continuations.ts).
      const raw = r.src.raw;
      const from = r.rawIndex(r.pos);
      end = findEnd(raw, from, h, closer);
      const text = raw.slice(from, end.bodyEnd);
      const start = r.rawOff(from);
      const endOff = end.bodyEnd > from ? r.rawOff(end.bodyEnd - 1) + 1 : start;
      const parts: A.WordPart[] = text.length ? [{ type: 'lit', value: text, quoted: true, start, end: endOff }] : [];
      body = { delimiter: h.delimiter, quoted: true, stripTabs: h.strip, parts, text, terminated: end.terminated, start, end: endOff };
      r.pos = r.atRaw(end.resume);
    } else {
      const t = r.text;
      const from = r.pos;
      end = findEnd(t, from, h, closer);
      const text = t.slice(from, end.bodyEnd);
      const parts = text.length ? r.readRange(from, end.bodyEnd) : [];
      const start = r.off(from);
      body = {
        delimiter: h.delimiter,
        quoted: false,
        stripTabs: h.strip,
        parts,
        text,
        terminated: end.terminated,
        start,
        end: end.bodyEnd > from ? r.off(end.bodyEnd - 1) + 1 : start,
      };
      r.pos = end.resume;
    }
    h.payload.heredoc = body;
    if (end.early && k + 1 < pending.length) {
      // bash would read the rest of that line only after the next bodies: not followed here.
      r.fail(`unsupported here-document: a line that only starts with \`${h.delimiter}' ends it, and bash reads the rest of that line after the next here-document's body; end it with a line of its own`, r.pos, r.pos + 1);
    }
  }
  pending.length = 0;
}
