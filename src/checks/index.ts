// The check registry: an explicit, ordered list (style.md "Registries are explicit ordered
// arrays"). Findings are reported in this order before sorting by position, so the order only
// matters for ties. A new check is one file named by its id plus one line here; the pipeline
// (src/lint.ts) needs no change. test/checks/meta.test.ts keeps every entry documented and tested.
import type { Check, CheckMeta } from './define.js';
import { absolutePath } from './absolute-path.js';
import { arbitraryCode } from './arbitrary-code.js';
import { codexScriptGap } from './codex-script-gap.js';
import { shellWrapper } from './shell-wrapper.js';
import { dangerousAllow } from './dangerous-allow.js';
import { duplicateRule } from './duplicate-rule.js';
import { envAssignment } from './env-assignment.js';
import { globLiteral } from './glob-literal.js';
import { implicitDecision } from './implicit-decision.js';
import { ineffectiveRule } from './ineffective-rule.js';
import { missingJustification } from './missing-justification.js';
import { optionBypass } from './option-bypass.js';
import { redundantRule } from './redundant-rule.js';
import { tooSpecific } from './too-specific.js';
import { unsafeJustification } from './unsafe-justification.js';
import { wholeCommand } from './whole-command.js';
import { structuralChecks } from './structural.js';

export const checks: readonly Check[] = [
  tooSpecific,
  wholeCommand,
  shellWrapper,
  envAssignment,
  absolutePath,
  globLiteral,
  arbitraryCode,
  dangerousAllow,
  optionBypass,
  codexScriptGap,
  implicitDecision,
  missingJustification,
  unsafeJustification,
  duplicateRule,
  redundantRule,
  ineffectiveRule,
];

export { defineCheck, formatMessage } from './define.js';
export type { Check, CheckContext, CheckMeta, Finding } from './define.js';
export { structuralChecks } from './structural.js';
export type { StructuralCheck } from './structural.js';

export interface CheckInfo {
  id: string;
  meta: CheckMeta;
  /** Always an error, never silenced by a directive (yaml, schema, rules-syntax). */
  fixed: boolean;
  /** True for the loaders' and configuration ids, false for registered checks. */
  structural: boolean;
}

/** Every check id escalint knows, structural first, then the registry, in order. */
export function allChecks(registry: readonly Check[] = checks): CheckInfo[] {
  return [
    ...structuralChecks.map((c) => ({ id: c.id, meta: c.meta, fixed: c.fixed, structural: true })),
    ...registry.map((c) => ({ id: c.id, meta: c.meta, fixed: false, structural: false })),
  ];
}
