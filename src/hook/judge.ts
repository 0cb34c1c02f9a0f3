// The hook's verdict on one command (design.md §9), from escalint's full view (§3, §4): deny when
// any segment is forbidden, allow only when everything that runs is plainly allowed, otherwise no
// opinion (or, for Claude Code, "ask" when a rule or a fail-closed reason wants a person).
// Pure: the caller evaluates (src/engine/evaluate.ts) and says where a rule is written.
import type { CommandEvaluation, SegmentEvaluation } from '../engine/evaluate.js';
import type { PrefixMatch } from '../engine/match.js';
import { DECLARATION_BUILTINS, isInertEnv } from '../knowledge/env.js';
import { own } from '../knowledge/lookup.js';
import { CODEX_SPLIT_SHELLS } from '../shell/codex-split.js';
import type { Rule, Segment } from '../types.js';

export type HookDecision = 'deny' | 'allow' | 'ask' | 'none';

export interface HookVerdict {
  decision: HookDecision;
  /** Why, in one line: shown to the model (deny), to a person (ask), or kept for debugging. Never empty. */
  reason: string;
}

export interface JudgeContext {
  /** escalint's evaluation of a command string (an `Evaluator` bound to the rules). */
  evaluate: (command: string) => CommandEvaluation;
  /** Where a rule is written, as `file:line`. */
  ruleLocation: (rule: Rule) => string;
  /**
   * True when the rules hold a forbidden rule. A command escalint cannot analyse (it does not
   * parse, or is beyond the limits) might then hide a forbidden command, so it is denied.
   */
  hasForbidden: boolean;
}

/** At most this many segments are named in one reason. */
const MAX_NAMED = 5;

/** Reason ids meaning part of the script was never analysed (bash may still run that part). */
const UNANALYSED_REASONS: ReadonlySet<string> = new Set(['syntax-error', 'too-deep']);

/** Redirection targets that write nowhere a sandbox guards. */
const HARMLESS_TARGETS: ReadonlySet<string> = new Set(['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/tty']);

/**
 * The verdict on `command`: the string the agent runs, or an argv. A `bash -lc '<script>'` form
 * (string or argv) is judged by its script, so that the shell wrapping it needs no rule of its own.
 */
export function judgeCommand(command: string | readonly string[], ctx: JudgeContext): HookVerdict {
  const { outer, script } = scriptToJudge(command, ctx);
  const full = script === undefined ? outer : ctx.evaluate(script);
  // What Codex itself checks: its split of `[shell, -lc, <what it runs>]`.
  const codex = outer.codex;

  const deny = denyReasons(outer, full, codex, ctx);
  if (deny.length > 0) return { decision: 'deny', reason: named(deny) };

  const blockers = allowBlockers(full, codex);
  if (blockers.length === 0) {
    const by = full.segments.map((s) => `${shown(s.segment.argv)} (${ruleList(s.matches, 'allow', ctx)})`);
    return { decision: 'allow', reason: `every command is allowed by escalint's rules: ${named(by, ', ')}` };
  }
  const ask = askReasons(full, ctx);
  if (ask.length > 0) return { decision: 'ask', reason: named(ask) };
  return { decision: 'none', reason: named(blockers) };
}

/**
 * The command string Codex hands over, evaluated, and the script inside it when it is a plain
 * `<shell> -c|-lc '<script>'` (Codex's own shells and flags: reference/codex-0.169.md §3).
 */
function scriptToJudge(command: string | readonly string[], ctx: JudgeContext): { outer: CommandEvaluation; script?: string } {
  if (typeof command !== 'string') {
    if (command.length === 3 && isShellWrapper(command[0]!, command[1]!)) {
      // Codex would run exactly this argv: its view is that of the script under this shell.
      const outer = ctx.evaluate(command[2]!);
      return { outer };
    }
    return { outer: ctx.evaluate(command.map(posixQuote).join(' ')) };
  }
  const outer = ctx.evaluate(command);
  const script = wrappedScript(outer);
  return script === undefined ? { outer } : { outer, script };
}

