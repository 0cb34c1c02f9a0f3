// escalint's version, read from its package.json: `--version`, SARIF's tool.driver.version.
import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The version in escalint's package.json, from dist/src/cli (built) or src/cli (tests) alike. */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  const depth = import.meta.url.includes('/dist/') ? '../../../' : '../../';
  const pkg = JSON.parse(readFileSync(new URL(`${depth}package.json`, import.meta.url), 'utf8')) as { version: string };
  return (cached = pkg.version);
}
