/**
 * The blameless rules about people: blame aimed at a named person ("Dana forgot", "Sam should
 * have noticed", "Dawid's mistake"), and counterfactuals, which are flagged only when they are
 * about people: "it would have launched 80 nodes at once" describes the system.
 */
import { ADVERB, escapeRegExp, PARTICIPLE, type SentenceRule } from './blame-words.js';

// Who a counterfactual can be about. "It would have launched 80 nodes" describes what the system
// does, and "the script should have asked" asks for a better system: neither measures a person.
// "Nobody could have known" and "anyone would have done the same" defend people; they are left out.
const PEOPLE_WORDS = "I|we|you|he|she|they|someone|somebody|people|(?:the |our )?(?:team|on-?call|engineer|operator|responders?|facilitator|ops|SRE)";
const MODAL = "(?:should|could|would|might|ought to)(?:n't| not)?\\s+have|(?:should|could|would|might)'ve";

// Built once: these rules run on every sentence the team wrote.
const SHOULD_HAVE = new RegExp(`\\b(?:${MODAL})\\s+${ADVERB}${PARTICIPLE}\\b|(?:should|could|would|might)'ve\\b`, 'gi');
const IF_HAD = new RegExp(`\\bif\\b(?:\\s+[\\w'-]+){1,4}?\\s+(?:had|hadn't|had not)\\s+(?:not\\s+)?${ADVERB}${PARTICIPLE}\\b|\\bhad (?:\\w+) (?:not )?${ADVERB}${PARTICIPLE}\\b|\\bif only\\b(?:\\s+[\\w'-]+){1,3}`, 'gi');

// Words one of the two patterns needs. Compiling those patterns costs ~30 ms, and most sentences
// have none of these words, so this cheap test skips both (and their compilation) for them.
const COUNTERFACTUAL_WORD = /have|'ve|had|if only/i;

/** A pattern that tells whether `text` names a person: one of `names`, or a word for people. */
function personPattern(names: readonly string[], where: 'end' | 'anywhere'): RegExp {
  const key = `${where}\u0000${names.join('\u0000')}`;
  let pattern = personPatterns.get(key);
  if (!pattern) {
    const alternatives = [...names.map(escapeRegExp), PEOPLE_WORDS].join('|');
    pattern = new RegExp(where === 'end' ? `(?:^|[^\\p{L}\\p{N}'])(?:${alternatives})\\s+${ADVERB}$` : `(?:^|[^\\p{L}\\p{N}'])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'iu');
    if (personPatterns.size > 100) personPatterns.clear();
    personPatterns.set(key, pattern);
  }
  return pattern;
}

const personPatterns = new Map<string, RegExp>();

/** Whether a counterfactual in `sentence` is about a person: the subject of its modal, or who "had". */
function aboutAPerson(sentence: string, names: readonly string[]): boolean {
  for (const m of sentence.matchAll(SHOULD_HAVE)) {
    if (personPattern(names, 'end').test(sentence.slice(0, m.index))) return true;
  }
  for (const m of sentence.matchAll(IF_HAD)) {
    if (personPattern(names, 'anywhere').test(m[0].replace(/^(?:if only|if|had)\b/i, ''))) return true;
  }
  return false;
}

export const counterfactual: SentenceRule = (sentence, _entry, ctx) =>
  COUNTERFACTUAL_WORD.test(sentence) && aboutAPerson(sentence, ctx.names)
    ? 'A counterfactual about people ("we should have", "if Sam had…") describes a world that did not happen and measures people against it. Describe what they knew and saw at the time, and why their action made sense to them then.'
    : undefined;

const FAILURE_VERB =
  "(?:broke|forgot|missed|failed|messed up|screwed up|blew up|ran the wrong|typed the wrong|used the wrong|picked the wrong|mistyped|misread|misunderstood|neglected|ignored|overlooked|botched|fat-fingered|caused|(?:didn't|did not|never|failed to) (?:notice|check|read|see|follow|ask|confirm|test|verify|know|realise|realize|think|escalate|look|listen|respond|review))";

// "Dana's error message" and "Alex's error budget" are things, not blame.
const FAULT_NOUN = '(?:(?:\\w+\\s+){0,2}?(?:mistakes?|errors?|fault|slip|oversight|blunder|screw-?up|fuck-?up|typo|fat[- ]finger))\\b(?!\\s+(?:messages?|rates?|budgets?|logs?|codes?|pages?|handling|counts?|reports?))';
// "his mistake", "their fault": blame by possessive, whoever it points at.
const PRONOUN_FAULT = new RegExp(`\\b(?:my|our|his|her|their)\\s+${FAULT_NOUN}`, 'i');

export const personAsSubjectOfFailure: SentenceRule = (sentence, _entry, ctx) => {
  const why =
    'Blame is aimed at a person: someone on the team or in the scenario is named as the one who failed ("Dana forgot", "Sam should have noticed", "Dawid\'s mistake"). Saying who did what is fine ("I ran the script"); the sentence after it should ask what in the system let it happen and what would catch it next time.';
  if (/mistake|error|fault|slip|oversight|blunder|screw|typo|finger/i.test(sentence) && PRONOUN_FAULT.test(sentence)) return why;
  for (const name of ctx.names) {
    // Only an exact-case match counts (below), so a sentence without the name needs no pattern.
    if (!sentence.includes(name)) continue;
    // The name itself is matched as written (names are proper nouns); "Alex's script failed" has
    // the script, not Alex, as its subject, but "Alex's mistake" is aimed at Alex.
    if ([...sentence.matchAll(failurePattern(name))].some((m) => m[1] === name || m[2] === name)) return why;
  }
  return undefined;
};

// One pattern per name, built on first use; matchAll copies it, so sharing is safe.
const failurePatterns = new Map<string, RegExp>();

function failurePattern(name: string): RegExp {
  let pattern = failurePatterns.get(name);
  if (!pattern) {
    const n = escapeRegExp(name);
    pattern = new RegExp(
      `(?:^|[^\\p{L}\\p{N}'])(?:(${n})(?!['’]s\\b)\\s+${ADVERB}(?:${FAILURE_VERB}|(?:${MODAL})\\s+${ADVERB}${PARTICIPLE})|(${n})['’]s\\s+${FAULT_NOUN})`,
      'giu',
    );
    // Names come from journals of any size; keep the cache bounded.
    if (failurePatterns.size > 1000) failurePatterns.clear();
    failurePatterns.set(name, pattern);
  }
  return pattern;
}
