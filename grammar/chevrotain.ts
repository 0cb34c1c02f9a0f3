// Chevrotain, loaded from its single-file bundle. The package entry (lib/src/api.js) imports
// lodash-es as hundreds of separate modules, which costs about half a second at every start of
// the CLI; the bundle shipped in the same package (lib/chevrotain.min.mjs) has the same API and
// loads in a fraction of that. Falls back to the package entry if the bundle is not there.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Chevrotain from 'chevrotain';

async function load(): Promise<typeof Chevrotain> {
  try {
    const entry = createRequire(import.meta.url).resolve('chevrotain');
    return (await import(pathToFileURL(join(dirname(entry), '..', 'chevrotain.min.mjs')).href)) as typeof Chevrotain;
  } catch {
    return import('chevrotain');
  }
}

const chevrotain = await load();

export const { createToken, createTokenInstance, Lexer, EmbeddedActionsParser, LLkLookaheadStrategy, getLookaheadPaths, serializeGrammar } = chevrotain;
export type { IToken, TokenType } from 'chevrotain';
