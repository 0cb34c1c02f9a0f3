// `escalint schema`: prints the rule-file JSON Schema (schemas/escalint.schema.json).
import type { Command } from 'commander';
import type { CommandContext } from './main.js';

export function registerSchema(program: Command, ctx: CommandContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of the rule file (for editors and other tools)')
    .action(async () => {
      const { ruleFileSchemaText } = await import('../rules/schema.js');
      ctx.io.stdout(ruleFileSchemaText());
    });
}
