// Runs the hook library as the CLI does, on rules given as YAML text: load, evaluate, judge, and
// the line each agent gets.
import { Evaluator } from '../../src/engine/evaluate.js';
import { LineIndex } from '../../src/format/lines.js';
import type { HookEventKind } from '../../src/hook/event.js';
import { judgeCommand, type HookVerdict } from '../../src/hook/judge.js';
import { hookOutput } from '../../src/hook/output.js';
import { loadRuleText } from '../../src/load.js';

export interface Judge {
  verdict: (command: string | string[]) => HookVerdict;
  output: (kind: HookEventKind, command: string | string[]) => string;
}

/** A judge over `yaml` loaded as the file `rules.yaml` (positions are rendered `rules.yaml:<line>`). */
export async function judgeWith(yaml: string): Promise<Judge> {
  const loaded = await loadRuleText('rules.yaml', yaml);
  const blocking = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (blocking.length > 0) throw new Error(`test rules do not load: ${blocking[0]!.message}`);
  const evaluator = new Evaluator(loaded.ruleSet, { cwd: '/work', home: '/home/me' });
  const lines = new LineIndex(yaml);
  const ctx = {
    evaluate: (c: string) => evaluator.evaluate(c),
    ruleLocation: (rule: { source: { start: number } }) => `rules.yaml:${lines.position(rule.source.start).line}`,
    hasForbidden: loaded.ruleSet.rules.some((r) => r.decision === 'forbidden'),
  };
  const verdict = (command: string | string[]) => judgeCommand(command, ctx);
  return { verdict, output: (kind, command) => hookOutput(kind, verdict(command)) };
}
