/**
 * The answers file of a headless `drill run`: who is on the team and what they answer, do, note
 * and conclude, at which scenario times. Read with the same guards and positioned messages as a
 * scenario; `checkAnswersAgainst` then checks its ids against the scenario it is run with.
 */
import { z } from 'zod';
import { durationSchema, MILESTONES } from '../../scenario/validate/schema.js';
import { sortProblems, type Problem } from '../../scenario/problems.js';
import { parseYamlFile, validateWith } from '../../scenario/source/yaml-source.js';
import { rememberSource } from './answers-check.js';
import { readSourceFile } from '../../scenario/source/source-text.js';

export { checkAnswersAgainst } from './answers-check.js';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'an id of letters, digits, - and _ (e.g. first-response)');
const person = z.string().min(1).describe('A team member, by name as listed under `team:`.');
const followupType = z.enum(['prevent', 'detect', 'mitigate', 'process']).describe('prevent, detect, mitigate or process');

const decisionAnswerSchema = z
  .strictObject({
    choose: id.optional().describe('The option the team takes.'),
    text: z.string().min(1).optional().describe('An off-script answer, in the team’s words (no consequences).'),
    by: person.optional(),
    after: durationSchema.optional().describe('Thinking time, from when the decision opened (default 0).'),
    note: z.string().optional().describe('Why: the rationale, for the report.'),
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
    scenario: z
      .string()
      .min(1)
      .optional()
      .describe('The scenario these answers play, as a path relative to this file; by default `drill test` goes by the file name, <scenario-id>.<branch>.yaml.'),
    seed: z
      .union([z.string().min(1), z.number()])
      .optional()
      .describe('The seed for chance injects, for `drill test` and for `drill run` without --seed.'),
    team: z.array(z.strictObject({ name: z.string().min(1), role: z.string().optional() })).optional(),
    facilitator: z.string().optional(),
    decisions: z.record(id, decisionAnswerSchema).optional().describe('Decision id → the team’s answer.'),
    actions: z.array(z.strictObject({ do: id, at: durationSchema, by: person.optional() })).optional(),
    notes: z.array(z.strictObject({ at: durationSchema, by: person.optional(), text: z.string().min(1) })).optional(),
    hints: z.array(z.strictObject({ at: durationSchema, for: id.describe('The inject or decision whose hint is shown.') })).optional(),
    milestones: z.array(z.strictObject({ at: durationSchema, mark: z.enum(MILESTONES), by: person.optional() })).optional(),
    followups: z
      .array(z.strictObject({ at: durationSchema.optional(), text: z.string().min(1), owner: z.string().optional(), type: followupType.optional() }))
      .optional(),
    debrief: z
      .strictObject({
        causes: z.array(z.strictObject({ text: z.string().min(1), factor: id.optional() })).optional(),
        went_well: z.array(z.string()).optional(),
        went_poorly: z.array(z.string()).optional(),
        lucky: z.array(z.string()).optional(),
        actions: z.array(z.strictObject({ text: z.string().min(1), owner: z.string().optional(), type: followupType.optional() })).optional(),
      })
      .optional(),
    expect: z
      .array(z.string().min(1))
      .optional()
      .describe('Conditions that must hold when the drill has ended, checked by `drill test` (and `drill run`).'),
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
