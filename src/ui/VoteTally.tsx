/**
 * The room's votes on the decision in front of the facilitator, as they come in from the
 * participants' pages: one line under the options. The facilitator still records the decision.
 */
import { Text } from 'ink';
import { visibleLine } from '../text/sanitize.js';
import type { DrillRecord } from '../engine/records.js';
import { useDrill } from './context.js';
import { wrapText } from './wrap.js';

export function VoteTally({ id, width }: { id: string; width: number }) {
  // Re-rendered only when a vote arrives, not on every tick.
  const tally = useDrill((s) => tallyOf(s.core.records, id, s.core.scenario.decisionById.get(id)?.options ?? []));
  if (!tally) return null;
  return wrapText(tally, width).map((line, i) => (
    <Text key={`v${i}`} dimColor>
      {line}
    </Text>
  ));
}

/** "Votes (3): 2 for 4 “Stop and find out…”, 1 for 3 “Restart…”", each person's latest vote counted. */
function tallyOf(records: readonly DrillRecord[], id: string, options: readonly { id: string; label: string }[]): string | undefined {
  const latest = new Map<string, string>();
  // Votes come while the decision is open: look back from the end only as far as its opening.
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    if (r.type === 'decision-opened' && r.id === id) break;
    if (r.type === 'vote' && r.id === id && !latest.has(r.name.trim().toLowerCase())) latest.set(r.name.trim().toLowerCase(), r.option);
  }
  if (latest.size === 0) return undefined;
  const counts = options.map((o, i) => ({ n: i + 1, label: o.label, votes: [...latest.values()].filter((v) => v === o.id).length })).filter((c) => c.votes > 0);
  counts.sort((a, b) => b.votes - a.votes);
  return `Votes from the pages (${latest.size}): ${counts.map((c) => `${c.votes} for ${c.n} “${visibleLine(c.label)}”`).join(', ')}`;
}
