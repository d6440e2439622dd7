/**
 * Load-time checks of a parsed condition against the scenario's names: unknown variables and
 * ids, function arity, and simple types. A condition that passes cannot go wrong at run time,
 * so the engine's lenient evaluation rules are never needed for a loaded scenario.
 */
import { TIME_VARIABLE, type Expr } from './ast.js';
import { CONDITION_FUNCTIONS, ENDINGS, IMPACT_LEVELS, type ArgKind, type IdKind } from './functions.js';
import { clip } from './lex.js';
import { printExpr } from './print.js';
import { closest } from '../text/closest.js';

export interface ExprNames {
  /** Variable name -> its type; `unknown` for a variable that exists but could not be read. */
  variables: ReadonlyMap<string, 'number' | 'boolean' | 'unknown'>;
  injects: ReadonlySet<string>;
  /** Decision id -> its option ids; `undefined` for a decision whose options could not be read. */
  decisions: ReadonlyMap<string, ReadonlySet<string> | undefined>;
  actions: ReadonlySet<string>;
  /** Lookup ids; none if absent. */
  lookups?: ReadonlySet<string>;
  /** The milestones `reached()` can name. */
  milestones: ReadonlySet<string>;
  /**
   * Kinds whose names could not all be read (their list in the file did not pass the schema):
   * a name of these kinds that is not known is not reported, since it may well exist.
   */
  unreadKinds?: ReadonlySet<'inject' | 'decision' | 'action' | 'variable'>;
  /** Checked at the end of a drill (an answers file's `expect:`): the end-only functions are allowed. */
  atEnd?: boolean;
}

/** A problem at a 0-based offset into the condition's source. */
export interface ExprProblem {
  offset: number;
  message: string;
}

type Kind = 'number' | 'boolean' | 'unknown';
type Call = Extract<Expr, { type: 'call' }>;

/** The function a bare id of each kind most likely meant, for "write fired('pager')" hints. */
const USE_AS = new Map<IdKind, string>();
for (const fn of CONDITION_FUNCTIONS.values()) if (fn.forBareId) USE_AS.set(fn.args[0], fn.name);

/**
 * Checks names, function arity and argument kinds, and simple types (and/or/not need booleans,
 * arithmetic and < > need numbers, the whole condition must be boolean). Each message says
 * what to write instead, and each mistake is reported once (no follow-on type errors).
 */
export function checkExpr(expr: Expr, names: ExprNames): ExprProblem[] {
  const checker = new Checker(names);
  if (checker.typeOf(expr) === 'number') {
    const text = clip(printExpr(expr));
    checker.report(expr, `this condition is a number, but it must be true or false; compare it, e.g. \`${text} > 0\``);
  }
  return checker.problems;
}

class Checker {
  readonly problems: ExprProblem[] = [];
  private readonly names: ExprNames;

  constructor(names: ExprNames) {
    this.names = names;
  }

  report(at: Expr, message: string): void {
    this.problems.push({ offset: at.start, message });
  }

  /** The type of `e`, reporting what is wrong inside it; `unknown` once something was reported. */
  typeOf(e: Expr): Kind {
    switch (e.type) {
      case 'num':
        return 'number';
      case 'bool':
        return 'boolean';
      case 'str':
        this.report(e, "a quoted string can only be a function argument, as in fired('pager')");
        return 'unknown';
      case 'var': {
        if (e.name === TIME_VARIABLE) return 'number';
        const type = this.names.variables.get(e.name);
        if (type === undefined) this.unknownVariable(e, e.name);
        return type ?? 'unknown';
      }
      case 'call':
        return this.callType(e);
      case 'not':
        this.need(e.arg, this.typeOf(e.arg), 'boolean', 'not');
        return 'boolean';
      case 'neg':
        this.need(e.arg, this.typeOf(e.arg), 'number', '-');
        return 'number';
      case 'bin': {
        if (e.op === '-' && this.dashedId(e)) return 'unknown';
        const left = this.typeOf(e.left);
        const right = this.typeOf(e.right);
        if (e.op === '==' || e.op === '!=') {
          if (left !== 'unknown' && right !== 'unknown' && left !== right) {
            const text = clip(printExpr(e));
            const fix = 'compare numbers with numbers, true/false with true/false';
            this.report(e, `\`${text}\` compares a ${left} with a ${right}; ${fix}`);
          }
          return 'boolean';
        }
        const wanted = e.op === 'and' || e.op === 'or' ? 'boolean' : 'number';
        this.need(e.left, left, wanted, e.op);
        this.need(e.right, right, wanted, e.op);
        return e.op === '+' || e.op === '-' || e.op === '*' || e.op === '/' ? 'number' : 'boolean';
      }
    }
  }

