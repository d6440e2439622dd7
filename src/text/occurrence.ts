/**
 * How a recurring inject's repeat is told on every screen and in the report: "(2nd time)" after
 * its title, so that a nag read out again is never mistaken for a new inject.
 */

/** `1st`, `2nd`, `3rd`, `4th`, `11th`, `12th`, `13th`, `21st`, `102nd`. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** ` (2nd time)` for a repeat, `` for a first occurrence (the record has no `occurrence`). */
export function occurrenceNote(occurrence: number | undefined): string {
  return occurrence === undefined ? '' : ` (${ordinal(occurrence)} time)`;
}

/** A title with its occurrence note; a repeat of an untitled inject is titled by the note alone. */
export function titleWithOccurrence(title: string | undefined, occurrence: number | undefined): string | undefined {
  if (occurrence === undefined) return title;
  return title === undefined ? occurrenceNote(occurrence).trim() : `${title}${occurrenceNote(occurrence)}`;
}
