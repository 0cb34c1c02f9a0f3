// evaluate(ruleSet, command): what happens when an agent runs a command string under these rules,
// seen two ways (design.md §4): the full view (every segment bash could run, wrappers unwrapped,
// dynamic words and fail-closed reasons handled) and Codex 0.169.0's own view (its split of
// `["/bin/bash", "-lc", command]`, or the whole argv, with basename fallback).
import { codexSplit } from '../shell/codex-split.js';
import { parseShell } from '../shell/parse.js';
import type { Decision, Diagnostic, ParseOptions, Rule, RuleSet, Segment, SegmentReason, Verdict } from '../types.js';
import { canonicalCaselessKey } from './canonical.js';
import { RuleIndex, strictestDecision, type MatchOptions, type PrefixMatch } from './match.js';

export interface EvaluateOptions {
  /** Directory relative program paths resolve against (Codex: the session's cwd). */
  cwd?: string;
  home?: string;
  /** The shell Codex wraps the command in (default `/bin/bash`). */
  shell?: string;
  parse?: ParseOptions;
}

/**
 * Why the full view and Codex differ. The engine knows rules by offset, not by line: `template`
 * holds `{{rule}}` where the location of `rule` goes, and the caller renders it
 * (src/cli/test-render.ts), as formatters render a Diagnostic's offsets.
 */
export interface Explanation {
  template: string;
  rule?: Rule;
}

export interface SegmentEvaluation {
  segment: Segment;
  decision: Verdict;
  matches: PrefixMatch[];
  reasons: SegmentReason[];
}

export interface CodexEvaluation {
  split: boolean;
  commands: string[][];
  /** null when no rule matched, as Codex omits it. */
  decision: Decision | null;
  matches: PrefixMatch[];
}

export interface CommandEvaluation {
  command: string;
  decision: Verdict;
  segments: SegmentEvaluation[];
  /** Syntax errors: the command does not parse, so its decision is at least `prompt`. */
  diagnostics: Diagnostic[];
  codex: CodexEvaluation;
  /** Why the full view and Codex differ, when they do. */
  explanation?: Explanation;
}

const VERDICT_RANK = { allow: 0, unmatched: 1, prompt: 2, forbidden: 3 } as const satisfies Record<Verdict, number>;

export function stricterVerdict(a: Verdict, b: Verdict): Verdict {
  return VERDICT_RANK[a] >= VERDICT_RANK[b] ? a : b;
}

export function verdictRank(v: Verdict): number {
  return VERDICT_RANK[v];
}

interface Candidate {
  rule: Rule;
  head: string;
  /** Position in rule order, so candidates gathered from several buckets keep Codex's order. */
  order: number;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A rule set prepared for evaluation: the index plus the rules a dynamic word might trigger. */
export class Evaluator {
  private readonly index: RuleIndex;
  /** prompt/forbidden rules by position, for dynamic words (they might match any token). */
  private readonly strict: Candidate[] = [];
  /** The same candidates by exact head, and canonical ones by the caseless key of their head: a literal program word only meets these. */
  private readonly strictByHead = new Map<string, Candidate[]>();
  private readonly strictByCanonicalKey = new Map<string, Candidate[]>();

  constructor(
    readonly ruleSet: RuleSet,
    private readonly options: EvaluateOptions = {},
  ) {
    this.index = new RuleIndex(ruleSet.rules, ruleSet.hostExecutables);
    for (const rule of ruleSet.rules) {
      if (rule.decision === 'allow' || rule.pattern.length === 0) continue;
      const first = rule.pattern[0]!;
      for (const head of typeof first === 'string' ? [first] : first) {
        const c: Candidate = { rule, head, order: this.strict.length };
        this.strict.push(c);
        pushTo(this.strictByHead, head, c);
        if (rule.canonicalMatching) pushTo(this.strictByCanonicalKey, canonicalCaselessKey(head), c);
      }
    }
  }

  /** Built once: Codex core always resolves host executables. */
  private matchOptionsCache: MatchOptions | undefined;

  private matchOptions(): MatchOptions {
    if (this.matchOptionsCache) return this.matchOptionsCache;
    const m: MatchOptions = { resolveHostExecutables: true };
    if (this.options.cwd !== undefined) m.cwd = this.options.cwd;
    if (this.options.home !== undefined) m.home = this.options.home;
    return (this.matchOptionsCache = m);
  }

