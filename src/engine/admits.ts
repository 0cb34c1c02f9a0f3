// What a prefix rule lets through: whether some command line it matches runs arbitrary code or
// destroys data, by reading the rule's tokens against the command-form tables
// (src/knowledge/command-forms.ts, code-runners.ts, destructive.ts). A rule matches every command
// that starts with its tokens (reference/codex-0.169.md §2), so `[python3]` admits
// `python3 -c '…'`, while `[python3, -m, pytest]` admits only what pytest does.
//
// The reading is a depth-first search over (form step, pattern position) against each form of the
// program, one pattern position at a time; a position's alternatives are tried in turn. A form is
// reached when the pattern is used up while the form can still continue (the command line can go on
// with the form's next words), or when the pattern gets through the whole form. The search keeps
// its own stack and visits each (step, position) once, so a pattern of any length costs linear time
// and no JavaScript stack.
//
// Each command line found is offered to the caller's `overridden` test first: the file's own
// prompt and forbidden rules may already stop it (`forbidden [git, push, --force]` next to
// `allow [git, push]`). The search then goes on with other spellings (`-f`, `--mirror`) and other
// forms, and reports only a command line that really gets through.
import { CODE_RUNNERS } from '../knowledge/code-runners.js';
import type { Form, OptionTable, ProgramForms, Step } from '../knowledge/command-forms.js';
import { DESTRUCTIVE } from '../knowledge/destructive.js';
import type { PatternElement, Rule, RuleSet } from '../types.js';
import { ruleIndexOf } from './match.js';
import { canonicalCaselessKey } from './canonical.js';

export type Risk = 'code' | 'destroy';

export interface Admitted {
  /** A command line the rule admits, shell-quoted, with placeholders for what the rule leaves open. */
  example: string;
  /** The same command line as tokens (placeholders included), as it was tested against `overridden`. */
  argv: string[];
  /** Why that command line runs code or destroys data. */
  reason: string;
  /** Whether a longer pattern could keep it out (false when the rest of the line runs as a script). */
  closable: boolean;
  /** A well-scoped pattern to suggest instead, when the program has a usual one. */
  narrower?: string[];
}

/** Whether a command line is stopped anyway (by a stricter rule of the file); by default nothing is. */
export type Overridden = (argv: readonly string[]) => boolean;

const never: Overridden = () => false;

/** Whether `pattern` admits a command line that runs arbitrary code and is not `overridden`. */
export function admitsCode(pattern: readonly PatternElement[], canonical: boolean, overridden: Overridden = never): Admitted | undefined {
  return analyze(pattern, 0, { canonical, risk: 'code', depth: 0, overridden, shared: { cache: new Map(), budget: MAX_STATES } });
}

/** Whether `pattern` admits a command line that destroys data (through wrappers such as `sudo` too) and is not `overridden`. */
export function admitsDestruction(pattern: readonly PatternElement[], canonical: boolean, overridden: Overridden = never): Admitted | undefined {
  return analyze(pattern, 0, { canonical, risk: 'destroy', depth: 0, overridden, shared: { cache: new Map(), budget: MAX_STATES } });
}

/** The program a pattern head names, as the tables key it: basename (`/` or `\\`), no `.exe`, lowercase. */
export function programKey(head: string): string {
  let name = head;
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  if (slash >= 0 && slash < name.length - 1) name = name.slice(slash + 1);
  name = name.replace(/\.exe$/i, '');
  return canonicalCaselessKey(name);
}

interface Context {
  canonical: boolean;
  risk: Risk;
  /** How many wrappers deep the command being read sits. */
  depth: number;
  overridden: Overridden;
  shared: {
    /**
     * Nested commands already read, by start position and depth. A result found while no command
     * line was overridden holds whatever wraps it; a hit is reused after testing it again.
     */
    cache: Map<string, { found: Admitted | undefined; general: boolean }>;
    /**
     * Search states left for the whole pattern, so that a hostile pattern cannot make the search
     * explode; when they run out, the pattern counts as admitting nothing more.
     */
    budget: number;
  };
}

/** Search states one pattern may cost at most; real rules need a few dozen. */
const MAX_STATES = 1_000_000;

/** Nested commands (`sudo env nice …`) are read this deep at most. */
const MAX_DEPTH = 8;

/** A versioned name (`python3.12`, `node18`, `lua5.4`) reads as its family when it has no entry of its own. */
function lookup(table: ReadonlyMap<string, ProgramForms>, key: string): ProgramForms | undefined {
  const direct = table.get(key);
  if (direct !== undefined) return direct;
  const stem = /^(.*[a-z])[\d.]+$/.exec(key);
  return stem ? table.get(stem[1]!) : undefined;
}

function tokensAt(el: PatternElement): readonly string[] {
  return typeof el === 'string' ? [el] : el;
}

