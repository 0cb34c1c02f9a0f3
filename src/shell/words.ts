// What a consumer needs to know about a word: its value after quote removal and whether its
// run-time value is unknown (style.md house rule 7: dynamic words are explicit).
import type * as A from '../../grammar/shell/ast.js';
import { partsValue } from '../../grammar/shell/lexer.js';
import { printsNumber } from '../knowledge/shell-state.js';

export { partsValue };

export function wordValue(w: A.Word): string {
  return partsValue(w.parts);
}

// Pathname expansion (bash manual §3.5.8) when unquoted: `*`, `?`, or a bracket expression `[…]`.
const GLOB_RE = /[*?]|\[[^\]]*\]/;
// Brace expansion `{a,b}` or `{1..3}` (bash manual §3.5.1) in unquoted text.
const BRACE_RE = /\{[^{}\s]*(,|\.\.)[^{}\s]*\}/;

/** True when the word's value at run time is not its text: expansions, globs, `~`, braces. */
export function isDynamicWord(w: A.Word): boolean {
  return partsDynamic(w.parts, true);
}

export function partsDynamic(parts: A.WordPart[], atStart: boolean): boolean {
  let unquoted = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    switch (p.type) {
      case 'lit':
        if (p.array) return true;
        if (!p.quoted) {
          if (i === 0 && atStart && p.value.startsWith('~')) return true;
          if (GLOB_RE.test(p.value)) return true;
          unquoted += p.value;
        } else unquoted += '\0';
        break;
      case 'sgl':
      case 'ansi':
        unquoted += '\0';
        break;
      case 'dbl':
        if (p.parts.some((q) => q.type !== 'lit')) return true;
        unquoted += '\0';
        break;
      default:
        return true;
    }
  }
  return BRACE_RE.test(unquoted);
}

// ---- run-time evaluation (bash manual §6.5 "Shell Arithmetic") ------------------------------
//
// Arithmetic evaluates the *values* of the variables it names, recursively, and a value such as
// `a[$(id)]` runs `id` when its subscript is evaluated. These readers find, in the text of an
// expression (expansions kept as written, as partsValue gives them), which variables it reads
// and assigns and which parts have a value nobody can know from the script. They never allocate
// for text without names or expansions, so plain `$((1+2))` costs one scan.

/** One thing an expression reads or writes, with an offset into the script. */
export interface EvalFinding {
  /**
   * `read`: the value of variable `name` is evaluated (arithmetic) or used (names, prompts);
   * `assign`: arithmetic stores a number in `name`; `unknown`: a value that cannot be known
   * (`name` describes it: `$1`, the output of `$(…)`, …).
   */
  kind: 'read' | 'assign' | 'unknown';
  name: string;
  at: number;
  /** The array whose subscript holds the finding (a subscript of an associative array is not arithmetic). */
  under: string | null;
  /** For `assign`: it runs whenever the expression does (not after `?`, `&&`, `||` or inside parentheses). */
  certain: boolean;
  /** For `read`: what the value is used as, so what it must be to evaluate nothing. */
  need: ValueUse;
  /** Read by name in arithmetic (`x`, not `$x`): in the subscript of an associative array, that is a string key. */
  direct?: boolean;
}

