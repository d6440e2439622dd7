/**
 * The blameless review: a language check of everything the team wrote. Advice, not errors: some
 * writers use the passive or a counterfactual on purpose, so every flag quotes the sentence and
 * says why it may read as blame, and the team decides. Each rule is its own function so that it
 * can be read, tested and argued with on its own.
 *
 * The rules follow the field's guidance (Google SRE, PagerDuty's writing guide, "How Complex
 * Systems Fail") and the talk the product grew from: "human error" is never a cause, and
 * blamelessness is about what the team looks for next, not about leaving names out.
 */
import type { BlamelessFlag, BlamelessRule } from './report-schema.js';
import { plainLine } from './escape.js';
import { ADVERB, type SentenceRule, type TeamText, type RuleContext } from './blame-words.js';
import { counterfactual, personAsSubjectOfFailure } from './blame-people.js';

export type { RuleContext, SentenceRule, TeamText } from './blame-words.js';
export { counterfactual, personAsSubjectOfFailure } from './blame-people.js';

// A negation shortly before a phrase ("not a root cause", "rather than human error") or just after
// its noun ("human error is not ...") means the writer is arguing against it.
const NEGATION_BEFORE = /\b(?:not|no|never|nobody|without|beyond|instead of|rather than|than|n't)\s+(?:\S+\s+){0,3}$/i;
const NEGATION_AFTER = /^\s*(?:is|was|are|were)\s*(?:not|n't|never)\b|^n't\b/i;

// Each rule's pattern, made global once (not per sentence). matchAll copies it, so sharing is safe.
const globalPatterns = new WeakMap<RegExp, RegExp>();

function affirmed(sentence: string, pattern: RegExp): boolean {
  let global = globalPatterns.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    globalPatterns.set(pattern, global);
  }
  for (const m of sentence.matchAll(global)) {
    const before = sentence.slice(0, m.index);
    const after = sentence.slice(m.index + m[0].length);
    if (!NEGATION_BEFORE.test(before) && !NEGATION_AFTER.test(after)) return true;
  }
  return false;
}


const HUMAN_ERROR = /\b(?:human|operator|user|pilot|engineer)[- ]error\b|\bcareless(?:ness|ly)?\b|\bmistakes? (?:by|of|from)\b|\bfat[- ]finger(?:ed|ing)?\b/i;

export const humanErrorAsCause: SentenceRule = (sentence) =>
  // The stems test is a cheap necessary condition: most sentences skip the full pattern.
  /error|careless|mistake|finger/i.test(sentence) && affirmed(sentence, HUMAN_ERROR)
    ? '"Human error" (or carelessness) names who, not why, and ends the search where it should begin. Ask what made the action easy to get wrong and hard to notice: an argument that reads two ways, no confirmation, no dry run, no alert.'
    : undefined;


const HUMAN_ACTION_PARTICIPLE =
  '(?:run|executed|deleted|removed|changed|deployed|pushed|merged|typed|entered|set|configured|misconfigured|disabled|enabled|approved|skipped|ignored|missed|forgotten|shrunk|shrank|scaled|terminated|killed|restarted|rolled back|dropped|overwritten|applied|made|done|given|sent|copied|pasted|edited|modified|updated|installed|started|stopped|triggered|launched|invoked|issued|mistyped|misread|overlooked|noticed|chosen|picked|reviewed|tested|checked)';

const PASSIVE = new RegExp(`\\b(?:was|were|got|gets|is|are|been|being)\\s+(?:not\\s+)?${ADVERB}${HUMAN_ACTION_PARTICIPLE}\\b`, 'gi');

export const actorlessPassive: SentenceRule = (sentence, entry) => {
  if (entry.kind !== 'cause') return undefined;
  for (const m of sentence.matchAll(PASSIVE)) {
    if (!/\bby\b/i.test(sentence.slice(m.index + m[0].length))) {
      return 'A passive with no actor ("a script was run") reads as if someone is being protected from blame. Blameless is not nameless: say who acted ("I ran scale.sh"), then ask why the system let that action do so much harm.';
    }
  }
  return undefined;
};

const ROOT_CAUSE = /\broot[- ]cause(?!s)\b/i;

export const singleRootCause: SentenceRule = (sentence) =>
  /root/i.test(sentence) && affirmed(sentence, ROOT_CAUSE)
    ? 'A single "root cause" stops the analysis at one point. Failures in complex systems have several contributing factors, some latent for years; the trigger only made them active. Name them all.'
    : undefined;

const VAGUE =
  /\bbe (?:more |extra |very )?(?:careful|vigilant|diligent|attentive|aware)\b|\bpay (?:more |closer |better )?attention\b|\btake (?:more )?care\b|\btry harder\b|\bremember to\b|\bdo(?:n't| not) forget\b|\bavoid (?:making )?(?:mistakes|errors)\b|\bmake fewer mistakes\b|\bnot (?:do|let) (?:that|this|it) (?:happen )?again\b/i;

export const vagueAction: SentenceRule = (sentence, entry) => {
  if (entry.kind !== 'action') return undefined;
  return affirmed(sentence, VAGUE)
    ? '"Be more careful" is a wish, not an action: nobody can tell when it is done, and it puts the load back on people. Make the system carry it: a check, a guard, a confirmation, an alert, a runbook step.'
    : undefined;
};

/** Every sentence-level rule, in the order the review lists them. */
const SENTENCE_RULES: readonly { readonly rule: BlamelessRule; readonly check: SentenceRule }[] = [
  { rule: 'human-error', check: humanErrorAsCause },
  { rule: 'root-cause', check: singleRootCause },
  { rule: 'counterfactual', check: counterfactual },
  { rule: 'person-failed', check: personAsSubjectOfFailure },
  { rule: 'actorless-passive', check: actorlessPassive },
  { rule: 'vague-action', check: vagueAction },
];

/** An action with no owner will not get done. */
export function actionWithoutOwner(entry: TeamText): string | undefined {
  return entry.kind === 'action' && !entry.owner?.trim()
    ? 'An action with no owner does not get done. Name one person (not a team) who will file it and see it through.'
    : undefined;
}

/** One named cause is a "root cause" by another name. */
export function onlyOneCause(entries: readonly TeamText[]): TeamText | undefined {
  const causes = entries.filter((e) => e.kind === 'cause');
  return causes.length === 1 ? causes[0] : undefined;
}

const ONE_CAUSE_WHY =
  'This is the only cause named. The trigger is one of several contributing factors; look for the latent ones that let a small change become an outage (see the factors the scenario planted).';

/** Splits text into sentences at `.`, `!` or `?` followed by a space. */
export function sentences(text: string): string[] {
  return plainLine(text)
    .split(/(?<=[.!?])\s+(?=\S)/)
    .filter((s) => s.trim() !== '');
}

/** Names to look for: each participant's name as written, and its first word if that differs. */
export function participantNames(team: readonly { readonly name: string }[]): string[] {
  const names = new Set<string>();
  for (const { name } of team) {
    const full = plainLine(name);
    if (full.length >= 2) names.add(full);
    const first = full.split(' ')[0] ?? '';
    if (first.length >= 2) names.add(first);
  }
  return [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

/** Reviews every entry, sentence by sentence; flags come in the order the entries were given. `team` is everyone whose name counts: the team and the scenario's people. */
export function blamelessReview(entries: readonly TeamText[], team: readonly { readonly name: string }[]): BlamelessFlag[] {
  const ctx: RuleContext = { names: participantNames(team) };
  const flags: BlamelessFlag[] = [];
  const single = onlyOneCause(entries);
  for (const entry of entries) {
    for (const sentence of sentences(entry.text)) {
      for (const { rule, check } of SENTENCE_RULES) {
        const why = check(sentence, entry, ctx);
        if (why) flags.push({ rule, where: entry.where, sentence, why });
      }
    }
    const noOwner = actionWithoutOwner(entry);
    if (noOwner) flags.push({ rule: 'no-owner', where: entry.where, sentence: plainLine(entry.text), why: noOwner });
    if (entry === single) flags.push({ rule: 'single-cause', where: entry.where, sentence: plainLine(entry.text), why: ONE_CAUSE_WHY });
  }
  return flags;
}
