/**
 * The text a lookup shows, rendered from the world at the moment the lookup is made (see
 * docs/scenario-format.md for why that moment rather than the answer's arrival). Each template is
 * parsed once per drill, the first time it is asked for.
 */
import { parseTemplate, renderTemplate, type Template } from '../template/index.js';
import type { Lookup, Value } from '../scenario/types.js';

export class LookupTexts {
  private readonly parsed = new Map<string, Template[] | string>();

  /** The answer's text over `world`; a template that fails (never in a loaded scenario) gives a marker. */
  render(lookup: Lookup, world: Iterable<[string, Value]>): string {
    let template = this.parsed.get(lookup.id);
    if (template === undefined) {
      const result = parseTemplate(lookup.text);
      template = result.ok ? result.template : `[this lookup could not be shown: ${result.problem.message}]`;
      this.parsed.set(lookup.id, template);
    }
    if (typeof template === 'string') return template;
    return renderTemplate(template, Object.fromEntries(world)).text;
  }
}
