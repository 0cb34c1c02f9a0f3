// ESLint RuleTester-style tables for checks, run from real text in both formats (style.md):
//   runCheckTable(check, { valid: [code…], invalid: [{ code, errors: [{ messageId, line, column }] }] })
// `code` is the YAML list under `rules:` (written from column 1; a code that starts with `version:`
// is a whole file). Lines and columns are those of `code`. Each case is read by the real YAML
// reader, and again as a Codex `.rules` file made from the same rules (one call per line): the
// findings must be the same ones there, on the same rules and the same parts of them, and `--fix`
// and suggestions must leave the same rules in both formats.
import { describe, expect, it } from 'vitest';
import { formatMessage, type Check } from '../../src/checks/define.js';
import { applyEdits } from '../../src/checks/edits.js';
import { encodeStarlarkString } from '../../src/emit/starlark.js';
import { LineIndex } from '../../src/format/lines.js';
import { loadStarlarkRuleFile } from '../../src/rules/starlark.js';
import { loadYamlRuleFile } from '../../src/rules/yaml.js';
import type { Diagnostic, PatternElement, RuleSet, Suggestion, TextEdit } from '../../src/types.js';

type Kind = 'yaml' | 'rules';

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  /** Values the message was filled with (only the keys given are compared). */
  data?: Record<string, string | number>;
  /** Lines (of `code`) of the related locations, in order. */
  related?: number[];
  /** Each suggestion's `code` after applying it (the whole `code`, as written). */
  suggestions?: string[];
}

export interface InvalidCase {
  code: string;
  errors: ExpectedError[];
  /** `code` after `--fix`; leave out when the check offers no fix here. */
  output?: string;
  options?: Record<string, unknown>;
  /** Run only in these formats (default both). */
  formats?: Kind[];
  /** The messageId the `.rules` run reports where it differs from YAML's (by YAML messageId). */
  rulesMessageIds?: Record<string, string>;
}

export type ValidCase = string | { code: string; options?: Record<string, unknown>; formats?: Kind[] };

