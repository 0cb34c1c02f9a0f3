// The categorical prefix of one command: the rule a reviewer should accept for it (design.md §8).
// Codex tells its model that a proposed prefix_rule should be "categorical and reasonably scoped to
// similar capabilities", never "the entire command": `cargo test -p codex-app-server` → `cargo test`.
// `escalint suggest` proposes it, and the too-specific and whole-command checks compare patterns
// with it.
//
// How a command is read, in this order:
// 1. wrappers (src/knowledge/wrappers.ts: `sudo`, `timeout 60`, `npx`, `uv run` …) keep their own
//    words as written and add the categorical prefix of the command they run;
// 2. command shapes (src/knowledge/command-shapes.ts) name the capability words (`docker compose
//    up`, `kubectl get pods`) and the options that may precede them. Those options are left out of
//    the prefix: `git -C x status` → `git status`, because a rule with the option is a different,
//    narrower rule that only matches commands written with that very option;
// 3. interpreters (src/knowledge/interpreters.ts): a module is a capability (`python3 -m pytest`),
//    a script or inline code is not;
// 4. anything else: the leading words before the first argument value (a flag, path, URL, number,
//    hash, version, file name, quoted text, long token or `KEY=VAL`), at least the program.
// A prefix on Codex's banned list (reference/codex-0.169.md §4), or one that would let the rule run
// any code or command, is never returned: `prefix` is null and `reason` says why.
import { basename } from 'node:path/posix';
import { isCodexBanned } from '../knowledge/codex-banned.js';
import { commandShape, isFileExtension, isModeValue, isWholeProjectOperand, whyUnsafe, type CommandShape, type OptionKind } from '../knowledge/command-shapes.js';
import { interpreterSpec, type InterpreterSpec } from '../knowledge/interpreters.js';
import { own } from '../knowledge/lookup.js';
import { lookupProgram } from '../util/program-name.js';
import { shlexTryJoin } from '../rules/shlex.js';
import { SHELLS, wrapperSpec, type WrapperSpec } from '../knowledge/wrappers.js';

/**
 * What a word of the command is: part of the capability (the prefix); an option left out of the
 * prefix; a flag (or the mode an option picks, `-o json`) or an argument value after the
 * capability; or an operand meaning "the whole project" (`.`, `./...`), which keeps a rule
 * categorical.
 */
export type TokenRole = 'capability' | 'option' | 'flag' | 'value' | 'all';

export interface TokenInfo {
  token: string;
  role: TokenRole;
  /** For a value: why it is one (`a path`, `a version`, `the value of "-p"`, `an argument of "git push"`). */
  kind?: string;
  /** An option, or its value, placed before the capability words and left out of the prefix (`-C x`). */
  skipped?: boolean;
}

export interface PrefixSuggestion {
  /** The categorical prefix, or null when no prefix is safe to allow (banned by Codex, or runs any code). */
  prefix: string[] | null;
  /** Why: the capability and what was left out, or why there is no safe prefix. */
  reason: string;
  /** The capability words even when `prefix` is null (`["python3"]` for `python3 x.py`); empty for an empty command. */
  categorical: string[];
  /** One entry per word of the command. */
  tokens: TokenInfo[];
  /** The options (and their values) before the capability words that the prefix leaves out. */
  skipped: string[];
  /** The capability (or that of a command it wraps) is on Codex's banned list (`python3`, `rm`, `npm run`). */
  banned: boolean;
}

/** Nested commands (`sudo timeout 5 nice …`, `pnpm pnpm …`) are followed this deep; deeper words are read generically. */
const MAX_DEPTH = 16;

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=(?!=)/;

/** The kind of a value with `*` or `?`, which Codex matches literally (the glob-literal check's concern). */
export const GLOB_KIND = 'a glob';

// ---------------------------------------------------------------------------------------------
// Argument values by their look.

function isVersion(t: string): boolean {
  return (
    /^v?\d+(\.\d+)+([-+][\w.-]+)?$/.test(t) || // 1.2.3, v20.1.0-rc.1
    /[^@/]@[\^~]?(\d|latest|next|beta|alpha|canary|rc|lts)/i.test(t) || // lodash@4.17.21, vite@latest
    /[=<>~!]=\s*\d/.test(t) || // requests==2.31, django>=4.2
    /\w[<>]\d/.test(t) // django<5
  );
}

