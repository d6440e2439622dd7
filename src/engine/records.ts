/**
 * Everything a drill records, as one zod schema. The engine produces these records, the journal
 * writes them one per line, replay feeds the inputs among them back to the engine, and the report
 * reads them. `t` is scenario time in ms, `wall` the real (or, in `drill run`, derived) epoch ms.
 */
import { z } from 'zod';

export const JOURNAL_FORMAT = 'drill-journal';
export const JOURNAL_VERSION = 1;

const member = z.strictObject({ name: z.string(), role: z.string().optional() });
export const followupTypeSchema = z.enum(['prevent', 'detect', 'mitigate', 'process']);
export const milestoneNameSchema = z.enum(['started', 'detected', 'acknowledged', 'mitigated', 'resolved']);
/** How urgent a follow-up is, for the issue tracker it goes to. */
export const prioritySchema = z.enum(['high', 'medium', 'low']);
/** A due date as it was entered, `2026-02-01` (answers files and forms check its shape). */
const dueDate = z.string();
const value = z.union([z.number(), z.boolean()]);
const confidenceSchema = z.enum(['low', 'medium', 'high']);

const base = { seq: z.number().int().nonnegative(), t: z.number().nonnegative(), wall: z.number() };
const rec = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ ...base, type: z.literal(type), ...shape });

export const recordSchema = z.discriminatedUnion('type', [
  rec('drill-started', {
    scenario: z.strictObject({ id: z.string(), title: z.string(), version: z.string(), path: z.string(), hash: z.string() }),
    seed: z.string(),
    team: z.array(member),
    facilitator: z.string().optional(),
    mode: z.enum(['play', 'run']),
  }),
  rec('clock-started', {}),
  // `occurrence` only on a recurring inject's repeats (2, 3, …): the first is written as any inject's.
  rec('inject-fired', { id: z.string(), occurrence: z.number().int().min(2).optional() }),
  rec('inject-skipped', { id: z.string(), reason: z.enum(['chance']) }),
  rec('decision-opened', { id: z.string() }),
  rec('decision-made', {
    id: z.string(),
    option: z.string().optional(),
    text: z.string().optional(),
    by: z.string().optional(),
    rationale: z.string().optional(),
  }),
  /** The team's reason for an answer, added after the answer itself was recorded. */
  rec('rationale', { id: z.string(), text: z.string(), by: z.string().optional() }),
  /** The facilitator gave the team more time on an open decision; the scenario clock runs on. */
  rec('decision-extended', { id: z.string(), ms: z.number().int().positive(), by: z.string().optional() }),
  rec('decision-timed-out', { id: z.string(), option: z.string().optional() }),
  /** The consequences of option `option` of decision `id`, taken earlier, land now (the option has `takes:`). */
  rec('option-landed', { id: z.string(), option: z.string() }),
  rec('decision-cancelled', { id: z.string() }),
  rec('inject-cancelled', { id: z.string() }),
  rec('action-started', { id: z.string(), by: z.string().optional() }),
  rec('action-landed', { id: z.string() }),
  /** The team asked the world something; `text` is the answer as rendered then, arriving after the lookup's `takes`. */
  /** `reveals`: the planted factors the answer shows, as the world was when it was asked. */
  rec('lookup-asked', { id: z.string(), by: z.string().optional(), text: z.string(), reveals: z.array(z.string()).optional() }),
  /** The answer to the lookup asked in record `asked` is on screen now. */
  rec('lookup-answered', { id: z.string(), asked: z.number().int().nonnegative(), by: z.string().optional(), text: z.string() }),
  /** The facilitator handed the team something the script never planned. */
  rec('inject-improvised', {
    channel: z.string(),
    from: z.string().optional(),
    text: z.string(),
    audience: z.string().optional(),
  }),
  rec('hint-shown', { for: z.string() }),
  /** A participant's vote on an open decision, from their page: advice to the room, never the decision itself. */
  rec('vote', { id: z.string(), option: z.string(), name: z.string(), confidence: confidenceSchema, role: z.string().optional() }),
  rec('note', { text: z.string(), by: z.string().optional() }),
  rec('followup', { text: z.string(), owner: z.string().optional(), kind: followupTypeSchema, due: dueDate.optional(), priority: prioritySchema.optional() }),
  rec('milestone', {
    name: milestoneNameSchema,
    by: z.string().optional(),
    source: z.enum(['scenario', 'facilitator']),
    /** Marked by the facilitator while the scenario's own condition for it was false: that condition. */
    unmet: z.string().optional(),
  }),
  rec('impact', { level: z.enum(['down', 'degraded', 'ok']) }),
  rec('world', {
    values: z.record(z.string(), value),
    ramps: z.record(z.string(), z.strictObject({ to: z.number(), until: z.number() })).optional(),
  }),
  /** Who speaks for the team from now on; without a name, the team as a whole. */
  rec('speaker', { name: z.string().optional() }),
  /**
   * An earlier record (by its seq) struck as recorded by mistake, its text amended, or credited to
   * someone else: `to` a team member, or without `to` the team as a whole (as `speaker` says it).
   * The journal stays append-only: the report shows the original with the correction beside it.
   */
  rec('correction', {
    of: z.number().int().nonnegative(),
    change: z.enum(['strike', 'amend', 'credit']),
    text: z.string().optional(),
    to: z.string().optional(),
    by: z.string().optional(),
  }),
  rec('paused', {}),
  rec('resumed', {}),
  rec('speed', { speed: z.number().positive() }),
  rec('skipped', { to: z.number() }),
  rec('session-resumed', {}),
  /** Scenario time reached in play, written every few seconds so a hard kill loses little of it. */
  rec('checkpoint', {}),
  rec('drill-ended', { reason: z.enum(['condition', 'limit', 'facilitator']) }),
  rec('debrief', {
    section: z.enum(['summary', 'cause', 'went-well', 'went-poorly', 'lucky', 'action']),
    text: z.string(),
    /** One planted factor a cause matches (journals written before `factors`). */
    factor: z.string().optional(),
    /** The planted factors a cause matches: one cause can name several. */
    factors: z.array(z.string()).optional(),
    owner: z.string().optional(),
    kind: followupTypeSchema.optional(),
    due: dueDate.optional(),
    priority: prioritySchema.optional(),
  }),
  /**
   * The planted factors the debrief cause of record `of` matches, picked after the cause itself was
   * recorded (so a crash while picking keeps the cause); none of them: an empty list.
   */
  rec('cause-factors', { of: z.number().int().nonnegative(), factors: z.array(z.string()) }),
  rec('drill-finished', {}),
]);

