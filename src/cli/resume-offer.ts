/**
 * Before a new drill of a scenario, `drill play` looks for an unfinished one of the same scenario
 * in `drills/` (a kill, a crash, a closed laptop) and asks whether to go on with it instead: after
 * `kill -9` nothing else points back to it. Asked on the terminal before the screen opens.
 */
import { formatClock } from '../conditions/duration.js';
import { latestUnfinished, type PastDrill } from './drills.js';

/** The question, on one line: which drill, how far it got, and that Enter resumes. */
export function resumeQuestion(d: PastDrill): string {
  const started = new Date(d.started).toISOString().slice(0, 16).replace('T', ' ');
  return `An unfinished ${d.scenarioId} drill (started ${started} UTC, stopped at ${formatClock(d.lastT)}) is in ${d.journal}. Resume it? [Y/n] `;
}

/** Enter or yes resumes; anything else starts a new drill. */
export function wantsResume(answer: string): boolean {
  return /^\s*(y|yes)?\s*$/i.test(answer);
}

/** The journal to resume, if there is an unfinished drill of `scenarioId` and the facilitator says so. */
export async function offerResume(scenarioId: string, stdin: NodeJS.ReadableStream, stdout: NodeJS.WritableStream): Promise<string | undefined> {
  const unfinished = latestUnfinished(scenarioId);
  if (!unfinished) return undefined;
  stdout.write(resumeQuestion(unfinished));
  return wantsResume(await oneLine(stdin)) ? unfinished.journal : undefined;
}

/**
 * One line typed in the terminal's own line mode. Not node:readline: it leaves a listener on
 * stdin that goes on taking the keys the screen opened after it should get.
 */
function oneLine(stdin: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve) => {
    const onData = (chunk: Buffer | string): void => {
      stdin.off('data', onData);
      stdin.pause();
      resolve(String(chunk).split(/\r?\n/)[0] ?? '');
    };
    stdin.on('data', onData);
  });
}
