// The messageIds of the structural checks (src/checks/structural.ts) against what the loaders
// emit: a table of inputs, each fed to the real pipeline (src/load.ts: reader, then the example
// stage), at least one per registered id, as YAML and as .rules where the id applies. Every
// emitted (check, messageId) must be registered, and every registered one emitted by some input:
// a registered id that no input produces fails as much as an emitted id that is not registered.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loaderMessages, structuralChecks, type LoaderCheckId } from '../../src/checks/structural.js';
import { loadRuleFiles, loadRuleText, type LoadRuleOptions } from '../../src/load.js';
import { SYNTAX_CODE_IDS } from '../../src/rules/starlark.js';
import { MAPPED_KEYWORDS } from '../../src/rules/yaml-schema-errors.js';
import type { Diagnostic } from '../../src/types.js';

const root = new URL('../../', import.meta.url);

interface Row {
  /** `check/messageId` this input must produce (it may produce others too). */
  expect: string;
  /** One file: read with loadRuleText. */
  path?: string;
  input?: string | Uint8Array;
  options?: LoadRuleOptions;
  /** Several files, written to a temporary directory and read with loadRuleFiles (in this order). */
  files?: [string, string][];
}

const y = (path: string, text: string) => ({ path: `${path}.yaml`, input: `version: 1\n${text}` });
const r = (path: string, text: string) => ({ path: `${path}.rules`, input: text });
/** A YAML rule entry with one field besides its pattern. */
const yRule = (field: string) => `rules:\n  - pattern: [git]\n    ${field}\n`;
const yHost = (name: string, path: string) => `host_executables:\n  - name: ${name}\n    paths: [${path}]\n`;
const yNet = (host: string) => `network_rules:\n  - host: ${host}\n    protocol: https\n    decision: allow\n`;
const rNet = (host: string) => `network_rule(host=${host}, protocol="https", decision="allow")\n`;
/** 52 of one finding: the YAML reader caps each kind at 50 and adds `too-many`. */
const many = (line: (i: number) => string) => Array.from({ length: 52 }, (_, i) => line(i)).join('');

