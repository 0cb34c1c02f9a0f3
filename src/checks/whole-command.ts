// A pattern that is a whole command line instead of an argv prefix (design.md §7). Codex compares
// each pattern token with one argv element, exactly (reference/codex-0.169.md §2), so:
// - a token holding a command line (`["git push origin main"]`, `["git", "push origin main"]`,
//   `["cargo", "test && cargo clippy"]`) never matches what the shell passes;
// - a shell operator as a token (`["a", "|", "tee"]`) never reaches a program: the shell (and
//   Codex's splitter, §3) acts on it first;
// - an allow rule whose pattern is its only example copied whole allows just that one command.
// `["/bin/bash", "-lc", "<script>"]` (what Codex saves for "don't ask again", §4) is found here too
// but reported by the shell-wrapper check.
// The finding suggests the categorical prefix of the first command (allow rules) or the command
// split into tokens (prompt and forbidden rules, whose author meant exactly that command).
import { basename } from 'node:path/posix';
import { commandShape, isExpressionOperand, isShellOperator } from '../knowledge/command-shapes.js';
import { wrapperSpec } from '../knowledge/wrappers.js';
import { shlexSplit } from '../rules/shlex.js';
import { hasStricterRuleWithin, patternValues } from '../suggest/pattern.js';
import { suggestPrefix } from '../suggest/prefix.js';
import type { Rule, RuleSet, Suggestion } from '../types.js';
import { leavesRule } from './dead-rules.js';
import { defineCheck } from './define.js';
import { patternLabel, replacePatternSuggestion } from './edits.js';
import { isShellWrapperPattern, tokensAt } from './rule-shape.js';

export type WholeCommandKind = 'joined' | 'operator' | 'script' | 'example';

export interface WholeCommand {
  kind: WholeCommandKind;
  /** The token that shows it: the command line, the operator or the script (the pattern for `example`). */
  token: string;
  /** The words of the first command the pattern spells, when they can be read. */
  firstCommand: string[] | null;
  /** The pattern spells more commands after the first (`a && b`, `a | b`). */
  more: boolean;
}

