/** A path into a YAML document, as zod reports it: mapping keys and list indexes. */
export type YamlPath = readonly PropertyKey[];
