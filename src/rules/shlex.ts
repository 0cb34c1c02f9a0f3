// The behaviour of the Rust `shlex` crate (1.3), which Codex 0.169.0 uses to split string
// `match`/`not_match` examples and to render examples in its error messages
// (reference/codex-0.169.md §1.3). Written from the crate's documented behaviour and test table;
// every special character is ASCII, so working on UTF-16 code units gives the same result as the
// crate's byte-wise loop.

/** Blanks between words: only space, tab and newline (CR, VT, FF are word characters). */
function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n';
}

/**
 * `shlex::split`: POSIX-style words. Returns null where the crate returns `None`: an unterminated
 * quote or a trailing backslash. `#` at the start of a word starts a comment up to the next
 * newline; inside a word (`g#h`) it is an ordinary character. Nothing else is special: `$HOME`,
 * `~`, `*`, `;`, `&&` and `|` stay literal.
 */
export function shlexSplit(input: string): string[] | null {
  const words: string[] = [];
  const n = input.length;
  let i = 0;
  for (;;) {
    // Skip blanks and comments before a word.
    while (i < n) {
      const ch = input[i]!;
      if (isBlank(ch)) {
        i++;
      } else if (ch === '#') {
        while (i < n && input[i] !== '\n') i++;
      } else {
        break;
      }
    }
    if (i >= n) return words;
    let word = '';
    while (i < n) {
      const ch = input[i]!;
      if (isBlank(ch)) {
        i++; // the blank that ends the word is consumed
        break;
      }
      i++;
      if (ch === '"') {
        // Double quotes: backslash escapes only $ ` " \ and newline; elsewhere it stays.
        let closed = false;
        while (i < n) {
          const c = input[i++]!;
          if (c === '"') {
            closed = true;
            break;
          }
          if (c === '\\') {
            if (i >= n) return null;
            const e = input[i++]!;
            if (e === '$' || e === '`' || e === '"' || e === '\\') word += e;
            else if (e !== '\n') word += '\\' + e;
          } else {
            word += c;
          }
        }
        if (!closed) return null;
      } else if (ch === "'") {
        const close = input.indexOf("'", i);
        if (close < 0) return null;
        word += input.slice(i, close);
        i = close + 1;
      } else if (ch === '\\') {
        if (i >= n) return null;
        const e = input[i++]!;
        if (e !== '\n') word += e;
      } else {
        word += ch;
      }
    }
    words.push(word);
  }
}

// Characters the crate emits without quotes (its `unquoted_ok` table).
const UNQUOTED_OK = /^[+\-./:@\]_0-9A-Za-z]$/;

const Ok = { Unquoted: 1, Single: 2, Double: 4 } as const;

function allowedStrategies(ch: string): number {
  if (ch.charCodeAt(0) >= 0x80) return Ok.Single | Ok.Double; // non-ASCII is always quoted
  let ok = 0;
  if (UNQUOTED_OK.test(ch)) ok |= Ok.Unquoted;
  // No ' in single quotes; ^ only right after the opening quote (a bash bug); \ because fish.
  if (ch !== "'" && ch !== '^' && ch !== '\\') ok |= Ok.Single;
  // $ and ` are not trusted in double quotes (a Python shlex bug); ! and ^ for interactive shells.
  if (ch !== '`' && ch !== '$' && ch !== '!' && ch !== '^') ok |= Ok.Double;
  return ok;
}

/**
 * `shlex::try_quote`: one word as a shell argument. Returns null for a word with a NUL (the
 * crate's `QuoteError::Nul`). The word is cut into chunks, each written with the first strategy
 * that covers it: unquoted, then single quotes, then double quotes with backslashes.
 */
export function shlexQuote(word: string): string | null {
  if (word === '') return "''";
  if (word.includes('\0')) return null;
  let out = '';
  let rest = word;
  while (rest.length > 0) {
    let prev: number = Ok.Unquoted | Ok.Single | Ok.Double;
    let i = 0;
    if (rest[0] === '^') {
      prev = Ok.Single; // a leading ^ may only be single-quoted
      i = 1;
    }
    for (; i < rest.length; i++) {
      const cur = prev & allowedStrategies(rest[i]!);
      if (cur === 0) break;
      prev = cur;
    }
    const chunk = rest.slice(0, i);
    rest = rest.slice(i);
    if (prev & Ok.Unquoted) out += chunk;
    else if (prev & Ok.Single) out += `'${chunk}'`;
    else out += `"${chunk.replace(/[$`"\\]/g, (c) => '\\' + c)}"`;
  }
  return out;
}

/** `shlex::try_join`: words quoted and joined by single spaces; null if any word has a NUL. */
export function shlexTryJoin(words: readonly string[]): string | null {
  const quoted: string[] = [];
  for (const w of words) {
    const q = shlexQuote(w);
    if (q === null) return null;
    quoted.push(q);
  }
  return quoted.join(' ');
}

/** How Codex renders an example in its error text (`unable to render example` on a NUL). */
export function renderExample(words: readonly string[]): string {
  return shlexTryJoin(words) ?? 'unable to render example';
}
