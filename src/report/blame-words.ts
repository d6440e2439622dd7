/**
 * What the blameless rules share: the entry a rule reads, and the word patterns that more than
 * one rule is built from.
 */

/** One thing the team wrote, and where it sits in the report. */
export interface TeamText {
  readonly kind: 'summary' | 'cause' | 'went-well' | 'went-poorly' | 'lucky' | 'action' | 'note' | 'decision';
  readonly where: string;
  readonly text: string;
  /** For actions: the owner, if any. */
  readonly owner?: string;
}

export interface RuleContext {
  /**
   * People's names: the team's as written in the team list and their first names, and the
   * people the scenario mentions. Longest first, so "Mary Ann" is tried before "Mary".
   */
  readonly names: readonly string[];
}

/** A sentence-level rule: the reason to flag `sentence`, or undefined. */
export type SentenceRule = (sentence: string, entry: TeamText, ctx: RuleContext) => string | undefined;

// Past participles that follow "should have", "if … had", "had we …" in a counterfactual.
export const PARTICIPLE =
  "(?:been|\\w+ed|\\w+en|done|run|seen|known|caught|made|gone|said|told|put|set|sent|kept|left|found|thought|brought|got|read|hit|shut|cut|let|felt|held|heard|understood|built|paid|won|begun|spent|stood)";
export const ADVERB = '(?:\\w+ly\\s+)?';

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