/**
 * The table entries for a program, and whether only its nested commands count: in the destroy
 * reading the code-runner table still says where a wrapped command starts (`sudo rm -rf`), but
 * what a wrapper itself admits is arbitrary-code's business.
 */
function entriesFor(head: string, risk: Risk): [ProgramForms, boolean][] {
  const key = programKey(head);
  const entries: [ProgramForms, boolean][] = [];
  const primary = lookup(risk === 'code' ? CODE_RUNNERS : DESTRUCTIVE, key);
  if (primary) entries.push([primary, false]);
  if (risk === 'destroy') {
    const wrapper = lookup(CODE_RUNNERS, key);
    if (wrapper) entries.push([wrapper, true]);
  }
  return entries;
}

/** Reads the command that starts at position `start` of the pattern. */
function analyze(pattern: readonly PatternElement[], start: number, ctx: Context): Admitted | undefined {
  if (start >= pattern.length || ctx.depth > MAX_DEPTH) return undefined;
  for (const head of tokensAt(pattern[start]!)) {
    for (const [entry, nestedOnly] of entriesFor(head, ctx.risk)) {
      for (const form of entry.forms) {
        if (nestedOnly && !form.steps.some((st) => 'command' in st)) continue;
        const found = new FormWalk(pattern, start, form, entry, ctx, nestedOnly).run(head);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** `python3` stays as it is; anything with shell-special characters is single-quoted. */
function shellQuote(token: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(token)) return token;
  return `'${token.replace(/'/g, `'\\''`)}'`;
}

/** Tokens as a command line a person can read (and paste): `git -C 'my repo' push`. */
export function shellWords(tokens: readonly string[]): string {
  return tokens.map(shellQuote).join(' ');
}

function isGap(s: Step): boolean {
  return 'gap' in s;
}

/** A word of a candidate command line: what is tested against the rules, and how it is shown. */
interface Word {
  argv: string;
  shown: string;
}

/** Stands for "any command" or "any further words" when a candidate is tested against the rules: no rule names it. */
const ANY_WORD = '\u0000any';

/** At most this many spellings of the rest of a form are tried. */
const MAX_COMPLETIONS = 32;

/** The ways the rest of a form can look when the pattern ends before it, each spelling of each step. */
function completions(steps: readonly Step[]): Word[][] {
  let out: Word[][] = [[]];
  for (const s of steps) {
    let choices: Word[][];
    if ('word' in s) choices = s.word.map((w) => [{ argv: w, shown: w }]);
    else if ('like' in s) choices = s.examples.map((e) => [{ argv: e, shown: e }]);
    else if ('any' in s) choices = [[{ argv: s.any, shown: s.any }]];
    else if ('hole' in s) choices = [s.hole === '' ? [] : [{ argv: s.hole, shown: s.hole }]];
    else if ('command' in s) choices = [[{ argv: ANY_WORD, shown: "sh -c '…'" }]];
    else if ('rest' in s) choices = [[{ argv: ANY_WORD, shown: '…' }]];
    else choices = [[]];
    out = out.flatMap((o) => choices.map((c) => [...o, ...c])).slice(0, MAX_COMPLETIONS);
  }
  return out;
}

/**
 * A search state: at form step `si` and pattern position `pi`, reached from `prev` by taking the
 * pattern tokens `taken`; `words` is how they read in a command line (a pending option value adds a placeholder).
 */
interface Node {
  si: number;
  pi: number;
  prev: Node | undefined;
  taken: readonly string[];
  words: readonly Word[];
}

const plain = (tokens: readonly string[]): Word[] => tokens.map((t) => ({ argv: t, shown: shellQuote(t) }));

/** Long patterns are shown by their ends in examples. */
function clip(words: string[]): string[] {
  return words.length > 12 ? [...words.slice(0, 6), '…', ...words.slice(-5)] : words;
}

/** One pattern against one form: a depth-first search over (step, position), each visited once. */
class FormWalk {
  private readonly steps: readonly Step[];
  private readonly closable: boolean;

  constructor(
    private readonly pattern: readonly PatternElement[],
    /** Where the command starts in the pattern (after the wrappers around it). */
    private readonly start: number,
    private readonly form: Form,
    private readonly entry: ProgramForms,
    private readonly ctx: Context,
    /** Only a nested command's own finding counts (a wrapper in the destroy reading). */
    private readonly nestedOnly: boolean,
  ) {
    this.steps = entry.options ? [{ options: entry.options }, ...form.steps] : form.steps;
    // Nothing can be fixed in a form that takes the rest as a script, or that has no steps at all.
    this.closable = form.steps.length > 0 && !form.steps.some((st) => 'rest' in st);
  }

  run(head: string): Admitted | undefined {
    // A state's outcome depends only on (step, position), and positions only grow or steps advance,
    // so a state seen before has already failed (or the search would have stopped).
    const seen = new Set<number>();
    const stack: Node[] = [{ si: 0, pi: this.start + 1, prev: undefined, taken: [head], words: plain([head]) }];
    while (stack.length > 0) {
      if (--this.ctx.shared.budget < 0) return undefined;
      const node = stack.pop()!;
      const id = node.si * (this.pattern.length + 2) + node.pi;
      if (seen.has(id)) continue;
      seen.add(id);
      const next: Node[] = [];
      const hit = this.expand(node, next);
      if (hit) return hit;
      for (let k = next.length - 1; k >= 0; k--) stack.push(next[k]!);
    }
    return undefined;
  }

  private same(token: string, word: string): boolean {
    if (this.ctx.canonical) return canonicalCaselessKey(token) === canonicalCaselessKey(word);
    if (this.entry.caseInsensitive) return token.toLowerCase() === word.toLowerCase();
    return token === word;
  }

  private test(re: RegExp, token: string): boolean {
    if (re.test(token)) return true;
    if (this.ctx.canonical) return re.test(canonicalCaselessKey(token));
    return this.entry.caseInsensitive === true && re.test(token.toLowerCase());
  }

  private isOption(token: string, table?: OptionTable): boolean {
    const signs = table?.signs ?? '-';
    return token.length > 1 && signs.includes(token[0]!) && token !== '--';
  }

  private inList(token: string, list: readonly string[] | undefined): boolean {
    return list !== undefined && list.some((w) => this.same(token, w));
  }

  private isStop(token: string, table: OptionTable): boolean {
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    return this.inList(eq > 0 ? token.slice(0, eq) : token, table.stop) || (table.stopLike !== undefined && this.test(table.stopLike, token));
  }

  /** The tokens taken, and the words of the command line, on the way to `node`, in order. */
  private path(node: Node): { taken: string[]; words: Word[] } {
    const chain: Node[] = [];
    for (let n: Node | undefined = node; n; n = n.prev) chain.push(n);
    chain.reverse();
    return { taken: chain.flatMap((n) => n.taken), words: chain.flatMap((n) => n.words) };
  }

  /** The first of the candidate endings that the file does not stop anyway, as a finding. */
  private hit(node: Node, endings: Word[][]): Admitted | undefined {
    const { taken, words } = this.path(node);
    for (const ending of endings) {
      const argv = [...words, ...ending].map((w) => w.argv);
      if (this.ctx.overridden(argv)) continue;
      const shown = [...clip(words.map((w) => w.shown)), ...ending.map((w) => w.shown)].filter((w) => w !== '');
      const out: Admitted = { example: shown.join(' '), argv, reason: this.form.reason, closable: this.closable };
      if (this.entry.narrower) out.narrower = [taken[0]!, ...this.entry.narrower];
      return out;
    }
    return undefined;
  }

  /** The command that starts at `pi`, read with `prefix` (the wrapper so far) in front of it. */
  private nested(pi: number, prefix: readonly string[]): Admitted | undefined {
    const depth = this.ctx.depth + 1;
    const key = `${pi}:${depth}`;
    const overridden: Overridden = (argv) => this.ctx.overridden([...prefix, ...argv]);
    const cached = this.ctx.shared.cache.get(key);
    if (cached && (cached.general || (cached.found !== undefined && !overridden(cached.found.argv)))) return cached.found;
    let suppressed = false;
    const tracking: Overridden = (argv) => {
      const stopped = overridden(argv);
      if (stopped) suppressed = true;
      return stopped;
    };
    const found = analyze(this.pattern, pi, { ...this.ctx, depth, overridden: tracking });
    // Without any overridden command line, the outcome did not depend on the wrapper in front.
    this.ctx.shared.cache.set(key, { found, general: !suppressed });
    return found;
  }

  /** The pattern's words from `pi` on, then anything. */
  private restOfPattern(pi: number): Word[][] {
    const more = this.pattern.slice(pi).map((el) => tokensAt(el)[0]!);
    // Shown together (clipped when long), tested one by one.
    return [[...more.map((t) => ({ argv: t, shown: '' })), { argv: ANY_WORD, shown: [...clip(more.map(shellQuote)), '…'].join(' ') }]];
  }

  /** A hit from `node`, or its successors pushed onto `next` in the order to try them. */
  private expand(node: Node, next: Node[]): Admitted | undefined {
    const { steps, pattern } = this;
    const { si, pi } = node;
    if (pi >= pattern.length) {
      // The pattern is used up: whatever the form needs next can follow, unless it lies behind a
      // gap (no prefix rule could keep that out, see command-forms.ts) or it is a whole nested command.
      if (this.nestedOnly || steps.slice(si).some(isGap)) return undefined;
      return this.hit(node, completions(steps.slice(si)));
    }
    if (si >= steps.length) {
      // Through the whole form: what else the pattern says comes after it.
      if (this.nestedOnly) return undefined;
      return this.hit(node, this.restOfPattern(pi));
    }
    const s = steps[si]!;
    const alts = tokensAt(pattern[pi]!);
    const child = (dsi: number, tokens: string[]) => next.push({ si: si + dsi, pi: pi + tokens.length, prev: node, taken: tokens, words: plain(tokens) });
    const skip = () => next.push({ si: si + 1, pi, prev: node, taken: [], words: [] });

    if ('word' in s) {
      const a = alts.find((t) => s.word.some((w) => this.same(t, w)));
      if (a !== undefined) child(1, [a]);
    } else if ('like' in s) {
      const a = alts.find((t) => this.test(s.like, t));
      if (a !== undefined) child(1, [a]);
    } else if ('any' in s) {
      const a = alts.find((t) => !this.isOption(t));
      if (a !== undefined) child(1, [a]);
    } else if ('hole' in s) {
      // The pattern fixes the value.
    } else if ('rest' in s) {
      // The remaining words run as a script: reached by any operand.
      if (alts.some((t) => !this.isOption(t)) && !this.nestedOnly) return this.hit(node, this.restOfPattern(pi));
    } else if ('gap' in s) {
      skip();
      if (alts.length > 0) child(0, [alts[0]!]);
    } else if ('options' in s) {
      const table = s.options;
      skip();
      for (const a of alts) {
        const assignment = table.assignments === true && /^[A-Za-z_][A-Za-z0-9_]*=/.test(a);
        if (!assignment && (!this.isOption(a, table) || this.isStop(a, table))) continue;
        if (assignment || !this.inList(a, table.value)) child(0, [a]);
        else if (pi + 1 >= pattern.length) next.push({ si, pi: pi + 1, prev: node, taken: [a], words: [...plain([a]), { argv: 'x', shown: '…' }] });
        else child(0, [a, tokensAt(pattern[pi + 1]!)[0]!]);
      }
    } else {
      // A command: `--` before it ends the wrapper's options; then the pattern from here is read on its own.
      if (alts.includes('--')) child(0, ['--']);
      if (!alts.some((h) => entriesFor(h, this.ctx.risk).length > 0)) return undefined;
      // The nested reading tests its command lines with this wrapper in front of them.
      const { taken, words } = this.path(node);
      const prefix = words.map((w) => w.argv);
      const inner = this.nested(pi, prefix);
      if (inner) {
        const out: Admitted = { example: [...clip(words.map((w) => w.shown)), inner.example].join(' '), argv: [...prefix, ...inner.argv], reason: inner.reason, closable: inner.closable };
        if (inner.narrower) out.narrower = [...taken, ...inner.narrower];
        return out;
      }
    }
    return undefined;
  }
}

/** What each allow rule of a rule set admits, for the arbitrary-code and dangerous-allow checks. */
export interface AllowRisks {
  rule: Rule;
  /** Arbitrary code it lets through, if any (dangerous-allow leaves those rules to arbitrary-code). */
  code: Admitted | undefined;
  /** A destructive command it lets through, when it admits no arbitrary code. */
  destroy: Admitted | undefined;
}

const risksCache = new WeakMap<RuleSet, AllowRisks[]>();

/**
 * Every allow rule's risks, computed once per rule set: a command line that a prompt or
 * forbidden rule of the set stops anyway (asked of Codex's own matcher) is not let through.
 */
export function allowRisks(ruleSet: RuleSet): AllowRisks[] {
  let risks = risksCache.get(ruleSet);
  if (risks) return risks;
  risks = [];
  const { rules } = ruleSet;
  if (rules.some((r) => r.decision === 'allow')) {
    const index = ruleIndexOf(ruleSet);
    const overridden: Overridden = (argv) => index.match(argv, { resolveHostExecutables: true, cwd: '/' }).some((m) => m.decision !== 'allow');
    // A grown file repeats patterns (one line per approval): each distinct one is analysed once.
    const byPattern = new Map<string, Pick<AllowRisks, 'code' | 'destroy'>>();
    for (const rule of rules) {
      if (rule.decision !== 'allow') continue;
      const key = `${rule.canonicalMatching ? 'c' : 'e'}${JSON.stringify(rule.pattern)}`;
      let found = byPattern.get(key);
      if (!found) {
        const code = admitsCode(rule.pattern, rule.canonicalMatching, overridden);
        found = { code, destroy: code ? undefined : admitsDestruction(rule.pattern, rule.canonicalMatching, overridden) };
        byPattern.set(key, found);
      }
      if (found.code || found.destroy) risks.push({ rule, ...found });
    }
  }
  risksCache.set(ruleSet, risks);
  return risks;
}
