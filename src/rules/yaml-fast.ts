// A fast reader for the plain subset of YAML that rule files are written in: block mappings with
// simple keys, block sequences, one-line flow sequences and one-line scalars, with comments and
// blank lines. It builds what yaml.ts's walk over the `yaml` package's nodes builds (plain data,
// JSON-pointer → node ranges, the scalars the schema stage looks at), with the same ranges the
// `yaml` package gives ([start, value end, node end], eemeli/yaml's `range`), at a fraction of the
// cost: one pass, no CST, no Document, no generators.
//
// It reads a file only when it is sure to read it as `yaml` does; anything else — anchors, tags,
// aliases, directives, several documents, block scalars, multi-line scalars or flow collections,
// flow mappings, complex or quoted keys, duplicate keys, empty values, numbers other than plain
// decimal integers, tabs, CR line ends, control characters, any syntax error — makes it give up
// (return null), and the full `yaml` pipeline reads the file and reports what is wrong.
// test/rules/yaml-fast.test.ts compares the two on the check fixtures, rules.example.yaml,
// generated rule files, a table of edge cases and random files built from the subset's pieces.

/**
 * Where every value of the file is, as two flat integer arrays rather than an object per node:
 * a 10,000-rule file has some 100,000 values, and small objects for each cost more in garbage
 * collection (they all live until loading ends) than reading the file does, while typed arrays
 * live outside the collected heap. Node objects are made on demand by `fastLookup`.
 *
 * `nodes` holds NODE_SIZE numbers per value, in document order (the root is value 0): its range
 * as the `yaml` package gives it (start, value end, node end after trailing comments), its key's
 * start and end in the enclosing mapping (-1 otherwise; keys are plain text, so a key's source is
 * its name), and, for a collection, where its children are listed in `kids` (-1 for a scalar).
 * `kids` holds per collection: the number of children, 1 for a mapping or 0 for a sequence, then
 * the children's value numbers.
 */
export interface FastTree {
  nodes: Int32Array;
  kids: Int32Array;
}

const NODE_SIZE = 6;

/** A growable Int32Array. */
class IntList {
  a = new Int32Array(256);
  length = 0;

  /** Makes room for `k` more entries and returns where they start. */
  grow(k: number): number {
    const at = this.length;
    if (at + k > this.a.length) {
      const b = new Int32Array(Math.max(2 * this.a.length, at + k));
      b.set(this.a);
      this.a = b;
    }
    this.length = at + k;
    return at;
  }

  push(v: number): void {
    this.a[this.grow(1)] = v;
  }

  /** The entries, without the spare room. */
  done(): Int32Array {
    return this.a.subarray(0, this.length);
  }
}

/** A scalar as the schema stage reads it. */
export interface FastScalarNode {
  range: [number, number, number];
  value: unknown;
  type: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
}

export interface FastScalar {
  pointer: string;
  shape: string;
  node: FastScalarNode;
}

export interface FastResult {
  data: unknown;
  root: FastTree;
  /** The scalars `keepScalar` asked for, in document order, with pointer and shape. */
  scalars: FastScalar[];
}

type Range = [number, number, number];

/**
 * The value and key ranges at a JSON pointer (`/rules/0/pattern`) in a file the fast reader read
 * (`text`), or undefined when there is no such value. Segments are compared without unescaping:
 * the fast reader's keys never hold `~` or `/`.
 */
export function fastLookup(
  text: string,
  tree: FastTree,
  pointer: string,
): { value: { range: Range }; key: { range: Range } | null } | undefined {
  const id = fastFind(text, tree, pointer);
  if (id < 0) return undefined;
  const { nodes } = tree;
  const n = NODE_SIZE * id;
  const value: Range = [nodes[n]!, nodes[n + 1]!, nodes[n + 2]!];
  const k = nodes[n + 3]!;
  return { value: { range: value }, key: k >= 0 ? { range: [k, nodes[n + 4]!, nodes[n + 4]!] } : null };
}

