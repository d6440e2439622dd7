/**
 * The people a scenario mentions by name, for the blameless review: blame is as often aimed at
 * a character of the scenario ("Dana's mistake") as at a teammate. They are read from who sends
 * an inject (`from: Dana's session on bastion-prod`) and from chat lines
 * that start with a speaker (`Kai: anyone else seeing…`, `Maya (support lead): tickets…`).
 */
import type { Scenario } from '../scenario/index.js';

// One capitalised word, then `:` or a parenthesised aside and `:`, at the start of a line.
const SPEAKER = /^\s*([A-Z][a-z]+)(?:\s*\([^)\n]*\))?:\s/gm;
// A capitalised word that owns something: "Dana's session on bastion-prod". Tools are one
// capitalised word too ("Alertmanager (dev-tools)"), so a bare word is never taken for a person.
const FROM_PERSON = /^([A-Z][a-z]+)['’]s\s/;
const CHANNELS_WITH_SPEAKERS = new Set(['chat', 'email', 'phone', 'note', 'ticket']);

/** Everyone the scenario names as a person, as `{ name }` for the review's name list. */
export function scenarioPeople(scenario: Scenario): { name: string }[] {
  const names = new Set<string>();
  for (const inject of scenario.injects) {
    const from = FROM_PERSON.exec(inject.from?.trim() ?? '');
    if (from) names.add(from[1]!);
    if (!CHANNELS_WITH_SPEAKERS.has(inject.channel)) continue;
    for (const m of inject.text.matchAll(SPEAKER)) names.add(m[1]!);
  }
  return [...names].sort().map((name) => ({ name }));
}
