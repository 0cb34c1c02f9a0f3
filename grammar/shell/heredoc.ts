// Here-documents (bash manual §3.6.6): `<<WORD` and `<<-WORD` bodies.
//
// A heredoc's body does not follow its operator: it starts at the next newline, after the rest
// of the line has been lexed (`cat <<A <<'B'; echo mid | tr a b⏎…A⏎…B⏎` reads both bodies after
// the line ends). So the lexer records each operator with its delimiter word as pending, and at
// the newline hands the list here; the bodies are attached to the operators' token payloads. An
// unquoted body is read for substitutions (`$(…)`, backticks, `$((…))`), a quoted one is data;
// `<<-` strips leading tabs before comparing a line with the delimiter.
import type * as A from './ast.js';
import type { RedirPayload } from './tokens.js';
import { partsValue, type WordReader } from './word-parts.js';

export interface PendingHeredoc {
  payload: RedirPayload;
  delimiter: string;
  quoted: boolean;
  strip: boolean;
}

/** A heredoc whose operator `payload` was just followed by its delimiter word `parts`. */
export function pendingHeredoc(payload: RedirPayload, parts: A.WordPart[]): PendingHeredoc {
  const quoted = parts.some((p) => p.type !== 'lit' || p.quoted);
  return { payload, delimiter: partsValue(parts), quoted, strip: payload.op.endsWith('<<-') };
}

/**
 * After a newline, at `r.pos`: reads the bodies of the heredocs started on the line just ended,
 * empties `pending` and leaves `r.pos` after the last delimiter line.
 */
export function readHeredocBodies(r: WordReader, pending: PendingHeredoc[]): void {
  const t = r.text;
  for (const h of pending) {
    const bodyStart = r.pos;
    let lineStart = r.pos;
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
      parts = text.length ? [{ type: 'lit', value: text, quoted: true, start: r.off(bodyStart), end: r.off(bodyEnd - 1) + 1 }] : [];
    } else {
      parts = r.readRange(bodyStart, bodyEnd);
    }
    h.payload.heredoc = {
      delimiter: h.delimiter,
      quoted: h.quoted,
      stripTabs: h.strip,
      parts,
      text,
      terminated,
      start: r.off(bodyStart),
      end: bodyEnd > bodyStart ? r.off(bodyEnd - 1) + 1 : r.off(bodyStart),
    };
    r.pos = after;
  }
  pending.length = 0;
}