export type DrillRecord = z.infer<typeof recordSchema>;
export type RecordType = DrillRecord['type'];
export type RecordOf<T extends RecordType> = Extract<DrillRecord, { type: T }>;
/** A record before the engine stamps it with seq, t and wall. */
export type RecordBody = DrillRecord extends infer R ? (R extends DrillRecord ? Omit<R, 'seq' | 't' | 'wall'> : never) : never;
export type TeamMember = z.infer<typeof member>;
export type FollowupType = z.infer<typeof followupTypeSchema>;
export type Priority = z.infer<typeof prioritySchema>;
export type MilestoneName = z.infer<typeof milestoneNameSchema>;
export type DebriefSection = RecordOf<'debrief'>['section'];
export type Confidence = z.infer<typeof confidenceSchema>;
export const CONFIDENCES: readonly Confidence[] = confidenceSchema.options;
export type CorrectionChange = RecordOf<'correction'>['change'];

/**
 * Records that come from outside the engine (the facilitator, an answers file). Replay feeds
 * exactly these back; every other record is an outcome the engine must reproduce by itself.
 */
const INPUT_TYPES: ReadonlySet<RecordType> = new Set<RecordType>([
  'drill-started',
  'clock-started',
  'decision-made',
  'rationale',
  'decision-extended',
  'speaker',
  'correction',
  'action-started',
  'lookup-asked',
  'inject-improvised',
  'hint-shown',
  'vote',
  'note',
  'followup',
  'paused',
  'resumed',
  'speed',
  'skipped',
  'session-resumed',
  'checkpoint',
  'debrief',
  'cause-factors',
  'drill-finished',
]);

/** Facilitator milestones and facilitator endings are inputs too, though their types are shared with outcomes. */
export function isInputRecord(r: DrillRecord): boolean {
  if (r.type === 'milestone') return r.source === 'facilitator';
  if (r.type === 'drill-ended') return r.reason === 'facilitator';
  return INPUT_TYPES.has(r.type);
}

/**
 * How a record may be corrected. Words the team wrote can be amended; what the team did can be
 * struck as recorded by mistake. An answer cannot be struck, since the scenario has already
 * reacted to it: its reason can be amended, and a note can say more. Whatever is credited to
 * someone (it carries `by`) can be credited to someone else: the speaker is one Tab away.
 */
export function correctionsFor(r: DrillRecord): readonly CorrectionChange[] {
  switch (r.type) {
    case 'note':
      return ['strike', 'amend', 'credit'];
    case 'followup':
    case 'debrief':
      return ['strike', 'amend'];
    case 'rationale':
    case 'decision-made':
      return ['amend', 'credit'];
    case 'action-started':
      return ['strike', 'credit'];
    case 'lookup-asked':
      return ['credit'];
    case 'milestone':
      return r.source === 'facilitator' ? ['strike', 'credit'] : [];
    default:
      return [];
  }
}

/** Who `target` is credited to now: the last credit correction of it, else its own `by`. */
export function creditedTo(records: readonly DrillRecord[], target: DrillRecord): string | undefined {
  for (let i = records.length - 1; i > target.seq; i--) {
    const r = records[i]!;
    if (r.type === 'correction' && r.change === 'credit' && r.of === target.seq) return r.to;
  }
  return 'by' in target ? target.by : undefined;
}