/** A value read as arithmetic must be a number; as a name, a plain name; as a prompt, free of expansions. */
export type ValueUse = 'arithmetic' | 'name' | 'prompt';

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
/** An integer constant of bash arithmetic (`42`, `-1`, `0x1f`, `8#17`, `64#@_`) or blank (evaluates to 0). */
const INTEGER_LITERAL = /^[\t\n ]*(?:[-+][\t\n ]*)?(?:0[xX][0-9A-Fa-f]+|[0-9]+(?:#[0-9A-Za-z@_]+)?)?[\t\n ]*$/;
/** Special parameters that always expand to a number: `$#`, `$?`, `$$`, `$!`. */
const NUMERIC_SPECIALS = '#?$!';
/** `$((…))` as a whole value, `$[…]`, and `${#…}`: always a number. */
const NUMERIC_EXPANSION = /^(?:\$\(\(.*\)\)|\$\[.*\]|\$\{#[^}]+\})$/s;

export function isIntegerLiteral(text: string): boolean {
  return INTEGER_LITERAL.test(text);
}

/** `NAME`, `NAME[0]`: a variable name whose use evaluates nothing. */
export function isPlainName(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*(?:\[[0-9]+\])?$/.test(text);
}

/** Index of the bracket closing the one at `open` (`(`/`)`, `[`/`]`, `{`/`}`), skipping quotes and escapes; -1 if none. */
export function matchClose(t: string, open: number): number {
  const o = t[open]!;
  const c = o === '(' ? ')' : o === '[' ? ']' : '}';
  let depth = 0;
  for (let i = open; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === '\\') i++;
    else if (ch === "'" && o !== '[') {
      const q = t.indexOf("'", i + 1);
      if (q < 0) return -1;
      i = q;
    } else if (ch === o) depth++;
    else if (ch === c && --depth === 0) return i;
  }
  return -1;
}

/** A `${…}` expansion taken apart (bash manual §3.5.3 "Shell Parameter Expansion"). */
export interface ParamText {
  /** `${#x}`: a length, always a number. */
  length: boolean;
  /** `${!x}`: indirection (not `${!prefix*}` and not `${!a[@]}`, which list names and keys). */
  indirect: boolean;
  /** `${!prefix*}`, `${!a[@]}`: names or keys, nothing is evaluated. */
  listing: boolean;
  name: string;
  /** Text inside `[…]`, when subscripted; offset `subAt` into the expansion. */
  subscript: string | null;
  subAt: number;
  /** The operator (`:-`, `:`, `#`, `@P`, …) or '' when none; its operand text from `operandAt`. */
  op: string;
  operand: string;
  operandAt: number;
}

const PARAM_OP = /^(?::-|:=|:\?|:\+|-|=|\?|\+|##|#|%%|%|\/\/|\/#|\/%|\/|\^\^|\^|,,|,|@.|:)/;

/** Takes `${…}` apart; null for `$x` and for forms it does not know. */
export function parseParamText(raw: string): ParamText | null {
  if (!raw.startsWith('${') || !raw.endsWith('}')) return null;
  let j = 2;
  let length = false;
  let indirect = false;
  if (raw[j] === '#' && raw[j + 1] !== '}' && raw[j + 1] !== undefined && (NAME_CHAR.test(raw[j + 1]!) || '@*#?-$!'.includes(raw[j + 1]!))) {
    length = true;
    j++;
  } else if (raw[j] === '!' && raw[j + 1] !== '}') {
    indirect = true;
    j++;
  }
  const nameStart = j;
  if (raw[j] !== undefined && NAME_START.test(raw[j]!)) while (j < raw.length && NAME_CHAR.test(raw[j]!)) j++;
  else if (raw[j] !== undefined && /[0-9]/.test(raw[j]!)) while (j < raw.length && /[0-9]/.test(raw[j]!)) j++;
  else if (raw[j] !== undefined && '@*#?-$!_'.includes(raw[j]!)) j++;
  else return null;
  const name = raw.slice(nameStart, j);
  let listing = false;
  if (indirect && (raw[j] === '*' || raw[j] === '@') && j + 1 === raw.length - 1) {
    listing = true;
    j++;
  }
  let subscript: string | null = null;
  let subAt = 0;
  if (raw[j] === '[') {
    const close = matchClose(raw, j);
    if (close < 0) return null;
    subscript = raw.slice(j + 1, close);
    subAt = j + 1;
    j = close + 1;
    if (indirect && (subscript === '@' || subscript === '*')) listing = true;
  }
  const body = raw.slice(j, -1);
  const op = body === '' ? '' : (PARAM_OP.exec(body)?.[0] ?? '');
  return { length, indirect: indirect && !listing, listing, name, subscript, subAt, op, operand: body.slice(op.length), operandAt: j + op.length };
}

/**
 * Appends what evaluating the arithmetic expression `t` reads and assigns (bash manual §6.5:
 * names are evaluated as expressions; `$x` is expanded before; indexed subscripts are
 * arithmetic, §6.7 "Arrays"). `base` is the offset of `t` in the script. Nested `$((…))` are
 * skipped: they are expressions of their own, and their value is a number.
 */
export function scanArithmetic(t: string, base: number, out: EvalFinding[], under: string | null = null): void {
  let depth = 0;
  let conditional = false;
  let preIncDec = false;
  // Open subscripts `name[`, innermost last: one pass, however deep they nest (`a[a[a[…]]]`).
  let open: { name: string | null; at: number; outer: string | null; pre: boolean }[] | null = null;
  let i = 0;
  while (i < t.length) {
    const c = t[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '"' || c === "'") {
      i++;
      continue;
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c >= '0' && c <= '9') {
      // A constant, also `0x1f` and `base#digits` whose digits may be letters, `@` and `_`.
      while (i < t.length && (NAME_CHAR.test(t[i]!) || t[i] === '#' || t[i] === '@')) i++;
      preIncDec = false;
      continue;
    }
    if (NAME_START.test(c)) {
      let j = i + 1;
      while (j < t.length && NAME_CHAR.test(t[j]!)) j++;
      const name = t.slice(i, j);
      while (t[j] === ' ' || t[j] === '\t') j++;
      if (t[j] === '[') {
        // An array element: whether it is read or assigned is known after its subscript.
        (open ??= []).push({ name, at: base + i, outer: under, pre: preIncDec });
        under = name;
        i = j + 1;
        preIncDec = false;
        continue;
      }
      i = nameUse(t, j, name, base + i, under, depth === 0 && !conditional && under === null, preIncDec, out);
      preIncDec = false;
      continue;
    }
    if (c === '[') {
      (open ??= []).push({ name: null, at: base + i, outer: under, pre: false });
      i++;
      continue;
    }
    if (c === ']' && open && open.length > 0) {
      const f = open.pop()!;
      under = f.outer;
      let j = i + 1;
      while (t[j] === ' ' || t[j] === '\t') j++;
      i = f.name === null ? i + 1 : nameUse(t, j, f.name, f.at, under, depth === 0 && !conditional && under === null, f.pre, out);
      preIncDec = false;
      continue;
    }
    if (c === '$') {
      i = scanDollar(t, i, base, out, under, 'arithmetic');
      preIncDec = false;
      continue;
    }
    if (c === '`') {
      const close = t.indexOf('`', i + 1);
      if (!printsNumber(t.slice(i + 1, close < 0 ? t.length : close))) out.push({ kind: 'unknown', name: 'the output of `…`', at: base + i, under, certain: false, need: 'arithmetic' });
      i = close < 0 ? t.length : close + 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '?' || ((c === '&' || c === '|') && t[i + 1] === c)) conditional = true;
    else if ((c === ',' || c === ';') && depth === 0) conditional = false;
    preIncDec = t.startsWith('++', i) || t.startsWith('--', i);
    i += preIncDec || ((c === '&' || c === '|') && t[i + 1] === c) ? 2 : 1;
  }
}

/**
 * A variable (or array element) named in arithmetic, the operator after it at `t[j]`: `x = …`
 * only assigns; `x += …`, `x++`, `++x` read and assign; anything else reads. Returns where the
 * scan goes on.
 */
function nameUse(t: string, j: number, name: string, at: number, under: string | null, certain: boolean, pre: boolean, out: EvalFinding[]): number {
  const plain = t[j] === '=' && t[j + 1] !== '=';
  const compound = /^(?:\+|-|\*|\/|%|<<|>>|&|\^|\|)=/.test(t.slice(j, j + 3));
  const post = t.startsWith('++', j) || t.startsWith('--', j);
  if (!plain) out.push({ kind: 'read', name, at, under, certain: false, need: 'arithmetic', direct: true });
  if (plain || compound || post || pre) out.push({ kind: 'assign', name, at, under, certain, need: 'arithmetic' });
  return post ? j + 2 : j;
}

/**
 * Reads an expansion starting with `$` at `t[i]`; appends what its value depends on and returns
 * the index after it. In `arithmetic` the value becomes expression text; in `name` it becomes
 * (part of) a variable name.
 */
function scanDollar(t: string, i: number, base: number, out: EvalFinding[], under: string | null, use: 'arithmetic' | 'name'): number {
  const n = t[i + 1];
  const at = base + i;
  if (n === '(' || n === '[') {
    const close = matchClose(t, i + 1);
    const end = close < 0 ? t.length : close + 1;
    // `$((…))` and `$[…]` expand to a number; `$(…)` to output nobody knows, unless it is a count.
    if (n === '[' || t[i + 2] === '(' || printsNumber(t.slice(i + 2, end - 1))) return end;
    out.push({ kind: 'unknown', name: 'the output of $(…)', at, under, certain: false, need: 'arithmetic' });
    return end;
  }
  if (n === '{') {
    const close = matchClose(t, i + 1);
    const end = close < 0 ? t.length : close + 1;
    const p = parseParamText(t.slice(i, end));
    if (!p) {
      out.push({ kind: 'unknown', name: t.slice(i, end), at, under, certain: false, need: 'arithmetic' });
      return end;
    }
    if (p.length) return end;
    if (p.indirect || p.listing || p.op.startsWith('@') || p.op.startsWith('/')) {
      out.push({ kind: 'unknown', name: t.slice(i, end), at, under, certain: false, need: 'arithmetic' });
      return end;
    }
    paramRead(p.name, at, under, out, use);
    // `${x:-y}` and friends: the operand may become the value, so it is read the same way.
    if (/^:?[-=?+]$/.test(p.op)) {
      if (use === 'arithmetic') scanArithmetic(p.operand, at + p.operandAt, out, under);
      else scanName(p.operand, at + p.operandAt, out);
    }
    return end;
  }
  if (n !== undefined && NAME_START.test(n)) {
    let j = i + 1;
    while (j < t.length && NAME_CHAR.test(t[j]!)) j++;
    out.push({ kind: 'read', name: t.slice(i + 1, j), at, under, certain: false, need: use });
    return j;
  }
  if (n === undefined) return i + 1;
  if (NUMERIC_SPECIALS.includes(n)) return i + 2;
  if ((n >= '0' && n <= '9') || '@*-_'.includes(n)) {
    // Positional parameters, `$@`, `$*`, the option letters `$-`, the last argument `$_`.
    out.push({ kind: 'unknown', name: `$${n}`, at, under, certain: false, need: 'arithmetic' });
    return i + 2;
  }
  return i + 1;
}

function paramRead(name: string, at: number, under: string | null, out: EvalFinding[], use: ValueUse): void {
  if (NAME_START.test(name[0]!)) out.push({ kind: 'read', name, at, under, certain: false, need: use });
  else if (!NUMERIC_SPECIALS.includes(name)) out.push({ kind: 'unknown', name: `$${name}`, at, under, certain: false, need: 'arithmetic' });
}

/**
 * Appends what a variable *name* known only as text depends on (`printf -v "$n"`, `unset
 * "a[$i]"`, `[[ -v $x ]]`): expansions in the name part give the name (`read` findings whose
 * values must be plain names), and the subscript of an indexed array is arithmetic.
 */
export function scanName(t: string, base: number, out: EvalFinding[]): void {
  let i = 0;
  let literal = '';
  while (i < t.length) {
    const c = t[i]!;
    if (c === '[') {
      const close = matchClose(t, i);
      const end = close < 0 ? t.length : close;
      const sub = t.slice(i + 1, end);
      if (sub !== '@' && sub !== '*') scanArithmetic(sub, base + i + 1, out, /^[A-Za-z_][A-Za-z0-9_]*$/.test(literal) ? literal : null);
      i = end + 1;
      continue;
    }
    if (c === '$') {
      i = scanDollar(t, i, base, out, null, 'name');
      literal += '\0';
      continue;
    }
    if (c === '`') {
      const close = t.indexOf('`', i + 1);
      out.push({ kind: 'unknown', name: 'the output of `…`', at: base + i, under: null, certain: false, need: 'arithmetic' });
      i = close < 0 ? t.length : close + 1;
      continue;
    }
    literal += c;
    i++;
  }
}

/** What an assigned value is, for telling whether evaluating it later is safe. */
export type ValueKind =
  /** always a number: `$((…))`, `${#x}`, an arithmetic assignment, `$?` */
  | { kind: 'number' }
  /** literal text, known exactly */
  | { kind: 'literal'; text: string }
  /** the value of another variable: `x=$y` */
  | { kind: 'copy'; name: string }
  /** one of the indices of an array, `${!a[@]}`: numbers unless the array is associative */
  | { kind: 'keys'; name: string }
  /** anything else: command output, input, `$1`, a mix of expansions */
  | { kind: 'unknown'; why: string };

const NUMBER: ValueKind = { kind: 'number' };

/** Classifies the parts of an assigned value. */
export function valueKind(parts: readonly A.WordPart[]): ValueKind {
  if (parts.length === 1 && parts[0]!.type === 'dbl') return valueKind(parts[0]!.parts);
  let text = '';
  for (const p of parts) {
    if (p.type === 'lit' && !p.array) text += p.value;
    else if (p.type === 'sgl' || p.type === 'ansi') text += p.value;
    else if (p.type === 'dbl' && p.parts.every((q) => q.type === 'lit')) text += partsValue(p.parts);
    else return expansionKind(parts);
  }
  return { kind: 'literal', text };
}

function expansionKind(parts: readonly A.WordPart[]): ValueKind {
  if (parts.length === 1) {
    const p = parts[0]!;
    if (p.type === 'arith') return NUMBER;
    if (p.type === 'param') {
      if (NUMERIC_EXPANSION.test(p.raw)) return NUMBER;
      if (p.raw.length === 2 && NUMERIC_SPECIALS.includes(p.raw[1]!)) return NUMBER;
      const keys = /^\$\{!([A-Za-z_][A-Za-z0-9_]*)\[[@*]\]\}$/.exec(p.raw);
      if (keys) return { kind: 'keys', name: keys[1]! };
      if (p.raw === `$${p.name}` || p.raw === `\${${p.name}}`) {
        if (NAME_START.test(p.name)) return { kind: 'copy', name: p.name };
      }
      return { kind: 'unknown', why: p.raw };
    }
    if (p.type === 'cmdsubst') {
      if ((p.kind === '$(' || p.kind === '`') && printsNumber(p.raw.slice(p.kind.length, -1))) return NUMBER;
      return { kind: 'unknown', why: `the output of ${p.kind === '`' ? '`…`' : `${p.kind}…`}` };
    }
  }
  return { kind: 'unknown', why: partsValue(parts as A.WordPart[]) };
}

/**
 * Classifies an assigned value known only as text (expansions as written), as in the arguments
 * of `declare` or a `${x:=…}` operand: without `$` or backticks it is literal.
 */
export function textValueKind(text: string): ValueKind {
  if (!/[$`]/.test(text)) return { kind: 'literal', text };
  if (/^\$\(\(.*\)\)$/s.test(text) || /^\$\[.*\]$/s.test(text) || /^\$\{#[^}]+\}$/.test(text) || /^\$[#?$!]$/.test(text)) return NUMBER;
  if (/^\$\([^()]*\)$/.test(text) && printsNumber(text.slice(2, -1))) return NUMBER;
  const m = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})$/.exec(text);
  if (m) return { kind: 'copy', name: (m[1] ?? m[2])! };
  return { kind: 'unknown', why: text };
}

/** Splits the operand of `${x:offset:length}` at its top-level `:`; both are arithmetic (bash manual §3.5.3). */
export function splitSubstring(operand: string): [string, string | null] {
  let depth = 0;
  for (let i = 0; i < operand.length; i++) {
    const c = operand[i]!;
    if (c === '\\') i++;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '?') depth++; // `a ? b : c` inside the offset keeps its own `:`
    else if (c === ':' && depth === 0) return [operand.slice(0, i), operand.slice(i + 1)];
    else if (c === ':' && depth > 0) depth--;
  }
  return [operand, null];
}
