// Seeded generators of rule sets and argv for the differential suite against real Codex.
import type { Decision, PatternElement } from '../../src/types.js';
import type { RuleSpec } from '../engine/make-rule.js';
import { rng } from '../../bench/data/agent-commands.js';

/** mulberry32 (bench/data/agent-commands.js): the seed replays a run exactly. */
export const prng: (seed: number) => () => number = rng;

export class Gen {
  constructor(readonly rand: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.rand() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)]!;
  }
}

/** Groups of canonically caseless-equal spellings (reference §2, §2.1); a group's members match each other. */
export const CANONICAL_GROUPS: string[][] = [
  ['git', 'GIT', 'Git', 'gIt'],
  ['status', 'STATUS', 'Status'],
  ['straße', 'STRASSE', 'strasse', 'STRAẞE', 'straſſe'],
  ['ß', 'ss', 'SS', 'ẞ', 'sS'],
  ['école', 'e\u0301cole', 'ÉCOLE', 'E\u0301COLE', 'École'],
  ['k', 'K', '\u212A'],
  ['ω', 'Ω', '\u2126'],
  ['å', 'Å', '\u212B', 'a\u030A', 'A\u030A'],
  ['fi', 'FI', 'ﬁ', 'Fi'],
  ['σοφος', 'ΣΟΦΟΣ', 'σοφοσ', 'ΣΟΦΟς'],
  ['i\u0307', 'İ', 'I\u0307'],
  ['ǆ', 'Ǆ', 'ǅ'],
  ['ꭰ', 'Ꭰ'],
];

/** Lookalikes that must NOT match their group (no compatibility folding, no dotless-i folding, no trimming). */
export const DISTINCT = ['ＧＩＴ', 'ı', 'I', 'i', 'git ', ' git', 'git.exe', 'dž', 'ＳＳ', 'ǳ'];

/** Odd tokens: empty, blanks, quotes, backslashes, line breaks, non-ASCII, emoji, bidi. */
export const ODD = ['', ' ', 'a b', '"', "'", '\\', 'a\\nb', 'a\nb', '\r', '\t', '$HOME', '~', '*', '-rf', '--force', '😀', '👨‍👩‍👧', '日本語', 'x\u202Ey', '\u00a0', '#', 'a"b\'c', 'prefix_rule(pattern=["rm"])', '")\nprefix_rule(pattern=["rm"])\n#'];

/** Program names, including ones that basename fallback reaches from the scratch cwd (`foo`) and home (`me`). */
export const HEADS = ['git', 'ls', 'rm', 'npm', 'sh', 'bash', 'x', 'foo', 'me', 'bin', 'work', 'a b', '', 'ß', 'ẞ', 'İ', 'ı', '😀', '\\'];

export const ARGS = ['status', 'log', 'push', '-c', '-lc', '--', 'install', 'i', '.', '..', '/'];

/** Tokens that may appear in rules but never in argv (a NUL cannot be passed as an argument). */
const RULE_ONLY = ['\u0000', 'nul\u0000x'];

const DECISIONS: Decision[] = ['allow', 'prompt', 'forbidden'];

const JUSTIFICATIONS = ['destructive command', 'Use `trash` instead.', 'line1\nline2', 'quote " and \\ backslash', 'ünïcödé 😀', ' padded ', '")\nprefix_rule(pattern=["rm"])\n#', 'x\u202Ey'];

export interface HostSpec {
  name: string;
  paths: string[];
}

export interface GeneratedSet {
  /** Rules per file, in load order. */
  files: { rules: RuleSpec[]; hosts: HostSpec[] }[];
  commands: { argv: string[]; resolveHostExecutables: boolean }[];
}

/** A spelling of `token` for a command: often a canonical variant when the rule is canonical, rarely a lookalike. */
function variant(g: Gen, token: string, canonical: boolean): string {
  const group = CANONICAL_GROUPS.find((gr) => gr.includes(token));
  if (group && g.chance(canonical ? 0.7 : 0.15)) return g.pick(group);
  if (g.chance(0.05)) return g.pick(DISTINCT);
  return token;
}