const BLANK = /[ \t\n]/;
/** A shell operator between words inside one token (`cargo test && cargo clippy`, `ls | wc -l`), or a substitution. */
const INNER_OPERATOR = /(^|[ \t\n])(&&|\|\||\||;|>>?|<)([ \t\n]|$)|\$\(|`/;
/** A word that can start a command line: a program name or path, not jq/SQL/prose punctuation. */
const PROGRAM_WORD = /^[A-Za-z0-9_./~+-]+$/;

const programName = (t: string) => (t.includes('/') ? basename(t) : t);

/** A first token with blanks that is a path with spaces (`/Applications/My App.app/…/bin/code`), not a command line. */
function isPathWithSpaces(t: string): boolean {
  const blank = t.search(BLANK);
  return /^[/~.]/.test(t) && t.indexOf('/', blank) > blank;
}

/** The words of the first command the pattern spells: joined tokens split, up to the first operator. */
function firstCommandOf(pattern: Rule['pattern']): { firstCommand: string[] | null; more: boolean } {
  const words: string[] = [];
  const done = (more: boolean) => ({ firstCommand: words.length > 0 ? words : null, more });
  for (const el of pattern) {
    if (typeof el !== 'string') return { firstCommand: null, more: false }; // alternatives: not one command
    const split = BLANK.test(el) || INNER_OPERATOR.test(el) ? shlexSplit(el) : [el];
    if (split === null) return { firstCommand: null, more: false };
    for (const w of split) {
      if (isShellOperator(w)) return done(true);
      if (/[;&|]$/.test(w) && w.length > 1) {
        words.push(w.replace(/[;&|]+$/, ''));
        return done(true);
      }
      words.push(w);
    }
  }
  return done(false);
}

/** Findings per rule and rule list: too-specific, whole-command and shell-wrapper all ask. */
const wholeCache = new WeakMap<readonly Rule[], WeakMap<Rule, WholeCommand | null>>();

/** The whole-command problem of a rule, or undefined. Too-specific leaves these rules to this check. */
export function findWholeCommand(rule: Rule, rules: readonly Rule[] = []): WholeCommand | undefined {
  let byRule = wholeCache.get(rules);
  if (!byRule) wholeCache.set(rules, (byRule = new WeakMap()));
  let found = byRule.get(rule);
  if (found === undefined) byRule.set(rule, (found = readWholeCommand(rule, rules) ?? null));
  return found ?? undefined;
}

function readWholeCommand(rule: Rule, rules: readonly Rule[]): WholeCommand | undefined {
  const { pattern } = rule;
  const script = pattern[2];
  if (pattern.length >= 3 && typeof script === 'string' && isShellWrapperPattern(pattern)) {
    const words = shlexSplit(script);
    return { kind: 'script', token: script, ...(words === null ? { firstCommand: null, more: false } : firstCommandOf(words)) };
  }
  const head = programName(tokensAt(pattern[0]!)[0]!);
  const knownSlots = commandShape(head) !== undefined || wrapperSpec(head) !== undefined;
  for (let i = 0; i < pattern.length; i++) {
    for (const t of tokensAt(pattern[i]!)) {
      if (i > 0 && isShellOperator(t) && !isExpressionOperand(head, t)) {
        return { kind: 'operator', token: t, ...firstCommandOf(pattern) };
      }
      if (!BLANK.test(t)) continue;
      const words = shlexSplit(t);
      if (words === null || words.length < 2 || !PROGRAM_WORD.test(words[0]!)) continue;
      let joined: boolean;
      if (i === 0) joined = !isPathWithSpaces(t);
      // After a flag the token is its value (a message, an expression): `-m "a && b"` is text.
      else if (INNER_OPERATOR.test(t)) joined = !tokensAt(pattern[i - 1]!).some((p) => p.startsWith('-'));
      else {
        // A token with blanks where the command's shape expects a sub-command word (`["git", "push origin main"]`).
        const before = pattern.slice(0, i).map((e) => tokensAt(e)[0]!);
        joined = knownSlots && suggestPrefix([...before, words[0]!]).tokens[i]?.role === 'capability';
      }
      if (joined) return { kind: 'joined', token: t, ...firstCommandOf(pattern) };
    }
  }
  if (rule.decision === 'allow' && rule.match.length === 1 && pattern.every((e) => typeof e === 'string')) {
    const example = rule.match[0]!;
    const words = typeof example === 'string' ? shlexSplit(example) : example;
    const argv = pattern as string[];
    const values = patternValues(argv);
    if (words !== null && words.length === argv.length && words.every((w, k) => w === argv[k]) && values.tooSpecific && !hasStricterRuleWithin(values.capability, rules)) {
      return { kind: 'example', token: argv.join(' '), firstCommand: argv, more: false };
    }
  }
  return undefined;
}

/**
 * What to write instead of a whole command: for an allow rule the categorical prefix of its first
 * command, for a prompt or forbidden rule that command split into tokens (without widening it).
 */
export function replacementFor(ruleSet: RuleSet, rule: Rule, found: WholeCommand): { advice: string; suggestion: Suggestion | undefined } {
  let suggested: string[] | null = null;
  let advice: string;
  const first = found.firstCommand;
  const split = (p: string[]) => (found.more ? `write one rule per command, e.g. ${patternLabel(p)}` : `write it as separate tokens: ${patternLabel(p)}`);
  if (first === null) {
    advice = 'write one token per argument';
  } else if (rule.decision !== 'allow') {
    suggested = first;
    advice = split(first);
  } else {
    const s = suggestPrefix(first);
    if (s.prefix === null) {
      advice = `${s.reason}, so keep it only if this exact command is all it should allow`;
    } else {
      suggested = s.prefix;
      advice =
        s.prefix.length === first.length
          ? split(s.prefix)
          : `allow the categorical prefix of ${JSON.stringify(first.join(' '))} instead: ${patternLabel(s.prefix)}`;
    }
  }
  const same = suggested !== null && suggested.length === rule.pattern.length && suggested.every((t, k) => t === rule.pattern[k]);
  const suggestion =
    suggested !== null && !same ? replacePatternSuggestion(ruleSet, rule, suggested, `replace the pattern with ${patternLabel(suggested)}`) : undefined;
  return { advice, suggestion };
}

export const wholeCommand = defineCheck({
  id: 'whole-command',
  meta: {
    description: 'a pattern that is a whole command line rather than an argv prefix',
    docs:
      'Codex compares each pattern token with one argument, exactly. A token holding a command line ' +
      '(["git push origin main"]) or a shell operator (["a", "|", "tee"]) never matches what the shell runs; ' +
      'an allow rule equal to its only example allows one command. Write one token per argument and, for ' +
      'allow rules, keep only the categorical prefix of the command (["git", "push"]).',
    defaultSeverity: 'error',
    messages: {
      joined: 'token {{token}} is a whole command line, but Codex compares each token with one argument, so the rule never matches a command; {{advice}}',
      operator: 'token {{token}} is a shell operator, which the shell acts on and no program receives as an argument, so the rule never matches a command; {{advice}}',
      example: 'pattern {{pattern}} is its only example copied whole, so it allows just that one command; {{advice}}',
    },
  },
  run(ctx) {
    for (const rule of ctx.ruleSet.rules) {
      if (leavesRule('whole-command', rule, ctx.deadRules)) continue;
      const found = findWholeCommand(rule, ctx.ruleSet.rules);
      // A whole `bash -lc <script>` is the shell-wrapper check's finding.
      if (found === undefined || found.kind === 'script') continue;
      const { advice, suggestion } = replacementFor(ctx.ruleSet, rule, found);
      ctx.report({
        messageId: found.kind,
        data: { token: JSON.stringify(found.token), pattern: patternLabel(rule.pattern), advice },
        at: rule.patternSource,
        ...(suggestion ? { suggestions: [suggestion] } : {}),
      });
    }
  },
});