function isShellWrapper(program: string, flag: string): boolean {
  return CODEX_SPLIT_SHELLS.includes(program) && (flag === '-lc' || flag === '-c');
}

/** The script of a command that is nothing but `bash -lc '<literal script>'`. */
function wrappedScript(e: CommandEvaluation): string | undefined {
  if (e.diagnostics.length > 0) return undefined;
  const top = e.segments.filter((s) => s.segment.context[0] !== 'wrapped');
  if (top.length !== 1) return undefined;
  const seg = top[0]!.segment;
  if (seg.context.length !== 0 || seg.argv.length !== 3 || seg.dynamic || seg.assigns.length > 0 || seg.redirects.length > 0) return undefined;
  if (!isShellWrapper(seg.argv[0]!, seg.argv[1]!)) return undefined;
  return seg.argv[2];
}

// ---- deny -----------------------------------------------------------------------------------

function denyReasons(outer: CommandEvaluation, full: CommandEvaluation, codex: CommandEvaluation['codex'], ctx: JudgeContext): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (text: string) => {
    if (!seen.has(text)) out.push(text);
    seen.add(text);
  };
  // The script's segments, then (when a shell wraps it) the wrapping command itself.
  const judged = [...full.segments.map((s) => ({ s, e: full })), ...(full === outer ? [] : outer.segments.filter((s) => s.segment.context[0] !== 'wrapped').map((s) => ({ s, e: outer })))];
  for (const { s, e } of judged) {
    if (s.decision !== 'forbidden') continue;
    for (const m of s.matches) if (m.decision === 'forbidden') add(forbiddenText(s, e, m, ctx));
  }
  // A wrapper with an option escalint's tables do not know (`sudo --new-flag rm -rf /`): where its
  // command starts is unknown, so every start is tried.
  for (const { s, e } of judged) {
    if (!s.reasons.some((r) => r.id === 'unknown-wrapper-option')) continue;
    const argv = s.segment.argv;
    for (let k = 1; k < argv.length; k++) {
      for (const inner of ctx.evaluate(argv.slice(k).map(posixQuote).join(' ')).segments) {
        if (inner.decision !== 'forbidden' || inner.segment.context.length > 0) continue;
        for (const m of inner.matches) {
          if (m.decision !== 'forbidden') continue;
          const where = [`run by ${shown(argv.slice(0, 1))} after an option escalint does not know`, placeWords(s.segment, e)].filter(Boolean).join(', ');
          add(`${shown(inner.segment.argv)} (${where}) might be forbidden by ${JSON.stringify(m.rule.pattern)} at ${ctx.ruleLocation(m.rule)}${justification(m)}`);
        }
      }
    }
  }
  if (codex.decision === 'forbidden' && out.length === 0) {
    for (const m of codex.matches) {
      if (m.decision !== 'forbidden') continue;
      add(`Codex checks \`${shown(m.matchedPrefix)} …\`, which ${JSON.stringify(m.rule.pattern)} at ${ctx.ruleLocation(m.rule)} forbids${justification(m)}`);
    }
  }
  if (out.length === 0 && ctx.hasForbidden) {
    // Bash runs a script command by command: what escalint could not read may still run.
    for (const e of [outer, full]) {
      for (const d of e.diagnostics) add(`escalint cannot check this command against the forbidden rules: ${d.message}`);
      for (const s of e.segments) {
        for (const r of s.reasons) {
          if (UNANALYSED_REASONS.has(r.id)) add(`escalint cannot check ${shown(s.segment.argv)} against the forbidden rules: ${r.message}`);
        }
      }
    }
  }
  return out;
}

function forbiddenText(s: SegmentEvaluation, e: CommandEvaluation, m: PrefixMatch, ctx: JudgeContext): string {
  const what = `${shown(s.segment.argv)}${placeOf(s.segment, e)}`;
  const rule = `${JSON.stringify(m.rule.pattern)} at ${ctx.ruleLocation(m.rule)}`;
  const dynamic = s.segment.words.slice(0, m.matchedPrefix.length).some((w) => w.dynamic);
  if (dynamic) return `${what} is only known at run time and might be forbidden by ${rule}${justification(m)}`;
  return `${what} is forbidden by ${rule}${justification(m)}`;
}

