/**
 * The answers file of a headless `drill run`: who is on the team and what they answer, do, note
 * and conclude, at which scenario times. Read with the same guards and positioned messages as a
 * scenario; `checkAnswersAgainst` then checks its ids against the scenario it is run with.
 */
import { z } from 'zod';
import { durationSchema, MILESTONES } from '../../scenario/validate/schema.js';
import { CONFIDENCES } from '../../engine/records.js';
import { sortProblems, type Problem } from '../../scenario/problems.js';
import { parseYamlFile, validateWith } from '../../scenario/source/yaml-source.js';
import { rememberSource } from './answers-check.js';
import { readSourceFile } from '../../scenario/source/source-text.js';

export { checkAnswersAgainst } from './answers-check.js';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'an id of letters, digits, - and _ (e.g. first-response)');
const person = z.string().min(1).describe('A team member, by name as listed under `team:`.');
const followupType = z.enum(['prevent', 'detect', 'mitigate', 'process']).describe('prevent, detect, mitigate or process');
const priority = z.enum(['high', 'medium', 'low']).describe('high, medium or low');
// A date an issue tracker reads as it is; a YAML date (unquoted 2026-02-01) stays a string here.
const due = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD, e.g. 2026-02-01').describe('When it is due, YYYY-MM-DD.');
const followupFields = { owner: z.string().optional(), type: followupType.optional(), due: due.optional(), priority: priority.optional() };

const voteSchema = z
  .strictObject({
    name: z.string().min(1).describe('Who votes, as they type it on their page.'),
    choose: id.describe('The option they vote for.'),
    confidence: z.enum(CONFIDENCES).optional().describe('low, medium (default) or high'),
    role: z.string().optional().describe('The role whose page the vote came from (none: the room’s).'),
  })
  .describe('A vote from a participant’s page, cast just before the answer is recorded.');

const decisionAnswerSchema = z
  .strictObject({
    choose: id.optional().describe('The option the team takes.'),
    text: z.string().min(1).optional().describe('An off-script answer, in the team’s words (no consequences).'),
    by: person.optional(),
    after: durationSchema.optional().describe('Thinking time, from when the decision opened (default 0).'),
    note: z.string().optional().describe('Why: the rationale, for the report.'),
    votes: z.array(voteSchema).optional().describe('Votes from participants’ pages before the answer.'),
  })
  .superRefine((answer, ctx) => {
    if ((answer.choose === undefined) === (answer.text === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message:
          answer.choose === undefined
            ? 'an answer needs `choose: <option id>` or `text: "<off-script answer>"`'
            : 'an answer has either `choose:` or `text:`, not both; keep one',
      });
    }
  });

/** The answers file format. */
export const answersSchema = z
  .strictObject({
    team: z.array(z.strictObject({ name: z.string().min(1), role: z.string().optional() })).optional(),
    facilitator: z.string().optional(),
    decisions: z.record(id, decisionAnswerSchema).optional().describe('Decision id → the team’s answer.'),
    actions: z.array(z.strictObject({ do: id, at: durationSchema, by: person.optional() })).optional(),
    notes: z.array(z.strictObject({ at: durationSchema, by: person.optional(), text: z.string().min(1) })).optional(),
    hints: z.array(z.strictObject({ at: durationSchema, for: id.describe('The inject or decision whose hint is shown.') })).optional(),
    milestones: z.array(z.strictObject({ at: durationSchema, mark: z.enum(MILESTONES), by: person.optional() })).optional(),
    followups: z
      .array(z.strictObject({ at: durationSchema.optional(), text: z.string().min(1), ...followupFields }))
      .optional(),
    debrief: z
      .strictObject({
        summary: z.string().min(1).optional().describe('The team’s own summary of what happened, in a paragraph; it opens the report.'),
        causes: z
          .array(
            z.strictObject({
              text: z.string().min(1),
              factor: id.optional().describe('The planted factor this cause matches.'),
              factors: z.array(id).min(1).optional().describe('The planted factors this cause matches, when it names several.'),
            }),
          )
          .optional(),
        went_well: z.array(z.string()).optional(),
        went_poorly: z.array(z.string()).optional(),
        lucky: z.array(z.string()).optional(),
        actions: z.array(z.strictObject({ text: z.string().min(1), ...followupFields })).optional(),
      })
      .optional(),
  })
  .describe('The answers for a headless `drill run`.');

export type Answers = z.infer<typeof answersSchema>;
export type DecisionAnswer = z.infer<typeof decisionAnswerSchema>;

export type AnswersResult = { ok: true; answers: Answers; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** Reads an answers file. Never throws. */
export function loadAnswersFile(file: string): AnswersResult {
  const read = readSourceFile(file, 'an answers .yaml file');
  if (!read.ok) return { ok: false, problems: [{ file, ...read.problem, severity: 'error' }] };
  return loadAnswersText(read.bytes, file);
}

/** Checks answers text (or bytes) on its own; `checkAnswersAgainst` checks it against a scenario. */
export function loadAnswersText(text: Uint8Array | string, file: string): AnswersResult {
  try {
    const read = parseYamlFile(text, file, 'an answers file: a mapping with team:, decisions: and so on');
    if (!read.ok) return { ok: false, problems: read.problems };
    const root = read.yaml.value;
    if ('id' in root && ('injects' in root || 'title' in root)) {
      // A scenario given where the answers belong: one line instead of a dozen unknown keys.
      const message = 'this looks like a scenario (id:, title:, injects:), not an answers file; pass it first: `drill run <this file> --answers <answers.yaml>`';
      return { ok: false, problems: [{ file, line: 1, col: 1, message, severity: 'error' }] };
    }
    const valid = validateWith(answersSchema, read.yaml);
    if (!valid.ok) return { ok: false, problems: sortProblems([...valid.problems, ...read.warnings]) };
    // Decision ids index this record; without a prototype, an id like `constructor` finds nothing it should not.
    const decisions = valid.data.decisions && Object.assign(Object.create(null) as Record<string, DecisionAnswer>, valid.data.decisions);
    const answers: Answers = decisions ? { ...valid.data, decisions } : valid.data;
    rememberSource(answers, read.yaml);
    return { ok: true, answers, warnings: read.warnings };
  } catch (error) {
    const message = `internal error while checking this file (${String(error)}); please report it`;
    return { ok: false, problems: [{ file, line: 1, col: 1, message, severity: 'error' }] };
  }
}
