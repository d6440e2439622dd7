/**
 * The drill report as data: what `report.json` holds and what `report.md` is rendered from.
 * The type comes from this zod schema, and so does `docs/report.schema.json`, so the document,
 * its type and its published schema cannot drift apart. Times are scenario milliseconds since the
 * clock started (`...Ms`), or ISO 8601 UTC wall times (`wall`, `...At`).
 */
import { z } from 'zod';

export const REPORT_FORMAT = 'drill-report';
// 2: `timeline` is the incident's (the mechanics moved to `log`), causes link `factors`, and
// factors say whether they came into play.
export const REPORT_VERSION = 2;

const ms = z.number().describe('Scenario time in milliseconds since the clock started.');
const msOrNull = ms.nullable();
const followupType = z.enum(['prevent', 'detect', 'mitigate', 'process']);
const milestoneName = z.enum(['started', 'detected', 'acknowledged', 'mitigated', 'resolved']);
const priority = z.enum(['high', 'medium', 'low']);

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
  byDefault: z.literal(true).optional().describe('Marked by the default of a decision nobody answered, not by the team.'),
});

const metricSchema = z.strictObject({
  id: z.enum(['notice', 'detect', 'acknowledge', 'mitigate', 'resolve', 'impact', 'down', 'degraded']),
  label: z.string(),
  valueMs: msOrNull.describe('null when it cannot be computed (a milestone never reached, no impact).'),
  formula: z.string().describe('How the value is computed, with the times it was computed from.'),
  fromMs: ms.optional().describe('For a difference of two times: the earlier one.'),
  toMs: ms.optional().describe('For a difference of two times: the later one.'),
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
  takesEffectMs: z
    .number()
    .nullable()
    .optional()
    .describe("Only for a taken option with `takes:`: when its consequences landed; null if the drill ended first, so they never did."),
  text: z.string().optional().describe('An off-script answer.'),
  by: z.string().optional(),
  rationale: z.string().optional(),
  byRole: z.string().optional().describe('The role the person who answered played, if the team list gives one.'),
  outsideRole: z.literal(true).optional().describe("Answered by someone who does not play the decision's role."),
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

const incidentSchema = z
  .strictObject({
    startMs: ms.describe('When the incident began: the `started` milestone, else the first impact, else the clock start.'),
    from: z.enum(['milestone', 'impact', 'clock']),
    what: z.string().describe('What marked the start, as a phrase.'),
  })
  .describe('The moment response times count from.');

const timelineEntrySchema = z.strictObject({
  seq: z.number().int(),
  tMs: ms,
  wall: z.string().describe('ISO 8601 UTC.'),
  source: z.enum(['inject', 'decision', 'action', 'lookup', 'note', 'facilitator', 'scenario', 'drill']),
  who: z.string().optional(),
  what: z.string().describe('One line; the full inject text is in the scenario.'),
  text: z.string().optional().describe("An inject's whole text, in the full log."),
  untilMs: ms.optional().describe('A row that folds a run of the same action: when the last one started.'),
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
  compared: z.array(z.number()).optional().describe("The numbers the scenario's conditions compare it with: values are printed precisely enough to fall on the right side of each."),
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
      roles: z.array(z.strictObject({ id: z.string(), title: z.string().optional() })),
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
      rolesWithoutPlayer: z.array(z.string()).describe("Ids of the scenario's roles nobody on the team played."),
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
      openAtEnd: z.boolean().describe('Users were still affected when the drill ended.'),
      intervals: z.array(z.strictObject({ level: z.enum(['down', 'degraded']), fromMs: ms, toMs: ms })),
    }),
    world: z.array(variableSchema),
    incident: incidentSchema,
    milestones: z.array(milestoneSchema),
    metrics: z.array(metricSchema),
    decisions: z.array(decisionSchema),
    actions: z.array(actionSchema),
    timeline: z.array(timelineEntrySchema).describe('The incident timeline: injects, decisions, the team’s actions, milestones and impact.'),
    log: z.array(timelineEntrySchema).describe('Every event of the drill, mechanics included, in journal order.'),
    lookups: z
      .strictObject({
        offered: z.number().int().nonnegative().describe('How many lookups the scenario offers.'),
        asked: z.array(
          z.strictObject({
            id: z.string(),
            label: z.string(),
            askedMs: ms,
            answeredMs: msOrNull.describe('When the answer was on screen; null if the drill ended first.'),
            by: z.string().optional(),
            reveals: z.array(z.string()).describe('The debrief factors this lookup shows, as the scenario marks them.'),
            text: z.string().describe('The answer as shown (from the journal).'),
          }),
        ),
        firstCause: z
          .strictObject({ id: z.string(), label: z.string(), atMs: ms, by: z.string().optional() })
          .nullable()
          .describe('The first answer on screen, after impact started, that shows a planted cause (not a red herring).'),
        impactToFirstCauseMs: msOrNull.describe('firstCause.atMs − impact.startMs; null without either.'),
      })
      .describe('What the team looked at.'),
    improvised: z
      .array(z.strictObject({ tMs: ms, channel: z.string(), from: z.string().optional(), text: z.string(), audience: z.string().optional() }))
      .describe('Injects the facilitator made up during the drill.'),
    teamSummary: z.array(z.string()).describe('The summary the team wrote in the debrief, in its own words.'),
    causes: z.array(z.strictObject({ text: z.string(), factors: z.array(z.string()).describe('The planted factors it is linked to.') })),
    factors: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        kind: z.string().optional(),
        explanation: z.string(),
        found: z.boolean().describe('Whether a cause the team named was linked to it.'),
        inPlay: z.boolean().describe('Whether its `when:` held for the drill as it ended (always, without one).'),
        inDrill: z.string().optional().describe('What the factor did in this drill: the text of each of its branches that held.'),
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
        due: z.string().optional().describe('A due date, YYYY-MM-DD.'),
        priority: priority.optional(),
        raisedMs: ms.optional().describe('When it was raised during play; absent for debrief actions.'),
      }),
    ),
    blameless: z.array(blamelessFlagSchema),
    questions: z.array(z.string()).describe('The debrief questions that apply to this drill.'),
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
