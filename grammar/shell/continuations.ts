// Line continuations (bash manual §3.1.2.1, §3.1.3): the text the readers see.
//
// bash removes a backslash-newline pair while it reads its input, before any token is formed:
// parse.y shell_getc skips `\⏎` whenever its `remove_quoted_newline` argument is set, and the
// lexer passes 0 there only inside single quotes (`'…'`, `$'…'`, parse_matched_pair with
// qc == '\''), for the character after another backslash, in comments (discard_until) and, for
// here-documents with a quoted delimiter, in their bodies (read_secondary_line). So `ec\⏎ho`,
// `$\⏎(id)`, `&\⏎&`, `<\⏎<E` and `[\⏎[` are `echo`, `$(id)`, `&&`, `<<E` and `[[`, in every
// reading mode: words, double quotes, unquoted heredoc bodies (read_a_line also joins lines
// before it compares one with the delimiter), `${…}`, `$((…))`, subscripts, `[[ … ]]`.
//
// The readers therefore read `text`: the input with every continuation removed, pairing `\X` from
// left to right as bash does. That pairing agrees with bash everywhere a backslash escapes, and the
// places where bash keeps `\⏎` read the input as written instead (`raw`, through `rawIndex`):
// single-quoted strings take their value from `raw`, a comment ends at the first newline of
// `raw`, a quoted heredoc body is read line by line from `raw`. Each of those ends at a quote or a
// newline, after which bash's reading and the pairing are in step again.
//
// Most scripts have no continuation: then `text` is the input itself and no index is built.

export interface ShellText {
  /** The input with every line continuation removed: what bash's tokenizer reads. */
  readonly text: string;
  /** The input as written at this level (the original string, or a backtick body after un-escaping). */
  readonly raw: string;
  /** Index in `raw` of each index of `text`, plus `raw.length` at the end; null when `text === raw`. */
  readonly rawIndex: Int32Array | null;
  /** Offset in the original string of each index of `raw`, plus one after it; null when `raw` is the original. */
  readonly rawMap: Int32Array | null;
  /** Offset in the original string of each index of `text`, plus one after it; null when the identity. */
  readonly map: Int32Array | null;
}

/** The readers' view of `raw`, whose offsets in the original string are `rawMap` (null: `raw` is the original). */
export function shellText(raw: string, rawMap: Int32Array | null): ShellText {
  // A `\⏎` not preceded by an escaping backslash is a continuation; with no `\⏎` at all there is none.
  if (raw.indexOf('\\\n') < 0) return { text: raw, raw, rawIndex: null, rawMap, map: rawMap };
  const n = raw.length;
  const index = new Int32Array(n + 1);
  const chunks: string[] = [];
  let k = 0;
  let chunkStart = 0;
  let i = 0;
  while (i < n) {
    if (raw.charCodeAt(i) === 92 /* \ */ && i + 1 < n) {
      if (raw.charCodeAt(i + 1) === 10 /* newline */) {
        chunks.push(raw.slice(chunkStart, i));
        i += 2;
        chunkStart = i;
        continue;
      }
      index[k++] = i;
      index[k++] = i + 1;
      i += 2;
      continue;
    }
    index[k++] = i++;
  }
  chunks.push(raw.slice(chunkStart));
  index[k] = n;
  const rawIndex = index.slice(0, k + 1);
  let map = rawIndex;
  if (rawMap !== null) {
    map = new Int32Array(k + 1);
    for (let j = 0; j <= k; j++) map[j] = rawMap[rawIndex[j]!]!;
  }
  return { text: chunks.join(''), raw, rawIndex, rawMap, map };
}

/** The first index `k` of an increasing `index` with `index[k] >= value` (its length when none). */
export function firstAtOrAfter(index: Int32Array, value: number): number {
  let lo = 0;
  let hi = index.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
