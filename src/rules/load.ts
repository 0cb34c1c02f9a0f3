// Loads rule files (YAML or Codex `.rules`) and merges them in the order given, as Codex merges
// its `rules/*.rules` files (reference/codex-0.169.md §0): rule order is load order, and for
// host executables the last definition of a name wins (the engine applies that).
import { readFileSync } from 'node:fs';
import type {
  Diagnostic,
  HostExecutable,
  LoadedFile,
  NetworkRule,
  Rule,
  RuleSet,
  RuleSetSettings,
} from '../types.js';
import { loadYamlRuleFile, type YamlLoadOptions } from './yaml.js';

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

type StarlarkLoader = (path: string, text: string) => RuleFileLoad;
let starlarkLoader: StarlarkLoader | undefined;

/** Registers the `.rules` reader (src/rules/starlark.ts registers itself on import). */
export function setStarlarkLoader(loader: StarlarkLoader): void {
  starlarkLoader = loader;
}

/** The kind of rule file a path names, by extension; undefined when escalint cannot read it. */
export function ruleFileKind(path: string): LoadedFile['kind'] | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.rules')) return 'rules';
  return undefined;
}

/** Loads one file's text (or bytes) already in memory. */
export function loadRuleText(path: string, text: string | Uint8Array, options: LoadOptions = {}): RuleFileLoad {
  const kind = ruleFileKind(path) ?? 'yaml';
  if (kind === 'rules') {
    const source = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
    if (!starlarkLoader) {
      return {
        text: source,
        rules: [],
        hostExecutables: [],
        networkRules: [],
        settings: { checks: {} },
        diagnostics: [
          {
            check: 'rules-syntax',
            messageId: 'unsupported',
            severity: 'error',
            message: 'this build of escalint cannot read Codex .rules files',
            file: path,
            start: 0,
            end: 0,
          },
        ],
      };
    }
    return starlarkLoader(path, source);
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
    const loaded = loadRuleText(path, bytes, options);
    mergeInto(ruleSet, loaded);
    ruleSet.files.push({ path, text: loaded.text, kind: ruleFileKind(path) ?? 'yaml' });
    diagnostics.push(...loaded.diagnostics);
  }
  return { ruleSet, diagnostics, fatal };
}

/** Appends one file's parts: rules renumbered in load order; later settings override earlier ones. */
export function mergeInto(ruleSet: RuleSet, loaded: RuleFileLoad): void {
  for (const rule of loaded.rules) ruleSet.rules.push({ ...rule, index: ruleSet.rules.length });
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
