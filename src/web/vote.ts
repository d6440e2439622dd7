/**
 * A vote as a page sends it: `{decision, option, name, confidence}` as JSON. Checked here for
 * shape and size only; whether the decision is open and the option one of its own is for the
 * machine to say, like for any other input.
 */
import { CONFIDENCES, type Confidence } from '../engine/records.js';

export const MAX_VOTE_BYTES = 2048;
const MAX_NAME = 60;

export interface PageVote {
  readonly decision: string;
  readonly option: string;
  readonly name: string;
  readonly confidence: Confidence;
}

/** The vote in `body`, or what is wrong with it (a sentence for the page to show). */
export function parseVote(body: string): PageVote | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { problem: 'The vote was not understood.' };
  }
  if (!value || typeof value !== 'object') return { problem: 'The vote was not understood.' };
  const v = value as Record<string, unknown>;
  const text = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : '');
  // Pasted control characters go, as they do from the facilitator's keyboard.
  const name = text('name')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .trim();
  if (!text('decision') || !text('option')) return { problem: 'Choose an option first.' };
  if (name === '') return { problem: 'Write your name, so the room knows whose vote it is.' };
  if (name.length > MAX_NAME) return { problem: `A name of at most ${MAX_NAME} characters, please.` };
  const confidence = text('confidence') as Confidence;
  if (!CONFIDENCES.includes(confidence)) return { problem: `Say how confident you are: ${CONFIDENCES.join(', ')}.` };
  return { decision: text('decision'), option: text('option'), name, confidence };
}
