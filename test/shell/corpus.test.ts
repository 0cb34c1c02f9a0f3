// Every case of the labelled corpus (test/fixtures/shell-segments.json, copied from
// ../shared/corpus): the segments bash runs, in source order, plus the wrapped commands.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/shell/parse.js';

interface Case {
  id: string;
  script: string;
  segments?: string[][];
  wrapped?: string[][];
  assigns?: string[][];
  redirects?: string[][];
  error?: boolean;
  also_ok?: { error?: boolean; segments?: string[][]; wrapped?: string[][] }[];
  bash_n_ok: boolean;
}

const corpus = JSON.parse(readFileSync(new URL('../fixtures/shell-segments.json', import.meta.url), 'utf8')) as { cases: Case[] };

function view(script: string) {
  const r = parseShell(script);
  const outer = r.segments.filter((s) => !s.context.includes('wrapped'));
  const wrapped = r.segments.filter((s) => s.context.includes('wrapped'));
  return { r, outer, wrapped, error: r.diagnostics.length > 0 };
}

function matches(c: { error?: boolean; segments?: string[][]; wrapped?: string[][] }, v: ReturnType<typeof view>): boolean {
  if (c.error) return v.error;
  if (v.error) return false;
  const got = JSON.stringify({ s: v.outer.map((s) => s.argv), w: v.wrapped.map((s) => s.argv) });
  const want = JSON.stringify({ s: c.segments ?? [], w: c.wrapped ?? [] });
  return got === want;
}

describe('shell-segments corpus', () => {
  for (const c of corpus.cases) {
    it(`${c.id}: ${JSON.stringify(c.script).slice(0, 60)}`, () => {
      const v = view(c.script);
      const ok = matches(c, v) || (c.also_ok ?? []).some((alt) => matches(alt, v));
      if (!ok) {
        expect({
          error: v.error,
          diagnostics: v.r.diagnostics.map((d) => d.message),
          segments: v.outer.map((s) => s.argv),
          wrapped: v.wrapped.map((s) => s.argv),
        }).toEqual({ error: Boolean(c.error), diagnostics: [], segments: c.segments ?? [], wrapped: c.wrapped ?? [] });
      }
      // bash -n agreement on valid/invalid.
      expect(!v.error || Boolean(c.also_ok?.some((a) => a.error))).toBe(c.bash_n_ok);
      if (!v.error && c.assigns && !c.error) {
        expect(v.outer.map((s) => s.assigns)).toEqual(c.assigns);
      }
      if (!v.error && c.redirects && !c.error) {
        expect(v.outer.flatMap((s) => s.redirects.map((r) => [r.op, r.target]))).toEqual(c.redirects);
      }
    });
  }
});
