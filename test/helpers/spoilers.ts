/**
 * What a participant must not have seen by a given record, worked out from the scenario and the
 * records independently of the view code: hints not yet revealed (or about something this
 * audience cannot see), planted factors and red herrings, injects not yet fired or meant for
 * another role, decisions not yet opened, actions not taken, the scenario's notes for the
 * facilitator, notes, follow-ups and debrief answers, hidden variables and the summary. `leaks(texts)` names each such text found
 * in what was sent; a secret that also occurs in text the audience may see is not a leak.
 */
import type { DrillRecord } from '../../src/engine/records.js';
import type { Scenario } from '../../src/scenario/index.js';
import type { Audience } from '../../src/view/items.js';

/** Secrets are compared line by line; lines shorter than this are too common to mean anything. */
const MIN_SECRET = 12;

export class SpoilerCheck {
  private readonly role: string | undefined;
  private readonly fired = new Set<string>();
  private readonly opened = new Set<string>();
  private readonly revealed = new Set<string>();
  private readonly started = new Set<string>();
  private readonly written: string[] = [];
  /** Lookups' answers and improvised injects: meant for an audience, or still on their way. */
  private readonly unplannedSecret: string[] = [];
  private readonly unplannedShown: string[] = [];
  private ended = false;

  constructor(
    private readonly scenario: Scenario,
    audience: Audience,
  ) {
    this.role = audience === 'room' ? undefined : audience.role;
  }

  /** Takes in one more record: what the audience may now see. */
  advance(r: DrillRecord): void {
    if (r.type === 'inject-fired') this.fired.add(r.id);
    if (r.type === 'decision-opened') this.opened.add(r.id);
    if (r.type === 'hint-shown') this.revealed.add(r.for);
    if (r.type === 'action-started') this.started.add(r.id);
    if (r.type === 'drill-ended') this.ended = true;
    if (r.type === 'note' || r.type === 'followup' || r.type === 'debrief') this.written.push(r.text);
    // A lookup's text is in the journal from the moment it is asked, and is the team's to see only
    // once its answer arrives (and only for the lookup's audience).
    if (r.type === 'lookup-asked') this.unplannedSecret.push(r.text);
    if (r.type === 'lookup-answered' && this.meantForMe(this.scenario.lookupById.get(r.id)?.audience)) this.unplannedShown.push(r.text);
    if (r.type === 'inject-improvised') (this.meantForMe(r.audience) ? this.unplannedShown : this.unplannedSecret).push(r.text);
  }

  private meantForMe(audience: string | undefined): boolean {
    return audience === undefined || audience === this.role;
  }

  /** The secret lines that occur in `texts`. */
  leaks(texts: readonly string[]): string[] {
    const sent = texts.join('\n');
    const allowed = this.allowed().join('\n');
    return this.secrets().filter((line) => sent.includes(line) && !allowed.includes(line));
  }

  private visibleInject(id: string): boolean {
    const inject = this.scenario.injectById.get(id);
    return this.fired.has(id) && (inject?.audience === undefined || inject.audience === this.role);
  }

  private secrets(): string[] {
    const s = this.scenario;
    const out: string[] = [s.file.summary, ...this.written, ...this.unplannedSecret];
    for (const f of s.factors) out.push(f.title, f.explanation);
    for (const item of [...s.injects, ...s.decisions]) if (item.facilitator) out.push(item.facilitator);
    for (const inject of s.injects) {
      if (!this.visibleInject(inject.id)) out.push(inject.text, inject.title ?? '');
      if (inject.hint && !(this.revealed.has(inject.id) && this.visibleInject(inject.id))) out.push(inject.hint);
    }
    for (const d of s.decisions) {
      if (!this.opened.has(d.id)) out.push(d.prompt, ...d.options.map((o) => o.label));
      if (d.hint && !(this.revealed.has(d.id) && this.opened.has(d.id))) out.push(d.hint);
    }
    for (const a of s.actions) if (!this.started.has(a.id)) out.push(a.label);
    for (const [name, spec] of Object.entries(s.world)) if (!spec.metric) out.push(spec.label ?? name);
    for (const r of s.file.roles) if (r.id !== this.role && r.brief) out.push(r.brief);
    if (!this.ended) out.push(...s.questions.map((q) => q.text));
    return [...new Set(out.flatMap(lines))];
  }

  private allowed(): string[] {
    const s = this.scenario;
    const out: string[] = [s.title, s.file.briefing, ...s.file.roles.map((r) => r.title ?? r.id), ...this.unplannedShown];
    const own = s.file.roles.find((r) => r.id === this.role);
    if (own?.brief) out.push(own.brief);
    for (const inject of s.injects) {
      if (!this.visibleInject(inject.id)) continue;
      out.push(inject.text, inject.title ?? '', inject.from ?? '');
      if (inject.hint && this.revealed.has(inject.id)) out.push(inject.hint);
    }
    for (const d of s.decisions) {
      if (!this.opened.has(d.id)) continue;
      out.push(d.prompt, ...d.options.map((o) => o.label));
      if (d.hint && this.revealed.has(d.id)) out.push(d.hint);
    }
    for (const a of s.actions) if (this.started.has(a.id)) out.push(a.label);
    for (const spec of Object.values(s.world)) if (spec.metric) out.push(spec.label ?? '');
    if (this.ended) out.push(...s.questions.map((q) => q.text));
    return out;
  }
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length >= MIN_SECRET);
}

/** Every string value in a JSON value (keys aside), for checking what a page was sent. */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/** Every key in a JSON value, for checking that nothing but known fields is ever sent. */
export function keysIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysIn(v, out);
    }
  }
  return out;
}