function justification(m: PrefixMatch): string {
  const j = m.rule.justification?.trim();
  return j ? ` — ${j}` : '';
}

/** Where a hidden command sits, in a few words: ` (inside $(…))`, ` (run by sudo)`; empty at the top. */
const PLACES: Readonly<Record<string, (parent: string) => string>> = {
  'command-substitution': () => 'inside $(…)',
  backtick: () => 'inside `…`',
  'process-substitution': () => 'inside <(…)',
  'function-substitution': () => 'inside ${ …; }',
  heredoc: () => 'inside a here-document',
  'here-string': () => 'inside a here-string',
  function: () => 'in a function body',
  background: () => 'in the background',
  'shell-string': (parent) => `inside the script of ${parent}`,
  'eval-string': () => 'inside eval',
  wrapped: (parent) => `run by ${parent}`,
};

function placeOf(seg: Segment, e: CommandEvaluation): string {
  const words = placeWords(seg, e);
  return words === '' ? '' : ` (${words})`;
}

/** The innermost place of PLACES a segment sits in, or ''. */
function placeWords(seg: Segment, e: CommandEvaluation): string {
  for (let k = seg.context.length - 1; k >= 0; k--) {
    const place = own(PLACES, seg.context[k]!);
    if (place) return place(parentName(seg, e));
  }
  return '';
}

/** The program of the nearest segment around `seg` (the wrapper or shell that runs it). */
function parentName(seg: Segment, e: CommandEvaluation): string {
  let best: Segment | undefined;
  for (const s of e.segments) {
    const o = s.segment;
    if (o === seg || o.start > seg.start || o.end < seg.end || o.words.length === 0) continue;
    if (!best || o.start >= best.start) best = o;
  }
  return best ? shown(best.argv.slice(0, best.argv[1]?.startsWith('-') ? 2 : 1)) : 'a wrapper';
}

// ---- allow ----------------------------------------------------------------------------------

/** Why the command is not allowed outright; empty when it is. */
function allowBlockers(full: CommandEvaluation, codex: CommandEvaluation['codex']): string[] {
  const out: string[] = [];
  if (full.diagnostics.length > 0) out.push(`the command does not parse: ${full.diagnostics[0]!.message}`);
  if (full.segments.length === 0) out.push('the command runs nothing escalint can name');
  for (const s of full.segments) {
    const seg = s.segment;
    const what = shown(seg.argv);
    if (s.decision !== 'allow') {
      out.push(s.decision === 'unmatched' ? `no rule matches ${what}` : `${what} is ${s.decision}`);
      continue;
    }
    if (s.reasons.length > 0) out.push(`escalint cannot see what ${what} runs (${s.reasons[0]!.id}: ${s.reasons[0]!.message})`);
    const dyn = seg.words.find((w) => w.dynamic);
    if (dyn) out.push(`${what}: ${JSON.stringify(dyn.value)} is only known at run time`);
    for (const a of assignedNames(seg)) if (!isInertEnv(a)) out.push(`${what} runs with ${a} set`);
    for (const r of seg.redirects) {
      if (r.dynamic) out.push(`${what}: the redirection target ${JSON.stringify(r.target)} is only known at run time`);
      else if (writesFile(r.op, r.target)) out.push(`${what} writes to ${JSON.stringify(r.target)}`);
    }
  }
  for (const name of bareAssignments(full)) if (!isInertEnv(name)) out.push(`the script sets ${name}`);
  if (codex.decision === 'prompt') out.push("Codex's own view of the command is prompt");
  return out;
}

/** Names assigned for a segment: its leading `NAME=…` and the `NAME=…` arguments of export, declare, … */
function assignedNames(seg: Segment): string[] {
  const names = seg.assigns.map(assignmentName);
  if (seg.argv.length > 0 && own(DECLARATION_BUILTINS, seg.argv[0]!)) {
    for (const a of seg.argv.slice(1)) if (/^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(a)) names.push(assignmentName(a));
  }
  return names;
}

function assignmentName(text: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*/.exec(text)?.[0] ?? text;
}

