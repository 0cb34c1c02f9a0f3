// Reads rule files (YAML or Codex `.rules`) and merges them in the order given, as Codex merges
// its `rules/*.rules` files (reference/codex-0.169.md §0): rule order is load order, and for
// host executables the last definition of a name wins (the engine applies that). This stage only
// reads; what needs matching (the examples) runs after it (src/load.ts).
//
// The readers are chosen by extension. Each format has a fast reader for the plain shape most files
// have (yaml-fast.ts; starlark-fast.ts for the lines Codex writes) and a full one for everything
// else; the full `.rules` reader (the Starlark grammar, Chevrotain) is imported the first time a
// `.rules` file needs it, so most runs never load it.
import { readFileSync, statSync } from 'node:fs';
import type {
  Diagnostic,
  HostExecutable,
  LoadedFile,
  NetworkRule,
  Rule,
  RuleSet,
  RuleSetSettings,
  SourceRef,
} from '../types.js';
import { decodeRuleFile, sizeProblem } from './decode.js';
import { readCodexRuleLines } from './starlark-fast.js';
import { loadYamlRuleFile, type YamlLoadOptions } from './yaml.js';

/** What reading one rule file yields; the YAML and `.rules` readers both return it. */
export interface RuleFileLoad {
  /** The file's text as decoded (offsets in diagnostics and sources refer to it). */
  text: string;
  /** Rules in file order; `index` counts from 0 within the file (load order renumbers). */
  rules: Rule[];
  hostExecutables: HostExecutable[];
  networkRules: NetworkRule[];
  settings: RuleSetSettings;
  /** Where each `settings.checks` key is written (YAML only), for findings about it. */
  settingsKeys?: Record<string, SourceRef>;
  diagnostics: Diagnostic[];
}

/** Options of every reader: the limits, and whether the fast readers may read. */
export type LoadOptions = YamlLoadOptions;

export interface LoadResult {
  ruleSet: RuleSet;
  diagnostics: Diagnostic[];
  /** True when a file could not be read at all (the CLI exits 2). */
  fatal: boolean;
}

/** The kind of rule file a path names, by extension; undefined when escalint cannot read it. */
export function ruleFileKind(path: string): LoadedFile['kind'] | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.rules')) return 'rules';
  return undefined;
}

/**
 * Reads one `.rules` file: the lines Codex writes itself by the fast reader (starlark-fast.ts),
 * anything else by the Starlark grammar, imported only then.
 */
async function readStarlarkRules(path: string, input: string | Uint8Array, options: LoadOptions): Promise<RuleFileLoad> {
  // The fast reader's deepest nesting is 3 (a call, its pattern, an alternative list): a lower
  // limit is the grammar's to report.
  let text: string | Uint8Array = input;
  if (options.reader !== 'full' && (options.maxDepth === undefined || options.maxDepth >= 3)) {
    const decoded = decodeRuleFile(input, options.maxBytes);
    if (!decoded.problem) {
      const fast = readCodexRuleLines(path, decoded.text);
      if (fast) return fast;
      text = decoded.text; // decoded once: the grammar reads the text
    }
  }
  return (await import('./starlark.js')).loadStarlarkRuleFile(path, text, options);
}

/** Reads one file's text (or bytes) already in memory; `.rules` by extension, otherwise YAML. */
export async function readRuleText(path: string, input: string | Uint8Array, options: LoadOptions = {}): Promise<RuleFileLoad> {
  return ruleFileKind(path) === 'rules' ? readStarlarkRules(path, input, options) : loadYamlRuleFile(path, input, options);
}

/** Reads and merges rule files in the order given. */
export async function readRuleFiles(paths: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const ruleSet: RuleSet = { rules: [], hostExecutables: [], networkRules: [], settings: { checks: {} }, files: [] };
  const diagnostics: Diagnostic[] = [];
  const ids = new Map<string, Rule>();
  let fatal = false;
  for (const path of paths) {
    const kind = ruleFileKind(path) ?? 'yaml';
    let bytes: Buffer;
    try {
      // A huge file is refused from its size alone, without reading it.
      const stat = statSync(path);
      const tooLarge = stat.isFile() ? sizeProblem(stat.size, options.maxBytes) : undefined;
      if (tooLarge) {
        const { messageId, start, end, message } = tooLarge;
        diagnostics.push({ check: kind === 'rules' ? 'rules-syntax' : 'yaml', messageId, severity: 'error', message, file: path, start, end });
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
    const loaded = await readRuleText(path, bytes, options);
    diagnostics.push(...loaded.diagnostics);
    diagnostics.push(...duplicateIds(loaded.rules, ids));
    mergeInto(ruleSet, loaded);
    ruleSet.files.push({ path, text: loaded.text, kind });
  }
  return { ruleSet, diagnostics, fatal };
}

/**
 * Rule ids are unique across the merged files (design.md §2): a `schema` error on each later
 * use, naming the first. `seen` holds the ids of the files read before, and is updated.
 */
function duplicateIds(rules: readonly Rule[], seen: Map<string, Rule>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    if (rule.id === null) continue;
    const first = seen.get(rule.id);
    if (!first) {
      seen.set(rule.id, rule);
      continue;
    }
    const at = rule.idSource ?? rule.patternSource;
    out.push({
      check: 'schema',
      messageId: 'duplicate-id',
      severity: 'error',
      message: `rule id "${rule.id}" is already used by an earlier rule; rule ids are unique: rename one of them`,
      file: at.file,
      start: at.start,
      end: at.end,
      related: [{ ...(first.idSource ?? first.patternSource), message: `first rule with id "${rule.id}"` }],
    });
  }
  return out;
}

/** Appends one file's parts: rules renumbered in load order; later settings override earlier ones. */
function mergeInto(ruleSet: RuleSet, loaded: RuleFileLoad): void {
  for (const rule of loaded.rules) {
    rule.index = ruleSet.rules.length;
    ruleSet.rules.push(rule);
  }
  ruleSet.hostExecutables.push(...loaded.hostExecutables);
  ruleSet.networkRules.push(...loaded.networkRules);
  Object.assign(ruleSet.settings.checks, loaded.settings.checks);
  if (loaded.settingsKeys) ruleSet.settingsKeys = { ...ruleSet.settingsKeys, ...loaded.settingsKeys };
  if (loaded.settings.codexVersion !== undefined) ruleSet.settings.codexVersion = loaded.settings.codexVersion;
}

/** An I/O error in a few plain words (`no such file`, `permission denied`); used by the CLI too. */
export function describeIoError(err: unknown): string {
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
