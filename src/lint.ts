// The diagnostic pipeline of `escalint check` (src/lint-core.ts) with the Codex .rules reader
// registered, so that `lintFiles` reads `.rules` files as well as YAML. Library users and tests
// import this module; the CLI imports lint-core.ts and loads the .rules reader only when a .rules
// file is given, so that a YAML-only run never loads the Starlark grammar and Chevrotain.
import './rules/starlark.js';

export * from './lint-core.js';
