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
// test/rules/yaml-fast.test.ts compares the two on fixtures, the corpus and generated files.

/** A node with the shape yaml.ts's later stages read: `range`, and `value`/`type` for scalars. */
export interface FastNode {
  range: [number, number, number];
  /** Scalars: the resolved value. */
  value?: unknown;
  /** Scalars: how the value was written, as the `yaml` package names it. */
  type?: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
  /** Sequences: the items. */
  items?: FastNode[];
  /** Mappings: value and key node by key. */
  pairs?: Map<string, { value: FastNode; key: FastNode }>;
}

export interface FastScalar {
  pointer: string;
  shape: string;
  node: FastNode;
}

export interface FastResult {
  data: unknown;
  root: FastNode;
  /** The scalars `keepScalar` asked for, in document order, with pointer and shape. */
  scalars: FastScalar[];
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
const SMALL_INT = /^(?:0|[1-9][0-9]{0,14})$/;
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** Characters that cannot start a plain scalar (`-` is handled apart: it may start `-rf`). */
const PLAIN_START_BAD = new Set(['?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
/** Flow nesting the fast reader follows; deeper files go to the full reader and its limits. */
const MAX_FLOW_DEPTH = 16;
const MAX_BLOCK_DEPTH = 32;

/** Blank and comment lines between two content lines. */
interface Gap {
  /** Offset of the next content token (or the end of the text). */
  end: number;
  /** Largest indentation of a comment line in the gap, -1 when none. */
  maxCommentIndent: number;
  /** Taken by a collection that ended here (its range runs to `end`). */
  consumed: boolean;
}

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
  private gap: Gap = { end: 0, maxCommentIndent: -1, consumed: false };
  /** Indentation of the collection that holds the value on the last content line read. */
  private ownerIndent = 0;
  private readonly path: string[] = [];
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
    const out: { data: unknown } = { data: undefined };
    const root = this.blockMap(0, 0, out, 1);
    if (this.atContent) giveUp(); // content after the top-level mapping ended
    return { data: out.data, root, scalars: this.scalars };
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
      this.gap = { end: i, maxCommentIndent: maxComment, consumed: false };
      return;
    }
    this.atContent = false;
    this.gap = { end: this.n, maxCommentIndent: maxComment, consumed: false };
  }