/** The value's range (start and value end) at a JSON pointer, as `fastLookup` finds it. */
export function fastValueRange(text: string, tree: FastTree, pointer: string): [number, number] | undefined {
  const id = fastFind(text, tree, pointer);
  return id < 0 ? undefined : [tree.nodes[NODE_SIZE * id]!, tree.nodes[NODE_SIZE * id + 1]!];
}

/** The number of the value at a JSON pointer, or -1. */
function fastFind(text: string, tree: FastTree, pointer: string): number {
  const { nodes, kids } = tree;
  let id = 0;
  let pos = pointer.length === 0 ? -1 : 1;
  while (pos >= 0) {
    let next = pointer.indexOf('/', pos);
    if (next < 0) next = pointer.length;
    const table = nodes[NODE_SIZE * id + 5]!;
    if (table < 0) return -1; // below a scalar
    const count = kids[table]!;
    let at = -1;
    if (kids[table + 1] === 1) {
      const len = next - pos;
      for (let i = 0; i < count && at < 0; i++) {
        const child = kids[table + 2 + i]!;
        const k = nodes[NODE_SIZE * child + 3]!;
        if (nodes[NODE_SIZE * child + 4]! - k !== len) continue;
        let same = true;
        for (let c = 0; c < len && same; c++) same = text.charCodeAt(k + c) === pointer.charCodeAt(pos + c);
        if (same) at = i;
      }
    } else {
      // A list index: digits without a leading zero.
      let v = 0;
      for (let i = pos; i < next; i++) {
        const d = pointer.charCodeAt(i) - 0x30;
        if (d < 0 || d > 9 || (i === pos && d === 0 && next - pos > 1) || v > 1e9) return -1;
        v = v * 10 + d;
      }
      at = next > pos ? v : -1;
    }
    if (at < 0 || at >= count) return -1;
    id = kids[table + 2 + at]!;
    pos = next < pointer.length ? next + 1 : -1;
  }
  return id;
}

/** Thrown (and caught in readFastYaml) when the text leaves the subset. */
const GIVE_UP = Symbol('give up');

