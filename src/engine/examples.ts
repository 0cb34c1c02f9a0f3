// `match`/`not_match` examples, checked the way Codex 0.169.0 checks them when it loads a file
// (reference/codex-0.169.md §1.3): each rule against a policy of only that rule (all heads of a
// first-position alternative), plus the host executables known at the end of the file, with host
// resolution on. `not_match` is checked first and stops at its first offender; `match` reports
// every unmatched example. Malformed examples are `codex-load`; failing ones `example-mismatch`.
import type { LoaderMessageId } from '../checks/structural.js';
import { RuleIndex, type PrefixMatch } from './match.js';
import type { Diagnostic, HostExecutable, PatternElement, Rule, RuleSet, SourceRef } from '../types.js';
import { isLoadProblem, parseExample, type LoadValue } from '../rules/codex-load.js';
import { renderExample } from '../rules/shlex.js';

export interface CheckExamplesOptions {
  /**
   * Directory that relative program paths in examples (`./git status`) are resolved against, as
   * Codex resolves them against its working directory. Default `/`: the basename, which is what
   * matching uses, does not depend on it.
   */
  cwd?: string;
}

// --- Codex's Debug renderings, for the text Codex prints ----------------------------------------

/** Rust's `{:?}` of a string: quotes, `\\`, `\"`, `\n`, `\r`, `\t`, `\0`, `\u{…}` for controls. */
export function rustDebugString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp === 0) out += '\\0';
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += `\\u{${cp.toString(16)}}`;
    else out += ch;
  }
  return out + '"';
}

function debugList(items: readonly string[]): string {
  return `[${items.map(rustDebugString).join(', ')}]`;
}

const DECISION_DEBUG = { allow: 'Allow', prompt: 'Prompt', forbidden: 'Forbidden' } as const;

function debugOption(s: string | undefined): string {
  return s === undefined ? 'None' : `Some(${rustDebugString(s)})`;
}

function debugToken(el: PatternElement): string {
  if (typeof el === 'string') return `Single(${rustDebugString(el)})`;
  if (el.length === 1) return `Single(${rustDebugString(el[0]!)})`;
  return `Alts(${debugList(el)})`;
}

/** Codex's `{:?}` of each PrefixRule one `prefix_rule` call creates (one per first-position head). */
export function debugPrefixRules(rule: Rule): string[] {
  const first = rule.pattern[0];
  if (first === undefined) return [];
  const heads = typeof first === 'string' ? [first] : first;
  const rest = `[${rule.pattern.slice(1).map(debugToken).join(', ')}]`;
  return heads.map(
    (head) =>
      `PrefixRule { pattern: PrefixPattern { canonical_matching: ${rule.canonicalMatching}, first: ${rustDebugString(head)}, rest: ${rest} }, ` +
      `decision: ${DECISION_DEBUG[rule.decision]}, justification: ${debugOption(rule.justification)} }`,
  );
}

/** Codex's error when `match` examples fail (all unmatched examples, re-joined with shlex). */
export function codexMatchError(rule: Rule, unmatched: readonly string[][]): string {
  const rules = debugList(debugPrefixRules(rule));
  return `expected every example to match at least one rule. rules: ${rules}; unmatched examples: ${debugList(unmatched.map(renderExample))}`;
}

/** Codex's error when a `not_match` example matches (the first match). */
export function codexNotMatchError(match: PrefixMatch, example: readonly string[]): string {
  const resolved = match.resolvedProgram === undefined ? 'None' : `Some(AbsolutePathBuf(${rustDebugString(match.resolvedProgram)}))`;
  return (
    `expected example to not match rule \`PrefixRuleMatch { matched_prefix: ${debugList(match.matchedPrefix)}, ` +
    `decision: ${DECISION_DEBUG[match.decision]}, resolved_program: ${resolved}, justification: ${debugOption(match.justification)} }\`: ` +
    renderExample(example)
  );
}

// --- The check --------------------------------------------------------------------------------

function patternText(pattern: readonly PatternElement[]): string {
  return `[${pattern.map((el) => (typeof el === 'string' ? JSON.stringify(el) : `[${el.map((t) => JSON.stringify(t)).join(', ')}]`)).join(', ')}]`;
}

function exampleText(example: unknown): string {
  return JSON.stringify(example);
}

