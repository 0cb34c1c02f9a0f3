// The output formats of `escalint check` (design.md §5). `satisfies` keeps the table complete.
import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { FormatName } from './names.js';
import type { Formatter } from './types.js';

export { formatNames, type FormatName } from './names.js';

export const formatters = { stylish, compact, json, sarif, github } satisfies Record<FormatName, Formatter>;

export type { FormatContext, Formatter } from './types.js';
export { LineIndex, locate } from './lines.js';
export type { LocatedDiagnostic, Position } from './lines.js';
