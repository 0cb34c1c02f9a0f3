// Maps JSON Schema (ajv) errors back to the YAML nodes they concern, with messages a person
// understands: the offending key for an unknown key, the value for a wrong type or enum, the
// mapping for a missing key. Also finds tokens YAML read as something other than a string.
import type { ErrorObject } from 'ajv';
import type { LoaderDiagnostic, LoaderMessageId } from '../checks/structural.js';
import { isLoadProblem, parseExample, validatePatternShape, type LoadProblem, type LoadValue } from './codex-load.js';
import { schemasAt, type SchemaNode } from './schema.js';
import type { ScalarNode, SourceNode, YamlData } from './yaml.js';
import { didYouMean } from '../util/edit-distance.js';


/** Plain YAML 1.1 booleans: strings in YAML 1.2 (what escalint reads) but `true`/`false` to older tools. */
const YAML11_BOOLEAN = /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.includes('~')) return pointer.slice(1).split('/');
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Where a mapping entry's key is (for unknown and badly named keys). */
function keySpan(yd: YamlData, pointer: string): { start: number; end: number } {
  const k = yd.nodes.get(pointer)?.key?.range;
  return k ? { start: k[0], end: k[1] } : span(yd, pointer);
}

function span(yd: YamlData, pointer: string): { start: number; end: number } {
  const ref = yd.nodes.get(pointer);
  const v = ref?.value?.range;
  if (v && v[1] > v[0]) return trimmed(yd.text, v[0], v[1]);
  const k = ref?.key?.range;
  if (k) return { start: k[0], end: k[1] };
  if (v) return { start: v[0], end: v[1] };
  return { start: 0, end: 0 };
}