const ROWS: Row[] = [
  // yaml
  { expect: 'yaml/too-large', ...y('big', ''), options: { maxBytes: 4 } },
  { expect: 'yaml/invalid-utf8', path: 'bad.yaml', input: Uint8Array.from([0x76, 0x3a, 0x20, 0xff, 0x0a]) },
  { expect: 'yaml/too-deep', ...y('deep', `rules: ${'['.repeat(101)}${']'.repeat(101)}\n`) },
  { expect: 'yaml/syntax-error', ...y('syntax', 'rules: [\n') },
  { expect: 'yaml/directive', path: 'directive.yaml', input: '%YAML 1.2\n---\nversion: 1\n' },
  { expect: 'yaml/multiple-documents', ...y('docs', '---\nversion: 1\n') },
  { expect: 'yaml/anchor', ...y('anchor', 'rules:\n  - &a {pattern: [git]}\n') },
  { expect: 'yaml/alias', ...y('alias', 'rules:\n  - &a {pattern: [git]}\n  - *a\n') },
  { expect: 'yaml/tag', path: 'tag.yaml', input: 'version: !!int 1\n' },
  { expect: 'yaml/complex-key', ...y('complex', '? [a]\n: b\n') },
  { expect: 'yaml/duplicate-key', ...y('dupkey', 'version: 1\n') },
  { expect: 'yaml/empty-value', ...y('empty-value', yRule('justification:')) },
  { expect: 'yaml/non-string-scalar', ...y('number', 'rules:\n  - pattern: [python, 1.10]\n') },
  { expect: 'yaml/yaml11-boolean', ...y('yes', 'rules:\n  - pattern: [apt, yes]\n') },
  { expect: 'yaml/too-many', ...y('many-dupkeys', many(() => 'version: 1\n')) },
  // schema
  { expect: 'schema/empty-file', path: 'empty.yaml', input: '# nothing yet\n' },
  { expect: 'schema/type', ...y('type', 'rules: git\n') },
  { expect: 'schema/enum', ...y('enum', yRule('decision: alow')) },
  { expect: 'schema/const', path: 'const.yaml', input: 'version: 2\n' },
  { expect: 'schema/required', path: 'required.yaml', input: 'rules: []\n' },
  { expect: 'schema/unknown-key', ...y('unknown-key', 'rulez: []\n') },
  { expect: 'schema/bad-key', ...y('bad-key', 'settings:\n  checks:\n    Too_Specific: warn\n') },
  { expect: 'schema/pattern', ...y('pattern', 'rules:\n  - id: Git_Read\n    pattern: [git]\n') },
  { expect: 'schema/min-items', ...y('min-items', 'settings:\n  checks:\n    implicit-decision: [warn]\n') },
  { expect: 'schema/max-items', ...y('max-items', 'settings:\n  checks:\n    implicit-decision: [warn, {}, x]\n') },
  {
    expect: 'schema/duplicate-id',
    files: [
      ['a.yaml', 'version: 1\nrules:\n  - id: git-read\n    pattern: [git, status]\n'],
      ['b.yaml', 'version: 1\nrules:\n  - id: git-read\n    pattern: [git, log]\n'],
    ],
  },
  { expect: 'schema/too-many', ...y('many-keys', many((i) => `key${i}: x\n`)) },
  // rules-syntax
  { expect: 'rules-syntax/too-large', ...r('big', 'prefix_rule(pattern=["git"])\n'), options: { maxBytes: 4 } },
  { expect: 'rules-syntax/invalid-utf8', path: 'bad.rules', input: Uint8Array.from([0x23, 0xc3, 0x28, 0x0a]) },
  { expect: 'rules-syntax/syntax', ...r('syntax', 'prefix_rule(pattern=["git"]\n') },
  { expect: 'rules-syntax/syntax', ...r('string', 'prefix_rule(pattern=["git])\n') },
  { expect: 'rules-syntax/syntax', ...r('leading-zero', 'prefix_rule(pattern=["git"], match=[01])\n') },
  { expect: 'rules-syntax/syntax', ...r('positional', 'prefix_rule(pattern=["git"], "allow")\n') },
  { expect: 'rules-syntax/tab', ...r('tab', 'if True:\n\tpass\n') },
  { expect: 'rules-syntax/indentation', ...r('indent', '  prefix_rule(pattern=["git"])\n') },
  { expect: 'rules-syntax/too-deep', ...r('deep', `prefix_rule(pattern=${'['.repeat(101)}${']'.repeat(101)})\n`) },
  { expect: 'rules-syntax/variable', ...r('assign', 'GIT = "git"\n') },
  { expect: 'rules-syntax/variable', ...r('name', 'prefix_rule(pattern=[git])\n') },
  { expect: 'rules-syntax/def', ...r('def', 'def rule():\n    pass\n') },
  { expect: 'rules-syntax/loop', ...r('loop', 'for x in ["a"]:\n    pass\n') },
  { expect: 'rules-syntax/if', ...r('if', 'if True:\n    pass\n') },
  { expect: 'rules-syntax/load', ...r('load', 'load("defs.star", "rule")\n') },
  { expect: 'rules-syntax/statement', ...r('statement', '1\n') },
  { expect: 'rules-syntax/call', ...r('call-statement', 'len([])\n') },
  { expect: 'rules-syntax/call', ...r('call-argument', 'prefix_rule(pattern=[str(1)])\n') },
  { expect: 'rules-syntax/unknown-function', ...r('unknown-function', 'prefix_rules(pattern=["git"])\n') },
  { expect: 'rules-syntax/f-string', ...r('f-string', 'prefix_rule(pattern=[f"git"])\n') },
  { expect: 'rules-syntax/unpacking', ...r('unpacking', 'prefix_rule(*[["git"]])\n') },
  { expect: 'rules-syntax/operator', ...r('operator', 'prefix_rule(pattern=["g" + "it"])\n') },
  { expect: 'rules-syntax/conditional', ...r('conditional', 'prefix_rule(pattern=["git" if True else "hg"])\n') },
  { expect: 'rules-syntax/lambda', ...r('lambda', 'prefix_rule(pattern=[lambda: "git"])\n') },
  { expect: 'rules-syntax/comprehension', ...r('comprehension', 'prefix_rule(pattern=[x for x in ["git"]])\n') },
  { expect: 'rules-syntax/attribute', ...r('attribute', 'prefix_rule(pattern=[tools.git])\n') },
  { expect: 'rules-syntax/subscript', ...r('subscript', 'prefix_rule(pattern=["git"][0])\n') },
  // codex-load: the builtins' arguments (.rules only: YAML has the schema for these)
  { expect: 'codex-load/too-many-arguments', ...r('too-many', 'prefix_rule(["git"], "allow", [], [], "j", False, 1)\n') },
  { expect: 'codex-load/unknown-argument', ...r('unknown-argument', 'prefix_rule(pattern=["git"], reason="x")\n') },
  { expect: 'codex-load/repeated-argument', ...r('repeated', 'prefix_rule(["git"], pattern=["git"])\n') },
  { expect: 'codex-load/missing-argument', ...r('missing', 'prefix_rule(decision="allow")\n') },
  { expect: 'codex-load/pattern-type', ...r('pattern-type', 'prefix_rule(pattern="git")\n') },
  { expect: 'codex-load/decision-type', ...r('decision-type', 'prefix_rule(pattern=["git"], decision=1)\n') },
  { expect: 'codex-load/justification-type', ...r('justification-type', 'prefix_rule(pattern=["git"], justification=None)\n') },
  { expect: 'codex-load/match-type', ...r('match-type', 'prefix_rule(pattern=["git"], match="git")\n') },
  { expect: 'codex-load/not-match-type', ...r('not-match-type', 'prefix_rule(pattern=["git"], not_match="git")\n') },
  { expect: 'codex-load/canonical-matching-type', ...r('canonical-type', 'prefix_rule(pattern=["git"], canonical_matching="yes")\n') },
  { expect: 'codex-load/name-type', ...r('name-type', 'host_executable(name=1, paths=["/usr/bin/git"])\n') },
  { expect: 'codex-load/paths-type', ...r('paths-type', 'host_executable(name="git", paths="/usr/bin/git")\n') },
  { expect: 'codex-load/host-type', ...r('host-type', rNet('1')) },
  { expect: 'codex-load/protocol-type', ...r('protocol-type', 'network_rule(host="a.com", protocol=1, decision="allow")\n') },
  // codex-load: prefix_rule
  { expect: 'codex-load/pattern-empty', ...y('pattern-empty', 'rules:\n  - pattern: []\n') },
  { expect: 'codex-load/pattern-empty', ...r('pattern-empty', 'prefix_rule(pattern=[])\n') },
  { expect: 'codex-load/pattern-element-type', ...r('element-type', 'prefix_rule(pattern=["git", ("a", "b")])\n') },
  { expect: 'codex-load/pattern-alternatives-empty', ...y('alternatives-empty', 'rules:\n  - pattern: [git, []]\n') },
  { expect: 'codex-load/pattern-alternatives-empty', ...r('alternatives-empty', 'prefix_rule(pattern=["git", []])\n') },
  { expect: 'codex-load/pattern-alternative-type', ...r('alternative-type', 'prefix_rule(pattern=["git", ["a", 1]])\n') },
  { expect: 'codex-load/decision-invalid', ...r('decision-invalid', 'prefix_rule(pattern=["git"], decision="deny")\n') },
  { expect: 'codex-load/justification-blank', ...y('justification-blank', yRule('justification: " "')) },
  { expect: 'codex-load/justification-blank', ...r('justification-blank', 'prefix_rule(pattern=["git"], justification=" ")\n') },
  { expect: 'codex-load/example-shell-syntax', ...y('shell-syntax', yRule(`match: ["git 'x"]`)) },
  { expect: 'codex-load/example-shell-syntax', ...r('shell-syntax', `prefix_rule(pattern=["git"], match=["git 'x"])\n`) },
  { expect: 'codex-load/example-empty-string', ...y('empty-string', yRule('not_match: ["  "]')) },
  { expect: 'codex-load/example-empty-string', ...r('empty-string', 'prefix_rule(pattern=["git"], match=[""])\n') },
  { expect: 'codex-load/example-empty-list', ...y('empty-list', yRule('match: [[]]')) },
  { expect: 'codex-load/example-empty-list', ...r('empty-list', 'prefix_rule(pattern=["git"], match=[[]])\n') },
  { expect: 'codex-load/example-token-type', ...r('token-type', 'prefix_rule(pattern=["git"], match=[["git", 1]])\n') },
  { expect: 'codex-load/example-type', ...r('example-type', 'prefix_rule(pattern=["git"], match=[1])\n') },
  // codex-load: host_executable
  { expect: 'codex-load/host-name-empty', ...y('host-name-empty', yHost('""', '/usr/bin/git')) },
  { expect: 'codex-load/host-name-empty', ...r('host-name-empty', 'host_executable(name="", paths=["/usr/bin/git"])\n') },
  { expect: 'codex-load/host-name-not-bare', ...y('not-bare', yHost('/usr/bin/git', '/usr/bin/git')) },
  { expect: 'codex-load/host-name-not-bare', ...r('not-bare', 'host_executable(name="/usr/bin/git", paths=["/usr/bin/git"])\n') },
  { expect: 'codex-load/host-path-type', ...r('path-type', 'host_executable(name="git", paths=[1])\n') },
  { expect: 'codex-load/host-path-not-absolute', ...y('not-absolute', yHost('git', 'bin/git')) },
  { expect: 'codex-load/host-path-not-absolute', ...r('not-absolute', 'host_executable(name="git", paths=["bin/git"])\n') },
  { expect: 'codex-load/host-path-basename', ...y('basename', yHost('git', '/usr/bin/hg')) },
  { expect: 'codex-load/host-path-basename', ...r('basename', 'host_executable(name="git", paths=["/usr/bin/hg"])\n') },
  // codex-load: network_rule (protocol and decision: the schema's enums in YAML)
  { expect: 'codex-load/network-protocol-invalid', ...r('protocol', 'network_rule(host="a.com", protocol="ftp", decision="allow")\n') },
  { expect: 'codex-load/network-decision-invalid', ...r('decision', 'network_rule(host="a.com", protocol="https", decision="ask")\n') },
  { expect: 'codex-load/network-host-empty', ...y('host-empty', yNet('" "')) },
  { expect: 'codex-load/network-host-empty', ...r('host-empty', rNet('"..."')) },
  { expect: 'codex-load/network-host-not-host', ...y('not-host', yNet('https://a.com')) },
  { expect: 'codex-load/network-host-not-host', ...r('not-host', rNet('"a.com/path"')) },
  { expect: 'codex-load/network-host-ipv6', ...y('ipv6', yNet('"[::1"')) },
  { expect: 'codex-load/network-host-ipv6', ...r('ipv6', rNet('"[::1"')) },
  { expect: 'codex-load/network-host-suffix', ...y('suffix', yNet('"[::1]x"')) },
  { expect: 'codex-load/network-host-suffix', ...r('suffix', rNet('"[::1]x"')) },
  { expect: 'codex-load/network-host-wildcard', ...y('wildcard', yNet('"*.a.com"')) },
  { expect: 'codex-load/network-host-wildcard', ...r('wildcard', rNet('"*.a.com"')) },
  { expect: 'codex-load/network-host-whitespace', ...y('whitespace', yNet('"a b.com"')) },
  { expect: 'codex-load/network-host-whitespace', ...r('whitespace', rNet('"a b.com"')) },
  { expect: 'codex-load/too-many', ...y('many-blank', `rules:\n${many(() => '  - pattern: [git]\n    justification: " "\n')}`) },
  // example-mismatch
  { expect: 'example-mismatch/not-match-matches', ...y('not-match', yRule('not_match: ["git status"]')) },
  { expect: 'example-mismatch/not-match-matches', ...r('not-match', 'prefix_rule(pattern=["git"], not_match=["git status"])\n') },
  { expect: 'example-mismatch/match-unmatched', ...y('match', yRule('match: ["hg status"]')) },
  { expect: 'example-mismatch/match-unmatched', ...r('match', 'prefix_rule(pattern=["git"], match=["hg status"])\n') },
];