  /** Reports `actual` where `wanted` is needed; `unknown` was reported already. */
  private need(at: Expr, actual: Kind, wanted: 'number' | 'boolean', op: string): void {
    if (actual === 'unknown' || actual === wanted) return;
    const text = clip(printExpr(at));
    this.report(
      at,
      wanted === 'boolean'
        ? `\`${text}\` is a number, but \`${op}\` needs a condition; compare it, e.g. \`${text} > 0\``
        : `\`${text}\` is true or false, but \`${op}\` needs numbers; compare true/false with \`==\` or \`!=\``,
    );
  }

  private unknownVariable(at: Expr, name: string): void {
    const fn = CONDITION_FUNCTIONS.get(name);
    if (fn) return this.report(at, `\`${name}\` is a function; write ${example(name, fn.args)}`);
    const kind = this.kindOfId(name);
    if (kind) {
      const use = `${USE_AS.get(kind)}('${name}')`;
      return this.report(at, `\`${name}\` is ${article(kind)} ${kind}, not a variable; write ${use}`);
    }
    if (this.names.unreadKinds?.has('variable')) return;
    const known = [TIME_VARIABLE, ...this.names.variables.keys()];
    const guess = closest(name, known);
    const hint = guess
      ? `did you mean \`${guess}\`?`
      : `declare it under \`world:\` or use one of: ${knownList(known)}`;
    this.report(at, `unknown variable \`${clip(name)}\`; ${hint}`);
  }

  /** A bare `db-alert` reads as `db - alert`; when it looks meant as an id, say how to write it. */
  private dashedId(e: Expr): boolean {
    const id = bareName(e);
    if (id === undefined) return false;
    const kind = this.kindOfId(id);
    const variables = id.split('-').filter((part) => /^[A-Za-z_]/.test(part));
    // `nodes-spare` with both declared is a subtraction written tightly, not a mistake.
    if (!kind && variables.every((v) => v === TIME_VARIABLE || this.names.variables.has(v) || this.names.unreadKinds?.has('variable'))) return false;
    const use = `${USE_AS.get(kind ?? 'inject')}('${clip(id)}')`;
    const what = `\`${clip(id)}\` is not a variable (names with \`-\` are ids)`;
    this.report(e, `${what}; write it in quotes inside a function, e.g. ${use}`);
    return true;
  }

  private callType(call: Call): Kind {
    const spec = CONDITION_FUNCTIONS.get(call.fn);
    if (spec === undefined) {
      const functions = [...CONDITION_FUNCTIONS.keys()];
      const guess = closest(call.fn, functions);
      const hint = guess ? `did you mean \`${guess}()\`?` : `known: ${functions.join(', ')}`;
      this.report(call, `unknown function \`${clip(call.fn)}()\`; ${hint}`);
      return 'unknown';
    }
    if (call.args.length !== spec.args.length) {
      const count = `${spec.args.length} argument${spec.args.length === 1 ? '' : 's'}`;
      this.report(call, `${call.fn}() takes ${count}, got ${call.args.length}; write ${example(call.fn, spec.args)}`);
    } else if (spec.endOnly && !this.names.atEnd) {
      this.report(call, `${call.fn}() is known only once the drill has ended; use it in an answers file's \`expect:\`, not in a scenario`);
    } else {
      call.args.forEach((_arg, i) => this.checkArgument(call, i, spec.args[i]!));
    }
    return spec.returns;
  }

