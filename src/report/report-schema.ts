/**
 * The drill report as data: what `report.json` holds and what `report.md` is rendered from.
 * The type comes from this zod schema, and so does `docs/report.schema.json`, so the document,
 * its type and its published schema cannot drift apart. Times are scenario milliseconds since the
 * clock started (`...Ms`), or ISO 8601 UTC wall times (`wall`, `...At`).
 */
import { z } from 'zod';

export const REPORT_FORMAT = 'drill-report';
export const REPORT_VERSION = 1;

const ms = z.number().describe('Scenario time in milliseconds since the clock started.');
const msOrNull = ms.nullable();
const followupType = z.enum(['prevent', 'detect', 'mitigate', 'process']);
const milestoneName = z.enum(['detected', 'acknowledged', 'mitigated', 'resolved']);

const memberSchema = z.strictObject({
  name: z.string(),
  role: z.string().optional().describe('The role id the member played.'),
  roleTitle: z.string().optional().describe("The role's title in the scenario."),
});

const milestoneSchema = z.strictObject({
  name: milestoneName,
  reachedMs: msOrNull.describe('When it was first marked; null if never.'),
  source: z.enum(['scenario', 'facilitator']).nullable(),
  by: z.string().optional(),
  how: z.string().optional().describe('What marked it, as a sentence: an option chosen, an action done, an inject, a condition.'),
  condition: z.string().optional().describe('The `milestones:` condition that marked it, if a condition did.'),
  trigger: z.string().optional().describe('The team decision or action (or inject) that made it happen.'),
});

const metricSchema = z.strictObject({
  id: z.enum(['notice', 'detect', 'acknowledge', 'mitigate', 'resolve', 'impact', 'down', 'degraded']),
  label: z.string(),
  valueMs: msOrNull.describe('null when it cannot be computed (a milestone never reached, no impact).'),
  formula: z.string().describe('How the value is computed, with the times it was computed from.'),
});

const votesSchema = z
  .strictObject({
    voters: z.array(
      z.strictObject({ name: z.string(), option: z.string(), confidence: z.enum(['low', 'medium', 'high']), role: z.string().optional(), tMs: ms }),
    ),
    counts: z.array(z.strictObject({ option: z.string(), votes: z.number().int() })).describe('Votes per option, most first.'),
    summary: z.string().describe('"the room split 2–1; Alex chose against the majority"'),
  })
  .describe('Votes from the participants’ pages (each person’s latest); advice, not the decision.');

const decisionSchema = z.strictObject({
  id: z.string(),
  prompt: z.string(),
  role: z.string().optional(),
  outcome: z.enum(['chosen', 'off-script', 'timed-out', 'cancelled', 'open', 'not-opened']),
  openedMs: msOrNull,
  closedMs: msOrNull,
  latencyMs: msOrNull.describe('closed − opened: how long the team took (or the timeout).'),
  timeoutMs: z.number().optional(),
  option: z.string().optional().describe('The option taken (chosen, or the default on timeout).'),
  text: z.string().optional().describe('An off-script answer.'),
  by: z.string().optional(),
  rationale: z.string().optional(),
  hintShown: z.boolean(),
  options: z.array(z.strictObject({ id: z.string(), label: z.string(), taken: z.boolean(), isDefault: z.boolean() })),
  votes: votesSchema.optional(),
});

const actionSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  by: z.string().optional(),
  startedMs: ms,
  landedMs: msOrNull,
});

const timelineEntrySchema = z.strictObject({
  seq: z.number().int(),
  tMs: ms,
  wall: z.string().describe('ISO 8601 UTC.'),
  source: z.enum(['inject', 'decision', 'action', 'note', 'facilitator', 'scenario', 'drill']),
  who: z.string().optional(),
  what: z.string().describe('One line; the full inject text is in the scenario.'),
});

const variableSchema = z.strictObject({
  id: z.string(),
  label: z.string().optional(),
  unit: z.string().optional(),
  metric: z.boolean(),
  initial: z.union([z.number(), z.boolean()]),
  final: z.union([z.number(), z.boolean()]),
  min: z.number().optional(),
  minAtMs: ms.optional(),
  max: z.number().optional(),
  maxAtMs: ms.optional(),
  changes: z.number().int().describe('How many times a change to it was recorded.'),
});

const blamelessFlagSchema = z.strictObject({
  rule: z.enum(['human-error', 'counterfactual', 'person-failed', 'actorless-passive', 'root-cause', 'single-cause', 'vague-action', 'no-owner']),
  where: z.string().describe('Which entry: "cause 2", "note at T+05:00", "follow-up 1".'),
  sentence: z.string(),
  why: z.string(),
});

