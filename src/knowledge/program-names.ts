// How a command name finds its entry in the program tables (wrappers, shells, interpreters,
// commands, exec-options). Decided here once, for every table:
//
// - Case-insensitively. macOS (APFS and HFS+ by default) and Windows file systems ignore case,
//   so `SUDO rm` or `Bash -c …` run sudo and bash there; on Linux such a name is simply another
//   program, and treating it as the known one only adds segments and reasons (fail closed).
//   Builtins (`eval`, `trap`) are case-sensitive in bash, but folding them too never hides a
//   command either.
// - Without a `.exe` suffix (`bash.exe`, `python.exe` under WSL and Git Bash).
// - For shells and interpreters, without a version suffix: `python3.12`, `php8.2`, `lua5.4`,
//   `ruby3.3`, `perl5.36`, `ksh93`, `bash-5.2` are the programs of their family (Debian and
//   Homebrew install them under those names).
//
// A name such as `toString` or `__proto__` finds nothing: lookups use own keys only (lookup.ts).
import { isDigit, versionFallbacks } from '../util/program-name.js';
import { own } from './lookup.js';

/** Lower-cased keys of each table, built once. */
const folded = new WeakMap<object, Map<string, unknown>>();

function foldedTable<T>(table: Readonly<Record<string, T>>): Map<string, T> {
  let m = folded.get(table) as Map<string, T> | undefined;
  if (!m) {
    m = new Map();
    for (const k of Object.keys(table)) {
      const low = k.toLowerCase();
      // An exact-case key wins over a folded one (`R` the interpreter, not some `r`).
      if (!m.has(low) || k === low) m.set(low, table[k]!);
    }
    folded.set(table, m);
  }
  return m;
}

function hasUpper(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

function stripExe(name: string): string | undefined {
  const n = name.length;
  if (n > 4 && name[n - 4] === '.' && name.slice(n - 3).toLowerCase() === 'exe') return name.slice(0, n - 4);
  return undefined;
}

/**
 * The entry of `table` for the program `name` (a basename): exact, then case-folded, then
 * without `.exe`, then (when `versions`) without a version suffix.
 */
export function lookupProgram<T>(table: Readonly<Record<string, T>>, name: string, versions: boolean): T | undefined {
  const exact = own(table, name);
  if (exact !== undefined) return exact;
  if (name.length === 0) return undefined;
  const map = foldedTable(table);
  const low = hasUpper(name) ? name.toLowerCase() : name;
  const hit = map.get(low);
  if (hit !== undefined) return hit;
  const noExe = stripExe(low);
  if (noExe !== undefined) {
    const h = map.get(noExe);
    if (h !== undefined) return h;
  }
  if (!versions) return undefined;
  const base = noExe ?? low;
  if (!isDigit(base.charCodeAt(base.length - 1))) return undefined;
  for (const v of versionFallbacks(base)) {
    const h = map.get(v);
    if (h !== undefined) return h;
  }
  return undefined;
}
