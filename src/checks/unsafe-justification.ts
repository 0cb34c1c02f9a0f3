// A justification with hidden characters or instructions aimed at the model. Codex shows a rule's
// justification to the model when it refuses or asks (reference/codex-0.169.md §3), so whoever
// writes a rule file can speak to the agent through it (tables: src/knowledge/instruction-text.ts).
import { HIDDEN_CHARACTERS, INSTRUCTION_PHRASES } from '../knowledge/instruction-text.js';
import { defineCheck } from './define.js';
import { patternLabel } from './edits.js';

export const unsafeJustification = defineCheck({
  id: 'unsafe-justification',
  meta: {
    description: 'a justification with hidden characters or instruction-like text aimed at the model',
    docs:
      'Codex puts a rule\'s justification into what the model reads when a command is refused or needs ' +
      'approval. Bidirectional controls, zero-width and tag characters hide or reorder text from a reviewer; ' +
      'line breaks and phrases such as "ignore previous instructions" or "always approve" address the model. ' +
      'A justification should be one plain line saying why the rule exists.',
    defaultSeverity: 'error',
    messages: {
      hidden: 'justification of {{pattern}} contains {{what}} at U+{{code}}; remove it, Codex shows justifications to the model',
      instruction: 'justification of {{pattern}} {{what}} ("{{excerpt}}"); say only why the rule exists, Codex shows justifications to the model',
    },
  },
  run(ctx) {
    for (const rule of ctx.ruleSet.rules) {
      const text = rule.justification;
      if (text === undefined) continue;
      const at = rule.justificationSource ?? rule.patternSource;
      const pattern = patternLabel(rule.pattern);
      const hidden = HIDDEN_CHARACTERS.find((h) => h.test.test(text));
      if (hidden) {
        const cp = text.match(hidden.test)![0].codePointAt(0)!;
        ctx.report({ messageId: 'hidden', data: { pattern, what: hidden.what, code: cp.toString(16).toUpperCase().padStart(4, '0') }, at });
        continue;
      }
      for (const phrase of INSTRUCTION_PHRASES) {
        const m = phrase.test.exec(text);
        if (!m) continue;
        const excerpt = m[0].length > 60 ? `${m[0].slice(0, 57)}...` : m[0];
        ctx.report({ messageId: 'instruction', data: { pattern, what: phrase.what, excerpt }, at });
        break;
      }
    }
  },
});
