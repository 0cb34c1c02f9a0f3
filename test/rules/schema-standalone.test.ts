// src/rules/yaml-validator.ts is ajv's standalone code for schemas/escalint.schema.json, so that
// start-up neither imports ajv nor compiles the schema. This test regenerates it and fails when
// the file is stale; refresh it with: UPDATE_GOLDEN=1 npx vitest run test/rules/schema-standalone.test.ts
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ruleFileSchema, validateRuleFileData } from '../../src/rules/schema.js';

const target = new URL('../../src/rules/yaml-validator.ts', import.meta.url);

function generate(): string {
  // The same options as the validator escalint used to compile at run time.
  const ajv = new Ajv({ strict: true, allErrors: true, verbose: true, code: { source: true, esm: true } });
  const code = standalone.default(ajv, ajv.compile(ruleFileSchema));
  return [
    '// GENERATED from schemas/escalint.schema.json by test/rules/schema-standalone.test.ts; do not edit.',
    '// ajv standalone code (strict, allErrors, verbose): loading it costs no ajv import and no compile.',
    '// Refresh: UPDATE_GOLDEN=1 npx vitest run test/rules/schema-standalone.test.ts',
    '// @ts-nocheck',
    code,
    '',
  ].join('\n');
}

test('the standalone validator is generated from the current schema', () => {
  const expected = generate();
  if (process.env.UPDATE_GOLDEN) writeFileSync(target, expected);
  expect(readFileSync(target, 'utf8')).toBe(expected);
});

test('it agrees with a freshly compiled validator', () => {
  const fresh = new Ajv({ strict: true, allErrors: true, verbose: true }).compile(ruleFileSchema);
  const samples: unknown[] = [
    { version: 1 },
    {},
    { version: 2, rules: [{ pattern: [] }, { pattern: 'x', decision: 'deny' }], extra: 1 },
    { version: 1, settings: { checks: { Bad: 'warning', ok: ['warn', {}, 1] }, codex_version: 'x' } },
    { version: 1, network_rules: [{ host: 'a', protocol: 'ftp' }], host_executables: [{ name: 1 }] },
  ];
  for (const s of samples) {
    fresh(s);
    const strip = (errors: readonly { instancePath: string; keyword: string; schemaPath: string }[]) =>
      errors.map((e) => `${e.instancePath} ${e.keyword} ${e.schemaPath}`);
    expect(strip(validateRuleFileData(s))).toEqual(strip(fresh.errors ?? []));
  }
});
