// Builds Rule, HostExecutable and NetworkRule objects from a YAML file's validated data.
// An entry is built when the parts the engine needs are well-formed, even if another part of
// it has a schema error (that error is already reported); an entry that cannot be used is skipped.
import type {
  CheckSeverity,
  Decision,
  HostExecutable,
  NetworkProtocol,
  NetworkRule,
  PatternElement,
  Rule,
  RuleExample,
  RuleSetSettings,
  SourceRef,
} from '../types.js';
import type { RuleFileLoad } from './load.js';
import type { YamlData } from './yaml.js';

const DECISIONS: readonly string[] = ['allow', 'prompt', 'forbidden'];

/** Codex's network_rule protocol names and aliases (reference/codex-0.169.md §1.2). */
const PROTOCOLS = {
  http: 'http',
  https: 'https',
  https_connect: 'https', // Codex alias of https
  'http-connect': 'https', // Codex alias of https
  socks5_tcp: 'socks5_tcp',
  socks5_udp: 'socks5_udp',
} as const satisfies Record<string, NetworkProtocol>;

/** Codex's network_rule decisions; `deny` is its alias of forbidden. */
const NETWORK_DECISIONS = {
  allow: 'allow',
  prompt: 'prompt',
  forbidden: 'forbidden',
  deny: 'forbidden',
} as const satisfies Record<string, Decision>;

const SEVERITIES: readonly string[] = ['error', 'warn', 'off'];

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function isPattern(v: unknown): v is PatternElement[] {
  return (
    Array.isArray(v) && v.length > 0 && v.every((e) => typeof e === 'string' || (isStrings(e) && e.length > 0))
  );
}

function examples(v: unknown): RuleExample[] {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return [];
  return v.filter((e): e is RuleExample => typeof e === 'string' || (isStrings(e) && e.length > 0));
}

export function buildRuleFileParts(yd: YamlData): Omit<RuleFileLoad, 'diagnostics' | 'text'> {
  const ref = (pointer: string): SourceRef => {
    const r = yd.nodes.get(pointer)?.value?.range;
    return { file: yd.file, start: r?.[0] ?? 0, end: r?.[1] ?? 0 };
  };
  const top = isObj(yd.data) ? yd.data : {};
  const rules: Rule[] = [];
  if (Array.isArray(top.rules)) {
    top.rules.forEach((entry: unknown, i: number) => {
      if (!isObj(entry) || !isPattern(entry.pattern)) return;
      const decision = entry.decision;
      if (decision !== undefined && !(typeof decision === 'string' && DECISIONS.includes(decision))) return;
      const rule: Rule = {
        id: typeof entry.id === 'string' ? entry.id : null,
        pattern: entry.pattern.map((e) => (typeof e === 'string' ? e : [...e])),
        decision: (decision as Decision | undefined) ?? 'allow', // Codex's default (codex-0.169.md §1.2)
        decisionExplicit: decision !== undefined,
        match: examples(entry.match),
        notMatch: examples(entry.not_match),
        canonicalMatching: entry.canonical_matching === true,
        source: ref(`/rules/${i}`),
        patternSource: ref(`/rules/${i}/pattern`),
        index: rules.length,
      };
      if (typeof entry.justification === 'string') rule.justification = entry.justification;
      rules.push(rule);
    });
  }

  const hostExecutables: HostExecutable[] = [];
  if (Array.isArray(top.host_executables)) {
    top.host_executables.forEach((entry: unknown, i: number) => {
      if (!isObj(entry) || typeof entry.name !== 'string' || !isStrings(entry.paths)) return;
      hostExecutables.push({ name: entry.name, paths: [...entry.paths], source: ref(`/host_executables/${i}`) });
    });
  }

  const networkRules: NetworkRule[] = [];
  if (Array.isArray(top.network_rules)) {
    top.network_rules.forEach((entry: unknown, i: number) => {
      if (!isObj(entry) || typeof entry.host !== 'string') return;
      const protocol = lookup(PROTOCOLS, entry.protocol);
      const decision = lookup(NETWORK_DECISIONS, entry.decision);
      if (!protocol || !decision) return;
      const rule: NetworkRule = { host: entry.host, protocol, decision, source: ref(`/network_rules/${i}`) };
      if (typeof entry.justification === 'string') rule.justification = entry.justification;
      networkRules.push(rule);
    });
  }

  const settings: RuleSetSettings = { checks: {} };
  if (isObj(top.settings)) {
    const checks = top.settings.checks;
    if (isObj(checks)) {
      for (const [id, v] of Object.entries(checks)) {
        if (typeof v === 'string' && SEVERITIES.includes(v)) settings.checks[id] = v as CheckSeverity;
        else if (Array.isArray(v) && v.length === 2 && SEVERITIES.includes(v[0] as string) && isObj(v[1])) {
          settings.checks[id] = [v[0] as CheckSeverity, { ...v[1] }];
        }
      }
    }
    if (typeof top.settings.codex_version === 'string') settings.codexVersion = top.settings.codex_version;
  }
  return { rules, hostExecutables, networkRules, settings };
}

function lookup<V>(table: Record<string, V>, key: unknown): V | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}
