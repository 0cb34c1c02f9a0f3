// Property tests of escalint import (fast-check, seeded): arbitrary rules (odd tokens, alternatives,
// examples, justifications, canonical matching, host executables, network rules) written as a
// `.rules` file — by Codex's own writer (src/emit/starlark.ts `emitRulesFile`) and by a "hand"
// writer that mixes positional and keyword arguments, argument order, line breaks inside calls,
// comments everywhere, blank lines, `;` and docstrings — then imported, then loaded as YAML by both
// YAML readers: the same rules (patterns, decisions, justifications, examples, canonical matching),
// host executables and network rules come back, in the same order, each rule with a unique
// schema-valid id, and compile writes the same .rules file from the YAML as from the original; every
// comment is in the YAML, and a comment above a rule stays between that rule and the one before it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/emit/compile.js';
import { commentText } from '../../src/emit/yaml.js';
import { emitRulesFile, encodeStarlarkString } from '../../src/emit/starlark.js';
import { importRules } from '../../src/import/import.js';
import { ID_PATTERN } from '../../src/import/ids.js';
import { CODEX_REFUSES, loadRuleText } from '../../src/load.js';
import { shlexSplit, shlexTryJoin } from '../../src/rules/shlex.js';
import { loadYamlRuleFile } from '../../src/rules/yaml.js';
import type { Decision, NetworkProtocol, PatternElement, RuleExample, RuleSet } from '../../src/types.js';

const SEED = Number(process.env.ESCALINT_SEED ?? 1690);
const RUNS = Number(process.env.ESCALINT_IMPORT_RUNS ?? 120);

const ODD = [
  'yes', 'No', '~', 'null', '1.10', '-.5', '0x1f', '2001-12-14', '1:20', '#x', 'a #b', '- x', '-', '--', '---', 'a: b', 'a:', '? x', '[x]', '{x}', 'x,y',
  '!t', '&a', '*a', '|', '>', '%x', '@x', '`x`', '<<', '=', '', ' ', ' lead', 'trail ', 'a\nb', '\r', '\t', 'nul\u0000x', '\u0001\u001b[0m', '\u007f',
  '\u0085', '\u2028', '\u202e', '\u200d', '\u00a0', '\ufeff', '\ufffe', 'héllo', '日本語', '😀', '👨‍👩‍👧', '"', "'", '\\', 'C:\\x', 'git', 'status', '-p',
  'cargo', 'test', '/bin/bash', '-lc', 'cd app && npm test', 'prefix_rule(pattern=["rm"])', '")\nprefix_rule(pattern=["rm"])\n#',
];

const CHARS = 'ab -:#,[]{}"\'\\?!&*|>%@`~.=01\t\n\r\u0000\u0085\u00a0\u2028\u202e\ufeff\ufffe😀é'.split('');

const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  // A .rules file cannot hold a lone surrogate (Starlark has no way to write one).
).filter((s) => s.isWellFormed());
const element: fc.Arbitrary<PatternElement> = fc.oneof({ weight: 4, arbitrary: token }, { weight: 1, arbitrary: fc.array(token, { minLength: 1, maxLength: 3 }) });

interface RuleSpec {
  pattern: PatternElement[];
  decision?: Decision;
  justification?: string;
  canonical: boolean;
  match: RuleExample[];
  notMatch: RuleExample[];
}

const first = (p: readonly PatternElement[]) => p.map((e) => (typeof e === 'string' ? e : e[0]!));

const rule: fc.Arbitrary<RuleSpec> = fc
  .record({
    pattern: fc.array(element, { minLength: 1, maxLength: 4 }),
    decision: fc.option(fc.constantFrom<Decision>('allow', 'prompt', 'forbidden'), { nil: undefined }),
    justification: fc.option(token.filter((s) => s.trim() !== ''), { nil: undefined }),
    canonical: fc.boolean(),
    examples: fc.constantFrom('none', 'list', 'string'),
  })
  .map(({ pattern, decision, justification, canonical, examples }) => {
    const spec: RuleSpec = { pattern, canonical, match: [], notMatch: [] };
    if (decision !== undefined) spec.decision = decision;
    if (justification !== undefined) spec.justification = justification;
    if (examples !== 'none') {
      // Examples Codex accepts: the first alternatives match the rule; a NUL-headed command never does.
      const argv = first(pattern);
      const joined = shlexTryJoin(argv);
      const asString = examples === 'string' && joined !== null && JSON.stringify(shlexSplit(joined)) === JSON.stringify(argv);
      spec.match = [asString ? joined! : argv];
      spec.notMatch = [['\u0000never']];
    }
    return spec;
  });