  /** Matches of one segment: Codex matching on its words, with dynamic words as wildcards for stricter rules. */
  matchSegment(segment: Segment): PrefixMatch[] {
    const argv = segment.argv;
    const literal = this.index.match(argv, this.matchOptions());
    if (!segment.dynamic) return literal;
    const dynamicAt = segment.words.map((w) => w.dynamic);
    // An allow rule never matches through a dynamic word (it might be anything).
    const out = literal.filter((m) => m.decision !== 'allow' || !dynamicAt.slice(0, m.matchedPrefix.length).some(Boolean));
    const seen = new Set(out.map((m) => m.rule));
    for (const c of this.strictCandidates(argv[0], dynamicAt[0] === true)) {
      if (seen.has(c.rule)) continue;
      const pattern = c.rule.pattern;
      if (argv.length < pattern.length) continue;
      let ok = true;
      let anyDynamic = false;
      for (let k = 0; k < pattern.length && ok; k++) {
        if (dynamicAt[k]) {
          anyDynamic = true;
          continue;
        }
        const tokens = k === 0 ? [c.head] : typeof pattern[k] === 'string' ? [pattern[k] as string] : (pattern[k] as string[]);
        ok = tokens.includes(argv[k]!) || (c.rule.canonicalMatching && tokens.some((t) => canonicalCaselessKey(t) === canonicalCaselessKey(argv[k]!)));
      }
      if (!ok || !anyDynamic) continue;
      seen.add(c.rule);
      const m: PrefixMatch = { rule: c.rule, matchedPrefix: argv.slice(0, pattern.length), decision: c.rule.decision, headMatch: 'exact' };
      if (c.rule.justification !== undefined) m.justification = c.rule.justification;
      out.push(m);
    }
    return out;
  }

  /**
   * The prompt/forbidden candidates a segment can meet, in rule order: all of them when the program
   * word is dynamic; otherwise only those whose head equals it, exactly or (canonical rules) caselessly.
   * Keeps the cost independent of the number of unrelated rules.
   */
  private strictCandidates(program: string | undefined, dynamicProgram: boolean): readonly Candidate[] {
    if (dynamicProgram || program === undefined) return this.strict;
    const exact = this.strictByHead.get(program) ?? [];
    if (this.strictByCanonicalKey.size === 0) return exact;
    const canonical = this.strictByCanonicalKey.get(canonicalCaselessKey(program));
    if (!canonical) return exact;
    return [...new Set([...exact, ...canonical])].sort((a, b) => a.order - b.order);
  }

  evaluate(command: string): CommandEvaluation {
    const parsed = parseShell(command, this.options.parse);
    const segments: SegmentEvaluation[] = parsed.segments.map((segment) => {
      const matches = this.matchSegment(segment);
      let decision: Verdict = strictestDecision(matches) ?? 'unmatched';
      // Fail closed: anything escalint cannot see through is at least a prompt.
      if (segment.reasons.length > 0) decision = stricterVerdict(decision, 'prompt');
      return { segment, decision, matches, reasons: segment.reasons };
    });
    let decision: Verdict = segments.length > 0 ? 'allow' : 'unmatched';
    for (const s of segments) decision = stricterVerdict(decision, s.decision);
    if (parsed.diagnostics.length > 0) decision = stricterVerdict(decision, 'prompt');

    const split = codexSplit([this.options.shell ?? '/bin/bash', '-lc', command]);
    // Codex's split commands are usually the literal segments already matched above: reuse those
    // matches (same argv, same options, so the same list) instead of matching again.
    const codexMatches: PrefixMatch[] = [];
    for (const argv of split.commands) {
      const same = split.split ? segments.find((s) => !s.segment.dynamic && sameArgv(s.segment.argv, argv)) : undefined;
      codexMatches.push(...(same ? same.matches : this.index.match(argv, this.matchOptions())));
    }
    const codex: CodexEvaluation = { split: split.split, commands: split.commands, decision: strictestDecision(codexMatches), matches: codexMatches };
    const result: CommandEvaluation = { command, decision, segments, diagnostics: parsed.diagnostics, codex };
    const explanation = explain(result);
    if (explanation) result.explanation = explanation;
    return result;
  }
}

function sameArgv(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One evaluation without keeping an Evaluator. */
export function evaluate(ruleSet: RuleSet, command: string, options: EvaluateOptions = {}): CommandEvaluation {
  return new Evaluator(ruleSet, options).evaluate(command);
}

function shown(argv: readonly string[]): string {
  return argv.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : JSON.stringify(w))).join(' ');
}

