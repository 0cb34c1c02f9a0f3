// Loads rule files (YAML or Codex `.rules`) and merges them in the order given, as Codex merges
// its `rules/*.rules` files (reference/codex-0.169.md §0): rule order is load order, and for
// host executables the last definition of a name wins (the engine applies that).
import { readFileSync, statSync } from 'node:fs';
import type {
  Diagnostic,
  HostExecutable,
  LoadedFile,
  NetworkRule,
  Rule,
  RuleSet,
  RuleSetSettings,
} from '../types.js';
// Type only: the .rules reader (with Chevrotain) is loaded by whoever needs it and registers itself.
import type { StarlarkLoadOptions } from './starlark.js';
import { loadYamlRuleFile, type YamlLoadOptions } from './yaml.js';
import { DEFAULT_MAX_BYTES, tooLargeMessage } from './yaml-limits.js';

/** What loading one rule file yields; the YAML and `.rules` readers both return it. */
export interface RuleFileLoad {
  /** The file's text as decoded (offsets in diagnostics and sources refer to it). */
  text: string;
  /** Rules in file order; `index` counts from 0 within the file (load order renumbers). */
  rules: Rule[];
  hostExecutables: HostExecutable[];
  networkRules: NetworkRule[];
  settings: RuleSetSettings;
  diagnostics: Diagnostic[];
}

export type LoadOptions = YamlLoadOptions;

export interface LoadResult {
  ruleSet: RuleSet;
  diagnostics: Diagnostic[];
  /** True when a file could not be read at all (the CLI exits 2). */
  fatal: boolean;
}

type StarlarkLoader = (path: string, text: string | Uint8Array, options: StarlarkLoadOptions) => RuleFileLoad;

let starlarkLoader: StarlarkLoader | undefined;

/**
 * Called by src/rules/starlark.ts when it is imported. The loader does not import the .rules
 * reader itself, so that YAML-only runs never load the Starlark grammar and Chevrotain: import
 * `src/lint.ts` (the library entry) or `src/rules/starlark.ts` before loading a `.rules` file, or
 * use `loadRuleFilesAsync`, which imports the reader when a `.rules` file is given.
 */
export function setStarlarkLoader(loader: StarlarkLoader): void {
  starlarkLoader = loader;
}

/** Whether `paths` hold a `.rules` file and the .rules reader is not loaded yet. */
export function needsStarlarkReader(paths: readonly string[]): boolean {
  return starlarkLoader === undefined && paths.some((p) => ruleFileKind(p) === 'rules');
}

/** `loadRuleFiles`, importing the .rules reader first when a `.rules` file is given. */
export async function loadRuleFilesAsync(paths: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  if (needsStarlarkReader(paths)) await import('./starlark.js');
  return loadRuleFiles(paths, options);
}

/** The kind of rule file a path names, by extension; undefined when escalint cannot read it. */
export function ruleFileKind(path: string): LoadedFile['kind'] | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.rules')) return 'rules';
  return undefined;
}

/** Loads one file's text (or bytes) already in memory; `.rules` by extension, otherwise YAML. */
export function loadRuleText(
  path: string,
  text: string | Uint8Array,
  options: LoadOptions = {},
  priorHostExecutables: readonly HostExecutable[] = [],
): RuleFileLoad {
  if (ruleFileKind(path) === 'rules') {
    const starlark: StarlarkLoadOptions = { priorHostExecutables };
    if (options.maxBytes !== undefined) starlark.maxSize = options.maxBytes;
    if (options.maxDepth !== undefined) starlark.maxDepth = options.maxDepth;
    if (!starlarkLoader) {
      // A programming error, not a user mistake: see setStarlarkLoader.
      throw new Error('the .rules reader is not loaded: import src/lint.js or src/rules/starlark.js first');
    }
    return starlarkLoader(path, text, starlark);
  }
  return loadYamlRuleFile(path, text, options);
}

/** Reads and merges rule files in the order given. */
export function loadRuleFiles(paths: readonly string[], options: LoadOptions = {}): LoadResult {
  const ruleSet: RuleSet = { rules: [], hostExecutables: [], networkRules: [], settings: { checks: {} }, files: [] };
  const diagnostics: Diagnostic[] = [];
  let fatal = false;
  for (const path of paths) {
    let bytes: Buffer;
    try {
      // A huge file is refused from its size alone, without reading it.
      const stat = statSync(path);
      const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
      if (stat.isFile() && stat.size > max) {
        const kind = ruleFileKind(path) ?? 'yaml';
        diagnostics.push({
          check: kind === 'rules' ? 'rules-syntax' : 'yaml',
          messageId: 'too-large',
          severity: 'error',
          message: tooLargeMessage(stat.size, max),
          file: path,
          start: 0,
          end: 0,
        });
        ruleSet.files.push({ path, text: '', kind });
        continue;
      }
      bytes = readFileSync(path);
    } catch (err) {
      fatal = true;
      diagnostics.push({
        check: 'io',
        messageId: 'unreadable',
        severity: 'error',
        message: `cannot read ${JSON.stringify(path)}: ${describeIoError(err)}`,
        file: path,
        start: 0,
        end: 0,
      });
      continue;
    }
    const loaded = loadRuleText(path, bytes, options, ruleSet.hostExecutables);
    mergeInto(ruleSet, loaded, true);
    ruleSet.files.push({ path, text: loaded.text, kind: ruleFileKind(path) ?? 'yaml' });
    diagnostics.push(...loaded.diagnostics);
  }
  return { ruleSet, diagnostics, fatal };
}

/**
 * Appends one file's parts: rules renumbered in load order; later settings override earlier ones.
 * `owned`: the rules were just loaded for this set, so they are renumbered in place, not copied.
 */
export function mergeInto(ruleSet: RuleSet, loaded: RuleFileLoad, owned = false): void {
  for (const rule of loaded.rules) {
    if (owned) {
      rule.index = ruleSet.rules.length;
      ruleSet.rules.push(rule);
    } else ruleSet.rules.push({ ...rule, index: ruleSet.rules.length });
  }
  ruleSet.hostExecutables.push(...loaded.hostExecutables);
  ruleSet.networkRules.push(...loaded.networkRules);
  Object.assign(ruleSet.settings.checks, loaded.settings.checks);
  if (loaded.settings.codexVersion !== undefined) ruleSet.settings.codexVersion = loaded.settings.codexVersion;
}

function describeIoError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return err instanceof Error ? err.message.toLowerCase() : String(err);
  }
}
