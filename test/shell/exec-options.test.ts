// Every entry of the tables that say what escalint understands — wrappers, shells, interpreters,
// options of ordinary tools that run programs, git configuration keys and options, ssh
// keywords, dangerous-variable patterns — is exercised by some row of the red-team table
// (style.md: a table entry no row reaches is knowledge nobody checks).
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_TABLES } from '../../src/knowledge/env.js';
import { EXEC_TOOL_NAMES, execTool, SSH_EXEC_KEYWORDS, type ExecTool } from '../../src/knowledge/exec-options.js';
import { GIT_CONFIG_RULES, GIT_PROGRAM_OPTIONS } from '../../src/knowledge/git.js';
import { INTERPRETER_NAMES, interpreterSpec } from '../../src/knowledge/interpreters.js';
import { SHELL_NAMES, WRAPPER_NAMES, wrapperSpec } from '../../src/knowledge/wrappers.js';
import { parseShell } from '../../src/shell/parse.js';
import type { Segment } from '../../src/types.js';
import { RED_TEAM } from './red-team-table.js';

const segments: Segment[] = RED_TEAM.flatMap(([script]) => parseShell(script).segments);
const heads = new Set(segments.map((s) => basename(s.argv[0] ?? '')));
const messages = segments.flatMap((s) => s.reasons.map((r) => ({ id: r.id, message: r.message, head: basename(s.argv[0] ?? '') })));

describe('every table entry is exercised by a red-team row', () => {
  it.each(WRAPPER_NAMES)('wrapper %s', (name) => {
    expect([...heads].some((h) => h === name && wrapperSpec(h) === wrapperSpec(name))).toBe(true);
  });

  it.each(SHELL_NAMES)('shell %s', (name) => {
    expect(heads.has(name)).toBe(true);
  });

  it.each(INTERPRETER_NAMES)('interpreter %s', (name) => {
    expect([...heads].some((h) => h === name && interpreterSpec(h) === interpreterSpec(name))).toBe(true);
  });

  // Each option entry of each tool (aliases share their tool's entries).
  const tools = new Map<ExecTool, string[]>();
  for (const n of EXEC_TOOL_NAMES) tools.set(execTool(n)!, [...(tools.get(execTool(n)!) ?? []), n]);
  const optionRows: [string, string, string][] = [];
  for (const [tool, names] of tools) for (const o of tool.options) optionRows.push([names.join('/'), o.options.join(' '), o.reason]);
  it.each(optionRows)('exec option %s %s', (_names, _options, reason) => {
    expect(messages.some((m) => m.id === 'exec-option' && m.message.includes(reason))).toBe(true);
  });

  it.each(Object.entries(SSH_EXEC_KEYWORDS).map(([k, v]) => [k, v.reason]))('ssh keyword %s', (_k, reason) => {
    expect(messages.some((m) => m.id === 'exec-option' && m.message.includes(reason))).toBe(true);
  });

  it.each(GIT_CONFIG_RULES.map((r) => [`${r.section}.${r.name}`, r.reason]))('git configuration %s', (_k, reason) => {
    expect(messages.some((m) => m.id === 'exec-option' && m.message.includes(reason))).toBe(true);
  });

  it.each(Object.entries(GIT_PROGRAM_OPTIONS).filter(([, v]) => !('config' in v)).map(([k, v]) => [k, v.reason]))('git option %s', (_k, reason) => {
    expect(messages.some((m) => m.id === 'exec-option' && m.message.includes(reason))).toBe(true);
  });

  const flaggedNames = messages.filter((m) => m.id === 'dangerous-env').map((m) => m.message.split(' ')[0]!);
  it.each(ENV_TABLES.prefixes)('dangerous variable prefix %s*', (p) => {
    expect(flaggedNames.some((n) => n.startsWith(p))).toBe(true);
  });
  it.each(ENV_TABLES.suffixes)('dangerous variable suffix *%s', (p) => {
    expect(flaggedNames.some((n) => n.endsWith(p))).toBe(true);
  });

  it('reasons of the git and exec tables are distinct, so a message names one entry', () => {
    const all = [...GIT_CONFIG_RULES.map((r) => r.reason), ...Object.values(GIT_PROGRAM_OPTIONS).map((v) => v.reason), ...optionRows.map((r) => r[2])];
    expect(new Set(all).size).toBe(all.length);
  });
});
