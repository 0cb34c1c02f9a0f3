// Loading rule files as Codex loads them (design.md §2, reference/codex-0.169.md §0–1.3): read
// and merge every file (src/rules: yaml, schema, rules-syntax, codex-load findings), then check
// every rule's match/not_match examples (src/engine/examples.ts), one stage for every format.
// `check` lints what this returns; `test` and `compile` refuse to go on when Codex would refuse
// to start.
import { checkRuleSetExamples } from './engine/examples.js';
import { readRuleFiles, readRuleText, type LoadOptions, type LoadResult, type RuleFileLoad } from './rules/load.js';
import type { Diagnostic, RuleSet } from './types.js';

export type { LoadOptions, LoadResult, RuleFileLoad };

export interface LoadRuleOptions extends LoadOptions {
  /** Directory relative program paths in examples resolve against (default `/`; matching uses the basename). */
  cwd?: string;
}

/** Findings of these checks mean Codex would not start on the files (design.md §5). */
export const CODEX_REFUSES: ReadonlySet<string> = new Set(['io', 'yaml', 'schema', 'rules-syntax', 'codex-load', 'example-mismatch']);

/** Reads and merges rule files in the order given, then checks their examples. */
export async function loadRuleFiles(paths: readonly string[], options: LoadRuleOptions = {}): Promise<LoadResult> {
  const read = await readRuleFiles(paths, options);
  return withExamples(read, options);
}

/** One rule file's text (or bytes) already in memory, loaded as `loadRuleFiles` loads a file. */
export async function loadRuleText(path: string, input: string | Uint8Array, options: LoadRuleOptions = {}): Promise<LoadResult> {
  const loaded = await readRuleText(path, input, options);
  const ruleSet: RuleSet = {
    rules: loaded.rules,
    hostExecutables: loaded.hostExecutables,
    networkRules: loaded.networkRules,
    settings: loaded.settings,
    files: [{ path, text: loaded.text, kind: path.toLowerCase().endsWith('.rules') ? 'rules' : 'yaml' }],
  };
  if (loaded.settingsKeys) ruleSet.settingsKeys = loaded.settingsKeys;
  return withExamples({ ruleSet, diagnostics: loaded.diagnostics, fatal: false }, options);
}

function withExamples(read: LoadResult, options: LoadRuleOptions): LoadResult {
  const examples = checkRuleSetExamples(read.ruleSet, options.cwd !== undefined ? { cwd: options.cwd } : {});
  if (examples.length === 0) return read;
  return { ...read, diagnostics: mergeByFile(read.diagnostics, examples, read.ruleSet) };
}

/** Example findings placed among each file's own findings, by position (files in load order). */
function mergeByFile(loaded: Diagnostic[], examples: Diagnostic[], ruleSet: RuleSet): Diagnostic[] {
  const order = new Map(ruleSet.files.map((f, i) => [f.path, i]));
  const rank = (d: Diagnostic) => order.get(d.file ?? '') ?? -1;
  return [...loaded, ...examples].sort((a, b) => rank(a) - rank(b) || a.start - b.start || a.end - b.end);
}