// Anything that is not printable ASCII, LF or ordinary Unicode text: tabs, CR, C0/C1 controls,
// DEL, BOM, line/paragraph separators and non-characters all have rules of their own in YAML.
const UNUSUAL_CHAR = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
const KEY = /[A-Za-z_][A-Za-z0-9_-]*:(?=[ \n]|$)/y;
// YAML 1.2 core schema (what the `yaml` package resolves plain scalars with).
const CORE_NON_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))?$/;
/** Whether a plain scalar starting with this character can resolve to a non-string (CORE_NON_STRING). */
function mayBeNonString(c: number): boolean {
  // ~ + - . 0-9 and the first letters of null, true, false (either case)
  return c === 0x7e || c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39) || (c | 0x20) === 0x6e || (c | 0x20) === 0x74 || (c | 0x20) === 0x66;
}
const SMALL_INT = /^(?:0|[1-9][0-9]{0,14})$/;
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** Characters that cannot start a plain scalar (`-` is handled apart: it may start `-rf`). */
const PLAIN_START_BAD = new Set(['?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
/** Flow nesting the fast reader follows; deeper files go to the full reader and its limits. */
const MAX_FLOW_DEPTH = 16;
const MAX_BLOCK_DEPTH = 32;
/** Keys of one mapping (keys are found by scanning; rule files have a handful per mapping). */
const MAX_KEYS = 64;

/**
 * Reads `text` when it is in the subset; null otherwise. `keepScalar` says which scalars the
 * caller wants listed (with pointer and shape); the rest are not listed, to save the strings.
 */
export function readFastYaml(
  text: string,
  keepScalar: (value: unknown, type: string) => boolean,
  maxDepth: number,
): FastResult | null {
  if (UNUSUAL_CHAR.test(text)) return null;
  try {
    return new FastReader(text, keepScalar, Math.min(maxDepth, MAX_BLOCK_DEPTH)).read();
  } catch (err) {
    if (err === GIVE_UP) return null;
    throw err;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

class FastReader {
  private readonly n: number;
  /** The current content line: its start, indentation and end (offset of `\n` or text end). */
  private lineStart = 0;
  private indent = 0;
  private lineEnd = 0;
  /** False at the end of the text. */
  private atContent = false;
  /**
   * The blank and comment lines before the current content line: where the next content token
   * is (or the text ends), the deepest comment's indentation (-1: none), and whether a
   * collection that ended there took them (its range then runs to `gapEnd`).
   */
  private gapEnd = 0;
  private gapMaxComment = -1;
  private gapConsumed = false;
  /** Indentation of the collection that holds the value on the last content line read. */
  private ownerIndent = 0;
  /** Keys and list indices from the root to the value being read. */
  private readonly path: (string | number)[] = [];
  /** What the last value read left: its data, its value number and range. */
  private data: unknown = undefined;
  private id = 0;
  private end = 0;
  private end2 = 0;
  private readonly nodes = new IntList();
  private readonly kids = new IntList();
  /** Child value numbers of the collections being read (each copied to `kids` when complete). */
  private readonly idStack: number[] = [];
  /** Data of the sequences being read (each copied out at its exact size when complete). */
  private readonly dataStack: unknown[] = [];
  /** The last scalar read, when it went into `scalars`. */
  private kept: FastScalarNode | null = null;
  private readonly scalars: FastScalar[] = [];

  constructor(
    private readonly text: string,
    private readonly keepScalar: (value: unknown, type: string) => boolean,
    private readonly maxDepth: number,
  ) {
    this.n = text.length;
  }

  read(): FastResult {
    this.advance(0, false);
    if (!this.atContent || this.indent !== 0) giveUp();
    this.blockMap(0, 1);
    if (this.atContent) giveUp(); // content after the top-level mapping ended
    return { data: this.data, root: { nodes: this.nodes.done(), kids: this.kids.done() }, scalars: this.scalars };
  }

  /**
   * Moves to the next content line at or after `from` (a line start), recording the blank and
   * comment lines passed. A comment line indented deeper than the collection of the previous
   * value attaches to that value in `yaml`'s CST (changing its range): give up on it.
   */
  private advance(from: number, checkComments = true): void {
    const text = this.text;
    let pos = from;
    let maxComment = -1;
    while (pos < this.n) {
      let eol = text.indexOf('\n', pos);
      if (eol < 0) eol = this.n;
      let i = pos;
      while (i < eol && text.charCodeAt(i) === 0x20) i++;
      if (i === eol) {
        pos = eol + 1;
        continue;
      }
      if (text.charCodeAt(i) === 0x23 /* # */) {
        const indent = i - pos;
        if (checkComments && indent > this.ownerIndent) giveUp();
        if (indent > maxComment) maxComment = indent;
        pos = eol + 1;
        continue;
      }
      this.lineStart = pos;
      this.indent = i - pos;
      this.lineEnd = eol;
      this.atContent = true;
      this.setGap(i, maxComment);
      return;
    }
    this.atContent = false;
    this.setGap(this.n, maxComment);
  }

  private setGap(end: number, maxComment: number): void {
    this.gapEnd = end;
    this.gapMaxComment = maxComment;
    this.gapConsumed = false;
  }

  /** Where a block collection of indentation `indent` that ends at the current gap ends (range[2]). */
  private collectionEnd(indent: number, valueEnd: number): number {
    // `yaml` hands trailing comment lines to the parent collection unless one of them is indented
    // at least as deep as this collection (top-level collections always hand them on).
    if (!this.gapConsumed && indent > 0 && this.gapMaxComment >= indent) {
      this.gapConsumed = true;
      return this.gapEnd;
    }
    return valueEnd;
  }

  /** After a value ending at `pos` on the current line: only spaces and a comment may follow. */
  private endLine(pos: number): number {
    const text = this.text;
    let i = pos;
    while (i < this.lineEnd && text.charCodeAt(i) === 0x20) i++;
    if (i < this.lineEnd && !(text.charCodeAt(i) === 0x23 && i > pos)) giveUp();
    return this.lineEnd < this.n ? this.lineEnd + 1 : this.n;
  }

  private pointer(): string {
    return this.path.length === 0 ? '' : `/${this.path.join('/')}`;
  }

  private shape(): string {
    let s = '';
    for (const seg of this.path) s += typeof seg === 'number' ? '/#' : `/${seg}`;
    return s;
  }

  /** Leaves a scalar as the last value read. */
  private scalar(start: number, end: number, value: unknown, type: FastScalarNode['type']): void {
    this.kept = null;
    if (this.keepScalar(value, type)) {
      this.kept = { range: [start, end, end], value, type };
      this.scalars.push({ pointer: this.pointer(), shape: this.shape(), node: this.kept });
    }
    this.data = value;
    const n = this.nodes.grow(NODE_SIZE);
    this.id = n / NODE_SIZE;
    this.setNode(n, start, end, end);
    this.end = end;
    this.end2 = end;
  }

  /** Reserves the value number of a collection that starts now (document order). */
  private open(): number {
    const n = this.nodes.grow(NODE_SIZE);
    this.setNode(n, 0, 0, 0);
    return n / NODE_SIZE;
  }

  private setNode(n: number, start: number, end: number, end2: number): void {
    const a = this.nodes.a;
    a[n] = start;
    a[n + 1] = end;
    a[n + 2] = end2;
    a[n + 3] = -1;
    a[n + 4] = -1;
    a[n + 5] = -1;
  }

  /** Completes a collection: its range, its children (above `base` on the id stack), its data. */
  private close(id: number, start: number, end: number, end2: number, map: boolean, base: number, data: unknown): void {
    const n = NODE_SIZE * id;
    const ids = this.idStack;
    const count = ids.length - base;
    const k = this.kids.grow(count + 2);
    const nodes = this.nodes.a;
    nodes[n] = start;
    nodes[n + 1] = end;
    nodes[n + 2] = end2;
    nodes[n + 5] = k;
    const kids = this.kids.a;
    kids[k] = count;
    kids[k + 1] = map ? 1 : 0;
    for (let i = 0; i < count; i++) kids[k + 2 + i] = ids[base + i]!;
    ids.length = base;
    this.data = data;
    this.id = id;
    this.end = end;
    this.end2 = end2;
  }

  /** Copies a finished sequence's data off the stack, at its exact size. */
  private popData(base: number): unknown[] {
    const data = this.dataStack.slice(base);
    this.dataStack.length = base;
    return data;
  }

  /**
   * A block mapping whose keys are at column `indent`; the first starts on the current line (after
   * `- ` for a mapping in a sequence item).
   */
  private blockMap(indent: number, depth: number): void {
    if (depth > this.maxDepth) giveUp();
    const text = this.text;
    const data: Record<string, unknown> = {};
    const id = this.open();
    const base = this.idStack.length;
    let count = 0;
    const start = this.lineStart + indent;
    let valueEnd = start;
    let keyAt = start;
    for (;;) {
      KEY.lastIndex = keyAt;
      if (!KEY.test(text)) giveUp();
      const colon = KEY.lastIndex - 1;
      const name = text.slice(keyAt, colon);
      if (count >= MAX_KEYS || name === '__proto__' || CORE_NON_STRING.test(name)) giveUp();
      if (Object.hasOwn(data, name)) giveUp(); // duplicate key
      this.path.push(name);
      let i = colon + 1;
      while (i < this.lineEnd && text.charCodeAt(i) === 0x20) i++;
      if (i === this.lineEnd || (text.charCodeAt(i) === 0x23 && i > colon + 1)) {
        // `key:` with its value on the next lines: a deeper block, or a sequence at the key's column.
        // Comments here belong before the value (the pair's separator), so any indentation is fine.
        this.advance(this.lineEnd + 1, false);
        if (!this.atContent) giveUp(); // empty value (null)
        if (this.indent > indent) this.blockNode(depth + 1);
        else if (this.indent === indent && this.isSeqItem(this.lineStart + indent)) this.blockSeq(indent, depth + 1);
        else giveUp();
      } else {
        this.inlineValue(i, depth + 1);
        this.ownerIndent = indent;
        this.advance(this.lineEnd + 1);
      }
      this.path.pop();
      data[name] = this.data;
      valueEnd = this.end2;
      this.nodes.a[NODE_SIZE * this.id + 3] = keyAt;
      this.nodes.a[NODE_SIZE * this.id + 4] = colon;
      this.idStack.push(this.id);
      count++;
      if (!this.atContent || this.indent < indent) break;
      if (this.indent > indent) giveUp(); // a continuation line or a wrongly indented key
      // `- ` at the mapping's own column: a sequence only right after `key:`, so an error here.
      if (this.isSeqItem(this.lineStart + indent)) giveUp();
      keyAt = this.lineStart + indent;
    }
    this.close(id, start, valueEnd, this.collectionEnd(indent, valueEnd), true, base, data);
  }

  private isSeqItem(at: number): boolean {
    const c = this.text.charCodeAt(at + 1);
    return this.text.charCodeAt(at) === 0x2d /* - */ && (c === 0x20 || c === 0x0a || at + 1 >= this.n);
  }

  /** A block collection starting at the current line's indentation. */
  private blockNode(depth: number): void {
    if (this.isSeqItem(this.lineStart + this.indent)) this.blockSeq(this.indent, depth);
    else this.blockMap(this.indent, depth);
  }

  /** A block sequence whose `-` are at column `indent`. */
  private blockSeq(indent: number, depth: number): void {
    if (depth > this.maxDepth) giveUp();
    const text = this.text;
    const dataBase = this.dataStack.length;
    const id = this.open();
    const base = this.idStack.length;
    const start = this.lineStart + indent;
    let valueEnd = start;
    for (;;) {
      const dash = this.lineStart + indent;
      let i = dash + 1;
      while (i < this.lineEnd && text.charCodeAt(i) === 0x20) i++;
      if (i === this.lineEnd || i === dash + 1) giveUp(); // `-` alone: the item is on later lines
      this.path.push(this.dataStack.length - dataBase);
      KEY.lastIndex = i;
      if (KEY.test(text)) {
        // `- key: value`: a mapping whose column is the key's.
        this.blockMap(i - this.lineStart, depth + 1);
      } else {
        if (this.isSeqItem(i)) giveUp(); // `- - x`
        this.inlineValue(i, depth + 1);
        this.ownerIndent = indent;
        this.advance(this.lineEnd + 1);
      }
      this.path.pop();
      valueEnd = this.end2;
      this.idStack.push(this.id);
      this.dataStack.push(this.data);
      if (!this.atContent || this.indent < indent) break;
      if (this.indent > indent) giveUp();
      if (!this.isSeqItem(this.lineStart + indent)) break; // a key of the mapping this sequence is in
    }
    this.close(id, start, valueEnd, this.collectionEnd(indent, valueEnd), false, base, this.popData(dataBase));
  }

  /** A scalar or flow sequence that starts at `i` and ends on the current line. */
  private inlineValue(i: number, depth: number): void {
    const text = this.text;
    const c = text[i]!;
    if (c === '[') {
      this.flowSeq(i, depth);
    } else if (c === '"' || c === "'") {
      this.quoted(i);
    } else {
      if (PLAIN_START_BAD.has(c) || (c === '-' && (i + 1 >= this.lineEnd || text[i + 1] === ' '))) giveUp();
      let end = i;
      for (; end < this.lineEnd; end++) {
        const d = text.charCodeAt(end);
        if (d === 0x23 /* # */ && text.charCodeAt(end - 1) === 0x20) break;
        if (d === 0x3a /* : */ && (end + 1 >= this.lineEnd || text.charCodeAt(end + 1) === 0x20)) giveUp();
      }
      while (text.charCodeAt(end - 1) === 0x20) end--;
      this.plain(i, end);
    }
    this.end2 = this.endLine(this.end);
    this.nodes.a[NODE_SIZE * this.id + 2] = this.end2;
    if (this.kept && this.kept.range[0] === this.nodes.a[NODE_SIZE * this.id]) this.kept.range[2] = this.end2;
  }

  private plain(start: number, end: number): void {
    const source = this.text.slice(start, end);
    let value: unknown = source;
    if (mayBeNonString(source.charCodeAt(0)) && CORE_NON_STRING.test(source)) {
      if (SMALL_INT.test(source)) value = Number(source);
      else if (BOOLEAN.test(source)) value = source.charCodeAt(0) === 0x74 || source.charCodeAt(0) === 0x54;
      else giveUp();
    }
    this.scalar(start, end, value, 'PLAIN');
  }

  /** A one-line quoted scalar starting at `i`. */
  private quoted(i: number): void {
    const text = this.text;
    const q = text[i]!;
    let value = '';
    let j = i + 1;
    let run = j;
    for (;;) {
      if (j >= this.lineEnd) giveUp(); // not closed on this line
      const c = text[j]!;
      if (c === q) {
        if (q === "'" && text[j + 1] === "'") {
          value += text.slice(run, j + 1);
          j += 2;
          run = j;
          continue;
        }
        value += text.slice(run, j);
        break;
      }
      if (c === '\\' && q === '"') {
        value += text.slice(run, j);
        const e = text[j + 1];
        const simple = e === undefined ? undefined : ESCAPES[e];
        if (simple !== undefined) {
          value += simple;
          j += 2;
        } else if (e === 'u' || e === 'x') {
          const len = e === 'u' ? 4 : 2;
          const hex = text.slice(j + 2, j + 2 + len);
          if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) giveUp();
          const code = parseInt(hex, 16);
          if (code >= 0xd800 && code <= 0xdfff) giveUp();
          value += String.fromCharCode(code);
          j += 2 + len;
        } else giveUp();
        run = j;
        continue;
      }
      j++;
    }
    this.scalar(i, j + 1, value, q === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE');
  }

  /** A flow sequence on one line, starting at the `[` at `i`. */
  private flowSeq(i: number, depth: number): void {
    if (depth > this.maxDepth || depth > MAX_FLOW_DEPTH) giveUp();
    const text = this.text;
    const dataBase = this.dataStack.length;
    const id = this.open();
    const base = this.idStack.length;
    let j = this.skipSpaces(i + 1);
    while (text[j] !== ']') {
      this.path.push(this.dataStack.length - dataBase);
      const c = text[j];
      if (c === '[') this.flowSeq(j, depth + 1);
      else if (c === '"' || c === "'") this.quoted(j);
      else {
        if (c === undefined || PLAIN_START_BAD.has(c) || j >= this.lineEnd) giveUp();
        if (c === '-' && (j + 1 >= this.lineEnd || text[j + 1] === ' ')) giveUp();
        let end = j;
        for (; end < this.lineEnd; end++) {
          const d = text.charCodeAt(end);
          if (d === 0x2c || d === 0x5b || d === 0x5d || d === 0x7b || d === 0x7d) break; // , [ ] { }
          if (d === 0x3a /* : */) giveUp();
          if (d === 0x23 /* # */ && text.charCodeAt(end - 1) === 0x20) giveUp();
        }
        while (text.charCodeAt(end - 1) === 0x20) end--;
        this.plain(j, end);
      }
      this.path.pop();
      this.idStack.push(this.id);
      this.dataStack.push(this.data);
      j = this.skipSpaces(this.end);
      if (text[j] === ']') break;
      if (text[j] !== ',') giveUp();
      j = this.skipSpaces(j + 1);
      if (text[j] === ']' || text[j] === ',') giveUp(); // trailing or empty entry
    }
    this.close(id, i, j + 1, j + 1, false, base, this.popData(dataBase));
  }

  private skipSpaces(j: number): number {
    while (j < this.lineEnd && this.text.charCodeAt(j) === 0x20) j++;
    if (j >= this.lineEnd) giveUp(); // the flow sequence goes on past the line
    return j;
  }
}

/** Double-quoted escapes the fast reader decodes (YAML 1.2 §5.7); others make it give up. */
const ESCAPES: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '0': '\0',
  ' ': ' ',
};
