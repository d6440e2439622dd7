/**
 * The answers file format of a headless `drill run`: who is on the team and what they answer, do,
 * note and conclude, at which scenario times.
 */
import { z } from 'zod';
import { CONFIDENCES } from '../../engine/records.js';
import { durationSchema, MILESTONES } from '../../scenario/index.js';

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
    note: z.string().optional().describe('Why: the rationale, added to the answer right after it, as `drill play` records it.'),
    extend: durationSchema
      .optional()
      .describe('More time the facilitator gives this decision as it opens (as the x key does in play); the clock runs on.'),
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
    lookups: z
      .array(z.strictObject({ id: id.describe('The lookup the team makes.'), at: durationSchema, by: person.optional() }))
      .optional()
      .describe('Lookups the team makes, at scenario times.'),
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
    expect: z
      .array(z.string().min(1))
      .optional()
      .describe('Conditions that must hold when the drill has ended, checked by `drill test` (and `drill run`).'),
  })
  .describe('The answers for a headless `drill run`.');

export type Answers = z.infer<typeof answersSchema>;
export type DecisionAnswer = z.infer<typeof decisionAnswerSchema>;