const registered = (check: string, messageId: string): boolean =>
  Object.hasOwn(loaderMessages, check) && Object.hasOwn(loaderMessages[check as LoaderCheckId], messageId);

const key = (d: Diagnostic) => `${d.check}/${d.messageId}`;

let dir: string;
const emitted = new Map<Row, Diagnostic[]>();

async function run(row: Row): Promise<Diagnostic[]> {
  if (row.files) {
    const paths = row.files.map(([name, text]) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    });
    return (await loadRuleFiles(paths)).diagnostics;
  }
  return (await loadRuleText(row.path!, row.input!, row.options ?? {})).diagnostics;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'escalint-structural-'));
  for (const row of ROWS) emitted.set(row, await run(row));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('structural messageIds', () => {
  it.each(ROWS.map((row) => [row.expect, row.path ?? row.files!.map((f) => f[0]).join(' + '), row] as const))(
    '%s from %s',
    (id, _where, row) => {
      expect(emitted.get(row)!.map(key)).toContain(id);
    },
  );

  it('registers every (check, messageId) the loaders emit for the table', () => {
    const unregistered = [...emitted.values()].flat().filter((d) => !registered(d.check, d.messageId));
    expect(unregistered.map(key)).toEqual([]);
  });

  it('has no registered messageId that no input produces', () => {
    const produced = new Set([...emitted.values()].flat().map(key));
    const all = Object.entries(loaderMessages).flatMap(([check, messages]) => Object.keys(messages).map((id) => `${check}/${id}`));
    expect(all.filter((id) => !produced.has(id))).toEqual([]);
    expect(all.length).toBeGreaterThan(80);
  });

  it('gives each structural check that loaders report the registered table as its meta.messages', () => {
    for (const [check, messages] of Object.entries(loaderMessages)) {
      expect(structuralChecks.find((c) => c.id === check)?.meta.messages).toBe(messages);
    }
  });

  it('writes every id in kebab-case and every template as one lowercase line (style.md rule 5)', () => {
    for (const [check, messages] of Object.entries(loaderMessages)) {
      for (const [id, text] of Object.entries(messages)) {
        expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(text, `${check}/${id}`).toMatch(/^[a-z{"][^\n]*[^.\n]$/);
      }
    }
  });

  it('lists every registered messageId, and no other, in the check\'s section of docs/checks.md', () => {
    const doc = readFileSync(new URL('docs/checks.md', root), 'utf8');
    for (const [check, messages] of Object.entries(loaderMessages)) {
      const start = doc.indexOf(`\n## ${check}\n`);
      expect(start, check).toBeGreaterThanOrEqual(0);
      const end = doc.indexOf('\n## ', start + 1);
      const section = doc.slice(start, end < 0 ? undefined : end);
      const listed = [...section.matchAll(/^- `([a-z0-9-]+)`/gm)].map((m) => m[1]);
      expect(listed, check).toEqual(Object.keys(messages));
    }
  });
});

// Ids computed from another module's values: their sources are kept in step here.
describe('computed ids', () => {
  it('maps every error code of the Starlark grammar to a rules-syntax id', () => {
    const dirUrl = new URL('grammar/starlark/', root);
    const codes = new Set<string>();
    for (const f of readdirSync(dirUrl).filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(new URL(f, dirUrl), 'utf8').matchAll(/\bcode: '([a-z-]+)'/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(3);
    expect([...codes].filter((c) => !Object.hasOwn(SYNTAX_CODE_IDS, c))).toEqual([]);
  });

  it('has a message for every keyword the schema validator reports', () => {
    const source = readFileSync(new URL('src/rules/yaml-validator.ts', root), 'utf8');
    const keywords = new Set([...source.matchAll(/keyword:"([A-Za-z]+)"/g)].map((m) => m[1]!));
    expect(keywords.size).toBeGreaterThan(5);
    expect([...keywords].filter((k) => !(MAPPED_KEYWORDS as readonly string[]).includes(k))).toEqual([]);
  });
});
