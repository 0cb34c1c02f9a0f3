// Lexical path handling shared by the loaders (host_executable paths, reference/codex-0.169.md §1.2)
// and the engine's basename fallback (§2): no file system access, as in Codex.

/**
 * Lexical normalization of an absolute path: `.` and empty components dropped, `..` pops (never above
 * the root), a trailing `/` ignored. Symlinks are not consulted, as in Codex.
 */
export function normalizeAbsolutePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}