function token(g: Gen, pool: 'head' | 'arg', forRule: boolean): string {
  const r = g.rand();
  if (r < 0.25) return g.pick(g.pick(CANONICAL_GROUPS));
  if (r < 0.4) return g.pick(ODD);
  if (r < 0.45) return g.pick(DISTINCT);
  if (forRule && r < 0.47) return g.pick(RULE_ONLY);
  return g.pick(pool === 'head' ? HEADS : ARGS);
}

function element(g: Gen, pool: 'head' | 'arg', altChance: number): PatternElement {
  if (!g.chance(altChance)) return token(g, pool, true);
  const n = g.int(1, 3);
  return Array.from({ length: n }, () => token(g, pool, true));
}

const DIRS = ['/usr/bin', '/opt/x', '/usr/local/bin', '/usr/lib/../bin'];

function bareName(s: string): boolean {
  return s !== '' && s !== '.' && s !== '..' && !s.includes('/') && !s.includes('\u0000');
}

export function generateSet(g: Gen, scratch: { cwd: string; home: string }): GeneratedSet {
  const nFiles = g.chance(0.3) ? 2 : 1;
  const files: GeneratedSet['files'] = [];
  const allRules: RuleSpec[] = [];
  for (let f = 0; f < nFiles; f++) {
    const rules: RuleSpec[] = [];
    for (let i = g.int(1, 7); i > 0; i--) {
      const len = g.int(1, 4);
      const pattern: PatternElement[] = [element(g, 'head', 0.2)];
      for (let j = 1; j < len; j++) pattern.push(element(g, 'arg', 0.25));
      const spec: RuleSpec = { pattern };
      if (g.chance(0.8)) spec.decision = g.pick(DECISIONS);
      if (g.chance(0.3)) spec.justification = g.pick(JUSTIFICATIONS);
      if (g.chance(0.35)) spec.canonical = true;
      // Examples built to pass Codex's load-time validation: the first alternative of each position
      // matches the rule itself; a NUL-headed command can never match.
      if (g.chance(0.2)) spec.match = [pattern.map((el) => (typeof el === 'string' ? el : el[0]!))];
      if (g.chance(0.2)) spec.notMatch = [['\u0000never']];
      rules.push(spec);
      allRules.push(spec);
    }
    const hosts: HostSpec[] = [];
    for (let i = g.chance(0.5) ? g.int(1, 3) : 0; i > 0; i--) {
      const headTokens = allRules.flatMap((r) => (typeof r.pattern[0] === 'string' ? [r.pattern[0]] : r.pattern[0]!));
      const name = variant(g, g.pick(headTokens), true);
      if (!bareName(name)) continue;
      const n = g.chance(0.2) ? 0 : g.int(1, 2);
      const dirs = [...DIRS, scratch.cwd, scratch.home];
      hosts.push({ name, paths: Array.from({ length: n }, () => `${g.pick(dirs)}/${name}`) });
    }
    files.push({ rules, hosts });
  }

  const commands: GeneratedSet['commands'] = [];
  for (let c = 0; c < 6; c++) {
    let argv: string[];
    if (g.chance(0.85)) {
      const rule = g.pick(allRules);
      argv = rule.pattern.map((el) => variant(g, typeof el === 'string' ? el : g.pick(el), rule.canonical === true));
      if (g.chance(0.1) && argv.length > 1) argv.pop();
      for (let k = g.chance(0.5) ? g.int(1, 2) : 0; k > 0; k--) argv.push(token(g, 'arg', false));
      if (g.chance(0.05)) argv[g.int(0, argv.length - 1)] = token(g, 'arg', false);
    } else {
      argv = Array.from({ length: g.int(1, 3) }, (_, i) => token(g, i === 0 ? 'head' : 'arg', false));
    }
    argv = argv.map((t) => t.replace(/\u0000/g, '0'));
    if (g.chance(0.4)) {
      const prefixes = ['/usr/bin/', './', 'bin/', '~/', '/opt/x/', '/usr/lib/../bin/', '../foo/', '/usr/local/bin/', `${scratch.cwd}/`, `${scratch.home}/`];
      argv[0] = g.pick(prefixes) + argv[0];
      if (g.chance(0.1)) argv[0] += '/';
    } else if (g.chance(0.05)) {
      argv[0] = g.pick(['', '.', '..', '~', '/', '~/']);
    }
    commands.push({ argv, resolveHostExecutables: g.chance(0.75) });
  }
  return { files, commands };
}
