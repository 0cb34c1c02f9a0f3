// The capability tables of escalate: every entry says why, names a known capability, and lookups
// never find a member of Object.prototype.
import { describe, expect, it } from 'vitest';
import {
  CAPABILITIES,
  CAPABILITY_NAMES,
  PROGRAMS,
  SUBCOMMANDS,
  WRITERS,
  isHarmlessWriteTarget,
  isNeed,
  isProtectedWorkspaceFolder,
  programNeed,
  subcommandTable,
  writerSpec,
  type Need,
  type SubcommandTable,
} from '../../src/knowledge/capabilities.js';
import { FAILURE_PATTERNS, OUTPUT_NOISE } from '../../src/knowledge/sandbox-failures.js';

const oneLine = (s: string) => s.trim() !== '' && !s.includes('\n');

function needs(table: SubcommandTable, path: string[] = []): [string, Need][] {
  return Object.entries(table).flatMap(([k, v]) => (isNeed(v) ? [[[...path, k].join(' '), v] as [string, Need]] : needs(v, [...path, k])));
}

describe('capability tables', () => {
  it('orders the capabilities as reported, each with a reason', () => {
    expect(CAPABILITY_NAMES).toEqual(['network', 'git-remote', 'package-install', 'service-control', 'write-outside-workspace', 'gui']);
    for (const c of Object.values(CAPABILITIES)) expect(oneLine(c.reason)).toBe(true);
  });

  it('gives every program, sub-command, writer and failure pattern a one-line reason and a known capability', () => {
    const all: [string, Need][] = [
      ...Object.entries(PROGRAMS),
      ...Object.entries(SUBCOMMANDS).flatMap(([program, t]) => needs(t, [program])),
      ...FAILURE_PATTERNS.map((f): [string, Need] => [f.id, { capability: f.capability, reason: f.reason }]),
    ];
    expect(all.length).toBeGreaterThan(80);
    for (const [name, n] of all) {
      expect(oneLine(n.reason), name).toBe(true);
      expect(CAPABILITY_NAMES, name).toContain(n.capability);
    }
    for (const w of Object.values(WRITERS)) expect(oneLine(w.reason)).toBe(true);
    for (const n of OUTPUT_NOISE) expect(oneLine(n.reason)).toBe(true);
    expect(new Set(FAILURE_PATTERNS.map((f) => f.id)).size).toBe(FAILURE_PATTERNS.length);
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])('finds nothing for %s', (name) => {
    expect(programNeed(name)).toBeUndefined();
    expect(subcommandTable(name)).toBeUndefined();
    expect(writerSpec(name)).toBeUndefined();
    expect(isHarmlessWriteTarget(name)).toBe(false);
    expect(isProtectedWorkspaceFolder(name)).toBe(false);
  });

  it('knows the targets the sandbox does not guard', () => {
    expect(['/dev/null', '/dev/stderr', '/dev/fd/3', '/proc/self/fd/1'].map(isHarmlessWriteTarget)).toEqual([true, true, true, true]);
    expect(['/dev/sda', '/dev/fd/x', '/etc/hosts'].map(isHarmlessWriteTarget)).toEqual([false, false, false]);
  });
});
