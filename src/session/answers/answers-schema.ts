/**
 * The answers file format of a headless `drill run`: who is on the team and what they answer, do,
 * note and conclude, at which scenario times.
 */
import { z } from 'zod';
import { durationSchema, MILESTONES } from '../../scenario/index.js';

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
  })
  .describe('The answers for a headless `drill run`.');

export type Answers = z.infer<typeof answersSchema>;
export type DecisionAnswer = z.infer<typeof decisionAnswerSchema>;
