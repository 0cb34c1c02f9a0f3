// Loads a YAML rule file (design.md §2) into rules with exact positions. Stages, in order:
// limits before parsing (yaml-limits.ts) → the fast reader for the plain subset rule files are
// written in (yaml-fast.ts), or else the CST and documents of the `yaml` package (v2) → refused
// constructs (directives, several documents, anchors, aliases, tags, duplicate and complex keys)
// → plain data plus a map from JSON pointer to YAML node → JSON Schema (ajv) with errors mapped
// back to nodes (yaml-schema-errors.ts) → Rule objects (yaml-build.ts).
import { createRequire } from 'node:module';
import type { Node } from 'yaml';
import type { LoaderDiagnostic, LoaderMessageId } from '../checks/structural.js';
import type { Diagnostic } from '../types.js';
import type { RuleFileLoad } from './load.js';
import { validateRuleFileData } from './schema.js';
import { buildRuleFileParts } from './yaml-build.js';
import { fastLookup, fastValueRange, readFastYaml, type FastTree } from './yaml-fast.js';
import { decodeRuleFile } from './decode.js';
import { DEFAULT_MAX_DEPTH, firstTooDeep } from './yaml-limits.js';
import { mapSchemaErrors, nonStringScalarDiagnostics, scalarNeedsCheck } from './yaml-schema-errors.js';

// The `yaml` package (70-odd CommonJS modules) is loaded only when the fast reader gives up:
// most rule files never need it, and `escalint check` starts faster without it.
const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
function yamlPackage(): typeof import('yaml') {
  return (yamlModule ??= require('yaml') as typeof import('yaml'));
}

export interface YamlLoadOptions {
  /** Largest accepted file, in bytes (default 5 MiB). */
  maxBytes?: number;
  /** Deepest accepted nesting of collections (default 100). */
  maxDepth?: number;
  /**
   * `auto` (default): the fast reader for the plain subset (YAML: yaml-fast.ts; `.rules`: the lines
   * Codex writes, starlark-fast.ts), the full reader for anything else; `full`: always the full
   * reader (the `yaml` package; the Starlark grammar), the reference the fast readers are tested
   * against.
   */
  reader?: 'auto' | 'full';
}

/** What the later stages read of a node: its range, and value and style for scalars. */
export interface SourceNode {
  range?: readonly [number, number, number] | null;
}

export interface ScalarNode extends SourceNode {
  value: unknown;
  /** `PLAIN`, `QUOTE_DOUBLE`, … as the `yaml` package names scalar styles. */
  type?: string | null;
}

/** Where each value of the data came from: the value node and, for a mapping entry, its key. */
export interface NodeRef {
  value: SourceNode | null;
  key: SourceNode | null;
}

/** The data of a YAML document with its source map; shared by the later stages. */
export interface YamlData {
  file: string;
  text: string;
  data: unknown;
  /**
   * JSON pointer (`/rules/0/pattern`, as ajv's `instancePath`) → nodes; `valueRange`, when
   * present, gives the value's start and end alone (cheaper: used once or more per rule).
   */
  nodes: { get(pointer: string): NodeRef | undefined; valueRange?(pointer: string): readonly [number, number] | undefined };
  /**
   * Scalar values the schema stage must look at (see `scalarNeedsCheck`: those not read as
   * strings, and plain YAML 1.1 booleans), with pointer and shape (list indices as `#`).
   */
  scalars: { pointer: string; shape: string; node: ScalarNode }[];
  /** Pointers whose value was already reported (an alias, a non-string token): no schema noise below them. */
  reported: Set<string>;
  /** True when some node has an anchor or a tag. */
  hasProps: boolean;
}

/** The most diagnostics of one kind reported for one file; the rest are summarised. */
const MAX_PER_KIND = 50;

