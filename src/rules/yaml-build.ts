// Builds Rule, HostExecutable and NetworkRule objects from a YAML file's validated data.
// An entry is built when the parts the engine needs are well-formed, even if another part of
// it has a schema error (that error is already reported); an entry that cannot be used is skipped.
import type { LoaderDiagnostic } from '../checks/structural.js';
import type {
  CheckSeverity,
  Decision,
  HostExecutable,
  NetworkRule,
  PatternElement,
  Rule,
  RuleExample,
  RuleSetSettings,
  SourceRef,
} from '../types.js';
import {
  NETWORK_PROTOCOLS,
  isLoadProblem,
  normalizeNetworkHost,
  validateHostExecutable,
  validateJustification,
  validateNetworkDecision,
  type LoadProblem,
} from './codex-load.js';
import type { RuleFileLoad } from './load.js';
import type { YamlData } from './yaml.js';
import { trimmedEnd } from './yaml-schema-errors.js';

const DECISIONS: readonly string[] = ['allow', 'prompt', 'forbidden'];

const SEVERITIES: readonly string[] = ['error', 'warn', 'off'];

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function isPattern(v: unknown): v is PatternElement[] {
  return (
    Array.isArray(v) && v.length > 0 && v.every((e) => typeof e === 'string' || (isStrings(e) && e.length > 0))
  );
}

/**
 * `match: "git status"` is one example; a list holds examples (strings or token lists). Appends
 * them and their sources to `out` and `sources`; the value is at `${at}/${key}` (a pointer made
 * only when there are examples: most rules have none).
 */
function examples(
  v: unknown,
  at: string,
  key: string,
  ref: (pointer: string) => SourceRef,
  out: RuleExample[],
  sources: SourceRef[],
): void {
  if (v === undefined) return;
  if (typeof v === 'string') {
    out.push(v);
    sources.push(ref(`${at}/${key}`));
    return;
  }
  if (!Array.isArray(v)) return;
  v.forEach((e: unknown, i) => {
    // Empty token lists are refused by the schema (as Codex refuses them); others are kept.
    if (typeof e === 'string' || (isStrings(e) && e.length > 0)) {
      out.push(e);
      sources.push(ref(`${at}/${key}/${i}`));
    }
  });
}

