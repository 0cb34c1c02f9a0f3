// The SARIF output validates against the SARIF 2.1.0 JSON schema (vendored, see
// test/fixtures/sarif-schema-2.1.0.md), and has what GitHub code scanning needs.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatters } from '../../src/format/index.js';
import { fixtureResult, formatContext } from './fixture.js';

const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;

// ajv-formats is not a dependency; these are the four formats the schema uses.
const formats = {
  uri: (s: string) => {
    try {
      return new URL(s).protocol.length > 1;
    } catch {
      return false;
    }
  },
  'uri-reference': (s: string) => !/[\s"<>\\^`{|}]/.test(s),
  'date-time': (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s),
  uuid: (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
};

const Ajv = (Ajv2020 as unknown as { default: typeof Ajv2020 }).default ?? Ajv2020;
const ajv = new Ajv({ allErrors: true, strict: false, formats });
const validate = ajv.compile(schema);

describe('sarif', () => {
  const log = JSON.parse(formatters.sarif(fixtureResult().results, formatContext)) as {
    runs: {
      tool: { driver: { rules: { id: string; shortDescription: { text: string }; helpUri: string }[] } };
      results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    }[];
  };

  it('is valid SARIF 2.1.0', () => {
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator is not a rubber stamp', () => {
    const broken = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('names every result by a rule with a description, at the right index', () => {
    const run = log.runs[0]!;
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    }
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.helpUri).toMatch(/^https:\/\//);
    }
  });

  it('uses relative, percent-encoded URIs', () => {
    const uris = log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect([...new Set(uris)]).toEqual(['rules.yaml', 'team/more%20rules.yaml']);
  });
});
