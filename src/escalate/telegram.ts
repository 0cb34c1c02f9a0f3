// Requests that reach Codex through a Telegram bot (design.md §8). The bot wraps its own context
// (chat, user, instructions for the agent) around the user's message, either as
// `<TELEGRAM_BOT_CONTEXT> … </TELEGRAM_BOT_CONTEXT>` or as a fenced block whose info string is
// `TELEGRAM_BOT_CONTEXT`. The user's request is everything outside that block; the block itself is
// never part of it.

export interface TelegramPrompt {
  /** True when the prompt holds a TELEGRAM_BOT_CONTEXT block. */
  telegram: boolean;
  /** The prompt without its TELEGRAM_BOT_CONTEXT blocks, trimmed: the user's own words. */
  request: string;
}

const OPEN_TAG = /<TELEGRAM_BOT_CONTEXT(?:\s[^>]*)?>/;
const CLOSE_TAG = /<\/TELEGRAM_BOT_CONTEXT\s*>/;
/** A CommonMark fence opening a TELEGRAM_BOT_CONTEXT block: up to 3 spaces, ``` or ~~~ (or longer), the info string. */
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*TELEGRAM_BOT_CONTEXT[ \t]*$/;

/** Removes fenced TELEGRAM_BOT_CONTEXT blocks; an unclosed one runs to the end, as in CommonMark. */
function withoutFencedBlocks(lines: string[], parts: string[][]): boolean {
  let found = false;
  let current: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]!);
    if (open === null) {
      current.push(lines[i]!);
      continue;
    }
    found = true;
    parts.push(current);
    current = [];
    const fence = open[1]!;
    // The closing fence: the same character, at least as long, nothing after it but blanks.
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j]!)) j++;
    i = j; // skips the closing fence too (or runs off the end)
  }
  parts.push(current);
  return found;
}

/** Removes `<TELEGRAM_BOT_CONTEXT> … </TELEGRAM_BOT_CONTEXT>` blocks; an unclosed one runs to the end. */
function withoutTagBlocks(text: string, pieces: string[]): boolean {
  let found = false;
  let rest = text;
  for (;;) {
    const open = OPEN_TAG.exec(rest);
    if (open === null) break;
    found = true;
    pieces.push(rest.slice(0, open.index));
    const after = rest.slice(open.index + open[0].length);
    const close = CLOSE_TAG.exec(after);
    rest = close === null ? '' : after.slice(close.index + close[0].length);
  }
  pieces.push(rest);
  return found;
}

/** Whether `prompt` came through the Telegram bot, and the user's own request in it. */
export function readTelegramPrompt(prompt: string): TelegramPrompt {
  const text = prompt.replace(/\r\n?/g, '\n');
  const fencedParts: string[][] = [];
  const fenced = withoutFencedBlocks(text.split('\n'), fencedParts);
  const pieces: string[] = [];
  let tagged = false;
  for (const part of fencedParts) {
    const sub: string[] = [];
    if (withoutTagBlocks(part.join('\n'), sub)) tagged = true;
    pieces.push(...sub);
  }
  const request = pieces
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join('\n');
  return { telegram: fenced || tagged, request };
}
