// The output formats of `escalint check` (design.md §5). `satisfies` keeps the table complete.
import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const formatNames = ['stylish', 'compact', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof formatNames)[number];

export const formatters = { stylish, compact, json, sarif, github } satisfies Record<FormatName, Formatter>;

export function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}

export type { FormatContext, Formatter } from './types.js';
export { LineIndex, locate } from './lines.js';
export type { LocatedDiagnostic, Position } from './lines.js';
