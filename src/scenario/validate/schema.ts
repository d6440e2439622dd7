/**
 * The scenario file format, as one zod schema. Types for scenario files are inferred from it
 * (`ScenarioFile`), and `drill schema` prints its JSON Schema for editors. Nothing here
 * transforms values: durations and conditions stay strings, and `compile.ts` turns them into
 * milliseconds and parsed expressions, keeping their positions for error messages.
 */
import { z } from 'zod';

/** One part of a duration: a whole or decimal number (`1.5`), as `formatDuration` prints them. */
const AMOUNT = String.raw`\d+(?:\.\d+)?`;

/**
 * Exactly the texts `parseDuration` reads: `90s`, `1.5s`, `1h 30m` (units in descending order,
 * each at most once), or a bare number of seconds; never an empty or blank string.
 */
const DURATION_PATTERN = new RegExp(String.raw`^\s*(?:${AMOUNT}|(?=\d)(?:${AMOUNT}h)?\s*(?:${AMOUNT}m)?\s*(?:${AMOUNT}s)?)\s*$`);

/** `90s`, `4m`, `1h30m`, `1.5s`, or a number of seconds. */
export const durationSchema = z
  .union([z.string().regex(DURATION_PATTERN, 'a duration such as 90s, 4m or 1h30m'), z.number().nonnegative()])
  .describe('A duration: 90s, 4m, 1h30m, or a number of seconds.');

/** A condition in drill's expression language, checked at load time. */
export const conditionSchema = z
  .string()
  .min(1)
  .describe(
    "A condition over world variables and the drill's history, e.g. `nodes < 50 and not chose('first-response', 'rollback')`.",
  );

const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'an id of letters, digits, - and _ (e.g. first-response)')
  .describe('An identifier: letters, digits, - and _.');

/** Variable names are what conditions can spell: no `-` (it would read as minus), and not `time`. */
export const variableNameSchema = z
  .string()
  .regex(/^(?!time$)[A-Za-z_][A-Za-z0-9_]*$/, 'a variable name of letters, digits and _ (not `time`, which is built in), e.g. error_rate')
  .describe('A variable name: letters, digits and _, usable in conditions.');

export const milestoneSchema = z
  .enum(['started', 'detected', 'acknowledged', 'mitigated', 'resolved'])
  .describe('A response milestone; `started` marks the moment the incident itself began.');

const valueSchema = z.union([z.number(), z.boolean()]);

/**
 * An effect's `if:`: checked when the consequences run, on the world and history as they were
 * before the first of them applied, so an effect's place in the list never decides whether it applies.
 */
const effectIf = conditionSchema
  .optional()
  .describe('The effect applies only if this holds when the consequences run (checked before any of them applies).');

/** One change to the world. Exactly one of set / add / ramp, with an optional `if`. */
const effectSchema = z.union([
  z
    .strictObject({ set: variableNameSchema, to: valueSchema, if: effectIf })
    .describe('Set a variable: `{set: autoscaling, to: false}`.'),
  z.strictObject({ add: variableNameSchema, by: z.number(), if: effectIf }).describe('Add to a number: `{add: nodes, by: 5}`.'),
  z
    .strictObject({ ramp: variableNameSchema, to: z.number(), over: durationSchema, if: effectIf })
    .describe('Move a number to a value in a straight line over a duration: `{ramp: error_rate, to: 80, over: 3m}`.'),
]);

/** What an inject, an option or an action can do when it happens. */
const consequenceFields = {
  effects: z.array(effectSchema).optional().describe('Changes to the world, applied in order.'),
  fire: z.array(idSchema).optional().describe('Injects to fire now (they keep their own delay if they have `after`).'),
  cancel: z.array(idSchema).optional().describe('Injects or decisions that will no longer happen.'),
  open: z.array(idSchema).optional().describe('Decisions to open now.'),
  milestone: milestoneSchema
    .optional()
    .describe('The milestone this marks, if it is the first to. `started` on an inject marks it as the start of the incident.'),
};

/**
 * When something happens. At most one of `at`, `after`, `when`; none means it only happens when
 * something else fires or opens it. `chance` is drawn from the seeded generator when it is due.
 */
