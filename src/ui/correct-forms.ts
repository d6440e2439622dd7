/**
 * Correcting the record from the screen: a picker of the recent entries the team or the
 * facilitator wrote or did, then how to correct the one picked (strike it, amend its words, or
 * credit it to someone else when the speaker was wrong).
 * The correction is a record of its own; the entry it corrects stays in the journal as it was.
 */
import { formatClock } from '../conditions/duration.js';
import { correctionsFor, creditedTo, type DrillRecord, type TeamMember } from '../engine/records.js';
import type { Scenario } from '../scenario/index.js';
import { visibleLine } from '../text/sanitize.js';
import { choices, THE_TEAM } from './flows.js';
import type { Form } from './forms.js';
import type { LivePurpose } from './messages.js';

/** How many of the newest entries the picker offers: enough for a slip noticed a little late. */
const RECENT = 9;

/** The newest records that can still be corrected, newest first. */
export function correctable(records: readonly DrillRecord[], struck: ReadonlySet<number>): DrillRecord[] {
  const out: DrillRecord[] = [];
  for (let i = records.length - 1; i >= 0 && out.length < RECENT; i--) {
    const r = records[i]!;
    if (!struck.has(r.seq) && correctionsFor(r).length > 0) out.push(r);
  }
  return out;
}

/** One entry as the picker shows it: when, what, and who it was credited to. */
export function entryLabel(r: DrillRecord, scenario: Scenario): string {
  const by = 'by' in r && r.by ? ` (${r.by})` : '';
  const what = (() => {
    switch (r.type) {
      case 'action-started':
        return `action: ${scenario.actionById.get(r.id)?.label ?? r.id}`;
      case 'decision-made': {
        const option = scenario.decisionById.get(r.id)?.options.find((o) => o.id === r.option);
        return `answer: ${option?.label ?? r.text ?? ''}${r.rationale ? ` (why: ${r.rationale})` : ''}`;
      }
      case 'rationale':
        return `why: ${r.text}`;
      case 'milestone':
        return `milestone: ${r.name}`;
      case 'lookup-asked':
        return `looked up: ${scenario.lookupById.get(r.id)?.label ?? r.id}`;
      case 'note':
        return `note: ${r.text}`;
      case 'followup':
        return `follow-up: ${r.text}`;
      case 'debrief':
        return `debrief (${r.section}): ${r.text}`;
      default:
        return r.type;
    }
  })();
  return visibleLine(`${formatClock(r.t)} ${what}${by}`);
}

export function correctPickForm(records: readonly DrillRecord[], struck: ReadonlySet<number>, scenario: Scenario, by: string | undefined): Form<LivePurpose> {
  const items = correctable(records, struck).map((r) => ({ value: String(r.seq), label: entryLabel(r, scenario) }));
  return {
    title: `Correct the record (newest first; the correction is credited to ${by ? visibleLine(by) : 'the facilitator'})`,
    fields: [{ name: 'of', prompt: 'Which entry?', kind: 'choice', choices: choices(items), required: true }],
    footer: 'Press its key, then Enter · Esc cancels · the original stays in the journal, marked',
    purpose: { kind: 'correct-pick', by },
  };
}

/**
 * After the pick: strike, amend or credit, as that record allows; then the new words for an
 * amendment (or why it is struck), or whom the credit goes to.
 */
export function correctForm(target: DrillRecord, records: readonly DrillRecord[], team: readonly TeamMember[], scenario: Scenario, by: string | undefined): Form<LivePurpose> {
  const labels = { strike: 'strike it: recorded by mistake', amend: 'amend its words', credit: 'credit it to someone else' } as const;
  const allowed = correctionsFor(target).map((change) => ({ value: change, label: labels[change] }));
  const now = creditedTo(records, target);
  const people = [
    ...team.map((m) => ({ value: m.name, label: visibleLine(m.role ? `${m.name} (${m.role})` : m.name) })),
    { value: THE_TEAM, label: 'the team as a whole' },
  ].map((p) => (p.value === (now ?? THE_TEAM) ? { ...p, unavailable: 'credited now' } : p));
  return {
    title: `Correct: ${entryLabel(target, scenario)}`,
    fields: [
      { name: 'change', prompt: 'How?', kind: 'choice', choices: choices(allowed), required: true, ...(allowed.length === 1 ? { defaultValue: allowed[0]!.value } : {}) },
      { name: 'text', prompt: 'New words (amend), or why it is struck (optional)', kind: 'text', when: { field: 'change', is: ['strike', 'amend'] } },
      { name: 'to', prompt: 'Credit it to whom?', kind: 'choice', choices: choices(people), required: true, when: { field: 'change', is: ['credit'] } },
    ],
    footer: 'Enter moves on · Esc cancels',
    purpose: { kind: 'correct', of: target.seq, by },
  };
}
