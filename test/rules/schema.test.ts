// The schema is the contract (style.md rule 6): it compiles in ajv's strict mode, documents every
// property with a description and valid examples, closes every object, and stays in step with
// the TypeScript types through tables that fail to compile when a field is added on either side.
import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { NETWORK_PROTOCOLS } from '../../src/rules/codex-load.js';
import { ruleFileSchema, ruleFileSchemaText, schemasAt, validateRuleFileData, type SchemaNode } from '../../src/rules/schema.js';
import type { CheckSeverity, Decision, HostExecutable, NetworkRule, Rule, RuleSetSettings } from '../../src/types.js';

const schemaFile = new URL('../../schemas/escalint.schema.json', import.meta.url);

/** Every sub-schema with its JSON-pointer-like location. */
function walk(s: SchemaNode, at: string, out: [string, SchemaNode][] = []): [string, SchemaNode][] {
  out.push([at, s]);
  for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${at}/properties/${k}`, out);
  if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${at}/additionalProperties`, out);
  if (s.propertyNames) walk(s.propertyNames, `${at}/propertyNames`, out);
  if (Array.isArray(s.items)) s.items.forEach((v, i) => walk(v, `${at}/items/${i}`, out));
  else if (s.items) walk(s.items, `${at}/items`, out);
  (s.anyOf ?? []).forEach((v, i) => walk(v, `${at}/anyOf/${i}`, out));
  return out;
}

const all = walk(ruleFileSchema, '#');

/** Objects that are maps or free-form by design, each with the reason. */
const OPEN_OBJECTS: Record<string, string> = {
  '#/properties/settings/properties/checks': 'a map from check id to severity; keys are checked by propertyNames',
  '#/properties/settings/properties/checks/additionalProperties/anyOf/1/items/1':
    "a check's options: each check defines its own (src/checks), not the file format",
};

describe('schemas/escalint.schema.json', () => {
  test('compiles under ajv strict mode', () => {
    expect(() => new Ajv({ strict: true, allErrors: true }).compile(ruleFileSchema)).not.toThrow();
  });

  test('is draft-07 and has no unknown keywords (strict mode would refuse them)', () => {
    expect(ruleFileSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  test('escalint schema prints the file byte for byte', () => {
    expect(ruleFileSchemaText()).toBe(readFileSync(schemaFile, 'utf8'));
  });

  const properties = all.flatMap(([at, s]) => Object.entries(s.properties ?? {}).map(([k, v]) => [`${at}/properties/${k}`, v] as const));

  test('has the properties of design.md §2', () => {
    expect(properties.map(([at]) => at.replace(/#|\/properties|\/items/g, '')).sort()).toEqual(
      [
        '/host_executables',
        '/host_executables/name',
        '/host_executables/paths',
        '/network_rules',
        '/network_rules/decision',
        '/network_rules/host',
        '/network_rules/justification',
        '/network_rules/protocol',
        '/rules',
        '/rules/canonical_matching',
        '/rules/decision',
        '/rules/id',
        '/rules/justification',
        '/rules/match',
        '/rules/not_match',
        '/rules/pattern',
        '/settings',
        '/settings/checks',
        '/settings/codex_version',
        '/version',
      ].sort(),
    );
  });

  test.each(properties)('%s has a description and examples that validate', (_at, s) => {
    expect(typeof s.description).toBe('string');
    expect(s.description!.length).toBeGreaterThan(10);
    expect(Array.isArray(s.examples) && s.examples.length > 0).toBe(true);
    const validate = new Ajv({ strict: true }).compile(s);
    for (const example of s.examples!) expect(validate(example), JSON.stringify(example)).toBe(true);
  });

  test('every object is closed (additionalProperties: false) except the listed maps', () => {
    const objects = all.filter(([, s]) => s.type === 'object');
    for (const [at, s] of objects) {
      if (at in OPEN_OBJECTS) continue;
      expect(s.additionalProperties, at).toBe(false);
    }
    for (const at of Object.keys(OPEN_OBJECTS)) expect(objects.map(([a]) => a)).toContain(at);
  });

  test('schemasAt follows properties, items, anyOf and map values', () => {
    expect(schemasAt(['rules', '3', 'pattern', '1']).map((s) => s.type)).toEqual(['string', 'array']);
    expect(schemasAt(['settings', 'checks', 'too-specific', '0']).map((s) => s.type)).toEqual(['string']);
    expect(schemasAt(['nope'])).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Types and schema in step. Each table is keyed by the TypeScript type's fields, so adding a
// field to a type without deciding its schema key fails to compile; the tests compare the
// schema keys with the tables, so adding a schema property fails at run time.

/** Rule field → schema key, or null for fields the loader derives. */
const RULE_FIELDS = {
  id: 'id',
  pattern: 'pattern',
  decision: 'decision',
  decisionExplicit: null, // whether `decision` was written
  justification: 'justification',
  match: 'match',
  notMatch: 'not_match',
  canonicalMatching: 'canonical_matching',
  source: null, // position of the entry
  patternSource: null, // position of the pattern
  matchSources: null, // positions of the examples
  notMatchSources: null,
  index: null, // load order
} as const satisfies Record<keyof Rule, string | null>;

const HOST_FIELDS = { name: 'name', paths: 'paths', source: null } as const satisfies Record<keyof HostExecutable, string | null>;

const NETWORK_FIELDS = {
  host: 'host',
  protocol: 'protocol',
  decision: 'decision',
  justification: 'justification',
  source: null,
} as const satisfies Record<keyof NetworkRule, string | null>;

const SETTINGS_FIELDS = { checks: 'checks', codexVersion: 'codex_version' } as const satisfies Record<keyof RuleSetSettings, string>;

const DECISION_VALUES = { allow: true, prompt: true, forbidden: true } as const satisfies Record<Decision, true>;
const SEVERITY_VALUES = { error: true, warn: true, off: true } as const satisfies Record<CheckSeverity, true>;

const keysOf = (table: Record<string, string | null>) => Object.values(table).filter((v): v is string => v !== null).sort();
const props = (...path: string[]) => Object.keys(schemasAt(path)[0]!.properties ?? {}).sort();

describe('TypeScript types and the schema are in step', () => {
  test.each([
    ['Rule', RULE_FIELDS, ['rules', '0']],
    ['HostExecutable', HOST_FIELDS, ['host_executables', '0']],
    ['NetworkRule', NETWORK_FIELDS, ['network_rules', '0']],
    ['RuleSetSettings', SETTINGS_FIELDS, ['settings']],
  ] as const)('%s', (_type, table, path) => {
    expect(props(...path)).toEqual(keysOf(table));
  });

  test('decisions', () => {
    expect(schemasAt(['rules', '0', 'decision'])[0]!.enum).toEqual(Object.keys(DECISION_VALUES));
    // network rules also take `deny`, Codex's alias of forbidden
    expect(schemasAt(['network_rules', '0', 'decision'])[0]!.enum).toEqual([...Object.keys(DECISION_VALUES), 'deny']);
  });

  test('network protocols are the names the codex-load validator accepts', () => {
    expect(schemasAt(['network_rules', '0', 'protocol'])[0]!.enum).toEqual(Object.keys(NETWORK_PROTOCOLS));
  });

  test('check severities', () => {
    expect(schemasAt(['settings', 'checks', 'x'])[0]!.enum).toEqual(Object.keys(SEVERITY_VALUES));
  });

  test('validateRuleFileData accepts the smallest file and refuses a missing version', () => {
    expect(validateRuleFileData({ version: 1 })).toEqual([]);
    expect(validateRuleFileData({}).map((e) => e.keyword)).toEqual(['required']);
  });
});
