// GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
// Escaping follows @actions/core's `escapeData` / `escapeProperty`: `%`, CR and LF in the message;
// additionally `:` and `,` in properties, which would otherwise end the property.
import { LineIndex, locate } from './lines.js';
import { relativePath, type Formatter } from './types.js';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = (results, ctx) => {
  let out = '';
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const index = new LineIndex(result.text);
    const file = escapeProperty(relativePath(ctx.cwd, result.filePath));
    for (const d of locate(index, result.diagnostics)) {
      const command = d.severity === 'error' ? 'error' : 'warning';
      const props =
        `file=${file},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},` +
        `title=${escapeProperty(`escalint (${d.check})`)}`;
      out += `::${command} ${props}::${escapeData(d.message)}\n`;
    }
  }
  return out;
};
