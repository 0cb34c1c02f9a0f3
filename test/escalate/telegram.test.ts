// Telegram-bridged prompts: both wrapper spellings, the user's request outside the wrapper, and the
// exact re-send message.
import { describe, expect, it } from 'vitest';
import { telegramMessage } from '../../src/escalate/message.js';
import { readTelegramPrompt } from '../../src/escalate/telegram.js';

const CONTEXT = 'chat_id: 4242\nuser: @dev\nReply in the chat; the user cannot see the terminal.';

describe('readTelegramPrompt', () => {
  const rows: [string, string, boolean, string][] = [
    ['tag block before the request', `<TELEGRAM_BOT_CONTEXT>\n${CONTEXT}\n</TELEGRAM_BOT_CONTEXT>\n\ngit push origin main\n`, true, 'git push origin main'],
    ['tag block after the request', `npm install\n<TELEGRAM_BOT_CONTEXT>${CONTEXT}</TELEGRAM_BOT_CONTEXT>`, true, 'npm install'],
    ['tag block with attributes', `<TELEGRAM_BOT_CONTEXT source="bot">\n${CONTEXT}\n</TELEGRAM_BOT_CONTEXT>\ndeploy the site`, true, 'deploy the site'],
    ['request around the block', `push the branch\n<TELEGRAM_BOT_CONTEXT>\n${CONTEXT}\n</TELEGRAM_BOT_CONTEXT>\nthen open a PR`, true, 'push the branch\nthen open a PR'],
    ['unclosed tag block runs to the end', `git push\n<TELEGRAM_BOT_CONTEXT>\n${CONTEXT}`, true, 'git push'],
    ['fenced block', `\`\`\`TELEGRAM_BOT_CONTEXT\n${CONTEXT}\n\`\`\`\ngit push origin main`, true, 'git push origin main'],
    ['fenced block with tildes and a longer closing fence', `~~~ TELEGRAM_BOT_CONTEXT\n${CONTEXT}\n~~~~\ncurl https://example.com`, true, 'curl https://example.com'],
    ['fenced block holding a shorter fence', `\`\`\`\`TELEGRAM_BOT_CONTEXT\n\`\`\`\nnot the end\n\`\`\`\n\`\`\`\`\nnpm ci`, true, 'npm ci'],
    ['CRLF line ends', `\`\`\`TELEGRAM_BOT_CONTEXT\r\n${CONTEXT}\r\n\`\`\`\r\ngit fetch\r\n`, true, 'git fetch'],
    ['an ordinary fenced block is the request', '```bash\nnpm ci\n```', false, '```bash\nnpm ci\n```'],
    ['no block at all', '  git push origin main \n', false, 'git push origin main'],
    ['the name in running text is no block', 'what is TELEGRAM_BOT_CONTEXT for?', false, 'what is TELEGRAM_BOT_CONTEXT for?'],
    ['only the block', `<TELEGRAM_BOT_CONTEXT>${CONTEXT}</TELEGRAM_BOT_CONTEXT>`, true, ''],
  ];
  it.each(rows)('%s', (_, prompt, telegram, request) => {
    expect(readTelegramPrompt(prompt)).toEqual({ telegram, request });
  });

  it('never lets the wrapper into the request', () => {
    for (const [, prompt] of rows) expect(readTelegramPrompt(prompt).request).not.toContain('chat_id');
  });
});

describe('telegramMessage', () => {
  it('is the re-send alone in a fenced block', () => {
    expect(telegramMessage('git push origin main', false)).toBe('```\n∆ git push origin main\n```');
  });

  it('is followed by the control block with confirm buttons', () => {
    expect(telegramMessage('git push origin main', true)).toBe('```\n∆ git push origin main\n```\n\n```\n{"dangerous_confirm": true}\n```');
  });

  it('uses a fence longer than any backticks in the request', () => {
    expect(telegramMessage('run ```make``` please', false)).toBe('````\n∆ run ```make``` please\n````');
  });
});
