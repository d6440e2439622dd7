/**
 * The analysis half of the report: contributing factors (the team's, then the author's, each
 * marked found or not), what went well and poorly and where we got lucky, the follow-up task
 * list, and the blameless language review. Never a "root cause" heading: causes are plural.
 */
import type { BlamelessRule, Report } from './report-schema.js';
import { inline } from './escape.js';
import { bullets, capitalise, clock, joinAnd, plural } from './md-format.js';

/** Sections 6–9: contributing factors, the review of the response, follow-ups, blameless review. */
export function renderAnalysis(report: Report): string {
  return [factors(report), review(report), followups(report), blameless(report)].join('\n\n');
}

function factors(r: Report): string {
  const byId = new Map(r.factors.map((f) => [f.id, f]));
  const named = r.causes.map((c, i) => {
    const known = c.factors.flatMap((id) => (byId.has(id) ? [`“${inline(byId.get(id)!.title)}”`] : []));
    const unknown = c.factors.filter((id) => !byId.has(id)).map((id) => inline(id));
    const links = [
      known.length ? `matches the planted ${known.length === 1 ? 'factor' : 'factors'} ${joinAnd(known)}` : '',
      unknown.length ? `linked to ${joinAnd(unknown)}, which the scenario does not plant` : '',
    ].filter((l) => l !== '');
    // A flagged cause says so where it is listed, not only in the review at the end.
    const rules = [...new Set(r.blameless.filter((f) => f.where === `cause ${i + 1}`).map((f) => RULE_TITLE[f.rule]))];
    const flag = rules.length ? ` ⚑ _flagged in the blameless review: ${joinAnd(rules.map((t) => t.toLowerCase()))}_` : '';
    return `${i + 1}. ${inline(c.text)}${links.length ? ` — ${links.join('; ')}` : ''}${flag}`;
  });
  const planted = r.factors.filter((f) => f.kind !== 'red-herring');
  const inPlay = planted.filter((f) => f.inPlay);
  const idle = planted.filter((f) => !f.inPlay);
  const herrings = r.factors.filter((f) => f.kind === 'red-herring');
  const found = inPlay.filter((f) => f.found).length;
  const asPlanted = (f: Report['factors'][number]) => `${f.inDrill ? `In this drill: ${inline(f.inDrill)} ` : ''}_As planted:_ ${inline(f.explanation)}`;
  const title = (f: Report['factors'][number]) => `**${inline(f.title)}**${f.kind && f.kind !== 'red-herring' ? ` (${inline(f.kind)})` : ''}`;
  const lines = [
    '## Contributing factors',
    '',
    'Incidents in complex systems have several causes: a trigger, and the latent conditions that let it turn into an outage.',
    '',
    '### Causes the team named',
    '',
    named.length ? named.join('\n') : '_The team named no causes in the debrief._',
    '',
    '### Factors the scenario planted',
    '',
  ];
  if (planted.length === 0) {
    lines.push('_The scenario plants no contributing factors._');
  } else {
    const played = idle.length === 0 ? '' : `; ${inPlay.length === 0 ? 'none' : inPlay.length} came into play in this drill`;
    const share = found === 0 ? `none of ${inPlay.length === planted.length ? 'them' : 'those'}` : found === inPlay.length ? `all of ${inPlay.length === planted.length ? 'them' : 'those'}` : String(found);
    lines.push(
      `The scenario's author planted ${plural(planted.length, 'contributing factor')}${played}${inPlay.length ? `, and the team found ${share}` : ''}. Each is another way this failure could have shown itself, and a place to fix it.`,
    );
    if (inPlay.length) lines.push('', bullets(inPlay.map((f) => `**${f.found ? 'Found' : 'Not found'}:** ${title(f)}. ${asPlanted(f)}`), ''));
    if (idle.length) {
      lines.push(
        '',
        'Planted, but not in play in this drill: the way the drill went, these never had a chance to matter, so they are neither found nor missed.',
        '',
        bullets(idle.map((f) => `${title(f)}. ${asPlanted(f)}${f.found ? ' The team named it as a cause all the same.' : ''}`), ''),
      );
    }
  }
  if (herrings.length) {
    lines.push(
      '',
      'Red herrings, planted to look like causes:',
      '',
      bullets(
        herrings.map((f) => `${title(f)}: ${f.found ? 'the team named it as a cause' : 'the team did not name it as a cause'}${f.inPlay ? '' : ' (it did not come up in this drill)'}. ${asPlanted(f)}`),
        '',
      ),
    );
  }
  return lines.join('\n');
}

function review(r: Report): string {
  const none = '_Nothing recorded._';
  return [
    '## What went well',
    '',
    bullets(r.wentWell.map(inline), none),
    '',
    '## What went poorly',
    '',
    bullets(r.wentPoorly.map(inline), none),
    '',
    '## Where we got lucky',
    '',
    bullets(r.lucky.map(inline), none),
  ].join('\n');
}

function followups(r: Report): string {
  const items = r.followups.map((f) => {
    const owner = f.owner ? `owner: ${inline(f.owner)}` : 'owner: **unassigned**';
    const raised = f.raisedMs !== undefined ? ` · raised at ${clock(f.raisedMs)}` : '';
    const priority = f.priority ? ` · priority: ${f.priority}` : '';
    const due = f.due ? ` · due: ${f.due}` : '';
    return `- [ ] ${inline(f.text)} — ${owner} · type: ${f.type}${priority}${due}${raised}`;
  });
  return ['## Follow-up actions', '', items.length ? items.join('\n') : '_No follow-up actions were recorded._'].join('\n');
}

const RULE_TITLE: Record<BlamelessRule, string> = {
  'human-error': '"Human error" given as a cause',
  'root-cause': 'A single "root cause"',
  'single-cause': 'Only one cause named',
  counterfactual: 'Counterfactuals',
  'person-failed': 'Blame aimed at a person',
  'actorless-passive': 'Passives that hide who acted',
  'vague-action': 'Actions that ask people to be better',
  'no-owner': 'Actions without an owner',
};

function blameless(r: Report): string {
  const lines = [
    '## Blameless review',
    '',
    'A language check of everything the team wrote: causes, notes, answers, the debrief and the actions. These are suggestions, not errors; each quotes the sentence and says why it may read as blame.',
    '',
  ];
  const wrote = r.teamSummary.length + r.causes.length + r.wentWell.length + r.wentPoorly.length + r.lucky.length + r.followups.length + r.stats.notes + r.stats.decisionsOffScript;
  if (wrote === 0 && !r.decisions.some((d) => d.rationale)) {
    lines.push('The team wrote nothing to review: no notes, causes, debrief entries or actions.');
    return lines.join('\n');
  }
  if (r.blameless.length === 0) {
    lines.push('Nothing to flag: no "human error", counterfactuals, single root cause, actor-less passives, or actions without an owner.');
    return lines.join('\n');
  }
  const rules = [...new Set(r.blameless.map((f) => f.rule))];
  rules.forEach((rule, i) => {
    const flags = r.blameless.filter((f) => f.rule === rule);
    if (i > 0) lines.push('');
    lines.push(`### ${RULE_TITLE[rule]}`, '', inline(flags[0]!.why), '', bullets(flags.map((f) => `${capitalise(inline(f.where))}: “${inline(f.sentence)}”`), ''));
  });
  return lines.join('\n');
}