export function loadYamlRuleFile(
  path: string,
  input: string | Uint8Array,
  options: YamlLoadOptions = {},
): RuleFileLoad {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const diags = new DiagnosticList(path);
  const refuse = (text: string): RuleFileLoad => ({ ...emptyParts(text), diagnostics: diags.sorted() });

  // 1. Limits, before any parsing: size and UTF-8 (the guard every reader shares), then depth.
  const decoded = decodeRuleFile(input, options.maxBytes);
  if (decoded.problem) {
    const p = decoded.problem;
    diags.add(p.messageId, p.start, p.end, p.message);
    return refuse(decoded.text);
  }
  const text = decoded.text;
  const deep = firstTooDeep(text, maxDepth);
  if (deep >= 0) {
    diags.add('too-deep', deep, deep + 1, `nesting deeper than ${maxDepth} levels; a rule file never needs this much`);
    return refuse(text);
  }

  // 2–3. Parse into data with a source map.
  const read = readYamlData(path, text, diags, maxDepth, options.reader);
  if (read === 'refused') return refuse(text);
  const { yd, empty } = read;

  // 4. Schema: tokens that YAML read as numbers, booleans or null; then ajv.
  for (const d of nonStringScalarDiagnostics(yd)) diags.push(d);
  if (empty) {
    diags.push({
      check: 'schema',
      messageId: 'empty-file',
      severity: 'error',
      message: 'the rule file is empty; start it with "version: 1"',
      file: path,
      start: 0,
      end: 0,
    });
  } else {
    for (const d of mapSchemaErrors(validateRuleFileData(yd.data), yd)) diags.push(d);
  }

  // 5. Rules, host executables, network rules and settings from what is valid.
  const { diagnostics: loadProblems, ...parts } = buildRuleFileParts(yd);
  for (const d of loadProblems) diags.push(d);
  return { ...parts, text, diagnostics: diags.sorted() };
}

/**
 * The document's data and source map: the fast reader for the plain subset (unless `reader` is
 * `full`); else the `yaml` package, whose errors and refusals (below) are what escalint reports.
 * Aliases are never resolved (billion laughs). 'refused' when the text cannot be read on.
 */
export function readYamlData(
  path: string,
  text: string,
  diags: DiagnosticList,
  maxDepth: number = DEFAULT_MAX_DEPTH,
  reader: YamlLoadOptions['reader'] = 'auto',
): { yd: YamlData; empty: boolean } | 'refused' {
  const fast = reader === 'full' ? null : readFastYaml(text, scalarNeedsCheck, maxDepth);
  if (fast) {
    const nodes = fastNodes(text, fast.root);
    return { yd: { file: path, text, data: fast.data, nodes, scalars: fast.scalars, reported: new Set(), hasProps: false }, empty: false };
  }
  const yd: YamlData = { file: path, text, data: undefined, nodes: new Map(), scalars: [], reported: new Set(), hasProps: false };
  const parsed = parseWithYaml(text, yd, diags, maxDepth);
  return parsed === 'refused' ? 'refused' : { yd, empty: parsed === 'empty' };
}

/**
 * The `yaml` package's reading: CST, documents, refused constructs, then the walk that builds
 * the data and the pointer map. 'refused' when the file cannot be read on (syntax errors).
 */
function parseWithYaml(text: string, yd: YamlData, diags: DiagnosticList, maxDepth: number): 'ok' | 'empty' | 'refused' {
  const { Composer, Parser } = yamlPackage();
  const tokens = [...new Parser().parse(text)];
  const docs = [
    ...new Composer({ version: '1.2', uniqueKeys: false, prettyErrors: false, strict: true }).compose(
      tokens,
      true,
      text.length,
    ),
  ];
  for (const t of tokens) {
    if (t.type === 'directive') {
      diags.add('directive', t.offset, t.offset + t.source.length, `directive "${t.source.trim()}" is not allowed (escalint reads plain YAML 1.2); remove it`);
    }
  }
  const docTokens = tokens.filter((t) => t.type === 'document');
  if (docTokens.length > 1) {
    const second = docTokens[1]!;
    const marker = text.startsWith('---', second.offset) ? 3 : 0;
    diags.add(
      'multiple-documents',
      second.offset,
      second.offset + marker,
      'a rule file holds one YAML document; move these rules into the first document or another file',
    );
  }
  let syntaxErrors = 0;
  for (const doc of docs) {
    for (const e of doc.errors) {
      syntaxErrors++;
      diags.add('syntax-error', e.pos[0], Math.max(e.pos[1], e.pos[0]), lowerFirst(e.message));
    }
  }
  if (syntaxErrors > 0 || docs.length === 0) {
    for (const t of tokens) collectProps(t, diags, 0);
    return 'refused';
  }

  // 3. Plain data with a source map; refused node-level constructs.
  const doc = docs[0]!;
  const nodes = new Map<string, NodeRef>();
  yd.nodes = nodes;
  yd.data = toData(doc.contents as Node | null, '', '', null, { yd, nodes, diags, maxDepth: maxDepth + 1 }, 0);
  for (const other of docs.slice(1)) if (other.contents) yd.hasProps = true; // not walked: let the CST say
  // Anchors and tags are rare: walk the CST for their exact positions only when the AST has some.
  if (yd.hasProps) for (const t of tokens) collectProps(t, diags, 0);
  return yd.data === null && doc.contents === null ? 'empty' : 'ok';
}