export interface CheckTable {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

const HEADER = 'version: 1\nrules:\n';

function wrap(code: string): { text: string; lineShift: number; colShift: number } {
  if (code.startsWith('version:')) return { text: code, lineShift: 0, colShift: 0 };
  const body = code
    .split('\n')
    .map((l) => (l === '' ? l : `  ${l}`))
    .join('\n');
  return { text: HEADER + body + (code.endsWith('\n') ? '' : '\n'), lineShift: 2, colShift: 2 };
}

function unwrap(text: string, code: string): string {
  if (code.startsWith('version:')) return text;
  const body = text.startsWith(HEADER) ? text.slice(HEADER.length) : text;
  const out = body
    .split('\n')
    .map((l) => (l.startsWith('  ') ? l.slice(2) : l))
    .join('\n');
  return code.endsWith('\n') ? out : out.replace(/\n$/, '');
}

function loaded(path: string, text: string): RuleSet {
  const kind: Kind = path.endsWith('.rules') ? 'rules' : 'yaml';
  const r = kind === 'rules' ? loadStarlarkRuleFile(path, text) : loadYamlRuleFile(path, text);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the case does not load as ${kind}: ${errors[0]!.message}\n${text}`);
  const ruleSet: RuleSet = {
    rules: r.rules,
    hostExecutables: r.hostExecutables,
    networkRules: r.networkRules,
    settings: r.settings,
    files: [{ path, text: r.text, kind }],
  };
  if (r.settingsKeys) ruleSet.settingsKeys = r.settingsKeys;
  return ruleSet;
}

/** The same rules as a Codex `.rules` file, one call per line, host executables first. */
export function toRulesText(ruleSet: RuleSet): string {
  const s = (v: string) => {
    const r = encodeStarlarkString(v);
    if (!r.ok) throw new Error(r.message);
    return r.text;
  };
  const list = (xs: readonly (string | readonly string[])[]): string => `[${xs.map((x) => (typeof x === 'string' ? s(x) : list(x))).join(', ')}]`;
  const lines: string[] = [];
  for (const h of ruleSet.hostExecutables) lines.push(`host_executable(name=${s(h.name)}, paths=${list(h.paths)})`);
  for (const r of ruleSet.rules) {
    const args = [`pattern=${list(r.pattern)}`];
    if (r.decisionExplicit) args.push(`decision=${s(r.decision)}`);
    if (r.justification !== undefined) args.push(`justification=${s(r.justification)}`);
    if (r.match.length > 0) args.push(`match=${list(r.match)}`);
    if (r.notMatch.length > 0) args.push(`not_match=${list(r.notMatch)}`);
    if (r.canonicalMatching) args.push('canonical_matching=True');
    lines.push(`prefix_rule(${args.join(', ')})`);
  }
  for (const n of ruleSet.networkRules) {
    const j = n.justification !== undefined ? `, justification=${s(n.justification)}` : '';
    lines.push(`network_rule(host=${s(n.host)}, protocol=${s(n.protocol)}, decision=${s(n.decision)}${j})`);
  }
  return lines.join('\n') + '\n';
}

interface Found extends Diagnostic {
  data: Record<string, string | number>;
}

/** Runs one check alone, as the pipeline runs it, and returns its findings in report order. */
export function findings(check: Check, ruleSet: RuleSet, options: Record<string, unknown> = {}): Found[] {
  const out: Found[] = [];
  const messages = check.meta.messages as Record<string, string>;
  check.run({
    ruleSet,
    options,
    report: (f) => {
      const template = messages[f.messageId];
      if (template === undefined) throw new Error(`unknown messageId "${f.messageId}"`);
      const d: Found = {
        check: check.id,
        messageId: f.messageId,
        severity: 'error',
        message: formatMessage(template, f.data),
        file: f.at.file,
        start: f.at.start,
        end: f.at.end,
        data: f.data ?? {},
      };
      if (f.related) d.related = f.related;
      if (f.fix) d.fix = f.fix;
      if (f.suggestions) d.suggestions = f.suggestions;
      out.push(d);
    },
  });
  return out;
}

/** Which rule, and which part of it, a finding points at: the same in both formats. */
function anchor(ruleSet: RuleSet, d: Diagnostic): string {
  const i = ruleSet.rules.findIndex((r) => d.start >= r.source.start && d.end <= r.source.end);
  if (i < 0) return `file@${d.start === 0 ? 0 : 'x'}`;
  const r = ruleSet.rules[i]!;
  const within = (s: { start: number; end: number } | undefined) => s !== undefined && d.start >= s.start && d.end <= s.end;
  const exact = (s: { start: number; end: number } | undefined) => s !== undefined && d.start === s.start && d.end === s.end;
  if (exact(r.patternSource)) return `rule ${i} pattern`;
  if (within(r.patternSource)) return `rule ${i} in pattern`;
  if (within(r.justificationSource)) return `rule ${i} justification`;
  return `rule ${i}`;
}

const ruleList = (rs: RuleSet) =>
  rs.rules.map((r) => `${JSON.stringify(r.pattern as PatternElement[])} ${r.decisionExplicit ? r.decision : '(allow)'}`);

function relatedRules(ruleSet: RuleSet, d: Diagnostic): string[] {
  return (d.related ?? []).map((rel) => anchor(ruleSet, { ...d, start: rel.start, end: rel.end }));
}

function fixed(text: string, edits: readonly TextEdit[]): string {
  return applyEdits(text, edits).text;
}

export function runCheckTable(check: Check, table: CheckTable): void {
  describe(`${check.id} (table)`, () => {
    it('has valid and invalid cases', () => {
      expect(table.valid.length).toBeGreaterThan(0);
      expect(table.invalid.length).toBeGreaterThan(0);
    });

    it('produces every messageId of its meta in some invalid case', () => {
      const seen = new Set<string>();
      for (const c of table.invalid) {
        const formats = c.formats ?? ['yaml', 'rules'];
        const yaml = loaded('case.yaml', wrap(c.code).text);
        if (formats.includes('yaml')) for (const d of findings(check, yaml, c.options)) seen.add(d.messageId);
        if (formats.includes('rules')) for (const d of findings(check, loaded('case.rules', toRulesText(yaml)), c.options)) seen.add(d.messageId);
      }
      expect([...seen].sort()).toEqual(Object.keys(check.meta.messages).sort());
    });

    for (const v of table.valid) {
      const c = typeof v === 'string' ? { code: v } : v;
      const formats = ('formats' in c && c.formats) || ['yaml', 'rules'];
      it(`valid: ${c.code.split('\n')[0]}${c.code.includes('\n') ? ' …' : ''}`, () => {
        const yaml = loaded('case.yaml', wrap(c.code).text);
        const opts = ('options' in c && c.options) || {};
        if (formats.includes('yaml')) expect(findings(check, yaml, opts).map((d) => d.message)).toEqual([]);
        if (formats.includes('rules')) expect(findings(check, loaded('case.rules', toRulesText(yaml)), opts).map((d) => d.message)).toEqual([]);
      });
    }

    for (const c of table.invalid) {
      const formats = c.formats ?? ['yaml', 'rules'];
      it(`invalid: ${c.code.split('\n')[0]}${c.code.includes('\n') ? ' …' : ''}`, () => {
        const { text, lineShift, colShift } = wrap(c.code);
        const yaml = loaded('case.yaml', text);
        const found = findings(check, yaml, c.options);
        const lines = new LineIndex(text);
        const pos = (offset: number) => {
          const p = lines.position(offset);
          return { line: p.line - lineShift, column: p.column - (p.line > lineShift ? colShift : 0) };
        };

        if (formats.includes('yaml')) {
          const got = found.map((d) => {
            const e = c.errors[found.indexOf(d)];
            const data = e?.data ? Object.fromEntries(Object.keys(e.data).map((k) => [k, d.data[k]])) : undefined;
            return {
              messageId: d.messageId,
              ...pos(d.start),
              ...(data ? { data } : {}),
              ...(e?.related ? { related: (d.related ?? []).map((r) => pos(r.start).line) } : {}),
              ...(e?.suggestions ? { suggestions: (d.suggestions ?? []).map((s: Suggestion) => unwrap(fixed(text, s.edits), c.code)) } : {}),
            };
          });
          expect(got).toEqual(c.errors.map(({ messageId, line, column, data, related, suggestions }) => ({
            messageId, line, column, ...(data ? { data } : {}), ...(related ? { related } : {}), ...(suggestions ? { suggestions } : {}),
          })));
          const fixes = found.flatMap((d) => d.fix ?? []);
          if (c.output === undefined) expect(fixes, 'a fix was offered; give `output`').toEqual([]);
          else expect(unwrap(fixed(text, fixes), c.code)).toBe(c.output);
        }

        if (formats.includes('rules')) {
          const rulesText = toRulesText(yaml);
          const starlark = loaded('case.rules', rulesText);
          const fromRules = findings(check, starlark, c.options);
          const rename = (id: string) => c.rulesMessageIds?.[id] ?? id;
          expect(fromRules.map((d) => `${d.messageId} at ${anchor(starlark, d)} ${relatedRules(starlark, d).join(',')}`), rulesText).toEqual(
            found.map((d) => `${rename(d.messageId)} at ${anchor(yaml, d)} ${relatedRules(yaml, d).join(',')}`),
          );
          // Fixes and suggestions leave the same rules in both formats.
          const afterYaml = (edits: TextEdit[]) => ruleList(loaded('case.yaml', fixed(text, edits)));
          const afterRules = (edits: TextEdit[]) => ruleList(loaded('case.rules', fixed(rulesText, edits)));
          expect(afterRules(fromRules.flatMap((d) => d.fix ?? []))).toEqual(afterYaml(found.flatMap((d) => d.fix ?? [])));
          fromRules.forEach((d, k) => {
            const y = found[k]!.suggestions ?? [];
            expect((d.suggestions ?? []).map((s) => afterRules(s.edits))).toEqual(y.map((s) => afterYaml(s.edits)));
          });
        }
      });
    }
  });
}
