// codexRuleFolders: the folders whose rules/*.rules Codex 0.169.0 loads, lowest precedence first
// (reference/codex-0.169.md §0): system, user, then each trusted project folder from the root
// down to the working directory.
import { describe, expect, it } from 'vitest';
import { codexRuleFolders, findProjectRoot, trustedProjects } from '../../src/hook/codex-rules.js';

const base = { codexHome: '/home/me/.codex', systemDir: '/etc/codex' };

describe('codexRuleFolders', () => {
  it('reads a trusted project from its root down to the working directory', () => {
    const folders = codexRuleFolders({ ...base, cwd: '/src/app/pkg/a', projectRoot: '/src/app', trusted: new Set(['/src/app']) });
    expect(folders).toEqual([
      { layer: 'system', folder: '/etc/codex' },
      { layer: 'user', folder: '/home/me/.codex' },
      { layer: 'project', folder: '/src/app/.codex' },
      { layer: 'project', folder: '/src/app/pkg/.codex' },
      { layer: 'project', folder: '/src/app/pkg/a/.codex' },
    ]);
  });

  it('skips an untrusted project', () => {
    expect(codexRuleFolders({ ...base, cwd: '/src/app', projectRoot: '/src/app', trusted: new Set() }).map((f) => f.layer)).toEqual(['system', 'user']);
  });

  it('takes the working directory as the project outside a repository', () => {
    const folders = codexRuleFolders({ ...base, cwd: '/tmp/x', projectRoot: null, trusted: new Set(['/tmp/x']) });
    expect(folders.at(-1)).toEqual({ layer: 'project', folder: '/tmp/x/.codex' });
  });

  it('does not read $CODEX_HOME twice when the project is the home folder', () => {
    const folders = codexRuleFolders({ ...base, cwd: '/home/me', projectRoot: '/home/me', trusted: new Set(['/home/me']) });
    expect(folders.map((f) => f.folder)).toEqual(['/etc/codex', '/home/me/.codex']);
  });
});

describe('trustedProjects', () => {
  it('reads [projects."<dir>"] trust_level = "trusted"', () => {
    const toml = '[projects."/a"]\ntrust_level = "trusted"\n[projects."/b"]\ntrust_level = "untrusted"\n';
    expect([...trustedProjects(toml)]).toEqual(['/a']);
  });

  it('trusts nothing when there is no config or it does not parse', () => {
    expect(trustedProjects(null).size).toBe(0);
    expect(trustedProjects('projects = [').size).toBe(0);
  });
});

describe('findProjectRoot', () => {
  it('finds the nearest folder with .git, or null', () => {
    expect(findProjectRoot('/src/app/pkg', (d) => d === '/src/app')).toBe('/src/app');
    expect(findProjectRoot('/src/app/pkg', () => false)).toBeNull();
  });
});