const triggerFields = {
  at: durationSchema.optional().describe('Scenario time at which it happens, e.g. 4m.'),
  after: idSchema.optional().describe('An inject, decision or action; this happens once that has happened (plus `delay`).'),
  delay: durationSchema.optional().describe('With `after`: how long after.'),
  when: conditionSchema.optional().describe('Happens as soon as this condition becomes true.'),
  chance: z.number().min(0).max(1).optional().describe('Probability (0–1) that it happens at all, drawn when it is due.'),
};

/**
 * A recurring inject: the first occurrence comes from its own trigger (or a `fire:`), each repeat
 * `every` later, until `times` occurrences, `until` holds, it is cancelled or the drill ends.
 */
const repeatFields = {
  every: durationSchema.optional().describe('Repeats this inject this long after each occurrence (at least 1s): status-page nags, alerts that re-fire.'),
  times: z.number().int().min(1).optional().describe('With `every`: how many times it happens in all, the first included.'),
  until: conditionSchema.optional().describe('With `every`: stops repeating once this holds, checked before each repeat.'),
};

const channelSchema = z
  .enum(['page', 'alert', 'dashboard', 'chat', 'terminal', 'email', 'phone', 'ticket', 'news', 'note'])
  .describe('How the inject reaches the team. `terminal` text is shown as a block, never reflowed.');

export const injectSchema = z.strictObject({
  id: idSchema,
  channel: channelSchema,
  from: z.string().optional().describe('Who or what sends it: PagerDuty, #ops, Grafana, a person.'),
  title: z.string().optional().describe('A short headline.'),
  text: z.string().describe('What the team sees. For `terminal`, the command output.'),
  ...triggerFields,
  ...repeatFields,
  ...consequenceFields,
  hint: z.string().optional().describe('A facilitator hint, shown only on request.'),
  facilitator: z.string().optional().describe('A note for the facilitator alone (what this is for, what to say if asked); never shown to participants.'),
  audience: z.string().optional().describe('A role that alone is meant to see this inject.'),
  starts_incident: z
    .literal(true)
    .optional()
    .describe('The incident begins when this inject fires, even before any impact; until then nothing can be mitigated or resolved.'),
});

const optionSchema = z.strictObject({
  id: idSchema,
  label: z.string().describe('What the facilitator reads out.'),
  takes: durationSchema
    .optional()
    .describe('Scenario time until its consequences land; the decision counts as made at once (as an action\'s `takes`).'),
  ...consequenceFields,
});

export const decisionSchema = z.strictObject({
  id: idSchema,
  prompt: z.string().describe('The question put to the team.'),
  ...triggerFields,
  options: z.array(optionSchema).min(1),
  timeout: durationSchema.optional().describe('How long the team has; then `default` is taken and recorded as a timeout.'),
  default: idSchema.optional().describe('The option taken on timeout ("no decision is a decision").'),
  hint: z.string().optional(),
  facilitator: z.string().optional().describe('A note for the facilitator alone; never shown to participants.'),
  role: z.string().optional().describe('The role expected to make this call.'),
});

export const actionSchema = z.strictObject({
  id: idSchema,
  label: z.string().describe('What the team says it does.'),
  available: conditionSchema.optional().describe('When the action can be taken; always, if absent.'),
  takes: durationSchema.optional().describe('Scenario time until its effects land.'),
  once: z.boolean().optional().describe('If true, it can be taken only once.'),
  ...consequenceFields,
});

export const lookupSchema = z.strictObject({
  id: idSchema,
  label: z.string().describe('What the facilitator picks it by: "kubectl get nodes", "Registry dashboard".'),
  channel: channelSchema,
  from: z.string().optional().describe('Where the answer comes from, shown with it: a terminal, Grafana, the deploy log.'),
  audience: z.string().optional().describe('A role that alone is meant to see the answer.'),
  when: conditionSchema.optional().describe('When the team can make this lookup; always, if absent.'),
  takes: durationSchema.optional().describe('Scenario time until the answer arrives (a query, a dashboard loading).'),
  text: z
    .string()
    .describe(
      'The answer, a Liquid template over the world as it is when the lookup is made: `{{ nodes }}`, `{{ error_rate | round: 1 }}`, `{% if registry_load > 100 %}…{% endif %}`, `{% for i in (1..nodes) limit: 5 %}…{% endfor %}`.',
    ),
  reveals: z
    .array(
      z.union([
        idSchema,
        z.strictObject({
          factor: idSchema,
          when: conditionSchema.describe('The answer shows the factor only if this holds when the lookup is made (a dashboard before the overload shows nothing wrong).'),
        }),
      ]),
    )
    .optional()
    .describe('Debrief factors this lookup shows the team (always, or `{factor, when}`), for the report\'s time to the first look at a cause.'),
});

