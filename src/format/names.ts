// The names of `escalint check`'s output formats (design.md §5), apart from the formatters
// themselves so that the CLI can validate `--format` without loading all five.
export const formatNames = ['stylish', 'compact', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof formatNames)[number];