/**
 * Checks one rule's examples. `hostExecutables` are those known when Codex validates the rule:
 * every definition in the rule's file (earlier or later) and in earlier files.
 */
export function checkExamples(
  rule: Rule,
  hostExecutables: readonly Pick<HostExecutable, 'name' | 'paths'>[],
  options: CheckExamplesOptions = {},
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (rule.match.length === 0 && rule.notMatch.length === 0) return diagnostics;
  const index = new RuleIndex([rule], hostExecutables);
  const matchOptions = { resolveHostExecutables: true, cwd: options.cwd ?? '/' };
  const where = (sources: SourceRef[] | undefined, i: number): SourceRef => sources?.[i] ?? rule.patternSource;
  // messageId must be registered for check (src/checks/structural.ts), or this does not compile.
  const diag = <C extends 'codex-load' | 'example-mismatch'>(
    at: SourceRef,
    check: C,
    messageId: NoInfer<LoaderMessageId<C>>,
    message: string,
  ): Diagnostic => ({ check, messageId, severity: 'error', message, file: at.file, start: at.start, end: at.end });

  const parse = (examples: readonly unknown[], sources: SourceRef[] | undefined): (string[] | undefined)[] =>
    examples.map((example, i) => {
      const parsed = parseExample(example as LoadValue);
      if (!isLoadProblem(parsed)) return parsed.tokens;
      diagnostics.push(diag(where(sources, i), 'codex-load', parsed.messageId, parsed.message));
      return undefined;
    });

  // not_match first; Codex stops at the first example that matches.
  const notMatch = parse(rule.notMatch, rule.notMatchSources);
  for (let i = 0; i < notMatch.length; i++) {
    const tokens = notMatch[i];
    if (!tokens) continue;
    const first = index.match(tokens, matchOptions)[0];
    if (!first) continue;
    const via = first.resolvedProgram ? ` (through ${JSON.stringify(first.resolvedProgram)})` : '';
    diagnostics.push(
      diag(
        where(rule.notMatchSources, i),
        'example-mismatch',
        'not-match-matches',
        `not_match example ${exampleText(rule.notMatch[i])} matches the pattern ${patternText(rule.pattern)}${via}: ` +
          `matched prefix ${JSON.stringify(first.matchedPrefix)}; narrow the pattern or remove the example ` +
          `(Codex refuses to load the file: expected example to not match rule)`,
      ),
    );
    break;
  }

  const match = parse(rule.match, rule.matchSources);
  const unmatched: string[][] = [];
  const unmatchedAt: number[] = [];
  match.forEach((tokens, i) => {
    if (!tokens) return;
    if (index.match(tokens, matchOptions).length > 0) return;
    unmatched.push(tokens);
    unmatchedAt.push(i);
  });
  if (unmatched.length > 0) {
    unmatchedAt.forEach((i) => {
      diagnostics.push(
        diag(
          where(rule.matchSources, i),
          'example-mismatch',
          'match-unmatched',
          `match example ${exampleText(rule.match[i])} does not match the pattern ${patternText(rule.pattern)}; ` +
            `fix the example or widen the pattern (Codex refuses to load the file: expected every example to match at least one rule)`,
        ),
      );
    });
  }
  return diagnostics;
}

/**
 * The example stage, after loading, for every format alike: each rule's examples checked with the
 * host executables Codex knows when it validates that rule — every definition in the rule's own
 * file (earlier or later lines) and in the files loaded before it (reference/codex-0.169.md §1.3).
 */
export function checkRuleSetExamples(ruleSet: RuleSet, options: CheckExamplesOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const order = new Map(ruleSet.files.map((f, i) => [f.path, i]));
  let known: HostExecutable[] = [];
  let knownUpTo = -1;
  for (const rule of ruleSet.rules) {
    if (rule.match.length === 0 && rule.notMatch.length === 0) continue;
    const fileIndex = order.get(rule.source.file) ?? ruleSet.files.length;
    if (fileIndex !== knownUpTo) {
      known = ruleSet.hostExecutables.filter((h) => (order.get(h.source.file) ?? Infinity) <= fileIndex);
      knownUpTo = fileIndex;
    }
    out.push(...checkExamples(rule, known, options));
  }
  return out;
}
