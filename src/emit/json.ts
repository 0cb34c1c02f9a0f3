// `compile --target json`: the normalized rule set, with where each entry is written, for other
// tools (README "escalint compile"). The same rules as the `.rules` target, in the same order:
// decisions explicit, exact duplicates dropped, the effective host executables. Positions are
// 1-based lines and columns (UTF-16 code units, as `check` and `test` report them) of the start
// of each rule entry or call.
import { LineIndex } from '../format/lines.js';
import type { PatternElement, RuleExample, RuleSet, SourceRef } from '../types.js';
import type { NormalizedRuleSet } from './compile.js';
import { showInvisible } from './invisible.js';

export interface JsonPosition {
  file: string;
  line: number;
  column: number;
}

export interface JsonRule extends JsonPosition {
  id: string | null;
  pattern: PatternElement[];
  decision: 'allow' | 'prompt' | 'forbidden';
  justification: string | null;
  match: RuleExample[];
  not_match: RuleExample[];
  canonical_matching: boolean;
}

export interface JsonHostExecutable extends JsonPosition {
  name: string;
  paths: string[];
}

export interface JsonNetworkRule extends JsonPosition {
  host: string;
  protocol: string;
  decision: 'allow' | 'prompt' | 'forbidden';
  justification: string | null;
}

/** The document `compile --target json` prints (documented in README.md). */
export interface CompiledJson {
  version: 1;
  /** The rule files, in load order (as given, after displayPath). */
  sources: string[];
  rules: JsonRule[];
  host_executables: JsonHostExecutable[];
  network_rules: JsonNetworkRule[];
}

export interface JsonOptions {
  displayPath?: ((file: string) => string) | undefined;
}

export function compiledJson(ruleSet: RuleSet, set: NormalizedRuleSet, options: JsonOptions = {}): CompiledJson {
  const display = options.displayPath ?? ((f: string) => f);
  const lines = new Map<string, LineIndex>();
  for (const f of ruleSet.files) lines.set(f.path, new LineIndex(f.text));
  const at = (s: SourceRef): JsonPosition => {
    const pos = lines.get(s.file)?.position(s.start) ?? { line: 1, column: 1 };
    return { file: display(s.file), line: pos.line, column: pos.column };
  };
  return {
    version: 1,
    sources: ruleSet.files.map((f) => display(f.path)),
    rules: set.rules.map((r) => ({
      id: r.id,
      pattern: r.pattern,
      decision: r.decision,
      justification: r.justification ?? null,
      match: r.match,
      not_match: r.notMatch,
      canonical_matching: r.canonicalMatching,
      ...at(r.source),
    })),
    host_executables: set.hostExecutables.map((h) => ({ name: h.name, paths: h.paths, ...at(h.source) })),
    network_rules: set.networkRules.map((n) => ({
      host: n.host,
      protocol: n.protocol,
      decision: n.decision,
      justification: n.justification ?? null,
      ...at(n.source),
    })),
  };
}

export function emitJson(ruleSet: RuleSet, set: NormalizedRuleSet, options: JsonOptions = {}): string {
  // Keys are fixed ASCII names (ids are kebab-case), so invisible characters are only in strings.
  return showInvisible(JSON.stringify(compiledJson(ruleSet, set, options), null, 2), 'json') + '\n';
}