export function buildRuleFileParts(yd: YamlData): Omit<RuleFileLoad, 'diagnostics' | 'text'> & { diagnostics: LoaderDiagnostic<'codex-load'>[] } {
  const ref = (pointer: string): SourceRef => {
    const r = yd.nodes.valueRange ? yd.nodes.valueRange(pointer) : yd.nodes.get(pointer)?.value?.range;
    const start = r?.[0] ?? 0;
    return { file: yd.file, start, end: trimmedEnd(yd.text, start, r?.[1] ?? 0) };
  };
  const diagnostics: LoaderDiagnostic<'codex-load'>[] = [];
  // What Codex refuses at load time, with Codex's meaning (src/rules/codex-load.ts) and the
  // position of the offending YAML value.
  const codexLoad = (p: LoadProblem, pointer: string): void => {
    const at = ref(pointer);
    diagnostics.push({ check: 'codex-load', messageId: p.messageId, severity: 'error', message: p.message, file: yd.file, start: at.start, end: at.end });
  };
  const top = isObj(yd.data) ? yd.data : {};
  const rules: Rule[] = [];
  if (Array.isArray(top.rules)) {
    top.rules.forEach((entry: unknown, i: number) => {
      const at = `/rules/${i}`;
      if (!isObj(entry)) return;
      let ok = isPattern(entry.pattern);
      if (typeof entry.justification === 'string') {
        const p = validateJustification(entry.justification);
        if (p) {
          codexLoad(p, `${at}/justification`);
          ok = false;
        }
      }
      const decision = entry.decision;
      if (decision !== undefined && !(typeof decision === 'string' && DECISIONS.includes(decision))) ok = false;
      if (!ok || !isPattern(entry.pattern)) return;
      const match: RuleExample[] = [];
      const matchSources: SourceRef[] = [];
      const notMatch: RuleExample[] = [];
      const notMatchSources: SourceRef[] = [];
      examples(entry.match, at, 'match', ref, match, matchSources);
      examples(entry.not_match, at, 'not_match', ref, notMatch, notMatchSources);
      const rule: Rule = {
        id: typeof entry.id === 'string' ? entry.id : null,
        // The data is this load's own (fresh from the reader, dropped after it): no copy needed.
        pattern: entry.pattern,
        decision: (decision as Decision | undefined) ?? 'allow', // Codex's default (codex-0.169.md §1.2)
        decisionExplicit: decision !== undefined,
        match,
        notMatch,
        canonicalMatching: entry.canonical_matching === true,
        source: ref(at),
        patternSource: ref(`${at}/pattern`),
        matchSources,
        notMatchSources,
        index: rules.length,
      };
      if (typeof entry.id === 'string') rule.idSource = ref(`${at}/id`);
      if (typeof entry.justification === 'string') {
        rule.justification = entry.justification;
        rule.justificationSource = ref(`${at}/justification`);
      }
      rules.push(rule);
    });
  }

  const hostExecutables: HostExecutable[] = [];
  if (Array.isArray(top.host_executables)) {
    top.host_executables.forEach((entry: unknown, i: number) => {
      const at = `/host_executables/${i}`;
      if (!isObj(entry) || typeof entry.name !== 'string' || !isStrings(entry.paths)) return;
      const result = validateHostExecutable(entry.name, entry.paths);
      for (const p of result.problems) codexLoad(p, `${at}/${p.path.join('/')}`);
      if (result.problems.length > 0) return;
      hostExecutables.push({ name: result.name, paths: result.paths, source: ref(at) });
    });
  }

  const networkRules: NetworkRule[] = [];
  if (Array.isArray(top.network_rules)) {
    top.network_rules.forEach((entry: unknown, i: number) => {
      const at = `/network_rules/${i}`;
      if (!isObj(entry) || typeof entry.host !== 'string') return;
      let ok = true;
      const host = normalizeNetworkHost(entry.host);
      if (isLoadProblem(host)) {
        codexLoad(host, `${at}/host`);
        ok = false;
      }
      if (typeof entry.justification === 'string') {
        const p = validateJustification(entry.justification);
        if (p) {
          codexLoad(p, `${at}/justification`);
          ok = false;
        }
      }
      const protocol = lookup(NETWORK_PROTOCOLS, entry.protocol);
      const decision = typeof entry.decision === 'string' ? validateNetworkDecision(entry.decision) : undefined;
      if (!ok || isLoadProblem(host) || !protocol || !decision || isLoadProblem(decision)) return;
      const rule: NetworkRule = { host: host.host, protocol, decision: decision.decision, source: ref(at) };
      if (typeof entry.justification === 'string') rule.justification = entry.justification;
      networkRules.push(rule);
    });
  }

  const settings: RuleSetSettings = { checks: {} };
  const settingsKeys: Record<string, SourceRef> = {};
  if (isObj(top.settings)) {
    const checks = top.settings.checks;
    if (isObj(checks)) {
      for (const [id, v] of Object.entries(checks)) {
        const key = yd.nodes.get(`/settings/checks/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`)?.key?.range;
        if (key) settingsKeys[id] = { file: yd.file, start: key[0], end: key[1] };
        if (typeof v === 'string' && SEVERITIES.includes(v)) settings.checks[id] = v as CheckSeverity;
        else if (Array.isArray(v) && v.length === 2 && SEVERITIES.includes(v[0] as string) && isObj(v[1])) {
          settings.checks[id] = [v[0] as CheckSeverity, { ...v[1] }];
        }
      }
    }
    if (typeof top.settings.codex_version === 'string') settings.codexVersion = top.settings.codex_version;
  }
  return { rules, hostExecutables, networkRules, settings, settingsKeys, diagnostics };
}

function lookup<V>(table: Record<string, V>, key: unknown): V | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}
