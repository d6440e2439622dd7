/**
 * The journal's records sorted by the part of the report that reads them, in one pass: each
 * part used to scan every record (180,000 in a big drill) for its few types.
 */
import type { DrillRecord, RecordOf } from '../engine/records.js';

type Debrief = RecordOf<'debrief'>;

export interface RecordGroups {
  readonly impact: DrillRecord[];
  readonly world: DrillRecord[];
  /** Decision records (options landing too), hints and votes, which decisionOutcomes reads. */
  readonly decision: DrillRecord[];
  readonly action: DrillRecord[];
  /** Notes and answers, whose text the blameless review reads. */
  readonly written: DrillRecord[];
  readonly followup: RecordOf<'followup'>[];
  readonly debrief: Debrief[];
  readonly finished: boolean;
}

/**
 * The records each part of the report reads, each in journal order, sorted out in one pass:
 * every part used to scan all the records (180,000 in a big drill) for its few types.
 */
export function groupRecords(records: readonly DrillRecord[]): RecordGroups {
  const g = { impact: [], world: [], decision: [], action: [], written: [], followup: [], debrief: [], finished: false } as {
    -readonly [K in keyof RecordGroups]: RecordGroups[K];
  };
  for (const r of records) {
    switch (r.type) {
      case 'impact':
        g.impact.push(r);
        break;
      case 'world':
        g.world.push(r);
        break;
      case 'decision-made':
        g.written.push(r);
        g.decision.push(r);
        break;
      case 'hint-shown':
      case 'vote':
      case 'decision-opened':
      case 'decision-timed-out':
      case 'decision-cancelled':
      case 'option-landed':
        g.decision.push(r);
        break;
      case 'action-started':
      case 'action-landed':
        g.action.push(r);
        break;
      case 'note':
        g.written.push(r);
        break;
      case 'followup':
        g.followup.push(r);
        break;
      case 'debrief':
        g.debrief.push(r);
        break;
      case 'drill-finished':
        g.finished = true;
        break;
    }
  }
  return g;
}