/** Pointer lookup over the fast reader's tree (no map of every pointer is built). */
function fastNodes(text: string, root: FastTree): YamlData['nodes'] {
  return {
    get: (pointer: string) => fastLookup(text, root, pointer),
    valueRange: (pointer: string) => fastValueRange(text, root, pointer),
  };
}

function emptyParts(text: string): Omit<RuleFileLoad, 'diagnostics'> {
  return { text, rules: [], hostExecutables: [], networkRules: [], settings: { checks: {} } };
}

function lowerFirst(s: string): string {
  const line = s.split('\n')[0]!.replace(/\s+$/, '');
  return line.charAt(0).toLowerCase() + line.slice(1);
}

/** Anchors and tags are CST properties; collect them from the token tree (depth already bounded). */
function collectProps(token: unknown, diags: DiagnosticList, depth: number): void {
  if (depth > 400 || token === null || typeof token !== 'object') return;
  if (Array.isArray(token)) {
    for (const t of token) collectProps(t, diags, depth + 1);
    return;
  }
  const t = token as { type?: unknown; offset?: unknown; source?: unknown };
  if ((t.type === 'anchor' || t.type === 'tag') && typeof t.offset === 'number' && typeof t.source === 'string') {
    if (t.type === 'anchor') {
      diags.add('anchor', t.offset, t.offset + t.source.length, `anchor "${t.source}" is not allowed; write the value out in full`);
    } else {
      diags.add(
        'tag',
        t.offset,
        t.offset + t.source.length,
        `tag "${t.source}" is not allowed; remove it (quote the value if you meant a string)`,
      );
    }
    return;
  }
  for (const v of Object.values(token)) if (v !== null && typeof v === 'object') collectProps(v, diags, depth + 1);
}

