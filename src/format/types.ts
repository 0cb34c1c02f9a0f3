// What every formatter receives. Formatters only render: no I/O, no process.env.
import path from 'node:path';
import type { CheckInfo } from '../checks/index.js';
import type { LintFileResult } from '../lint.js';

export interface FormatContext {
  /** Directory that relative paths in the report are relative to (SARIF, github). */
  cwd: string;
  /** ANSI colours (stylish only); the CLI decides from --color, NO_COLOR and the TTY. */
  color: boolean;
  /** escalint's version (SARIF tool.driver.version). */
  toolVersion: string;
  /** Every check id escalint knows, for SARIF's rule table. */
  checks: readonly CheckInfo[];
}

export type Formatter = (results: readonly LintFileResult[], ctx: FormatContext) => string;

/** The project's home page, used for SARIF informationUri and each check's helpUri. */
export const HOMEPAGE = 'https://github.com/escalint/escalint';

export function helpUri(checkId: string): string {
  return `${HOMEPAGE}/blob/main/docs/checks.md#${checkId}`;
}

/** A path relative to `cwd` with forward slashes (what SARIF and GitHub annotations expect). */
export function relativePath(cwd: string, file: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return rel.split(path.sep).join('/');
}
