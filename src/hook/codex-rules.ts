// Which folders Codex 0.169.0 reads `rules/*.rules` from, in its order (reference/codex-0.169.md
// §0, `load_exec_policy`): every enabled config layer, lowest precedence first — the system layer
// (/etc/codex), the user's `$CODEX_HOME`, then the `.codex/` folder of each trusted project
// directory from the project root down to the working directory. The caller lists the files (only
// `*.rules`, not recursive, sorted) and reads `config.toml` for trust: this module does no I/O.
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse as parseToml } from 'smol-toml';

export interface CodexRuleLayerInput {
  /** The session's working directory (absolute). */
  cwd: string;
  /** `$CODEX_HOME` (default `~/.codex`). */
  codexHome: string;
  /** The system layer's folder (`/etc/codex` on Unix). */
  systemDir: string;
  /**
   * The project root: the nearest folder at or above `cwd` holding `.git` (Codex's default
   * `project_root_markers`), or null when there is none (the working directory alone is then the project).
   */
  projectRoot: string | null;
  /** Project folders the user trusts (`[projects."<dir>"] trust_level = "trusted"` in config.toml). */
  trusted: ReadonlySet<string>;
}

export interface CodexRuleFolder {
  layer: 'system' | 'user' | 'project';
  /** The folder whose `rules/` Codex reads. */
  folder: string;
}

/** The folders whose `rules/*.rules` Codex loads, lowest precedence first. */
export function codexRuleFolders(input: CodexRuleLayerInput): CodexRuleFolder[] {
  const out: CodexRuleFolder[] = [
    { layer: 'system', folder: resolve(input.systemDir) },
    { layer: 'user', folder: resolve(input.codexHome) },
  ];
  const cwd = resolve(input.cwd);
  const root = input.projectRoot !== null ? resolve(input.projectRoot) : cwd;
  // Codex trusts a project by its root (the main checkout of a worktree) or, outside a repository, by its folder.
  const trusted = input.trusted.has(root) || input.trusted.has(cwd);
  if (!trusted) return out;
  const seen = new Set(out.map((f) => f.folder));
  for (const dir of projectDirs(root, cwd)) {
    const folder = join(dir, '.codex');
    if (seen.has(folder)) continue;
    seen.add(folder);
    out.push({ layer: 'project', folder });
  }
  return out;
}

/** `root`, then each folder down to `cwd` (just `cwd` when it is not under `root`). */
function projectDirs(root: string, cwd: string): string[] {
  const rel = relative(root, cwd);
  if (rel.startsWith('..') || resolve(root, rel) !== cwd) return [cwd];
  const dirs = [root];
  let at = root;
  for (const part of rel.split(sep).filter(Boolean)) dirs.push((at = join(at, part)));
  return dirs;
}

/** The nearest folder at or above `cwd` for which `hasGit(folder)` holds. */
export function findProjectRoot(cwd: string, hasGit: (folder: string) => boolean): string | null {
  let dir = resolve(cwd);
  for (;;) {
    if (hasGit(dir)) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * The project folders `config.toml` marks trusted. A file that does not parse trusts nothing
 * (Codex would refuse to start on it anyway).
 */
export function trustedProjects(configToml: string | null): Set<string> {
  const out = new Set<string>();
  if (configToml === null) return out;
  let config: Record<string, unknown>;
  try {
    config = parseToml(configToml) as Record<string, unknown>;
  } catch {
    return out;
  }
  const projects = config.projects;
  if (typeof projects !== 'object' || projects === null || Array.isArray(projects)) return out;
  for (const [dir, entry] of Object.entries(projects as Record<string, unknown>)) {
    if (typeof entry === 'object' && entry !== null && (entry as Record<string, unknown>).trust_level === 'trusted') out.add(resolve(dir));
  }
  return out;
}
