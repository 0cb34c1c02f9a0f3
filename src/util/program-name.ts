// How a program word of a command line is looked up in the knowledge tables: by its basename
// (`/usr/bin/git` → git), then without a version suffix (`pip3.12` → pip3 → pip), so versioned
// installs find the table's entry. Lexical only, no file system access.
import { posix } from 'node:path';

/** The names to look `word` up by, most specific first: `/usr/bin/pip3.12` → pip3.12, pip3, pip. */
export function programNames(word: string): string[] {
  const name = word.includes('/') && !word.endsWith('/') ? posix.basename(word) : word;
  const out = [name];
  const noMinor = name.replace(/(\.\d+)+$/, '');
  if (noMinor !== name && noMinor !== '') out.push(noMinor);
  const noDigits = noMinor.replace(/\d+$/, '');
  if (noDigits !== noMinor && noDigits !== '') out.push(noDigits);
  return out;
}

/** The first entry `lookup` finds for one of `word`'s names, or undefined. */
export function lookupProgram<T>(word: string, lookup: (name: string) => T | undefined): T | undefined {
  for (const n of programNames(word)) {
    const v = lookup(n);
    if (v !== undefined) return v;
  }
  return undefined;
}
