// SARIF 2.1.0 (OASIS), shaped as GitHub code scanning reads it: one run; `tool.driver.rules` lists
// every check escalint knows (structural ids included) with descriptions, default level and
// help URI; each result names its rule by id and index and points at a region of a file given
// by a URI relative to `%SRCROOT%` (the checkout root GitHub resolves it against). Findings an
// inline directive silenced are kept with an `inSource` suppression, so code scanning shows them
// as dismissed rather than losing them.
import type { CheckSeverity, Diagnostic } from '../types.js';
import { LineIndex, locate, type LocatedDiagnostic } from './lines.js';
import { HOMEPAGE, helpUri, relativePath, type Formatter } from './types.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

function level(severity: CheckSeverity): 'error' | 'warning' | 'none' {
  return severity === 'error' ? 'error' : severity === 'warn' ? 'warning' : 'none';
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function uriOf(rel: string): string {
  return rel
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

export const sarif: Formatter = (results, ctx) => {
  const rules = ctx.checks.map((c) => ({
    id: c.id,
    shortDescription: { text: c.meta.description },
    fullDescription: { text: c.meta.docs },
    defaultConfiguration: { level: level(c.meta.defaultSeverity) },
    helpUri: helpUri(c.id),
    help: { text: c.meta.docs },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // A loader may report an id that has no meta yet; SARIF still needs a rule for ruleIndex.
  const ensureRule = (id: string): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      i = rules.length;
      rules.push({
        id,
        shortDescription: { text: id },
        fullDescription: { text: id },
        defaultConfiguration: { level: 'error' },
        helpUri: helpUri(id),
        help: { text: id },
      });
      ruleIndex.set(id, i);
    }
    return i;
  };

  const sarifResults: object[] = [];
  for (const r of results) {
    const index = new LineIndex(r.text);
    const uri = uriOf(relativePath(ctx.cwd, r.filePath));
    const region = (d: LocatedDiagnostic) => ({
      startLine: d.line,
      startColumn: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
    });
    const relatedRegion = (file: string, start: number, end: number) => {
      const idx = file === r.filePath ? index : new LineIndex(results.find((x) => x.filePath === file)?.text ?? '');
      const [d] = locate(idx, [{ start, end } as Diagnostic]);
      return { uri: uriOf(relativePath(ctx.cwd, file)), region: region(d!) };
    };
    const emit = (d: LocatedDiagnostic, suppressions?: { justification: string }[]) => {
      const result: Record<string, unknown> = {
        ruleId: d.check,
        ruleIndex: ensureRule(d.check),
        level: level(d.severity),
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
              region: region(d),
            },
          },
        ],
      };
      if (d.related && d.related.length > 0) {
        result.relatedLocations = d.related.map((rel, id) => {
          const at = relatedRegion(rel.file, rel.start, rel.end);
          return {
            id,
            message: { text: rel.message },
            physicalLocation: { artifactLocation: { uri: at.uri, uriBaseId: '%SRCROOT%' }, region: at.region },
          };
        });
      }
      // A fix, then each suggestion, as SARIF fixes (§3.55): replacements located by line and column.
      const fixes = [
        ...(d.fix ? [{ desc: 'apply the fix (escalint check --fix)', edits: d.fix }] : []),
        ...(d.suggestions ?? []),
      ];
      if (fixes.length > 0) {
        result.fixes = fixes.map((f) => ({
          description: { text: f.desc },
          artifactChanges: [
            {
              artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
              replacements: locate(index, f.edits.map((e) => ({ ...e }) as unknown as Diagnostic)).map((e, k) => ({
                deletedRegion: region(e),
                insertedContent: { text: f.edits[k]!.text },
              })),
            },
          ],
        }));
      }
      if (suppressions) {
        result.suppressions = suppressions.map((s) =>
          s.justification ? { kind: 'inSource', justification: s.justification } : { kind: 'inSource' },
        );
      }
      sarifResults.push(result);
    };
    for (const d of locate(index, r.diagnostics)) emit(d);
    const suppressed = locate(index, r.suppressed);
    suppressed.forEach((d, i) => emit(d, r.suppressed[i]!.suppressions));
  }

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'escalint',
            version: ctx.toolVersion,
            informationUri: HOMEPAGE,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
