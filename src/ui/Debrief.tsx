/**
 * The hot wash, right after the drill: one question after another (causes, what went well and
 * poorly, where we got lucky, follow-up actions). What was recorded for the current question is
 * listed, and the scenario's own debrief questions are there to prompt the discussion.
 */
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { applicableQuestions, causeFactors } from '../report/end-state.js';
import { Line } from './Line.js';
import { formatClock } from '../conditions/duration.js';
import { visibleLine } from '../text/sanitize.js';
import { useDrill, useDrillContext } from './context.js';
import { hue } from './theme.js';
import { DEBRIEF_STEPS } from './debrief-states.js';
import type { RecordOf } from '../engine/records.js';

const STEP_NAMES: Record<(typeof DEBRIEF_STEPS)[number], string> = {
  cause: 'Causes',
  'went-well': 'Went well',
  'went-poorly': 'Went poorly',
  lucky: 'Lucky',
  action: 'Actions',
  summary: 'Summary',
  finish: 'Report',
};

export function Debrief({ step, open, width }: { step: number; open: boolean; width: number }) {
  const { scenario, theme } = useDrillContext();
  useDrill((s) => s.core.records.length);
  const core = useDrill((s) => s.core);
  const ended = core.ended;
  const section = DEBRIEF_STEPS[step] ?? 'finish';
  const entries = core.records.filter((r) => r.type === 'debrief');
  const here = entries.filter((r) => r.section === section);
  const factorTitle = (id: string) => scenario.factors.find((f) => f.id === id)?.title ?? id;
  // Factors picked after their cause was recorded are records of their own.
  const linked = new Map(core.records.flatMap((r) => (r.type === 'cause-factors' ? [[r.of, r.factors] as const] : [])));
  const factorsOf = (r: RecordOf<'debrief'>) => linked.get(r.seq) ?? causeFactors(r);
  // The records array grows in place; the questions depend only on the drill as it ended.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `ended` is the trigger, read through core.records
  const questions = useMemo(() => applicableQuestions(scenario, core.records), [scenario, ended]);
  if (!open) return <Ended width={width} />;
  return (
    <Box flexDirection="column" flexGrow={1} flexShrink={1} flexBasis={0} overflow="hidden" width={width}>
      <Line bold color={hue(theme, 'accent')} wrap="wrap">
        Debrief
        {ended?.type === 'drill-ended' ? (
          <Text>
            {' '}
            · the drill ended at {formatClock(ended.t)} (
            {ENDINGS[ended.reason]})
          </Text>
        ) : null}
      </Line>
      <Line wrap="truncate-end">
        {DEBRIEF_STEPS.map((s, i) => {
          const count = entries.filter((r) => r.section === s).length;
          const label = `${STEP_NAMES[s]}${count ? ` (${count})` : ''}`;
          return (
            <Text key={s}>
              {i > 0 ? <Text dimColor> › </Text> : null}
              {i === step ? (
                <Text bold inverse>
                  {' '}
                  {label}{' '}
                </Text>
              ) : (
                <Text dimColor={i > step}>{label}</Text>
              )}
            </Text>
          );
        })}
      </Line>
      <Box flexDirection="column" marginTop={1} flexShrink={1} overflow="hidden" justifyContent="flex-end">
        {here.map((r) =>
          r.type === 'debrief' ? (
            <Box key={r.seq} flexShrink={0}>
              <Text wrap="wrap">
                <Text color={hue(theme, 'ok')}>✓ </Text>
                {visibleLine(r.text)}
                {factorsOf(r).length ? <Text dimColor> → {factorsOf(r).map((id) => visibleLine(factorTitle(id))).join('; ')}</Text> : null}
                {r.owner ? <Text dimColor> · owner {visibleLine(r.owner)}</Text> : null}
                {r.kind ? <Text dimColor> · {r.kind}</Text> : null}
              </Text>
            </Box>
          ) : null,
        )}
      </Box>
      {questions.length > 0 && section !== 'finish' ? (
        <Box flexDirection="column" marginTop={1} flexShrink={1} overflow="hidden">
          <Line bold>Questions to talk about</Line>
          {questions.map((q, i) => (
            <Box key={i} flexShrink={0}>
              <Text dimColor wrap="wrap">
                {i + 1}. {visibleLine(q.text)}
              </Text>
            </Box>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

/** How the drill went, in a few lines, before the debrief questions begin. */
function Ended({ width }: { width: number }) {
  const { theme } = useDrillContext();
  const core = useDrill((s) => s.core);
  const ended = core.ended;
  // Struck entries were recorded by mistake: the summary counts the corrected record.
  const count = (type: string) => core.records.filter((r) => r.type === type && !core.struck.has(r.seq)).length;
  const milestones = [...core.milestones].map(([name, t]) => `${name} ${formatClock(t)}`).join(', ');
  return (
    <Box flexDirection="column" flexGrow={1} flexShrink={1} flexBasis={0} overflow="hidden" width={width}>
      <Line bold color={hue(theme, 'accent')} wrap="wrap">
        The drill is over
        {ended?.type === 'drill-ended' ? ` at ${formatClock(ended.t)}: ${ENDINGS[ended.reason]}` : '.'}
      </Line>
      <Line wrap="wrap">Milestones reached: {milestones || 'none'}</Line>
      <Line wrap="wrap">
        Decisions: {count('decision-made')} answered, {count('decision-timed-out')} timed out · actions taken: {count('action-started')} · notes: {count('note')} · follow-ups: {count('followup')}
      </Line>
      <Box marginTop={1} flexShrink={0}>
        <Text bold>Press Enter to begin the debrief.</Text>
      </Box>
    </Box>
  );
}

const ENDINGS = {
  condition: 'the scenario reached its end',
  limit: 'the time limit',
  facilitator: 'ended by the facilitator',
} as const;