export const variableSchema = z.strictObject({
  initial: valueSchema,
  label: z.string().optional(),
  unit: z.string().optional().describe('Shown after the value: nodes, %, ms, req/s.'),
  decimals: z
    .number()
    .int()
    .min(0)
    .max(6)
    .optional()
    .describe('How many decimals its value is shown with; 0 for counts (nodes, pods), so a ramp shows 64 nodes, not 64.4.'),
  metric: z.boolean().optional().describe('Shown on the live metrics panel, with a sparkline.'),
  min: z.number().optional(),
  max: z.number().optional(),
});

export const roleSchema = z.strictObject({
  id: idSchema,
  title: z.string().optional(),
  brief: z.string().optional().describe('What this role knows or is asked to do.'),
});

/** What a factor did in one branch of the drill: every branch whose condition held is told, in order. */
export const factorBranchSchema = z
  .strictObject({
    when: conditionSchema.describe('Checked on the drill as it ended (what happened, the world at the end).'),
    text: z.string().describe('What this factor did in a drill that went this way, for the report.'),
  })
  .describe('Text for the report about what the factor did in a drill that took this branch.');

export const factorSchema = z.strictObject({
  id: idSchema,
  title: z.string(),
  explanation: z.string().describe('The factor as a property of the system, true in every branch: the report never tells it as what happened.'),
  kind: z.enum(['trigger', 'latent', 'process', 'detection', 'red-herring']).optional(),
  when: conditionSchema
    .optional()
    .describe('Whether the factor came into play, checked on the drill as it ended; always, if absent. One that did not is listed apart.'),
  branches: z.array(factorBranchSchema).optional().describe('What the factor did in this drill: the text of every branch whose `when` held is told, in order.'),
});

/** A debrief question: its text, or its text and the condition under which it applies. */
export const questionSchema = z.union([
  z.string(),
  z.strictObject({
    text: z.string(),
    when: conditionSchema.optional().describe('Asked only if this held for the drill as it ended.'),
  }),
]);

export const impactSchema = z.strictObject({
  down: conditionSchema.optional().describe('While true, users see an outage.'),
  degraded: conditionSchema.optional().describe('While true (and not down), users see degraded service.'),
  users: z.string().optional().describe('Who the users are, for the report: "checkout customers".'),
});

export const endSchema = z.strictObject({
  when: conditionSchema.optional().describe('The drill ends when this becomes true.'),
  limit: durationSchema.describe('The drill ends at this scenario time at the latest.'),
});

const debriefSchema = z.strictObject({
  factors: z.array(factorSchema).default([]),
  questions: z.array(questionSchema).default([]),
});

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: idSchema,
    title: z.string(),
    summary: z.string(),
    version: z.union([z.string(), z.number()]),
    duration: durationSchema.describe('Estimated length of the drill.'),
    difficulty: z.enum(['intro', 'easy', 'medium', 'hard']),
    roles: z.array(roleSchema).min(1),
    briefing: z.string().describe('Read out before the clock starts.'),
    world: z.record(variableNameSchema, variableSchema).describe('Named state of the simulated system.'),
    injects: z.array(injectSchema).min(1),
    decisions: z.array(decisionSchema).default([]),
    actions: z.array(actionSchema).default([]),
    lookups: z.array(lookupSchema).default([]).describe('Things the team can look at, answered from the world as it is when they ask.'),
    milestones: z
      .partialRecord(milestoneSchema, conditionSchema)
      .optional()
      .describe('Conditions that mark milestones, besides injects and options that mark them.'),
    impact: impactSchema.optional(),
    end: endSchema,
    debrief: debriefSchema.default({ factors: [], questions: [] }),
  })
  .describe('A drill scenario.');

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type VariableSpec = z.infer<typeof variableSchema>;
export type LookupSpec = z.infer<typeof lookupSchema>;
export type FactorSpec = z.infer<typeof factorSchema>;
export type QuestionSpec = z.infer<typeof questionSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type Channel = z.infer<typeof channelSchema>;
export const MILESTONES = milestoneSchema.options;
export const CHANNELS = channelSchema.options;

/** The JSON Schema printed by `drill schema`. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' });
}
