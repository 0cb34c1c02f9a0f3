// `npm run diagrams`: writes the grammars' syntax diagrams (Chevrotain's createSyntaxDiagramsCode)
// to docs/. Reads the compiled grammars in dist/, so run `npm run build` first.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSyntaxDiagramsCode } from 'chevrotain';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const docs = join(root, 'docs');

async function load(rel) {
  const file = join(root, 'dist', rel);
  if (!existsSync(file)) {
    process.stderr.write(`escalint diagrams: ${rel} is missing in dist/; run "npm run build" first\n`);
    process.exit(2);
  }
  return import(new URL(`file://${file}`).href);
}

function write(name, productions) {
  const html = createSyntaxDiagramsCode(productions);
  writeFileSync(join(docs, name), html.endsWith('\n') ? html : `${html}\n`);
  process.stdout.write(`wrote docs/${name} (${productions.length} rules)\n`);
}

mkdirSync(docs, { recursive: true });
const shell = await load('grammar/shell/parser.js');
write('shell-grammar.html', shell.grammarProductions());

// The Starlark (.rules) parser, when it is built: one instance, its productions.
const starlark = await load('grammar/starlark/parser.js');
if (typeof starlark.StarlarkParser === 'function') {
  write('starlark-grammar.html', new starlark.StarlarkParser().getSerializedGastProductions());
}