interface HostSpec {
  name: string;
  paths: string[];
}
const host: fc.Arbitrary<HostSpec> = fc
  .record({ name: fc.constantFrom('git', 'ls', 'x y', '😀', 'yes', '1.10'), dirs: fc.array(fc.constantFrom('/usr/bin', '/opt/x y', '/usr/lib/../bin', '/日本'), { maxLength: 2 }) })
  .map(({ name, dirs }) => ({ name, paths: dirs.map((d) => `${d}/${name}`) }));

interface NetworkSpec {
  host: string;
  protocol: string;
  decision: string;
  justification?: string;
}
const network: fc.Arbitrary<NetworkSpec> = fc
  .record({
    host: fc.constantFrom('example.com', 'API.GitHub.com', 'a.b.', 'h:8443', '[::1]:8080', '1.10'),
    protocol: fc.constantFrom('http', 'https', 'https_connect', 'http-connect', 'socks5_tcp', 'socks5_udp'),
    decision: fc.constantFrom('allow', 'prompt', 'forbidden', 'deny'),
    justification: fc.option(token.filter((s) => s.trim() !== ''), { nil: undefined }),
  })
  .map((n) => {
    const out: NetworkSpec = { host: n.host, protocol: n.protocol, decision: n.decision };
    if (n.justification !== undefined) out.justification = n.justification;
    return out;
  });

type Call = { kind: 'rule'; spec: RuleSpec } | { kind: 'host'; spec: HostSpec } | { kind: 'network'; spec: NetworkSpec };
const call: fc.Arbitrary<Call> = fc.oneof(
  { weight: 6, arbitrary: rule.map((spec) => ({ kind: 'rule' as const, spec })) },
  { weight: 1, arbitrary: host.map((spec) => ({ kind: 'host' as const, spec })) },
  { weight: 1, arbitrary: network.map((spec) => ({ kind: 'network' as const, spec })) },
);

function str(s: string): string {
  const r = encodeStarlarkString(s);
  if (!r.ok) throw new Error(r.message);
  return r.text;
}
const list = (xs: readonly (string | readonly string[])[]): string => `[${xs.map((x) => (typeof x === 'string' ? str(x) : list(x))).join(', ')}]`;

/** How one call is written by hand: which arguments are positional, their order, the breaks. */
interface Style {
  positional: number;
  shuffle: number;
  multiline: boolean;
  innerComment: boolean;
}
const style = fc.record({ positional: fc.nat(6), shuffle: fc.nat(720), multiline: fc.boolean(), innerComment: fc.boolean() });

const PARAMS = {
  rule: ['pattern', 'decision', 'match', 'not_match', 'justification', 'canonical_matching'],
  host: ['name', 'paths'],
  network: ['host', 'protocol', 'decision', 'justification'],
} as const;

let commentCounter = 0;
/** A comment with a unique tag (so the test can find it) and some odd text. */
function comment(extra: string): string {
  return `c${commentCounter++}: ${extra.replace(/[\n\r\u0085\u2028\u2029]/g, ' ')}`;
}

function args(c: Call): [string, string][] {
  if (c.kind === 'rule') {
    const r = c.spec;
    const out: [string, string][] = [['pattern', list(r.pattern)]];
    if (r.decision !== undefined) out.push(['decision', str(r.decision)]);
    if (r.match.length > 0) out.push(['match', list(r.match)]);
    if (r.notMatch.length > 0) out.push(['not_match', list(r.notMatch)]);
    if (r.justification !== undefined) out.push(['justification', str(r.justification)]);
    if (r.canonical) out.push(['canonical_matching', 'True']);
    return out;
  }
  if (c.kind === 'host') return [['name', str(c.spec.name)], ['paths', list(c.spec.paths)]];
  const n = c.spec;
  const out: [string, string][] = [['host', str(n.host)], ['protocol', str(n.protocol)], ['decision', str(n.decision)]];
  if (n.justification !== undefined) out.push(['justification', str(n.justification)]);
  return out;
}