/**
 * Whether a redirection writes a file: every output form (`>`, `>>`, `>|`, `&>`, `&>>`, `<>`,
 * `>&file`) except to a device that stores nothing. Input (`<`, heredocs, here-strings) and
 * descriptor duplication or closing (`2>&1`, `>&-`) write nothing (bash manual §3.6).
 */
function writesFile(op: string, target: string): boolean {
  const body = op.replace(/^(\d+|\{[A-Za-z_][A-Za-z0-9_]*\})/, '');
  if (body.startsWith('<') && body !== '<>') return false;
  if (body === '>&' && /^(\d+-?|-)$/.test(target)) return false;
  return !HARMLESS_TARGETS.has(target);
}

/**
 * Assignments that are not part of any command escalint reports (`FOO=1; ls`, `x=1 && …`): any
 * `NAME=` at the start of a word of the script that no segment word or redirection covers. A
 * word that holds a nested script (`bash -c '…'`, `$(…)`) does not cover it: that script's own
 * words do. Anything that only looks like an assignment (in a comment, say) counts too, which only
 * ever withholds an allow.
 */
function bareAssignments(e: CommandEvaluation): string[] {
  const text = e.command;
  const found: { name: string; at: number }[] = [];
  const re = /(^|[\s;&|()`{}!])([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push({ name: m[2]!, at: m.index + m[1]!.length });
    re.lastIndex = m.index + m[0].length;
  }
  if (found.length === 0) return [];
  const spans: { start: number; end: number }[] = [];
  const starts = e.segments.map((s) => s.segment.start);
  const holdsScript = (start: number, end: number, self: Segment) =>
    e.segments.some((s, k) => s.segment !== self && starts[k]! >= start && starts[k]! < end);
  for (const s of e.segments) {
    for (const w of s.segment.words) if (!holdsScript(w.start, w.end, s.segment)) spans.push(w);
    for (const r of s.segment.redirects) if (!holdsScript(r.start, r.end, s.segment)) spans.push(r);
  }
  return found.filter((f) => !spans.some((sp) => sp.start <= f.at && f.at < sp.end)).map((f) => f.name);
}

// ---- ask (Claude Code) ------------------------------------------------------------------------

function askReasons(full: CommandEvaluation, ctx: JudgeContext): string[] {
  const out: string[] = [];
  if (full.diagnostics.length > 0) out.push(`the command does not parse: ${full.diagnostics[0]!.message}`);
  for (const s of full.segments) {
    const what = `${shown(s.segment.argv)}${placeOf(s.segment, full)}`;
    for (const m of s.matches) if (m.decision === 'prompt') out.push(`${what} needs approval: ${JSON.stringify(m.rule.pattern)} at ${ctx.ruleLocation(m.rule)}${justification(m)}`);
    for (const r of s.reasons) out.push(`escalint cannot see what ${what} runs (${r.id}: ${r.message})`);
  }
  return out;
}

// ---- text -------------------------------------------------------------------------------------

function ruleList(matches: readonly PrefixMatch[], decision: string, ctx: JudgeContext): string {
  return [...new Set(matches.filter((m) => m.decision === decision).map((m) => ctx.ruleLocation(m.rule)))].join(', ');
}

function named(items: readonly string[], sep = '; '): string {
  const more = items.length - MAX_NAMED;
  return items.slice(0, MAX_NAMED).join(sep) + (more > 0 ? `${sep}and ${more} more` : '');
}

/** A word quoted for POSIX sh, exactly (argv → command string). */
function posixQuote(w: string): string {
  return w !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`;
}

/** A word as a person would type it; invisible and control characters escaped (the text reaches a model). */
function shellQuote(w: string): string {
  if (w !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(w)) return w;
  const visible = w.replace(/[\x00-\x1f\x7f\u0085\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${visible.replace(/'/g, "'\\''")}'`;
}

function shown(argv: readonly string[]): string {
  const text = argv.map((w) => (/^[^\s'"\\]+$/.test(w) && !/[\x00-\x1f\x7f\u0085\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(w) ? w : shellQuote(w))).join(' ');
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
