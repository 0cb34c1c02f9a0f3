// The rule-file contract (schemas/escalint.schema.json) and its validator. The validator is
// ajv's standalone code for the schema (src/rules/yaml-validator.ts, generated and kept fresh by
// test/rules/schema-standalone.test.ts): start-up pays neither ajv's import nor its compile.
import type { ErrorObject } from 'ajv';
import schemaJson from '../../schemas/escalint.schema.json' with { type: 'json' };
import { validate } from './yaml-validator.js';

/** A JSON Schema object as this file uses it (draft-07 subset). */
export interface SchemaNode {
  type?: string;
  description?: string;
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: SchemaNode;
  required?: string[];
  items?: SchemaNode | SchemaNode[];
  anyOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  [keyword: string]: unknown;
}

export const ruleFileSchema: SchemaNode = schemaJson as SchemaNode;

/** The schema as `escalint schema` prints it: two-space JSON with a final newline. */
export function ruleFileSchemaText(): string {
  return `${JSON.stringify(schemaJson, null, 2)}\n`;
}

interface StandaloneValidate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Validates a rule file's data against the schema (strict mode, all errors, verbose). */
export function validateRuleFileData(data: unknown): ErrorObject[] {
  const v = validate as unknown as StandaloneValidate;
  return v(data) ? [] : [...(v.errors ?? [])];
}

/**
 * The sub-schemas that can apply at a data path (`["rules", "0", "pattern"]`): every `anyOf`
 * branch is followed, so a position can accept several types.
 */
export function schemasAt(segments: readonly string[]): SchemaNode[] {
  let current: SchemaNode[] = expand(ruleFileSchema);
  for (const seg of segments) {
    const next: SchemaNode[] = [];
    for (const s of current) {
      if (s.properties && Object.hasOwn(s.properties, seg)) next.push(...expand(s.properties[seg]!));
      else if (typeof s.additionalProperties === 'object' && s.type === 'object') {
        next.push(...expand(s.additionalProperties));
      } else if (s.type === 'array' && /^\d+$/.test(seg)) {
        if (Array.isArray(s.items)) {
          const item = s.items[Number(seg)];
          if (item) next.push(...expand(item));
        } else if (s.items) next.push(...expand(s.items));
      }
    }
    current = next;
  }
  return current;
}

function expand(s: SchemaNode): SchemaNode[] {
  return s.anyOf ? s.anyOf.flatMap(expand) : [s];
}