/**
 * Why `token` looks like an argument value rather than a capability word, or undefined. `.`-style
 * whole-project operands and flags are judged by the callers.
 */
export function valueSignal(token: string): string | undefined {
  const t = token;
  if (t === '') return 'an empty string';
  if (/[\s"'`]/.test(t)) return 'quoted text';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t) || /^[\w.-]+@[\w.-]+:\S/.test(t)) return 'a URL';
  if (ASSIGNMENT.test(t)) return 'an assignment';
  if (/[*?]/.test(t)) return GLOB_KIND;
  if (/[$`{}[\]]/.test(t)) return 'a variable or brace';
  if (/^[^@\s/]+@[^@\s/]+\.[A-Za-z]{2,}$/.test(t)) return 'an address';
  if (isVersion(t)) return 'a version';
  if (/^[\w][\w./-]*:\d[\w.-]*$/.test(t)) return 'a tag or port'; // node:20, localhost:3000
  if (/^[0-9a-f]{7,64}$/i.test(t) && /\d/.test(t) && /[a-f]/i.test(t)) return 'a hash';
  if (/^[+-]?\d+([.,_:]\d+)*[a-zA-Z%]{0,2}$/.test(t) || /^#\d+$/.test(t) || /^:\d+$/.test(t)) return 'a number';
  if (/[/\\]/.test(t) || /^~/.test(t) || t === '..') return 'a path';
  if (/\w[~^]\d*$/.test(t) || /\w\.\.\.?\w/.test(t)) return 'a revision'; // HEAD~3, main^, main..feature
  if (/^\.\w[\w.-]*$/.test(t)) return 'a file name'; // .env, .venv
  const dot = t.lastIndexOf('.');
  if (dot > 0 && dot < t.length - 1 && isFileExtension(t.slice(dot + 1))) return 'a file name';
  if (t.length >= 64 || (t.length >= 32 && /[0-9A-Z_]/.test(t))) return 'a long token';
  return undefined;
}

function isOptionWord(t: string): boolean {
  return t.length > 1 && (t.startsWith('-') || t.startsWith('+')) && t !== '--';
}

/** A word that can name a capability: no flag, no value signal, not a whole-project operand. */
function isPlainWord(t: string): boolean {
  return !t.startsWith('-') && !t.startsWith('+') && !isWholeProjectOperand(t) && valueSignal(t) === undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading a command, level by level (a wrapper's command is a level of its own).

type Roles = (TokenInfo | undefined)[];

interface Reader {
  argv: readonly string[];
  out: Roles;
  /** Set when some level's capability is on Codex's banned list. */
  banned: boolean;
}

const cap = (token: string): TokenInfo => ({ token, role: 'capability' });

/** The program's name for table lookups: `./gradlew` → gradlew, `prettier@3` → prettier. */
function toolName(word: string): string {
  let name = word.includes('/') && !word.endsWith('/') ? basename(word) : word;
  const at = name.indexOf('@', 1);
  if (at > 0) name = name.slice(0, at);
  return name;
}


/**
 * Marks the words from `from` on as flags, values and whole-project operands. `owner` is the
 * capability so far, for the description of plain arguments.
 */
function classifyRest(r: Reader, from: number, owner: string | undefined): void {
  let afterFlag: string | undefined;
  for (let i = from; i < r.argv.length; i++) {
    const t = r.argv[i]!;
    if (t === '--') {
      r.out[i] = { token: t, role: 'flag' };
      afterFlag = undefined;
      continue;
    }
    if (isOptionWord(t) && !/^-\d/.test(t)) {
      const eq = t.indexOf('=');
      if (eq > 0) {
        // `--output=dist/app.js` carries a value; `--format=json` only picks a mode.
        const signal = valueSignal(t.slice(eq + 1)) ?? (/^-D[^=]/.test(t) ? 'an assignment' : undefined);
        if (signal !== undefined) {
          r.out[i] = { token: t, role: 'value', kind: `${signal} in "${t.slice(0, eq)}"` };
          afterFlag = undefined;
          continue;
        }
      }
      r.out[i] = { token: t, role: 'flag' };
      afterFlag = t;
      continue;
    }
    if (isWholeProjectOperand(t)) {
      r.out[i] = { token: t, role: 'all' };
      afterFlag = undefined;
      continue;
    }
    if (afterFlag !== undefined && isModeValue(t)) {
      r.out[i] = { token: t, role: 'flag' }; // `-o json`, `-D warnings`: the option's mode
      afterFlag = undefined;
      continue;
    }
    const kind = valueSignal(t) ?? (afterFlag !== undefined ? `the value of "${afterFlag}"` : owner !== undefined ? `an argument of "${owner}"` : 'an argument');
    r.out[i] = { token: t, role: 'value', kind };
    afterFlag = undefined;
  }
}

function capabilityText(r: Reader, start: number, end: number): string {
  const words: string[] = [];
  for (let i = start; i < end; i++) if (r.out[i]?.role === 'capability') words.push(r.argv[i]!);
  return words.join(' ');
}

function label(tokens: readonly string[]): string {
  return `[${tokens.map((t) => JSON.stringify(t)).join(', ')}]`;
}

interface FoundOption {
  kind: OptionKind;
  /** The value is part of the same word (`--directory=x`, `-n5`, `+nightly`). */
  attached: boolean;
}

/** An option known to a shape (or to the shapes it is nested in), in any of its spellings. */
function findOption(chain: readonly CommandShape[], t: string): FoundOption | undefined {
  for (let k = chain.length - 1; k >= 0; k--) {
    const options = chain[k]!.options;
    if (options === undefined) continue;
    const exact = own<OptionKind>(options, t);
    if (exact !== undefined) return { kind: exact, attached: false };
    const eq = t.indexOf('=');
    if (eq > 1) {
      const named = own<OptionKind>(options, t.slice(0, eq));
      if (named !== undefined) return { kind: named, attached: true };
    }
    if (t.startsWith('+')) {
      const plus = own<OptionKind>(options, '+');
      if (plus !== undefined) return { kind: plus, attached: true };
    }
    if (/^-[A-Za-z]/.test(t) && t.length > 2 && own<OptionKind>(options, t.slice(0, 2)) === 'value') return { kind: 'value', attached: true };
  }
  return undefined;
}

/** Walks a command shape: options before capability words are skipped, capability words kept. */
function readShape(r: Reader, start: number, shape: CommandShape, depth: number): string | undefined {
  const { argv, out } = r;
  out[start] = cap(argv[start]!);
  const chain: CommandShape[] = [shape];
  let node = shape;
  let subs = shape.sub;
  let remaining = shape.words ?? 0;
  let i = start + 1;
  while (i < argv.length && (remaining > 0 || subs !== undefined)) {
    const t = argv[i]!;
    if (isOptionWord(t)) {
      const opt = findOption(chain, t);
      if (opt === undefined) break;
      out[i] = { token: t, role: 'option', skipped: true };
      if (opt.kind === 'value' && !opt.attached && i + 1 < argv.length) {
        out[i + 1] = { token: argv[i + 1]!, role: 'value', kind: `the value of option "${t}"`, skipped: true };
        i += 2;
      } else {
        i += 1;
      }
      continue;
    }
    const sub = subs !== undefined ? own<CommandShape>(subs, t) : undefined;
    if (sub !== undefined) {
      out[i] = cap(t);
      node = sub;
      chain.push(sub);
      subs = sub.sub;
      remaining = sub.words ?? 0;
      i++;
      continue;
    }
    if (remaining > 0 && isPlainWord(t)) {
      const runs = node.delegates === true && depth < MAX_DEPTH ? commandShape(toolName(t)) : undefined;
      if (runs !== undefined) return readShape(r, i, runs, depth + 1); // `pnpm vitest run`: vitest's own shape
      out[i] = cap(t);
      remaining--;
      subs = undefined; // sub-command names apply only right after their parent
      i++;
      continue;
    }
    break;
  }
  // Options after the last capability word were not before one: they are this command's arguments.
  let lastCap = start;
  for (let j = start + 1; j < i; j++) if (out[j]?.role === 'capability') lastCap = j;
  for (let j = lastCap + 1; j < i; j++) out[j] = undefined;
  classifyRest(r, lastCap + 1, capabilityText(r, start, lastCap + 1));
  return node.runsCode;
}

/** Unwraps a wrapper (wrappers.ts): its words stay as written, then the command it runs is read. */
function readWrapper(r: Reader, start: number, name: string, spec: WrapperSpec, depth: number): string | undefined {
  const { argv, out } = r;
  const n = argv.length;
  out[start] = cap(argv[start]!);
  let i = start + 1;
  if (spec.subcommands !== undefined) out[i] = cap(argv[i++]!);
  const wrapper = () => argv.slice(start, i).join(' ');
  const unsafe = (why: string) => {
    classifyRest(r, i, undefined);
    return why;
  };
  let exec = false;
  let argsMode = false;
  while (i < n) {
    const t = argv[i]!;
    if (spec.assignments === true && ASSIGNMENT.test(t)) {
      out[i++] = cap(t);
      continue;
    }
    if (t === '--') {
      out[i++] = cap(t);
      argsMode = true;
      break;
    }
    if (!t.startsWith('-') || t === '-') break;
    const eq = t.indexOf('=');
    const opt = t.startsWith('--') && eq > 0 ? t.slice(0, eq) : t;
    const attachedTo = (list: readonly string[] | undefined) =>
      list !== undefined && list.some((o) => opt === o || (!o.startsWith('--') && o.length === 2 && t.startsWith(o) && !t.startsWith('--')));
    out[i] = cap(t);
    if (spec.noCommandOptions?.includes(opt)) {
      i++;
      classifyRest(r, i, wrapper());
      return undefined;
    }
    if (attachedTo(spec.scriptOptions) || attachedTo(spec.splitOptions)) {
      i++;
      return unsafe(`${name} ${opt} runs the shell script given to it`);
    }
    if (spec.execOptions?.includes(opt)) exec = true;
    if (spec.argsOptions?.includes(opt)) {
      i++;
      argsMode = true;
      break;
    }
    if (spec.valueOptions?.includes(t) && i + 1 < n) {
      out[i + 1] = cap(argv[i + 1]!);
      i += 2;
      continue;
    }
    i++;
  }
  if (spec.kind === 'joined-script' && !exec) return unsafe(`${name} ${spec.reason}`);
  if (!argsMode) {
    for (let k = 0; k < (spec.positionals ?? 0) && i < n; k++) out[i] = cap(argv[i++]!);
    if (argv[i] === '--') out[i] = cap(argv[i++]!);
  }
  if (i >= n) return unsafe(`${wrapper()} ${spec.reason}: a rule on it allows any command`);
  return read(r, i, depth + 1);
}

/** An interpreter (interpreters.ts): a module or a known entry point is a capability, code is not. */
function readInterpreter(r: Reader, start: number, name: string, spec: InterpreterSpec, depth: number): string | undefined {
  const { argv, out } = r;
  const n = argv.length;
  out[start] = cap(argv[start]!);
  const why = whyUnsafe(name) ?? spec.reason;
  let i = start + 1;
  for (; i < n; i++) {
    const t = argv[i]!;
    if (t === '-' && spec.dashIsStdin === true) {
      out[i] = cap(t);
      classifyRest(r, i + 1, undefined);
      return `${name} - runs the program read from standard input`;
    }
    if (t === '--') {
      out[i] = { token: t, role: 'option', skipped: true };
      i++;
      break;
    }
    if (!t.startsWith('-')) break;
    const short = !t.startsWith('--');
    if (spec.codeOptions.some((o) => t === o || (short && o.length === 2 && t.startsWith(o)))) {
      out[i] = cap(t);
      classifyRest(r, i + 1, undefined);
      return `${name} ${t} runs the code given to it`;
    }
    if (spec.moduleOptions?.includes(t)) {
      out[i] = cap(t);
      if (i + 1 >= n) return why;
      // `python3 -m pytest …`: the module is a command of its own (pytest, pip, http.server).
      return read(r, i + 1, depth + 1);
    }
    if (spec.programFileOptions?.includes(t)) {
      out[i] = cap(t);
      classifyRest(r, i + 1, undefined);
      return `${name} ${t} runs the program file given to it`;
    }
    out[i] = { token: t, role: 'option', skipped: true };
    if (spec.valueOptions?.includes(t) && i + 1 < n) {
      i++;
      out[i] = { token: argv[i]!, role: 'value', kind: `the value of option "${t}"`, skipped: true };
    }
  }
  if (i >= n) return spec.stdinProgram === true ? `${name} runs the program read from standard input` : why;
  // A script with sub-commands of its own (`python manage.py migrate`, `php artisan migrate`).
  const entry = commandShape(toolName(argv[i]!));
  if (entry?.entryPoint === true) return readShape(r, i, entry, depth + 1);
  classifyRest(r, i, undefined);
  return why;
}

function readGeneric(r: Reader, start: number): void {
  const { argv, out } = r;
  out[start] = cap(argv[start]!);
  let i = start + 1;
  while (i < argv.length && isPlainWord(argv[i]!)) out[i] = cap(argv[i++]!);
  classifyRest(r, i, undefined);
}

/** Reads the command starting at `start`; returns why no prefix of it is safe, or undefined. */
function read(r: Reader, start: number, depth: number): string | undefined {
  const head = r.argv[start]!;
  const name = toolName(head);
  let unsafe: string | undefined;
  const wrapper = depth < MAX_DEPTH ? wrapperSpec(name) : undefined;
  const shape = lookupProgram(name, commandShape);
  if (wrapper !== undefined && (wrapper.subcommands === undefined || wrapper.subcommands.includes(r.argv[start + 1] ?? ''))) {
    unsafe = readWrapper(r, start, name, wrapper, depth);
  } else if (shape !== undefined) {
    unsafe = readShape(r, start, shape, depth);
  } else if (own<string>(SHELLS, name) !== undefined) {
    readGeneric(r, start);
    unsafe = whyUnsafe(name) ?? `${name} runs any shell script`;
  } else {
    const interpreter = depth < MAX_DEPTH ? lookupProgram(name, interpreterSpec) : undefined;
    if (interpreter !== undefined) {
      unsafe = readInterpreter(r, start, name, interpreter, depth);
    } else {
      readGeneric(r, start);
    }
  }
  const categorical = r.argv.filter((_, i) => i >= start && r.out[i]?.role === 'capability');
  if (isCodexBanned(categorical)) {
    r.banned = true;
    const why = whyUnsafe(name) ?? lookupProgram(name, whyUnsafe) ?? unsafe ?? `${name} is on Codex's banned list`;
    return `${why}, and Codex refuses ${label(categorical)} as a rule`;
  }
  return unsafe;
}

// ---------------------------------------------------------------------------------------------

/** Words as one quoted command-line fragment: `"-m 'fix typo'"`. */
function quoteWords(words: readonly string[]): string {
  return JSON.stringify(shlexTryJoin(words) ?? words.join(' '));
}

/**
 * Answers by command: a grown rule file repeats the same command lines (Codex appends one per
 * approval), and several checks ask about the same pattern. Bounded, so a long-lived process
 * (the hook, a library user) does not grow without end; results are never mutated.
 */
const memo = new Map<string, PrefixSuggestion>();
const MEMO_LIMIT = 50_000;

/** The categorical prefix a reviewer should accept for `argv`, or null with the reason there is none. */
export function suggestPrefix(argv: readonly string[]): PrefixSuggestion {
  const key = argv.join('\u0000');
  let s = memo.get(key);
  if (s === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, (s = readPrefix(argv)));
  }
  return s;
}

function readPrefix(argv: readonly string[]): PrefixSuggestion {
  if (argv.length === 0) return { prefix: null, reason: 'the command is empty', categorical: [], tokens: [], skipped: [], banned: false };
  const r: Reader = { argv, out: new Array<TokenInfo | undefined>(argv.length), banned: false };
  const unsafe = read(r, 0, 0);
  const first = r.out.findIndex((t) => t === undefined);
  if (first >= 0) classifyRest(r, first, undefined); // every path classifies its words; this is a safety net
  const tokens = r.out as TokenInfo[];
  const categorical = argv.filter((_, i) => tokens[i]!.role === 'capability');
  const skipped = tokens.filter((t) => t.skipped === true).map((t) => t.token);
  const base = { categorical, tokens, skipped, banned: r.banned };
  if (unsafe !== undefined) return { ...base, prefix: null, reason: `no categorical prefix is safe: ${unsafe}` };

  const rest = tokens.filter((t) => t.role !== 'capability' && t.skipped !== true).map((t) => t.token);
  let reason = `${quoteWords(categorical)} names the capability`;
  if (rest.length > 0) reason += `; ${quoteWords(rest)} ${rest.length === 1 ? 'is an argument' : 'are arguments'} of this one command`;
  if (skipped.length > 0) reason += `; ${quoteWords(skipped)} is left out, since a rule with it only matches commands written with it`;
  return { ...base, prefix: categorical, reason };
}