/** Writes a call by hand: a prefix of the parameters (in order, none skipped) positionally, the rest by keyword in a shuffled order. */
function writeCall(c: Call, s: Style, comments: string[], text: string): string {
  const given = args(c);
  const order = PARAMS[c.kind] as readonly string[];
  const byName = new Map(given);
  let positional = 0;
  while (positional < Math.min(s.positional, order.length) && byName.has(order[positional]!)) positional++;
  const pos = order.slice(0, positional).map((p) => byName.get(p)!);
  const kw = given.filter(([k]) => !order.slice(0, positional).includes(k));
  // A deterministic shuffle of the keyword arguments.
  let seed = s.shuffle;
  for (let i = kw.length - 1; i > 0; i--) {
    const j = seed % (i + 1);
    seed = Math.floor(seed / (i + 1));
    [kw[i], kw[j]] = [kw[j]!, kw[i]!];
  }
  const parts = [...pos, ...kw.map(([k, v]) => `${k} = ${v}`)];
  const name = c.kind === 'rule' ? 'prefix_rule' : c.kind === 'host' ? 'host_executable' : 'network_rule';
  if (!s.multiline) return `${name}(${parts.join(', ')})`;
  const lines = parts.map((p, i) => {
    let line = `    ${p},`;
    if (s.innerComment && i === 0) {
      const t = comment(text);
      comments.push(t);
      line += `  # ${t}`;
    }
    return line;
  });
  if (s.innerComment) {
    const t = comment(text);
    comments.push(t);
    lines.splice(lines.length, 0, `    # ${t}`);
  }
  return `${name}(\n${lines.join('\n')}\n)`;
}

interface HandFile {
  text: string;
  /** Every comment written, in order. */
  comments: string[];
  /** For each prefix_rule (in order), the comments on lines of their own right above it. */
  above: string[][];
}

const layout = fc.array(fc.record({ call, style, before: fc.constantFrom('none', 'comment', 'blank', 'blank-comment', 'docstring', 'semicolon'), trailing: fc.boolean(), text: token }), {
  minLength: 0,
  maxLength: 8,
});

function handFile(items: fc.RecordValue<{ call: Call; style: Style; before: string; trailing: boolean; text: string }>[]): HandFile {
  const comments: string[] = [];
  const above: string[][] = [];
  let text = '';
  let trailed = false;
  for (const item of items) {
    const mine: string[] = [];
    // `a(); b()` on one line (not after a trailing comment, which would swallow the call).
    if (item.before === 'semicolon' && text !== '' && !trailed) text = text.replace(/\n$/, '; ');
    if (item.before === 'blank' || item.before === 'blank-comment') text += '\n';
    if (item.before === 'comment' || item.before === 'blank-comment') {
      const t = comment(item.text);
      comments.push(t);
      mine.push(t);
      text += `# ${t}\n`;
    }
    if (item.before === 'docstring') text += `${str(`doc ${item.text}`)}\n`;
    text += writeCall(item.call, item.style, comments, item.text);
    if (item.trailing) {
      const t = comment(item.text);
      comments.push(t);
      text += `  # ${t}`;
    }
    trailed = item.trailing;
    text += '\n';
    if (item.call.kind === 'rule') above.push(mine);
  }
  return { text, comments, above };
}

function semantics(ruleSet: RuleSet) {
  return {
    rules: ruleSet.rules.map((r) => [r.pattern, r.decision, r.justification ?? null, r.match, r.notMatch, r.canonicalMatching]),
    hosts: ruleSet.hostExecutables.map((h) => [h.name, h.paths]),
    networks: ruleSet.networkRules.map((n) => [n.host, n.protocol, n.decision, n.justification ?? null]),
  };
}