  private checkArgument(call: Call, index: number, kind: ArgKind): void {
    const arg = call.args[index]!;
    if (arg.type !== 'str') {
      const bare = bareName(arg);
      if (bare === undefined) {
        const kinds = CONDITION_FUNCTIONS.get(call.fn)?.args ?? [kind];
        return this.report(arg, `${call.fn}() takes quoted ids, as in ${example(call.fn, kinds)}`);
      }
      const args = call.args.map((a, j) => (j === index ? `'${bare}'` : printExpr(a))).join(', ');
      return this.report(arg, `write the ${kind} id in quotes: ${call.fn}(${args})`);
    }
    const unknown = `unknown ${kind} '${clip(arg.value)}'`;
    if (kind === 'option') {
      const decision = call.args[0]?.type === 'str' ? call.args[0].value : '';
      // An unknown decision was reported on the first argument already; unread options cannot be checked.
      const options = this.names.decisions.get(decision);
      if (!options || options.has(arg.value)) return;
      const hint = options.size === 0 ? 'it has no options' : idHint(arg.value, options);
      return this.report(arg, `${unknown} of decision '${decision}' in ${call.fn}(); ${hint}`);
    }
    const unread = (kind === 'inject' || kind === 'decision' || kind === 'action') && this.names.unreadKinds?.has(kind);
    if (this.hasId(kind, arg.value) || unread) return;
    const known = [...this.idsOf(kind)];
    const hint = known.length === 0 ? `the scenario declares no ${kind}s` : idHint(arg.value, known);
    this.report(arg, `${unknown} in ${call.fn}(); ${hint}`);
  }

  private idsOf(kind: IdKind): Iterable<string> {
    if (kind === 'inject') return this.names.injects;
    if (kind === 'decision') return this.names.decisions.keys();
    if (kind === 'action') return this.names.actions;
    if (kind === 'lookup') return this.names.lookups ?? [];
    if (kind === 'ending') return ENDINGS;
    if (kind === 'impact') return IMPACT_LEVELS;
    return this.names.milestones;
  }

  /** Set lookups: a generated scenario may have 100,000 ids, so no list search per reference. */
  private hasId(kind: IdKind, id: string): boolean {
    if (kind === 'inject') return this.names.injects.has(id);
    if (kind === 'decision') return this.names.decisions.has(id);
    if (kind === 'action') return this.names.actions.has(id);
    if (kind === 'lookup') return this.names.lookups?.has(id) ?? false;
    if (kind === 'ending') return ENDINGS.has(id);
    if (kind === 'impact') return IMPACT_LEVELS.has(id);
    return this.names.milestones.has(id);
  }

  private kindOfId(id: string): IdKind | undefined {
    for (const kind of USE_AS.keys()) if (this.hasId(kind, id)) return kind;
    return undefined;
  }
}

/** A name written without quotes (`pager`, or `db-alert` with no spaces, read as subtraction). */
function bareName(e: Expr): string | undefined {
  if (e.type === 'var') return e.name;
  if (e.type === 'num' && !e.duration && Number.isInteger(e.value)) return String(e.value);
  if (e.type !== 'bin' || e.op !== '-' || e.right.start !== e.left.end + 1) return undefined;
  const left = bareName(e.left);
  const right = e.right.type === 'bin' ? undefined : bareName(e.right);
  return left !== undefined && right !== undefined ? `${left}-${right}` : undefined;
}

/** `fired('inject')`: how to call a function, naming what each argument is. */
function example(fn: string, args: readonly ArgKind[]): string {
  return `${fn}(${args.map((kind) => `'${kind}'`).join(', ')})`;
}

/** `did you mean `triage`?` when one id is close to `name` (a likely typo), else the known ids. */
function idHint(name: string, candidates: Iterable<string>): string {
  const all = [...candidates];
  const near = closest(name, all);
  return near === undefined ? `known: ${knownList(all)}` : `did you mean \`${near}\`?`;
}

/** Known names for a message, at most eight. */
function knownList(candidates: Iterable<string>): string {
  const all = [...candidates];
  return all.length > 8 ? `${all.slice(0, 8).join(', ')}, ...` : all.join(', ');
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
