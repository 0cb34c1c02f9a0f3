// The one guard every rule-file reader passes its input through (design.md §2): the size limit,
// checked before anything else reads the text, then UTF-8 validity for bytes. Codex refuses a
// rule file that is not UTF-8 too. Structural depth is the readers' own business.
import { isUtf8 } from 'node:buffer';
import type { LoaderMessageId } from '../checks/structural.js';
import { DEFAULT_MAX_BYTES, firstInvalidUtf8, tooLargeMessage } from './yaml-limits.js';

export interface DecodeProblem {
  /** Reported as `yaml` or `rules-syntax` by the reader: registered for both (else no compile). */
  messageId: ('too-large' | 'invalid-utf8') & LoaderMessageId<'yaml'> & LoaderMessageId<'rules-syntax'>;
  /** Half-open UTF-16 offsets into `text` (the bad byte's character for invalid UTF-8). */
  start: number;
  end: number;
  message: string;
}

export interface Decoded {
  /** The text as decoded ('' when the file is too large to read at all). */
  text: string;
  /** Why the reader must stop here, when it must. */
  problem?: DecodeProblem;
}

/** A size problem for a file of `size` bytes, or undefined when it is within `maxBytes`. */
export function sizeProblem(size: number, maxBytes: number = DEFAULT_MAX_BYTES): DecodeProblem | undefined {
  return size > maxBytes ? { messageId: 'too-large', start: 0, end: 0, message: tooLargeMessage(size, maxBytes) } : undefined;
}

/** Decodes a rule file's bytes (or checks the size of text already decoded). */
export function decodeRuleFile(input: string | Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): Decoded {
  if (typeof input === 'string') {
    // UTF-16 length is at most the UTF-8 length, so a long string needs no byte count.
    const size = input.length > maxBytes ? input.length : Buffer.byteLength(input, 'utf8');
    const problem = sizeProblem(size, maxBytes);
    return problem ? { text: '', problem } : { text: input };
  }
  const tooLarge = sizeProblem(input.length, maxBytes);
  if (tooLarge) return { text: '', problem: tooLarge };
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.length);
  const text = bytes.toString('utf8');
  // isUtf8 (native) accepts exactly what firstInvalidUtf8 does; the JS scan only places the error.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(input);
  if (bad < 0) return { text };
  // Offsets are UTF-16 units of the text before the bad byte, so formatters can place it.
  const at = bytes.subarray(0, bad).toString('utf8').length;
  const hex = bytes[bad]!.toString(16).padStart(2, '0');
  return {
    text,
    problem: {
      messageId: 'invalid-utf8',
      start: at,
      end: at + 1,
      message: `invalid UTF-8 (byte 0x${hex} at byte offset ${bad}); save the file as UTF-8`,
    },
  };
}