const count = z.number().int().nonnegative();
const statsSchema = z
  .strictObject({
    records: count,
    injectsFired: count,
    injectsSkippedByChance: count,
    injectsCancelled: count,
    injectsNeverReached: count,
    decisionsOpened: count,
    decisionsChosen: count,
    decisionsOffScript: count,
    decisionsTimedOut: count,
    decisionsCancelled: count,
    actionsTaken: count,
    actionsLanded: count,
    hintsShown: count,
    notes: count,
    followups: count,
    pauses: count,
    pausedWallMs: z.number().nonnegative().describe('Real time spent paused, in milliseconds.'),
    speedChanges: count,
    skips: count,
    sessionsResumed: count,
    scenarioMs: ms,
    wallMs: z.number().nonnegative().describe('Real time from the clock start to the last record, in milliseconds.'),
  })
  .describe('Counts and totals of the drill.');

export const reportSchema = z
  .strictObject({
    format: z.literal(REPORT_FORMAT),
    version: z.literal(REPORT_VERSION),
    scenario: z.strictObject({
      id: z.string(),
      title: z.string(),
      version: z.string(),
      path: z.string().describe('As recorded by the drill.'),
      hash: z.string().describe('sha256 of the scenario file the drill was played with.'),
      reportHash: z.string().describe('sha256 of the scenario file this report was built with.'),
      summary: z.string(),
      difficulty: z.string(),
    }),
    drill: z.strictObject({
      seed: z.string(),
      mode: z.enum(['play', 'run']),
      facilitator: z.string().optional(),
      team: z.array(memberSchema),
      startedAt: z.string().describe('Wall time the drill began (briefing), ISO 8601 UTC.'),
      clockStartedAt: z.string().nullable().describe('Wall time scenario time began.'),
      endedMs: msOrNull.describe('Scenario time the drill ended; null if the journal stops before.'),
      endReason: z.enum(['condition', 'limit', 'facilitator']).nullable(),
      endCondition: z.string().optional(),
      limitMs: ms,
      finished: z.boolean().describe('Whether the debrief was completed.'),
      scenarioMs: ms.describe('Scenario time the drill covered.'),
    }),
    impact: z.strictObject({
      users: z.string().optional(),
      downCondition: z.string().optional(),
      degradedCondition: z.string().optional(),
      downMs: ms.describe('Total time impact.down was true.'),
      degradedMs: ms.describe('Total time impact.degraded was true and impact.down was not.'),
      startMs: msOrNull,
      endMs: msOrNull,
      intervals: z.array(z.strictObject({ level: z.enum(['down', 'degraded']), fromMs: ms, toMs: ms })),
    }),
    world: z.array(variableSchema),
    milestones: z.array(milestoneSchema),
    metrics: z.array(metricSchema),
    decisions: z.array(decisionSchema),
    actions: z.array(actionSchema),
    timeline: z.array(timelineEntrySchema),
    causes: z.array(z.strictObject({ text: z.string(), factor: z.string().optional() })),
    factors: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        kind: z.string().optional(),
        explanation: z.string(),
        found: z.boolean().describe('Whether a cause the team named was linked to it.'),
      }),
    ),
    wentWell: z.array(z.string()),
    wentPoorly: z.array(z.string()),
    lucky: z.array(z.string()),
    followups: z.array(
      z.strictObject({
        text: z.string(),
        owner: z.string().optional(),
        type: followupType,
        raisedMs: ms.optional().describe('When it was raised during play; absent for debrief actions.'),
      }),
    ),
    blameless: z.array(blamelessFlagSchema),
    questions: z.array(z.string()),
    stats: statsSchema,
  })
  .describe('A drill report: the practice post-mortem of one drill, built from its scenario and journal.');

export type Report = z.infer<typeof reportSchema>;
export type ReportMilestone = z.infer<typeof milestoneSchema>;
export type ReportMetric = z.infer<typeof metricSchema>;
export type ReportDecision = z.infer<typeof decisionSchema>;
export type ReportVotes = z.infer<typeof votesSchema>;
export type ReportAction = z.infer<typeof actionSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type ReportVariable = z.infer<typeof variableSchema>;
export type BlamelessFlag = z.infer<typeof blamelessFlagSchema>;
export type BlamelessRule = BlamelessFlag['rule'];
export type ReportStats = z.infer<typeof statsSchema>;
export type ImpactInterval = Report['impact']['intervals'][number];

/** The JSON Schema of `report.json`, checked in as `docs/report.schema.json`. */
export function reportJsonSchema(): unknown {
  return z.toJSONSchema(reportSchema, { target: 'draft-2020-12' });
}