/** A block collection's range runs to the next line; findings end at its last character. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  return { start, end: trimmedEnd(text, start, end) };
}

export function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

function sourceOf(yd: YamlData, node: SourceNode): string {
  return node.range ? yd.text.slice(node.range[0], node.range[1]) : '';
}

/** Quotes a token's source text for the "quote it" hint, as YAML single quotes. */
function quoted(source: string): string {
  return `'${source.replace(/'/g, "''")}'`;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(schemaType: string | undefined, dataType: string): boolean {
  if (schemaType === undefined) return true;
  return schemaType === dataType || (schemaType === 'number' && dataType === 'integer');
}

/**
 * Tokens that YAML resolved to a number, boolean or null where the schema wants a free string
 * (`1.10`, `0x1F`, `null`, `~`, `true`), and YAML 1.1 booleans (`yes`, `off`) there.
 */
/**
 * True for the scalars `nonStringScalarDiagnostics` looks at: values not read as strings, and
 * plain strings that YAML 1.1 reads as booleans. The loaders list only these.
 */
export function scalarNeedsCheck(value: unknown, type: string | null | undefined): boolean {
  // Every YAML 1.1 boolean is 2 or 3 characters long: test the length before the pattern.
  return typeof value !== 'string' || (type === 'PLAIN' && value.length <= 3 && YAML11_BOOLEAN.test(value));
}

export function nonStringScalarDiagnostics(yd: YamlData): LoaderDiagnostic<'yaml'>[] {
  const out: LoaderDiagnostic<'yaml'>[] = [];
  // Positions of one shape (`/rules/#/pattern/#`) take the same sub-schemas: look them up once.
  const byShape = new Map<string, SchemaNode[]>();
  for (const { pointer, shape, node } of yd.scalars) {
    const scalar: ScalarNode = node;
    if (!scalarNeedsCheck(scalar.value, scalar.type)) continue;
    let schemas = byShape.get(shape);
    if (!schemas) {
      schemas = schemasAt(splitPointer(shape).map((s) => (s === '#' ? '0' : s)));
      byShape.set(shape, schemas);
    }
    const wantsString = schemas.some((s) => s.type === 'string' && s.enum === undefined);
    if (!wantsString) continue;
    const src = sourceOf(yd, node);
    const label = labelOf(splitPointer(pointer));
    if (typeof scalar.value !== 'string') {
      const dataType = jsonType(scalar.value);
      if (schemas.some((s) => s.type !== 'string' && typeMatches(s.type, dataType))) continue;
      yd.reported.add(pointer);
      if (src === '') {
        out.push(diag(yd, 'yaml', 'empty-value', span(yd, pointer), `${label} has no value; give it one or remove the key`));
        continue;
      }
      const kind = scalar.value === null ? 'null' : typeof scalar.value === 'boolean' ? 'a boolean' : 'a number';
      out.push(
        diag(yd, 'yaml', 'non-string-scalar', span(yd, pointer), `${src} in ${label} is read as ${kind}, not text; quote it: ${quoted(src)}`, `quote it: ${quoted(src)}`),
      );
    } else {
      const d = diag(
        yd,
        'yaml',
        'yaml11-boolean',
        span(yd, pointer),
        `${src} in ${label} is a boolean in YAML 1.1 (other tools read it as true or false); quote it: ${quoted(src)}`,
        `quote it: ${quoted(src)}`,
      );
      out.push(d);
    }
  }
  return out;
}

/** The checks this stage reports under (`codex-load` for what Codex refuses that the schema says too). */
type SchemaStageCheck = 'yaml' | 'schema' | 'codex-load';

function diag<C extends SchemaStageCheck>(
  yd: YamlData,
  check: C,
  messageId: NoInfer<LoaderMessageId<C>>,
  at: { start: number; end: number },
  message: string,
  hint?: string,
): LoaderDiagnostic<C> {
  // The parameters tie messageId to check; TypeScript cannot see that through the generic.
  const d = { check, messageId, severity: 'error', message, file: yd.file, start: at.start, end: at.end } as LoaderDiagnostic<C>;
  if (hint) d.hint = hint;
  return d;
}

/** How a data path is named in messages: `decision`, `pattern[1]`, `rule`, `severity of check "x"`. */
export function labelOf(segs: readonly string[]): string {
  if (segs.length === 0) return 'the rule file';
  if (segs[0] === 'settings' && segs[1] === 'checks' && segs.length >= 3) {
    return segs[3] === '1' ? `options of check "${segs[2]}"` : `severity of check "${segs[2]}"`;
  }
  let i = segs.length - 1;
  while (i >= 0 && /^\d+$/.test(segs[i]!)) i--;
  if (i < 0) return 'value';
  const name = segs[i]!;
  const indices = segs.slice(i + 1);
  if (indices.length === 1 && i === 0) {
    const entry = Object.prototype.hasOwnProperty.call(ENTRY_NAMES, name) ? ENTRY_NAMES[name] : undefined;
    if (entry) return entry;
  }
  return name + indices.map((n) => `[${n}]`).join('');
}

/** What one entry of a top-level list is called. */
const ENTRY_NAMES: Record<string, string> = {
  rules: 'rule',
  host_executables: 'host executable',
  network_rules: 'network rule',
};

function containerLabel(segs: readonly string[]): string {
  return segs.length === 0 ? 'the rule file' : labelOf(segs);
}

function describeSchema(s: SchemaNode): string[] {
  if (s.anyOf) return s.anyOf.flatMap(describeSchema);
  switch (s.type) {
    case 'string':
      return ['a string'];
    case 'array': {
      const items = !Array.isArray(s.items) && s.items?.type === 'string' ? 'a list of strings' : 'a list';
      return [items];
    }
    case 'object':
      return ['a mapping'];
    case 'boolean':
      return ['true or false'];
    case 'integer':
    case 'number':
      return ['a number'];
    default:
      return s.type ? [s.type] : [];
  }
}

function orList(parts: string[]): string {
  const uniq = [...new Set(parts)];
  return uniq.length <= 1 ? (uniq[0] ?? 'something else') : `${uniq.slice(0, -1).join(', ')} or ${uniq.at(-1)}`;
}

function got(yd: YamlData, pointer: string, data: unknown): string {
  const node = yd.nodes.get(pointer)?.value;
  if (typeof data === 'string') return JSON.stringify(data);
  if (Array.isArray(data)) return 'a list';
  if (data !== null && typeof data === 'object') return 'a mapping';
  const src = node ? sourceOf(yd, node) : '';
  return src === '' ? 'nothing' : src;
}


/**
 * Codex refuses these at load (reference/codex-0.169.md §1.4); the schema says it too, so
 * editors flag them. Reported as `codex-load` with the validators' own ids and messages.
 */
function codexMinItems(segs: readonly string[], data: unknown): LoadProblem | undefined {
  const [top, , field] = segs;
  if (top !== 'rules') return undefined;
  if (field === 'pattern' && segs.length === 3) return validatePatternShape([])[0];
  if (field === 'pattern' && segs.length === 4) return validatePatternShape([data as LoadValue])[0];
  if ((field === 'match' || field === 'not_match') && segs.length === 4) {
    const parsed = parseExample(data as LoadValue);
    return isLoadProblem(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** Messages for `pattern` keyword failures, by property name. */
const PATTERN_MESSAGES: Record<string, (value: string) => string> = {
  id: (v) => `id must be kebab-case (lowercase letters, digits and single "-"); got ${JSON.stringify(v)}`,
  codex_version: (v) => `codex_version must be a version such as "0.169.0"; got ${JSON.stringify(v)}`,
};

export function mapSchemaErrors(errors: ErrorObject[], yd: YamlData): LoaderDiagnostic<SchemaStageCheck>[] {
  const underReported = (p: string): boolean => {
    for (const r of yd.reported) if (p === r || p.startsWith(`${r}/`)) return true;
    return false;
  };
  const live = errors.filter((e) => !underReported(e.instancePath));

  // anyOf: keep the errors of the branch whose type fits the data; else one "must be X or Y".
  const drop = new Set<ErrorObject>();
  for (const e of live) {
    if (e.keyword !== 'anyOf') continue;
    const branches = (e.schema as SchemaNode[]) ?? [];
    const dataType = jsonType(e.data);
    const fitting = new Set(branches.flatMap((b, i) => (typeMatches(b.type, dataType) ? [i] : [])));
    const prefix = `${e.schemaPath}/`;
    for (const other of live) {
      if (other === e || !other.schemaPath.startsWith(prefix)) continue;
      // The same sub-schema applies to sibling values (map values, list items): same value only.
      if (other.instancePath !== e.instancePath && !other.instancePath.startsWith(`${e.instancePath}/`)) continue;
      const branch = Number(other.schemaPath.slice(prefix.length).split('/')[0]);
      if (fitting.size === 0 || !fitting.has(branch)) drop.add(other);
    }
    if (fitting.size > 0) drop.add(e);
  }

  const out: LoaderDiagnostic<SchemaStageCheck>[] = [];
  const seen = new Set<string>();
  for (const e of live) {
    if (drop.has(e)) continue;
    const d = mapOne(e, yd);
    if (!d) continue;
    const key = `${d.start}:${d.end}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/**
 * The ajv keywords `mapOne` has a message and an id for. The validator emits no other
 * (test/checks/structural-messages.test.ts reads src/rules/yaml-validator.ts to keep it so), and
 * the `never` in `mapOne`'s default keeps this list and its cases in step.
 */
export const MAPPED_KEYWORDS = [
  'type',
  'anyOf',
  'enum',
  'const',
  'required',
  'additionalProperties',
  'propertyNames',
  'pattern',
  'minItems',
  'maxItems',
  'additionalItems',
] as const;

function mapOne(e: ErrorObject, yd: YamlData): LoaderDiagnostic<SchemaStageCheck> | undefined {
  const keyword = e.keyword as (typeof MAPPED_KEYWORDS)[number];
  const p = e.instancePath;
  const segs = splitPointer(p);
  const label = labelOf(segs);
  const params = e.params as Record<string, unknown>;
  const parent = e.parentSchema as SchemaNode | undefined;
  switch (keyword) {
    case 'type':
    case 'anyOf': {
      const expected = orList(describeSchema(e.keyword === 'type' ? (parent ?? {}) : { anyOf: e.schema as SchemaNode[] }));
      const d = diag(yd, 'schema', 'type', span(yd, p), `${label} must be ${expected}; got ${got(yd, p, e.data)}`);
      if (typeof e.data === 'string' && expected.startsWith('a list')) d.hint = `write it as a list: [${sourceOrValue(yd, p, e.data)}]`;
      return d;
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const d = diag(yd, 'schema', 'enum', span(yd, p), `${label} must be one of ${allowed.join(', ')}; got ${got(yd, p, e.data)}`);
      const guess = typeof e.data === 'string' ? didYouMean(e.data, allowed) : undefined;
      if (guess) d.hint = `did you mean "${guess}"?`;
      return d;
    }
    case 'const':
      return diag(yd, 'schema', 'const', span(yd, p), `${label} must be ${JSON.stringify(params.allowedValue)}; got ${got(yd, p, e.data)}`);
    case 'required': {
      const missing = String(params.missingProperty);
      const d = diag(yd, 'schema', 'required', span(yd, p), `${containerLabel(segs)} is missing required key "${missing}"`);
      if (missing === 'version') d.hint = 'add "version: 1" at the top of the file';
      return d;
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys(parent?.properties ?? {});
      const guess = didYouMean(name, known);
      const where = containerLabel(segs);
      const message = guess
        ? `unknown key "${name}" in ${where}; did you mean "${guess}"?`
        : `unknown key "${name}" in ${where}; expected one of ${known.join(', ')}`;
      return diag(yd, 'schema', 'unknown-key', keySpan(yd, childPointer(p, name)), message);
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      return diag(
        yd,
        'schema',
        'bad-key',
        keySpan(yd, childPointer(p, name)),
        `"${name}" is not a check id; check ids are kebab-case, such as "too-specific"`,
      );
    }
    case 'pattern': {
      if ((e as { propertyName?: string }).propertyName !== undefined) return undefined; // reported by propertyNames
      const name = segs.at(-1) ?? '';
      const make = Object.prototype.hasOwnProperty.call(PATTERN_MESSAGES, name) ? PATTERN_MESSAGES[name] : undefined;
      const message = make ? make(String(e.data)) : `${label} must match ${String(params.pattern)}; got ${got(yd, p, e.data)}`;
      return diag(yd, 'schema', 'pattern', span(yd, p), message);
    }
    case 'minItems': {
      const codex = codexMinItems(segs, e.data);
      if (codex) return diag(yd, 'codex-load', codex.messageId, span(yd, p), codex.message);
      return diag(yd, 'schema', 'min-items', span(yd, p), `${label} needs at least ${String(params.limit)} items`);
    }
    case 'maxItems':
    case 'additionalItems':
      return diag(yd, 'schema', 'max-items', span(yd, p), `${label} takes at most ${String(params.limit)} items`);
    default: {
      // Not reached with the shipped validator (see MAPPED_KEYWORDS); were the schema to grow a
      // keyword, its id would be the keyword itself, which the test flags as unregistered.
      const unmapped: never = keyword;
      return diag(yd, 'schema', unmapped, span(yd, p), `${label} ${e.message ?? 'is invalid'}`);
    }
  }
}

function childPointer(pointer: string, key: string): string {
  return `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function sourceOrValue(yd: YamlData, pointer: string, value: string): string {
  const node = yd.nodes.get(pointer)?.value;
  return node ? sourceOf(yd, node) : value;
}