  /** Where a block collection of indentation `indent` that ends at the current gap ends (range[2]). */
  private collectionEnd(indent: number, valueEnd: number): number {
    // `yaml` hands trailing comment lines to the parent collection unless one of them is indented
    // at least as deep as this collection (top-level collections always hand them on).
    const g = this.gap;
    if (!g.consumed && indent > 0 && g.maxCommentIndent >= indent) {
      g.consumed = true;
      return g.end;
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
    for (const seg of this.path) s += /^[0-9]+$/.test(seg) ? '/#' : `/${seg}`;
    return s;
  }

  private scalar(start: number, end: number, value: unknown, type: FastNode['type']): FastNode {
    const node: FastNode = { range: [start, end, end], value, type };
    if (this.keepScalar(value, type!)) this.scalars.push({ pointer: this.pointer(), shape: this.shape(), node });
    return node;
  }

  /**
   * A block mapping whose first key starts at `col` on the current line (after `- ` for a mapping
   * in a sequence item). Stores the data in `out.data`.
   */
  private blockMap(col: number, indent: number, out: { data: unknown }, depth: number): FastNode {
    if (depth > this.maxDepth) giveUp();
    const text = this.text;
    const data: Record<string, unknown> = {};
    const pairs = new Map<string, { value: FastNode; key: FastNode }>();
    out.data = data;
    const start = this.lineStart + col;
    let valueEnd = start;
    let keyAt = start;
    for (;;) {
      KEY.lastIndex = keyAt;
      if (!KEY.test(text)) giveUp();
      const colon = KEY.lastIndex - 1;
      const name = text.slice(keyAt, colon);
      if (pairs.has(name) || name === '__proto__' || CORE_NON_STRING.test(name)) giveUp();
      const key: FastNode = { range: [keyAt, colon, colon], value: name, type: 'PLAIN' };
      this.path.push(name);
      let i = colon + 1;
      while (i < this.lineEnd && text.charCodeAt(i) === 0x20) i++;
      const slot: { data: unknown } = { data: undefined };
      let value: FastNode;
      if (i === this.lineEnd || (text.charCodeAt(i) === 0x23 && i > colon + 1)) {
        // `key:` with its value on the next lines: a deeper block, or a sequence at the key's column.
        // Comments here belong before the value (the pair's separator), so any indentation is fine.
        this.advance(this.lineEnd + 1, false);
        if (!this.atContent) giveUp(); // empty value (null)
        if (this.indent > indent) value = this.blockNode(slot, depth + 1);
        else if (this.indent === indent && this.isSeqItem(this.lineStart + indent)) value = this.blockSeq(indent, slot, depth + 1);
        else giveUp();
        valueEnd = value.range[2];
      } else {
        value = this.inlineValue(i, slot, depth + 1);
        valueEnd = value.range[2];
        this.ownerIndent = indent;
        this.advance(this.lineEnd + 1);
      }
      this.path.pop();
      data[name] = slot.data;
      pairs.set(name, { value, key });
      if (!this.atContent || this.indent < indent) break;
      if (this.indent > indent) giveUp(); // a continuation line or a wrongly indented key
      if (this.isSeqItem(this.lineStart + indent)) {
        // `- ` at the mapping's own column ends it only where a same-column sequence could not.
        giveUp();
      }
      keyAt = this.lineStart + indent;
    }
    return { range: [start, valueEnd, this.collectionEnd(indent, valueEnd)], pairs };
  }

  private isSeqItem(at: number): boolean {
    const c = this.text.charCodeAt(at + 1);
    return this.text.charCodeAt(at) === 0x2d /* - */ && (c === 0x20 || c === 0x0a || at + 1 >= this.n);
  }

  /** A block collection starting at the current line's indentation. */
  private blockNode(out: { data: unknown }, depth: number): FastNode {
    if (this.isSeqItem(this.lineStart + this.indent)) return this.blockSeq(this.indent, out, depth);
    return this.blockMap(this.indent, this.indent, out, depth);
  }

  /** A block sequence whose `-` are at column `indent`. */
  private blockSeq(indent: number, out: { data: unknown }, depth: number): FastNode {
    if (depth > this.maxDepth) giveUp();
    const text = this.text;
    const data: unknown[] = [];
    const items: FastNode[] = [];
    out.data = data;
    const start = this.lineStart + indent;
    let valueEnd = start;
    for (;;) {
      const dash = this.lineStart + indent;
      let i = dash + 1;
      while (i < this.lineEnd && text.charCodeAt(i) === 0x20) i++;
      if (i === this.lineEnd || i === dash + 1) giveUp(); // `-` alone: the item is on later lines
      this.path.push(String(items.length));
      const slot: { data: unknown } = { data: undefined };
      let item: FastNode;
      KEY.lastIndex = i;
      if (KEY.test(text)) {
        // `- key: value`: a mapping whose column is the key's.
        item = this.blockMap(i - this.lineStart, i - this.lineStart, slot, depth + 1);
      } else {
        if (this.isSeqItem(i)) giveUp(); // `- - x`
        item = this.inlineValue(i, slot, depth + 1);
        this.ownerIndent = indent;
        this.advance(this.lineEnd + 1);
      }
      this.path.pop();
      data.push(slot.data);
      items.push(item);
      valueEnd = item.range[2];
      if (!this.atContent || this.indent < indent) break;
      if (this.indent > indent) giveUp();
      if (!this.isSeqItem(this.lineStart + indent)) break; // a key of the mapping this sequence is in
    }
    return { range: [start, valueEnd, this.collectionEnd(indent, valueEnd)], items };
  }

  /** A scalar or flow sequence that starts at `i` and ends on the current line. */
  private inlineValue(i: number, out: { data: unknown }, depth: number): FastNode {
    const text = this.text;
    const c = text[i]!;
    let node: FastNode;
    if (c === '[') {
      node = this.flowSeq(i, out, depth);
    } else if (c === '"' || c === "'") {
      node = this.quoted(i, out);
    } else {
      if (PLAIN_START_BAD.has(c) || (c === '-' && (i + 1 >= this.lineEnd || text[i + 1] === ' '))) giveUp();
      let end = i;
      for (; end < this.lineEnd; end++) {
        const d = text.charCodeAt(end);
        if (d === 0x23 /* # */ && text.charCodeAt(end - 1) === 0x20) break;
        if (d === 0x3a /* : */ && (end + 1 >= this.lineEnd || text.charCodeAt(end + 1) === 0x20)) giveUp();
      }
      while (text.charCodeAt(end - 1) === 0x20) end--;
      node = this.plain(i, end, out);
    }
    node.range[2] = this.endLine(node.range[1]);
    return node;
  }

  private plain(start: number, end: number, out: { data: unknown }): FastNode {
    const source = this.text.slice(start, end);
    let value: unknown = source;
    if (CORE_NON_STRING.test(source)) {
      if (SMALL_INT.test(source)) value = Number(source);
      else if (BOOLEAN.test(source)) value = source.charCodeAt(0) === 0x74 || source.charCodeAt(0) === 0x54;
      else giveUp();
    }
    out.data = value;
    return this.scalar(start, end, value, 'PLAIN');
  }

  /** A one-line quoted scalar starting at `i`. */
  private quoted(i: number, out: { data: unknown }): FastNode {
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
    out.data = value;
    return this.scalar(i, j + 1, value, q === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE');
  }

  /** A flow sequence on one line, starting at the `[` at `i`. */
  private flowSeq(i: number, out: { data: unknown }, depth: number): FastNode {
    if (depth > this.maxDepth || depth > MAX_FLOW_DEPTH) giveUp();
    const text = this.text;
    const data: unknown[] = [];
    const items: FastNode[] = [];
    out.data = data;
    let j = this.skipSpaces(i + 1);
    if (text[j] === ']') return { range: [i, j + 1, j + 1], items };
    for (;;) {
      this.path.push(String(items.length));
      const slot: { data: unknown } = { data: undefined };
      const c = text[j];
      let item: FastNode;
      if (c === '[') item = this.flowSeq(j, slot, depth + 1);
      else if (c === '"' || c === "'") item = this.quoted(j, slot);
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
        item = this.plain(j, end, slot);
      }
      this.path.pop();
      data.push(slot.data);
      items.push(item);
      j = this.skipSpaces(item.range[1]);
      const d = text[j];
      if (d === ']') return { range: [i, j + 1, j + 1], items };
      if (d !== ',') giveUp();
      j = this.skipSpaces(j + 1);
      if (text[j] === ']' || text[j] === ',') giveUp(); // trailing or empty entry
    }
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
