// The rule-file contract (schemas/escalint.schema.json) and its ajv validator.
// The validator is compiled once, on first use: compiling costs start-up time that commands
// which never load YAML (`parse`, `suggest`) should not pay.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schemaJson from '../../schemas/escalint.schema.json' with { type: 'json' };

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

let validator: ValidateFunction | undefined;

/** Validates a rule file's data; compiled once per process (strict mode, all errors). */
export function validateRuleFileData(data: unknown): ErrorObject[] {
  validator ??= new Ajv({ strict: true, allErrors: true, verbose: true }).compile(schemaJson);
  return validator(data) ? [] : [...(validator.errors ?? [])];
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
