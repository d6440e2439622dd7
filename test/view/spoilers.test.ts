/**
 * The participant view's spoiler test, written once against every record type: every answers
 * drill and view-mini's scripted drill (which makes the records the answers files cannot), seen
 * by every role and by the room, one record at a time. At each record, nothing the audience may
 * not see yet is in what the view gives (as JSON for a page, and as `drill watch` lines), and no
 * field but the known ones is ever sent.
 */
import { describe, expect, it } from 'vitest';
import { recordSchema, type DrillRecord, type RecordType } from '../../src/engine/records.js';
import type { Scenario } from '../../src/scenario/index.js';
import { ParticipantFeed } from '../../src/view/participant.js';
import { plainLines } from '../../src/view/plain.js';
import type { Audience } from '../../src/view/items.js';
import { keysIn, SpoilerCheck, stringsIn } from '../helpers/spoilers.js';
import { answersDrills, viewMiniDrill, type PlayedView } from '../helpers/view-drills.js';

/** Every field name a page may ever receive. A new one must be added here on purpose. */
const KNOWN_KEYS = new Set([
  'seq',
  't',
  'items',
  'state',
  'kind',
  'title',
  'briefing',
  'role',
  'roles',
  'id',
  'players',
  'brief',
  'facilitator',
  'channel',
  'from',
  'text',
  'onlyFor',
  'about',
  'decision',
  'prompt',
  'options',
  'label',
  'recordedBy',
  'openedAt',
  'timeoutMs',
  'how',
  'answer',
  'by',
  'why',
  'votes',
  'voters',
  'byOption',
  'option',
  'questions',
  'phase',
  'open',
  'metrics',
  'name',
  'unit',
  'value',
]);

const ALL_TYPES = recordSchema.options.map((o) => o.shape.type.value) as RecordType[];

let played: PlayedView[] | undefined;
const drills = () => (played ??= [...answersDrills(), viewMiniDrill()]);

const audiences = (s: Scenario): Audience[] => ['room', ...s.file.roles.map((r) => ({ role: r.id }))];
const nameOf = (a: Audience) => (a === 'room' ? 'room' : a.role);

/** Walks a drill for one audience, checking each change as it is made. */
function walk(
  drill: PlayedView,
  audience: Audience,
  check: (sent: { texts: string[]; keys: Set<string>; record: DrillRecord }, spoilers: SpoilerCheck) => void,
) {
  const feed = new ParticipantFeed(drill.scenario, audience);
  const spoilers = new SpoilerCheck(drill.scenario, audience);
  for (const record of drill.records) {
    spoilers.advance(record);
    const change = feed.push(record);
    if (!change) continue;
    const mid = feed.stateAt(record.t + 7_777); // between records too: metrics mid-ramp
    const texts = [...stringsIn(change), ...stringsIn(mid), ...change.items.flatMap(plainLines)];
    check({ texts, keys: keysIn([change, mid]), record }, spoilers);
  }
}

describe('the participant view shows no spoilers', () => {
  it('is tested against every record type', () => {
    const seen = new Set(drills().flatMap((d) => d.records.map((r) => r.type)));
    expect([...seen].sort()).toEqual([...ALL_TYPES].sort());
  });

  it('at every record, for every role and the room, in every drill', () => {
    let checked = 0;
    for (const drill of drills()) {
      for (const audience of audiences(drill.scenario)) {
        walk(drill, audience, ({ texts, keys, record }, spoilers) => {
          checked++;
          const where = `${drill.name}, ${nameOf(audience)}, record ${record.seq} (${record.type})`;
          expect(spoilers.leaks(texts), where).toEqual([]);
          expect(
            [...keys].filter((k) => !KNOWN_KEYS.has(k)),
            where,
          ).toEqual([]);
        });
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('never says which option is the default until it is taken: options go out whole, in order', () => {
    for (const drill of drills()) {
      walk(drill, 'room', () => {});
      const view = new ParticipantFeed(drill.scenario, 'room');
      for (const record of drill.records) {
        for (const item of view.push(record)?.items ?? []) {
          if (item.kind !== 'decision-opened') continue;
          const d = drill.scenario.decisionById.get(item.decision.id)!;
          expect(item.decision.options).toEqual(d.options.map((o) => ({ id: o.id, label: o.label })));
        }
      }
    }
  });

  it('the check itself finds a planted spoiler (a hint before its reveal, another role’s inject, a factor)', () => {
    const drill = viewMiniDrill();
    const spoilers = new SpoilerCheck(drill.scenario, { role: 'lead' });
    for (const r of drill.records) spoilers.advance(r);
    const ops = drill.scenario.injectById.get('ops-only')!;
    expect(spoilers.leaks([ops.text])).toEqual(['$ cache-stats', 'OPS-ONLY-TEXT hit ratio 0% on every node']);
    expect(spoilers.leaks([`a ${drill.scenario.factors[0]!.title} b`])).toHaveLength(1);
    expect(spoilers.leaks([drill.scenario.injectById.get('alert')!.hint!])).toEqual([]); // revealed, and the lead sees the alert
    const early = new SpoilerCheck(drill.scenario, 'room');
    expect(early.leaks([drill.scenario.injectById.get('alert')!.hint!])).toHaveLength(1);
  });
});
