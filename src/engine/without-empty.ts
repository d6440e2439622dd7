/**
 * Drops undefined and empty-string fields, so that a record reads the same before and after a
 * round trip through JSON, and optional fields never appear as `"by": ""` in a journal.
 */
export function withoutEmpty<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}
