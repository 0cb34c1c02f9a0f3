// How a program word of a command line is looked up in the knowledge tables: by its basename
// (`/usr/bin/git` → git), then without a version suffix (`pip3.12` → pip3 → pip), so versioned
// installs find the table's entry. Lexical only, no file system access. The program tables of
// segments add case folding and `.exe` on top (knowledge/program-names.ts).
import { posix } from 'node:path';

/** An ASCII digit's char code. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * `python3.12` → `python3` → `python`; `ksh93` → `ksh`; `bash-5.2` → `bash`: the shorter names
 * a versioned program name falls back to, longest first. No regular expression: this runs for
 * every command of every script.
 */
export function versionFallbacks(name: string): string[] {
  const out: string[] = [];
  let cur = name;
  for (;;) {
    let j = cur.length;
    while (j > 0 && isDigit(cur.charCodeAt(j - 1))) j--;
    if (j === cur.length || j === 0) break;
    if (cur[j - 1] === '.') {
      cur = cur.slice(0, j - 1);
      if (cur.length > 0) out.push(cur);
      continue;
    }
    const base = cur[j - 1] === '-' ? cur.slice(0, j - 1) : cur.slice(0, j);
    if (base.length > 0) out.push(base);
    break;
  }
  return out;
}

/** The names to look `word` up by, most specific first: `/usr/bin/pip3.12` → pip3.12, pip3, pip. */
export function programNames(word: string): string[] {
  const name = word.includes('/') && !word.endsWith('/') ? posix.basename(word) : word;
  return [name, ...versionFallbacks(name)];
}

/** The first entry `lookup` finds for one of `word`'s names, or undefined. */
export function lookupProgram<T>(word: string, lookup: (name: string) => T | undefined): T | undefined {
  for (const n of programNames(word)) {
    const v = lookup(n);
    if (v !== undefined) return v;
  }
  return undefined;
}
