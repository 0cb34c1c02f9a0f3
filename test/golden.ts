// Golden files: compared byte for byte; a missing golden fails (it is never written silently);
// `UPDATE_GOLDEN=1` is the one way to (re)write them. Read the diff before committing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export const updatingGoldens = process.env.UPDATE_GOLDEN === '1';

/** Compares `actual` with the golden file at `file` (a path or file URL). */
export function expectGolden(actual: string, file: string | URL): void {
  if (updatingGoldens) writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`golden file ${String(file)} is missing; write it with UPDATE_GOLDEN=1 and review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