/** Imports `text` and checks that the YAML reads back (both readers) as what Codex reads from the .rules file. */
async function roundTrip(text: string): Promise<{ yaml: string; ruleSet: RuleSet } | null> {
  const reference = await loadRuleText('in.rules', text);
  // Codex would refuse some generated files (two host_executable paths normalizing alike are fine;
  // a host path that does not end in the name is not generated): skip what the loader refuses.
  if (reference.diagnostics.some((d) => CODEX_REFUSES.has(d.check) && d.severity === 'error')) return null;
  const imported = await importRules('in.rules', text);
  expect(imported.refused, JSON.stringify(imported.diagnostics)).toBe(null);
  const yaml = imported.text!;
  const auto = await loadRuleText('out.yaml', yaml);
  expect(auto.diagnostics.filter((d) => CODEX_REFUSES.has(d.check)), yaml).toEqual([]);
  expect(semantics(auto.ruleSet)).toEqual(semantics(reference.ruleSet));
  const full = loadYamlRuleFile('out.yaml', yaml, { reader: 'full' });
  expect(full.diagnostics.filter((d) => CODEX_REFUSES.has(d.check))).toEqual([]);
  expect(semantics({ ...auto.ruleSet, rules: full.rules, hostExecutables: full.hostExecutables, networkRules: full.networkRules })).toEqual(semantics(reference.ruleSet));
  const ids = auto.ruleSet.rules.map((r) => r.id);
  expect(ids.every((id) => id !== null && ID_PATTERN.test(id))).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  expect(auto.ruleSet.rules.every((r) => r.decisionExplicit)).toBe(true);
  // compile writes the same .rules file from either (but its header, which names the source).
  const body = (t: string | null) => t!.slice(t!.indexOf('\n') + 1);
  expect(body(compile(auto.ruleSet, { target: 'codex' }).text)).toBe(body(compile(reference.ruleSet, { target: 'codex' }).text));
  return { yaml, ruleSet: reference.ruleSet };
}

describe('escalint import round trip (property)', () => {
  it(`Codex-written files: the same rules, in order (${RUNS} runs, seed ${SEED})`, async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(rule, fc.option(host, { nil: undefined }), fc.option(network, { nil: undefined })), { maxLength: 8 }), async (specs) => {
        const emitted = emitRulesFile({
          rules: specs.map(([r]) => ({ pattern: r.pattern, decision: r.decision ?? 'allow', justification: r.justification, match: r.match, notMatch: r.notMatch, canonicalMatching: r.canonical })),
          hostExecutables: specs.flatMap(([, h]) => (h ? [h] : [])),
          networkRules: specs.flatMap(([, , n]) => (n ? [{ host: n.host, protocol: n.protocol as NetworkProtocol, decision: (n.decision === 'deny' ? 'forbidden' : n.decision) as Decision, justification: n.justification }] : [])),
        });
        const out = await roundTrip(emitted.text!);
        if (!out) return;
        checked++;
        // What the generator meant (exact duplicates are written once by emitRulesFile).
        const seen = new Set<string>();
        const meant = specs
          .map(([r]) => [r.pattern, r.decision ?? 'allow', r.justification ?? null, r.match, r.notMatch, r.canonical])
          .filter((r) => {
            const k = JSON.stringify(r);
            if (seen.has(k)) return false;
            seen.add(k);
            return true;
          });
        expect(semantics(out.ruleSet).rules).toEqual(meant);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(checked).toBeGreaterThan(RUNS / 2);
  }, 120_000);

  it(`hand-written files: positional and keyword arguments, comments, blank lines, docstrings (${RUNS} runs, seed ${SEED})`, async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(layout, async (items) => {
        const file = handFile(items);
        const out = await roundTrip(file.text);
        if (!out) return;
        checked++;
        const yaml = out.yaml;
        // Every comment is there, as one comment line's text.
        for (const c of file.comments) expect(yaml, file.text).toContain(`# ${commentText(c)}`);
        // A comment above a rule is between the rule before it and that rule.
        const entries = [...yaml.matchAll(/^ {2}- id: /gm)].map((m) => m.index!);
        file.above.forEach((cs, k) => {
          for (const c of cs) {
            const at = yaml.indexOf(`# ${commentText(c)}`);
            expect(at, `${c}\n${file.text}\n${yaml}`).toBeLessThan(entries[k]!);
            if (k > 0) expect(at).toBeGreaterThan(entries[k - 1]!);
          }
        });
      }),
      { numRuns: RUNS, seed: SEED + 1 },
    );
    expect(checked).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});