function escapePointer(key: string): string {
  if (!key.includes('~') && !key.includes('/')) return key;
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

interface Walk {
  yd: YamlData;
  nodes: Map<string, NodeRef>;
  diags: DiagnosticList;
  maxDepth: number;
}

/** Converts a node to plain data, recording every value's nodes under its JSON pointer. */
function toData(node: Node | null, pointer: string, shape: string, key: Node | null, w: Walk, depth: number): unknown {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yamlPackage();
  const { yd, diags, maxDepth } = w;
  w.nodes.set(pointer, { value: node, key });
  if (node === null) return null;
  if (depth > maxDepth) {
    yd.reported.add(pointer);
    const [s, e] = node.range ?? [0, 0];
    diags.add('too-deep', s, e, `nesting deeper than ${maxDepth - 1} levels; a rule file never needs this much`);
    return null;
  }
  if (isAlias(node)) {
    yd.reported.add(pointer);
    const [s, e] = node.range!;
    diags.add('alias', s, e, `alias "*${node.source}" is not allowed; write the value out in full`);
    return null;
  }
  if ((node as { anchor?: string }).anchor || (node as { tag?: string }).tag) yd.hasProps = true;
  if (isScalar(node)) {
    if (scalarNeedsCheck(node.value, node.type)) yd.scalars.push({ pointer, shape, node });
    return typeof node.value === 'bigint' ? Number(node.value) : node.value;
  }
  if (isSeq(node)) {
    const out: unknown[] = [];
    const itemShape = `${shape}/#`;
    for (let i = 0; i < node.items.length; i++) {
      out.push(toData(node.items[i] as Node | null, `${pointer}/${i}`, itemShape, null, w, depth + 1));
    }
    return out;
  }
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, Node>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as Node | null;
      if (k !== null && !isScalar(k)) {
        const [s, e] = k.range ?? [0, 0];
        diags.add('complex-key', s, e, 'a key must be a plain name, not a list, mapping or alias; rewrite the key as text');
        continue;
      }
      if (k && ((k as { anchor?: string }).anchor || (k as { tag?: string }).tag)) yd.hasProps = true;
      const name = k === null ? '' : keyText(k, yd.text);
      const first = seen.get(name);
      if (first && k) {
        const [s, e] = k.range!;
        diags.add('duplicate-key', s, e, `duplicate key "${name}"; remove one of the two`, undefined, [
          { file: yd.file, start: first.range![0], end: first.range![1], message: `"${name}" is first defined here` },
        ]);
      } else if (k) seen.set(name, k);
      const escaped = escapePointer(name);
      const value = toData(pair.value as Node | null, `${pointer}/${escaped}`, `${shape}/${escaped}`, k, w, depth + 1);
      // `__proto__` must become an own key, not the object's prototype.
      if (name === '__proto__') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
      else out[name] = value;
    }
    return out;
  }
  return null;
}

function keyText(k: Node, text: string): string {
  const { isScalar } = yamlPackage();
  if (isScalar(k)) {
    if (typeof k.value === 'string') return k.value;
    if (k.range) return text.slice(k.range[0], k.range[1]);
  }
  return String(isScalar(k) ? k.value : '');
}

/** The checks a YAML file's own stages report under (examples are checked after loading). */
type YamlFileCheck = 'yaml' | 'schema' | 'codex-load';

/** Collects the file's diagnostics, capping each kind so hostile input cannot flood the output. */
export class DiagnosticList {
  private readonly list: LoaderDiagnostic<YamlFileCheck>[] = [];
  private readonly counts = new Map<string, number>();
  constructor(private readonly file: string) {}

  add(
    messageId: LoaderMessageId<'yaml'>,
    start: number,
    end: number,
    message: string,
    hint?: string,
    related?: Diagnostic['related'],
  ): void {
    const d: LoaderDiagnostic<'yaml'> = { check: 'yaml', messageId, severity: 'error', message, file: this.file, start, end };
    if (hint) d.hint = hint;
    if (related) d.related = related;
    this.push(d);
  }

  push(d: LoaderDiagnostic<YamlFileCheck>): void {
    const kind = `${d.check}/${d.messageId}`;
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    if (n <= MAX_PER_KIND) this.list.push(d);
  }

  sorted(): Diagnostic[] {
    for (const [kind, n] of this.counts) {
      if (n <= MAX_PER_KIND) continue;
      const [check, messageId] = kind.split('/') as [string, string];
      const last = this.list.filter((d) => d.check === check && d.messageId === messageId).at(-1)!;
      // `too-many` is registered for every YamlFileCheck (src/checks/structural.ts).
      this.list.push({
        ...last,
        related: undefined,
        hint: undefined,
        messageId: 'too-many',
        message: `${n - MAX_PER_KIND} more "${messageId}" problems not shown`,
      });
    }
    return this.list
      .map((d) => (d.related === undefined ? dropUndefined(d) : d))
      .sort((a, b) => a.start - b.start || a.end - b.end || a.check.localeCompare(b.check) || a.messageId.localeCompare(b.messageId));
  }
}

function dropUndefined(d: Diagnostic): Diagnostic {
  const out = { ...d };
  for (const k of Object.keys(out) as (keyof Diagnostic)[]) if (out[k] === undefined) delete out[k];
  return out;
}
