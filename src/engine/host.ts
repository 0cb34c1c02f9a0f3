// Basename fallback for program paths (reference/codex-0.169.md §2, measured on codex 0.169.0):
// when no rule matches argv[0] as written, Codex makes argv[0] absolute, normalizes it lexically,
// takes its basename and tries the rules for that name, gated by `host_executable` allowlists.
import type { HostExecutable } from '../types.js';
import { normalizeAbsolutePath } from '../util/path.js';

export interface ResolveOptions {
  /** Directory that relative program paths are joined to. Without it, relative names are not resolved. */
  cwd?: string;
  /**
   * Home directory for a leading `~` or `~/` (codex 0.169.0 expands those two spellings only; `~user/x`
   * stays relative). Without it, such names are not resolved.
   */
  home?: string;
}


/**
 * The absolute, normalized path Codex resolves a program name to, or null when it cannot (a relative
 * name without `cwd`, `~` without `home`). Measured: `""` and `.` resolve to the cwd itself, `~` to the
 * home directory, and `a\\b` is an ordinary file name.
 */
export function resolveProgramPath(program: string, opts: ResolveOptions): string | null {
  let abs: string;
  if (program.startsWith('/')) abs = program;
  else if (program === '~' || program.startsWith('~/')) {
    if (opts.home === undefined) return null;
    abs = opts.home + '/' + program.slice(1);
  } else {
    if (opts.cwd === undefined) return null;
    abs = opts.cwd + '/' + program;
  }
  return normalizeAbsolutePath(abs);
}

/** Basename of a normalized absolute path; null for the root. */
export function basenameOf(normalized: string): string | null {
  if (normalized === '/') return null;
  return normalized.slice(normalized.lastIndexOf('/') + 1);
}

/**
 * `host_executable` allowlists by name: the last definition of a name wins, within a file and across
 * files; an empty list forbids basename fallback for that name.
 */
export class HostAllowlist {
  private readonly byName = new Map<string, Set<string>>();

  constructor(hostExecutables: readonly Pick<HostExecutable, 'name' | 'paths'>[]) {
    for (const h of hostExecutables) {
      this.byName.set(h.name, new Set(h.paths.filter((p) => p.startsWith('/')).map(normalizeAbsolutePath)));
    }
  }

  /** True when basename fallback through `name` may resolve to `normalizedPath`. */
  allows(name: string, normalizedPath: string): boolean {
    const paths = this.byName.get(name);
    return paths === undefined || paths.has(normalizedPath);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }
}