/** A one-line explanation of why Codex decides differently from the full view. */
function explain(r: CommandEvaluation): Explanation | undefined {
  let named: Rule | undefined;
  const at = (rule: Rule) => {
    named = rule;
    return '{{rule}}';
  };
  const text = explainText(r, at);
  if (text === undefined) return undefined;
  return named ? { template: text, rule: named } : { template: text };
}

function explainText(r: CommandEvaluation, at: (rule: Rule) => string): string | undefined {
  const codexVerdict: Verdict = r.codex.decision ?? 'unmatched';
  if (codexVerdict === r.decision) return undefined;
  if (r.diagnostics.length > 0) {
    return `the command does not parse (${r.diagnostics[0]!.message}); escalint asks, Codex decides ${codexVerdict}`;
  }
  if (VERDICT_RANK[r.decision] > VERDICT_RANK[codexVerdict]) {
    // The full view is stricter: find the segment that decided it.
    const decisive = r.segments.find((s) => s.decision === r.decision);
    if (!decisive) {
      // No segment at all (an empty or comment-only script): escalint sees nothing to run, while
      // Codex checks the whole `[shell, -lc, script]` argv, which a rule on the shell may match.
      const rule = r.codex.matches.find((m) => m.decision === codexVerdict);
      const by = rule ? `, which the ${rule.decision} rule at ${at(rule.rule)} matches` : '';
      return `the script runs no command; Codex checks the whole \`${shown(r.codex.commands[0]!.slice(0, 2))} …\` command line${by}`;
    }
    if (decisive.decision === 'unmatched') {
      return `no rule matches \`${shown(decisive.segment.argv)}\`; Codex's decision (${codexVerdict}) covers only the commands its rules match, the rest go to its sandbox and approval policy`;
    }
    const rule = decisive.matches.find((m) => m.decision === r.decision);
    const what = rule ? `the ${rule.decision} rule at ${at(rule.rule)}` : undefined;
    if (rule && decisive.segment.words.slice(0, rule.matchedPrefix.length).some((w) => w.dynamic)) {
      return `\`${shown(decisive.segment.argv)}\` is only known at run time and might match ${what} (${JSON.stringify(rule.rule.pattern)}); Codex decides ${codexVerdict}`;
    }
    if (!rule && decisive.reasons.length > 0) {
      return `escalint cannot see what \`${shown(decisive.segment.argv)}\` runs (${decisive.reasons[0]!.id}: ${decisive.reasons[0]!.message}); Codex decides ${codexVerdict}`;
    }
    if (!r.codex.split) {
      return `Codex checks this script whole, so ${what} does not apply to \`${shown(decisive.segment.argv)}\``;
    }
    if (decisive.segment.context.includes('wrapped')) {
      return `Codex does not look inside wrappers, so ${what} does not apply to \`${shown(decisive.segment.argv)}\``;
    }
    return `Codex does not see \`${shown(decisive.segment.argv)}\` as a command of its own, so ${what} does not apply`;
  }
  // Codex is stricter.
  const rule = r.codex.matches.find((m) => m.decision === codexVerdict);
  if (rule && !r.codex.split) {
    return `Codex checks the whole \`${shown(r.codex.commands[0]!.slice(0, 2))} …\` command line, which the ${rule.decision} rule at ${at(rule.rule)} matches`;
  }
  if (rule) return `Codex matches \`${shown(rule.matchedPrefix)}\` with the ${rule.decision} rule at ${at(rule.rule)}, which escalint's segments do not`;
  if (!r.codex.split) return `Codex checks this script whole (\`${shown(r.codex.commands[0]!.slice(0, 2))} …\`) and no rule matches that; escalint allows every command in it`;
  return `Codex decides ${codexVerdict} where escalint decides ${r.decision}`;
}
