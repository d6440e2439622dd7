// src/scenario/compile/compile.ts
import { createHash } from "node:crypto";

// src/conditions/duration.ts
var MS_PER_UNIT = { h: 36e5, m: 6e4, s: 1e3 };
var DURATION = /^(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m)?\s*(?:(\d+(?:\.\d+)?)s)?$/;
var SECONDS = /^\d+(?:\.\d+)?$/;
function parseDuration(input) {
  if (typeof input === "number") {
    return Number.isFinite(input) && input >= 0 ? Math.round(input * 1e3) : void 0;
  }
  const text = input.trim();
  if (text === "") return void 0;
  if (SECONDS.test(text)) return Math.round(Number(text) * 1e3);
  const match = DURATION.exec(text);
  if (!match) return void 0;
  const [, hours, minutes2, seconds2] = match;
  const ms2 = Number(hours ?? 0) * MS_PER_UNIT.h + Number(minutes2 ?? 0) * MS_PER_UNIT.m + Number(seconds2 ?? 0) * MS_PER_UNIT.s;
  return Number.isFinite(ms2) ? Math.round(ms2) : void 0;
}
function formatClock(ms2) {
  if (!Number.isFinite(ms2)) return "T+--:--";
  const sign = ms2 < 0 ? "-" : "+";
  const total = Math.floor(Math.abs(ms2) / 1e3);
  const hours = Math.floor(total / 3600);
  const minutes2 = Math.floor(total % 3600 / 60);
  const seconds2 = total % 60;
  const mmss = `${pad2(minutes2)}:${pad2(seconds2)}`;
  return hours > 0 ? `T${sign}${hours}:${mmss}` : `T${sign}${mmss}`;
}
function formatDuration(ms2) {
  if (!Number.isFinite(ms2)) return String(ms2);
  if (ms2 < 0) return `-${formatDuration(-ms2)}`;
  const whole = Math.round(ms2);
  const hours = Math.floor(whole / MS_PER_UNIT.h);
  const minutes2 = Math.floor(whole % MS_PER_UNIT.h / MS_PER_UNIT.m);
  const secondsMs = whole % MS_PER_UNIT.m;
  let out = "";
  if (hours > 0) out += `${hours}h`;
  if (minutes2 > 0) out += `${minutes2}m`;
  if (secondsMs > 0 || out === "") out += `${secondsMs / 1e3}s`;
  return out;
}
function pad2(n) {
  return n < 10 ? `0${n}` : String(n);
}

// src/conditions/lex.ts
var SyntaxProblem = class {
  message;
  offset;
  constructor(message, offset) {
    this.message = message;
    this.offset = offset;
  }
};
var KEYWORD_OPS = /* @__PURE__ */ new Set(["and", "or", "not"]);
var SYMBOL_OPS = ["<=", ">=", "==", "!=", "&&", "||", "<", ">", "+", "-", "*", "/", "!", "(", ")", ","];
var MISTYPED = [
  ["=<", "unexpected `=<`; write `<=`"],
  ["=>", "unexpected `=>`; write `>=`"],
  ["<>", "unexpected `<>`; write `!=`"],
  ["=", "unexpected `=`; write `==` to compare"],
  ["&", "unexpected `&`; write `&&` or `and`"],
  ["|", "unexpected `|`; write `||` or `or`"]
];
var WORD = /[A-Za-z0-9_]*/y;
var NUMBER_WORD = /[0-9.]*[A-Za-z0-9_.]*/y;
var Lexer = class {
  source;
  pos = 0;
  constructor(source) {
    this.source = source;
  }
  /** The next token; `eof` (at `source.length`) once the input is used up. */
  next() {
    const src = this.source;
    while (this.pos < src.length && /\s/.test(src[this.pos])) this.pos++;
    const start = this.pos;
    if (start >= src.length) return { kind: "eof", text: "", start, end: start };
    const ch = src[start];
    if (/[0-9]/.test(ch)) return this.number(start);
    if (/[A-Za-z_]/.test(ch)) {
      const word = matchAt(WORD, src, start);
      this.pos = start + word.length;
      return { kind: KEYWORD_OPS.has(word) ? "op" : "ident", text: word, start, end: this.pos };
    }
    if (ch === "'" || ch === '"') return this.string(start, ch);
    const pair = src.slice(start, start + 2);
    if (!SYMBOL_OPS.includes(pair)) {
      const typo = MISTYPED.find(([text]) => pair.startsWith(text));
      if (typo) throw new SyntaxProblem(typo[1], start);
    }
    const op = SYMBOL_OPS.find((candidate) => pair.startsWith(candidate));
    if (op !== void 0) {
      this.pos = start + op.length;
      return { kind: "op", text: op, start, end: this.pos };
    }
    const hint = ch === "." ? "; write numbers with a leading digit, like 0.5" : "";
    throw new SyntaxProblem(`unexpected character \`${String.fromCodePoint(src.codePointAt(start))}\`${hint}`, start);
  }
  number(start) {
    const word = matchAt(NUMBER_WORD, this.source, start);
    this.pos = start + word.length;
    if (/^\d+(\.\d+)?$/.test(word)) return { kind: "num", text: word, start, end: this.pos };
    if (/[A-Za-z]/.test(word) && parseDuration(word) !== void 0) {
      return { kind: "dur", text: word, start, end: this.pos };
    }
    const fix = "write numbers like 12 or 0.5 and durations like 90s, 4m or 1h30m";
    throw new SyntaxProblem(`malformed number or duration \`${clip(word)}\`; ${fix}`, start);
  }
  string(start, quote) {
    const src = this.source;
    let value2 = "";
    let run = start + 1;
    let i = start + 1;
    while (i < src.length && src[i] !== quote) {
      if (src[i] === "\\" && i + 1 < src.length) {
        value2 += src.slice(run, i);
        run = ++i;
      }
      i++;
    }
    if (i >= src.length) throw new SyntaxProblem(`unterminated string; close it with \`${quote}\``, start);
    value2 += src.slice(run, i);
    this.pos = i + 1;
    return { kind: "str", text: value2, start, end: this.pos };
  }
};
function describeToken(token) {
  if (token.kind === "eof") return "the end of the condition";
  if (token.kind === "str") return "a string";
  return `\`${clip(token.text)}\``;
}
function clip(text) {
  return text.length > 24 ? `${text.slice(0, 21)}...` : text;
}
function matchAt(sticky, text, offset) {
  sticky.lastIndex = offset;
  return sticky.exec(text)?.[0] ?? "";
}

// src/conditions/parse.ts
var MAX_EXPR_LENGTH = 2e3;
var MAX_EXPR_DEPTH = 64;
var COMPARISONS = /* @__PURE__ */ new Set(["<", "<=", ">", ">=", "==", "!="]);
function parseExpr(source) {
  if (source.length > MAX_EXPR_LENGTH) {
    return {
      ok: false,
      offset: MAX_EXPR_LENGTH,
      message: `condition is ${source.length} characters long, over the limit of ${MAX_EXPR_LENGTH}; split it into simpler conditions`
    };
  }
  try {
    return { ok: true, expr: new Parser(source).parseWhole() };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}
var Parser = class {
  source;
  lexer;
  /** The current (not yet consumed) token. */
  token;
  /** End of the last consumed token, for the spans of calls and parentheses. */
  lastEnd = 0;
  depth = 0;
  constructor(source) {
    this.source = source;
    this.lexer = new Lexer(source);
    this.token = this.lexer.next();
  }
  parseWhole() {
    if (this.atEnd()) {
      throw new SyntaxProblem("empty condition; write one such as `time >= 5m` or `fired('pager')`", 0);
    }
    const expr = this.parseOr();
    if (this.isOp(")")) {
      throw new SyntaxProblem("unmatched `)`; remove it or add a `(` before it", this.token.start);
    }
    if (!this.atEnd()) {
      throw new SyntaxProblem(
        `unexpected ${describeToken(this.token)} after a complete condition; join conditions with \`and\` or \`or\``,
        this.token.start
      );
    }
    return expr;
  }
  parseOr() {
    let left = this.parseAnd();
    while (this.isOp("or") || this.isOp("||")) {
      this.advance();
      left = binary("or", left, this.parseAnd());
    }
    return left;
  }
  parseAnd() {
    let left = this.parseNot();
    while (this.isOp("and") || this.isOp("&&")) {
      this.advance();
      left = binary("and", left, this.parseNot());
    }
    return left;
  }
  parseNot() {
    if (!this.isOp("not") && !this.isOp("!")) return this.parseComparison();
    const start = this.advance().start;
    const arg = this.nested(start, () => this.parseNot());
    return { type: "not", arg, start, end: arg.end };
  }
  parseComparison() {
    const left = this.parseAdditive();
    if (this.token.kind !== "op" || !COMPARISONS.has(this.token.text)) return left;
    const op = this.advance().text;
    const expr = binary(op, left, this.parseAdditive());
    if (this.token.kind === "op" && COMPARISONS.has(this.token.text)) {
      throw new SyntaxProblem(
        `comparisons do not chain; join two of them with \`and\`, e.g. \`1 < x and x < 5\``,
        this.token.start
      );
    }
    return expr;
  }
  parseAdditive() {
    let left = this.parseMultiplicative();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.advance().text;
      left = binary(op, left, this.parseMultiplicative());
    }
    return left;
  }
  parseMultiplicative() {
    let left = this.parseUnary();
    while (this.isOp("*") || this.isOp("/")) {
      const op = this.advance().text;
      left = binary(op, left, this.parseUnary());
    }
    return left;
  }
  parseUnary() {
    if (!this.isOp("-")) return this.parsePrimary();
    const start = this.advance().start;
    const arg = this.nested(start, () => this.parseUnary());
    return { type: "neg", arg, start, end: arg.end };
  }
  parsePrimary() {
    const token = this.token;
    switch (token.kind) {
      case "num":
      case "dur": {
        this.advance();
        const value2 = token.kind === "num" ? Number(token.text) : parseDuration(token.text) ?? NaN;
        if (!Number.isFinite(value2)) {
          throw new SyntaxProblem(`number \`${clip(token.text)}\` is too large`, token.start);
        }
        const num = { type: "num", value: value2, start: token.start, end: token.end };
        return token.kind === "dur" ? { ...num, duration: true } : num;
      }
      case "str":
        throw new SyntaxProblem(
          "a quoted string can only be a function argument, as in fired('pager'); write variables without quotes",
          token.start
        );
      case "ident":
        this.advance();
        if (token.text === "true" || token.text === "false") {
          return { type: "bool", value: token.text === "true", start: token.start, end: token.end };
        }
        if (this.isOp("(")) return this.parseCall(token);
        return { type: "var", name: token.text, start: token.start, end: token.end };
      case "op":
        if (token.text === "(") return this.parseParenthesized();
        if (token.text === "not" || token.text === "!") {
          throw new SyntaxProblem(
            `\`${token.text}\` cannot stand inside a comparison or sum; put it in parentheses, e.g. \`(not x)\``,
            token.start
          );
        }
        throw new SyntaxProblem(`expected a value before ${describeToken(token)}`, token.start);
      case "eof":
        throw new SyntaxProblem("the condition ends too early; expected a value", token.start);
    }
  }
  parseParenthesized() {
    const open = this.advance();
    const inner = this.nested(open.start, () => this.parseOr());
    this.expectClose(open.start, "(");
    return { ...inner, start: open.start, end: this.lastEnd };
  }
  parseCall(name) {
    this.advance();
    const args = [];
    this.nested(name.start, () => {
      if (this.isOp(")")) return;
      args.push(this.parseArgument());
      while (this.isOp(",")) {
        this.advance();
        args.push(this.parseArgument());
      }
    });
    this.expectClose(name.start, `${name.text}(`);
    return { type: "call", fn: name.text, args, start: name.start, end: this.lastEnd };
  }
  /** Strings are allowed only as whole arguments, so `fired('a') == 'b'` stays an error. */
  parseArgument() {
    const token = this.token;
    if (token.kind === "str") {
      this.advance();
      if (this.isOp(",") || this.isOp(")") || this.atEnd()) {
        return { type: "str", value: token.text, start: token.start, end: token.end };
      }
      const found = describeToken(this.token);
      throw new SyntaxProblem(`expected \`,\` or \`)\` after the string, not ${found}`, this.token.start);
    }
    return this.parseOr();
  }
  expectClose(openedAt, opener) {
    if (this.isOp(")")) {
      this.advance();
      return;
    }
    const found = this.token.kind === "eof" ? "but the condition ends" : `but found ${describeToken(this.token)}`;
    throw new SyntaxProblem(
      `expected \`)\` to close \`${opener}\` opened at ${this.where(openedAt)}, ${found}`,
      this.token.start
    );
  }
  /** Runs `parse` one level deeper, failing at `start` (the `(`, `not` or `-`) past the limit. */
  nested(start, parse) {
    if (++this.depth > MAX_EXPR_DEPTH) {
      throw new SyntaxProblem(`condition is nested more than ${MAX_EXPR_DEPTH} levels deep; simplify it`, start);
    }
    const result = parse();
    this.depth--;
    return result;
  }
  /** 1-based column (and line, if the condition spans lines) for messages. */
  where(offset) {
    const lineStart = this.source.lastIndexOf("\n", offset - 1) + 1;
    const column = `column ${offset - lineStart + 1}`;
    if (lineStart === 0) return column;
    const line = this.source.slice(0, lineStart).split("\n").length;
    return `line ${line}, ${column}`;
  }
  atEnd() {
    return this.token.kind === "eof";
  }
  isOp(text) {
    return this.token.kind === "op" && this.token.text === text;
  }
  advance() {
    const token = this.token;
    this.lastEnd = token.end;
    this.token = this.lexer.next();
    return token;
  }
};
function binary(op, left, right) {
  return { type: "bin", op, left, right, start: left.start, end: right.end };
}

// src/conditions/expr.ts
var TIME_VARIABLE = "time";
var EXPR_FUNCTIONS = /* @__PURE__ */ new Map([
  ["fired", { args: ["inject"], returns: "boolean" }],
  ["opened", { args: ["decision"], returns: "boolean" }],
  ["decided", { args: ["decision"], returns: "boolean" }],
  ["chose", { args: ["decision", "option"], returns: "boolean" }],
  ["timedout", { args: ["decision"], returns: "boolean" }],
  ["started", { args: ["action"], returns: "boolean" }],
  ["done", { args: ["action"], returns: "boolean" }],
  ["count", { args: ["action"], returns: "number" }],
  ["reached", { args: ["milestone"], returns: "boolean" }]
]);
function evaluate(expr, env) {
  switch (expr.type) {
    case "num":
    case "bool":
    case "str":
      return expr.value;
    case "var":
      return expr.name === TIME_VARIABLE ? env.time : env.variable(expr.name) ?? 0;
    case "call":
      return env.call(
        expr.fn,
        expr.args.map((arg) => evaluate(arg, env))
      );
    case "not":
      return !truthy(evaluate(expr.arg, env));
    case "neg": {
      const value2 = evaluate(expr.arg, env);
      return typeof value2 === "number" ? -value2 : 0;
    }
    case "bin":
      return evaluateBinary(expr.op, expr.left, expr.right, env);
  }
}
function isTrue(expr, env) {
  return truthy(evaluate(expr, env));
}
function truthy(value2) {
  return value2 === true || typeof value2 === "number" && value2 !== 0 && !Number.isNaN(value2);
}
function evaluateBinary(op, leftExpr, rightExpr, env) {
  if (op === "and") return truthy(evaluate(leftExpr, env)) && truthy(evaluate(rightExpr, env));
  if (op === "or") return truthy(evaluate(leftExpr, env)) || truthy(evaluate(rightExpr, env));
  const left = evaluate(leftExpr, env);
  const right = evaluate(rightExpr, env);
  if (op === "==" || op === "!=") {
    if (typeof left !== typeof right) return false;
    return op === "==" ? left === right : left !== right;
  }
  if (typeof left !== "number" || typeof right !== "number") {
    return op === "+" || op === "-" || op === "*" || op === "/" ? 0 : false;
  }
  return numericOp(op, left, right);
}
function numericOp(op, left, right) {
  switch (op) {
    case "+":
      return left + right;
    case "-":
      return left - right;
    case "*":
      return left * right;
    case "/":
      return right === 0 ? 0 : left / right;
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
  }
  return false;
}
var PRECEDENCE = { or: 1, and: 2, not: 3, compare: 4, add: 5, mul: 6, neg: 7, atom: 8 };
function precedenceOf(expr) {
  switch (expr.type) {
    case "not":
      return PRECEDENCE.not;
    case "neg":
      return PRECEDENCE.neg;
    case "bin":
      return binaryPrecedence(expr.op);
    case "num":
      return expr.value < 0 || Object.is(expr.value, -0) ? PRECEDENCE.neg : PRECEDENCE.atom;
    default:
      return PRECEDENCE.atom;
  }
}
function binaryPrecedence(op) {
  switch (op) {
    case "or":
      return PRECEDENCE.or;
    case "and":
      return PRECEDENCE.and;
    case "+":
    case "-":
      return PRECEDENCE.add;
    case "*":
    case "/":
      return PRECEDENCE.mul;
    default:
      return PRECEDENCE.compare;
  }
}
function printExpr(expr) {
  return printAt(expr, 0);
}
function printAt(expr, minPrecedence) {
  const text = printBare(expr);
  return precedenceOf(expr) < minPrecedence ? `(${text})` : text;
}
function printBare(expr) {
  switch (expr.type) {
    case "num":
      return expr.duration ? formatDuration(expr.value) : printNumber(expr.value);
    case "bool":
      return String(expr.value);
    case "str":
      return `'${expr.value.replace(/[\\']/g, "\\$&")}'`;
    case "var":
      return expr.name;
    case "call":
      return `${expr.fn}(${expr.args.map((arg) => printAt(arg, 0)).join(", ")})`;
    case "not":
      return `not ${printAt(expr.arg, PRECEDENCE.not)}`;
    case "neg":
      return `-${printAt(expr.arg, PRECEDENCE.neg)}`;
    case "bin": {
      const own = binaryPrecedence(expr.op);
      const leftMin = own === PRECEDENCE.compare ? own + 1 : own;
      return `${printAt(expr.left, leftMin)} ${expr.op} ${printAt(expr.right, own + 1)}`;
    }
  }
}
function printNumber(value2) {
  if (Object.is(value2, -0)) return "-0";
  const text = String(value2);
  if (!text.includes("e")) return text;
  if (Number.isInteger(value2)) return BigInt(value2).toString();
  const fixed = value2.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
  return fixed === "" || fixed === "-0" ? "0" : fixed;
}

// src/scenario/compile/items.ts
var ItemCompiler = class {
  constructor(yaml) {
    this.yaml = yaml;
  }
  yaml;
  problems = { injects: [], decisions: [], actions: [], rest: [] };
  sites = { injects: [], decisions: [], actions: [], rest: [] };
  section = "rest";
  /** Problems in the order the whole-file compile made them: injects, decisions, actions, the rest. */
  allProblems() {
    const p = this.problems;
    return [...p.injects, ...p.decisions, ...p.actions, ...p.rest];
  }
  allConditions() {
    const c = this.sites;
    return [...c.injects, ...c.decisions, ...c.actions, ...c.rest];
  }
  // A field's path is `[...base, key]`, made only when needed: for each of 100,000 injects'
  // absent `delay:` or `when:`, building its path cost more than reading the field.
  ms(value2, base2, key) {
    if (value2 === void 0) return void 0;
    const parsed = parseDuration(value2);
    if (parsed === void 0) this.problems[this.section].push(this.yaml.problemAt([...base2, key], `\`${String(value2)}\` is not a duration; write e.g. 90s, 4m or 1h30m`));
    return parsed ?? 0;
  }
  condition(source, base2, key) {
    if (source === void 0) return void 0;
    const path = [...base2, key];
    const parsed = parseExpr(source);
    if (!parsed.ok) {
      this.problems[this.section].push(this.yaml.problemAt(path, parsed.message, { offset: parsed.offset }));
      return void 0;
    }
    this.sites[this.section].push({ path, expr: deepFreeze(parsed.expr) });
    return parsed.expr;
  }
  inject(spec, i) {
    this.section = "injects";
    const path = ["injects", i];
    const { id, channel, from, title, text, hint, audience } = spec;
    const inject = compact({ id, channel, from, title, text, hint, audience, trigger: this.trigger(spec, path), ...this.consequence(spec, path) });
    this.section = "rest";
    return inject;
  }
  decision(spec, i) {
    this.section = "decisions";
    const path = ["decisions", i];
    const decision = compact({
      id: spec.id,
      prompt: spec.prompt,
      trigger: this.trigger(spec, path),
      options: Object.freeze(spec.options.map((o, j) => compact({ id: o.id, label: o.label, ...this.consequence(o, [...path, "options", j]) }))),
      timeoutMs: this.ms(spec.timeout, path, "timeout"),
      default: spec.default,
      hint: spec.hint,
      role: spec.role
    });
    this.section = "rest";
    return decision;
  }
  action(spec, i) {
    this.section = "actions";
    const path = ["actions", i];
    const action = compact({
      id: spec.id,
      label: spec.label,
      available: this.condition(spec.available, path, "available"),
      takesMs: this.ms(spec.takes, path, "takes") ?? 0,
      once: spec.once ?? false,
      ...this.consequence(spec, path)
    });
    this.section = "rest";
    return action;
  }
  // Each object is built without its undefined fields and frozen as it is made: one pass, and
  // plain fast-mode objects (a copying pass with defineProperty made dictionary-mode ones, several
  // times larger, which a 100,000-inject scenario kept alive for the whole drill).
  trigger(spec, path) {
    return compact({
      atMs: this.ms(spec.at, path, "at"),
      after: spec.after,
      delayMs: this.ms(spec.delay, path, "delay") ?? 0,
      when: this.condition(spec.when, path, "when"),
      chance: spec.chance
    });
  }
  consequence(spec, path) {
    return {
      effects: spec.effects === void 0 || spec.effects.length === 0 ? NONE : Object.freeze(spec.effects.map((effect, i) => {
        if ("set" in effect) return Object.freeze({ kind: "set", variable: effect.set, to: effect.to });
        if ("add" in effect) return Object.freeze({ kind: "add", variable: effect.add, by: effect.by });
        return Object.freeze({ kind: "ramp", variable: effect.ramp, to: effect.to, overMs: this.ms(effect.over, [...path, "effects", i], "over") ?? 0 });
      })),
      fire: frozenList(spec.fire),
      cancel: frozenList(spec.cancel),
      open: frozenList(spec.open),
      milestone: spec.milestone
    };
  }
};
var NONE = Object.freeze([]);
function frozenList(list) {
  return list === void 0 || list.length === 0 ? NONE : Object.freeze(list);
}
function compact(value2) {
  const out = {};
  for (const key in value2) {
    const v = value2[key];
    if (v !== void 0) out[key] = v;
  }
  return Object.freeze(out);
}
function deepFreeze(value2) {
  if (value2 === null || typeof value2 !== "object" || Object.isFrozen(value2) || value2 instanceof Map) return value2;
  for (const v of Object.values(value2)) deepFreeze(v);
  return Object.freeze(value2);
}

// src/scenario/problems.ts
function formatProblem(p) {
  const where = p.line === void 0 ? p.file : `${p.file}:${p.line}:${p.col ?? 1}`;
  const kind = p.severity === "warning" ? "warning: " : "";
  return `${where}: ${kind}${p.message.replace(/\s*[\r\n]+\s*/g, " ")}`;
}
function hasErrors(problems) {
  return problems.some((p) => p.severity === "error");
}
function sortProblems(problems) {
  const rank = (p) => p.severity === "error" ? 0 : 1;
  const sorted = [...problems].sort(
    (a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0)
  );
  const seen = /* @__PURE__ */ new Set();
  return sorted.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function closest(word, candidates) {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : void 0;
}
function suggestion(word, candidates, knownLabel = "known") {
  candidates = [...new Set(candidates)];
  const near = closest(word, candidates);
  if (near !== void 0) return `; did you mean \`${near}\`?`;
  if (candidates.length === 0) return "";
  const shown = candidates.slice(0, 12).join(", ");
  return `; ${knownLabel}: ${shown}${candidates.length > 12 ? ", \u2026" : ""}`;
}
function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  const rows = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}

// src/scenario/validate/schema.ts
import { z } from "zod";
var AMOUNT = String.raw`\d+(?:\.\d+)?`;
var DURATION_PATTERN = new RegExp(String.raw`^\s*(?:${AMOUNT}|(?=\d)(?:${AMOUNT}h)?\s*(?:${AMOUNT}m)?\s*(?:${AMOUNT}s)?)\s*$`);
var durationSchema = z.union([z.string().regex(DURATION_PATTERN, "a duration such as 90s, 4m or 1h30m"), z.number().nonnegative()]).describe("A duration: 90s, 4m, 1h30m, or a number of seconds.");
var conditionSchema = z.string().min(1).describe(
  "A condition over world variables and the drill's history, e.g. `nodes < 50 and not chose('first-response', 'rollback')`."
);
var idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "an id of letters, digits, - and _ (e.g. first-response)").describe("An identifier: letters, digits, - and _.");
var variableNameSchema = z.string().regex(/^(?!time$)[A-Za-z_][A-Za-z0-9_]*$/, "a variable name of letters, digits and _ (not `time`, which is built in), e.g. error_rate").describe("A variable name: letters, digits and _, usable in conditions.");
var milestoneSchema = z.enum(["started", "detected", "acknowledged", "mitigated", "resolved"]).describe("A response milestone; `started` marks the moment the incident itself began.");
var valueSchema = z.union([z.number(), z.boolean()]);
var effectSchema = z.union([
  z.strictObject({ set: variableNameSchema, to: valueSchema }).describe("Set a variable: `{set: autoscaling, to: false}`."),
  z.strictObject({ add: variableNameSchema, by: z.number() }).describe("Add to a number: `{add: nodes, by: 5}`."),
  z.strictObject({ ramp: variableNameSchema, to: z.number(), over: durationSchema }).describe("Move a number to a value in a straight line over a duration: `{ramp: error_rate, to: 80, over: 3m}`.")
]);
var consequenceFields = {
  effects: z.array(effectSchema).optional().describe("Changes to the world, applied in order."),
  fire: z.array(idSchema).optional().describe("Injects to fire now (they keep their own delay if they have `after`)."),
  cancel: z.array(idSchema).optional().describe("Injects or decisions that will no longer happen."),
  open: z.array(idSchema).optional().describe("Decisions to open now."),
  milestone: milestoneSchema.optional().describe("The milestone this marks, if it is the first to. `started` on an inject marks it as the start of the incident.")
};
var triggerFields = {
  at: durationSchema.optional().describe("Scenario time at which it happens, e.g. 4m."),
  after: idSchema.optional().describe("An inject, decision or action; this happens once that has happened (plus `delay`)."),
  delay: durationSchema.optional().describe("With `after`: how long after."),
  when: conditionSchema.optional().describe("Happens as soon as this condition becomes true."),
  chance: z.number().min(0).max(1).optional().describe("Probability (0\u20131) that it happens at all, drawn when it is due.")
};
var channelSchema = z.enum(["page", "alert", "dashboard", "chat", "terminal", "email", "phone", "ticket", "news", "note"]).describe("How the inject reaches the team. `terminal` text is shown as a block, never reflowed.");
var injectSchema = z.strictObject({
  id: idSchema,
  channel: channelSchema,
  from: z.string().optional().describe("Who or what sends it: PagerDuty, #ops, Grafana, a person."),
  title: z.string().optional().describe("A short headline."),
  text: z.string().describe("What the team sees. For `terminal`, the command output."),
  ...triggerFields,
  ...consequenceFields,
  hint: z.string().optional().describe("A facilitator hint, shown only on request."),
  audience: z.string().optional().describe("A role that alone is meant to see this inject.")
});
var optionSchema = z.strictObject({
  id: idSchema,
  label: z.string().describe("What the facilitator reads out."),
  ...consequenceFields
});
var decisionSchema = z.strictObject({
  id: idSchema,
  prompt: z.string().describe("The question put to the team."),
  ...triggerFields,
  options: z.array(optionSchema).min(1),
  timeout: durationSchema.optional().describe("How long the team has; then `default` is taken and recorded as a timeout."),
  default: idSchema.optional().describe('The option taken on timeout ("no decision is a decision").'),
  hint: z.string().optional(),
  role: z.string().optional().describe("The role expected to make this call.")
});
var actionSchema = z.strictObject({
  id: idSchema,
  label: z.string().describe("What the team says it does."),
  available: conditionSchema.optional().describe("When the action can be taken; always, if absent."),
  takes: durationSchema.optional().describe("Scenario time until its effects land."),
  once: z.boolean().optional().describe("If true, it can be taken only once."),
  ...consequenceFields
});
var variableSchema = z.strictObject({
  initial: valueSchema,
  label: z.string().optional(),
  unit: z.string().optional().describe("Shown after the value: nodes, %, ms, req/s."),
  metric: z.boolean().optional().describe("Shown on the live metrics panel, with a sparkline."),
  min: z.number().optional(),
  max: z.number().optional()
});
var roleSchema = z.strictObject({
  id: idSchema,
  title: z.string().optional(),
  brief: z.string().optional().describe("What this role knows or is asked to do.")
});
var factorBranchSchema = z.strictObject({
  when: conditionSchema.describe("Checked on the drill as it ended (what happened, the world at the end)."),
  text: z.string().describe("What this factor did in a drill that went this way, for the report.")
}).describe("Text for the report about what the factor did in a drill that took this branch.");
var factorSchema = z.strictObject({
  id: idSchema,
  title: z.string(),
  explanation: z.string().describe("The factor as a property of the system, true in every branch: the report never tells it as what happened."),
  kind: z.enum(["trigger", "latent", "process", "detection", "red-herring"]).optional(),
  when: conditionSchema.optional().describe("Whether the factor came into play, checked on the drill as it ended; always, if absent. One that did not is listed apart."),
  branches: z.array(factorBranchSchema).optional().describe("What the factor did in this drill: the text of every branch whose `when` held is told, in order.")
});
var questionSchema = z.union([
  z.string(),
  z.strictObject({
    text: z.string(),
    when: conditionSchema.optional().describe("Asked only if this held for the drill as it ended.")
  })
]);
var impactSchema = z.strictObject({
  down: conditionSchema.optional().describe("While true, users see an outage."),
  degraded: conditionSchema.optional().describe("While true (and not down), users see degraded service."),
  users: z.string().optional().describe('Who the users are, for the report: "checkout customers".')
});
var endSchema = z.strictObject({
  when: conditionSchema.optional().describe("The drill ends when this becomes true."),
  limit: durationSchema.describe("The drill ends at this scenario time at the latest.")
});
var debriefSchema = z.strictObject({
  factors: z.array(factorSchema).default([]),
  questions: z.array(questionSchema).default([])
});
var scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  id: idSchema,
  title: z.string(),
  summary: z.string(),
  version: z.union([z.string(), z.number()]),
  duration: durationSchema.describe("Estimated length of the drill."),
  difficulty: z.enum(["intro", "easy", "medium", "hard"]),
  roles: z.array(roleSchema).min(1),
  briefing: z.string().describe("Read out before the clock starts."),
  world: z.record(variableNameSchema, variableSchema).describe("Named state of the simulated system."),
  injects: z.array(injectSchema).min(1),
  decisions: z.array(decisionSchema).default([]),
  actions: z.array(actionSchema).default([]),
  milestones: z.partialRecord(milestoneSchema, conditionSchema).optional().describe("Conditions that mark milestones, besides injects and options that mark them."),
  impact: impactSchema.optional(),
  end: endSchema,
  debrief: debriefSchema.default({ factors: [], questions: [] })
}).describe("A drill scenario.");
var MILESTONES = milestoneSchema.options;

// src/conditions/check.ts
var USE_AS = { inject: "fired", decision: "decided", action: "done", milestone: "reached" };
function checkExpr(expr, names) {
  const checker = new Checker(names);
  if (checker.typeOf(expr) === "number") {
    const text = clip(printExpr(expr));
    checker.report(expr, `this condition is a number, but it must be true or false; compare it, e.g. \`${text} > 0\``);
  }
  return checker.problems;
}
var Checker = class {
  problems = [];
  names;
  constructor(names) {
    this.names = names;
  }
  report(at2, message) {
    this.problems.push({ offset: at2.start, message });
  }
  /** The type of `e`, reporting what is wrong inside it; `unknown` once something was reported. */
  typeOf(e) {
    switch (e.type) {
      case "num":
        return "number";
      case "bool":
        return "boolean";
      case "str":
        this.report(e, "a quoted string can only be a function argument, as in fired('pager')");
        return "unknown";
      case "var": {
        if (e.name === TIME_VARIABLE) return "number";
        const type = this.names.variables.get(e.name);
        if (type === void 0) this.unknownVariable(e, e.name);
        return type ?? "unknown";
      }
      case "call":
        return this.callType(e);
      case "not":
        this.need(e.arg, this.typeOf(e.arg), "boolean", "not");
        return "boolean";
      case "neg":
        this.need(e.arg, this.typeOf(e.arg), "number", "-");
        return "number";
      case "bin": {
        if (e.op === "-" && this.dashedId(e)) return "unknown";
        const left = this.typeOf(e.left);
        const right = this.typeOf(e.right);
        if (e.op === "==" || e.op === "!=") {
          if (left !== "unknown" && right !== "unknown" && left !== right) {
            const text = clip(printExpr(e));
            const fix = "compare numbers with numbers, true/false with true/false";
            this.report(e, `\`${text}\` compares a ${left} with a ${right}; ${fix}`);
          }
          return "boolean";
        }
        const wanted = e.op === "and" || e.op === "or" ? "boolean" : "number";
        this.need(e.left, left, wanted, e.op);
        this.need(e.right, right, wanted, e.op);
        return e.op === "+" || e.op === "-" || e.op === "*" || e.op === "/" ? "number" : "boolean";
      }
    }
  }
  /** Reports `actual` where `wanted` is needed; `unknown` was reported already. */
  need(at2, actual, wanted, op) {
    if (actual === "unknown" || actual === wanted) return;
    const text = clip(printExpr(at2));
    this.report(
      at2,
      wanted === "boolean" ? `\`${text}\` is a number, but \`${op}\` needs a condition; compare it, e.g. \`${text} > 0\`` : `\`${text}\` is true or false, but \`${op}\` needs numbers; compare true/false with \`==\` or \`!=\``
    );
  }
  unknownVariable(at2, name) {
    const fn = EXPR_FUNCTIONS.get(name);
    if (fn) return this.report(at2, `\`${name}\` is a function; write ${example(name, fn.args)}`);
    const kind = this.kindOfId(name);
    if (kind) {
      const use = `${USE_AS[kind]}('${name}')`;
      return this.report(at2, `\`${name}\` is ${article(kind)} ${kind}, not a variable; write ${use}`);
    }
    if (this.names.unreadKinds?.has("variable")) return;
    const known = [TIME_VARIABLE, ...this.names.variables.keys()];
    const guess = closest(name, known);
    const hint = guess ? `did you mean \`${guess}\`?` : `declare it under \`world:\` or use one of: ${knownList(known)}`;
    this.report(at2, `unknown variable \`${clip(name)}\`; ${hint}`);
  }
  /** A bare `db-alert` reads as `db - alert`; when it looks meant as an id, say how to write it. */
  dashedId(e) {
    const id = bareName(e);
    if (id === void 0) return false;
    const kind = this.kindOfId(id);
    const variables = id.split("-").filter((part) => /^[A-Za-z_]/.test(part));
    if (!kind && variables.every((v) => v === TIME_VARIABLE || this.names.variables.has(v) || this.names.unreadKinds?.has("variable"))) return false;
    const use = `${kind ? USE_AS[kind] : "fired"}('${clip(id)}')`;
    const what = `\`${clip(id)}\` is not a variable (names with \`-\` are ids)`;
    this.report(e, `${what}; write it in quotes inside a function, e.g. ${use}`);
    return true;
  }
  callType(call) {
    const spec = EXPR_FUNCTIONS.get(call.fn);
    if (spec === void 0) {
      const functions = [...EXPR_FUNCTIONS.keys()];
      const guess = closest(call.fn, functions);
      const hint = guess ? `did you mean \`${guess}()\`?` : `known: ${functions.join(", ")}`;
      this.report(call, `unknown function \`${clip(call.fn)}()\`; ${hint}`);
      return "unknown";
    }
    if (call.args.length !== spec.args.length) {
      const count2 = `${spec.args.length} argument${spec.args.length === 1 ? "" : "s"}`;
      this.report(call, `${call.fn}() takes ${count2}, got ${call.args.length}; write ${example(call.fn, spec.args)}`);
    } else {
      call.args.forEach((arg, i) => this.checkArgument(call, i, spec.args[i]));
    }
    return spec.returns;
  }
  checkArgument(call, index, kind) {
    const arg = call.args[index];
    if (arg.type !== "str") {
      const bare = bareName(arg);
      if (bare === void 0) {
        const kinds = EXPR_FUNCTIONS.get(call.fn)?.args ?? [kind];
        return this.report(arg, `${call.fn}() takes quoted ids, as in ${example(call.fn, kinds)}`);
      }
      const args = call.args.map((a, j) => j === index ? `'${bare}'` : printExpr(a)).join(", ");
      return this.report(arg, `write the ${kind} id in quotes: ${call.fn}(${args})`);
    }
    const unknown = `unknown ${kind} '${clip(arg.value)}'`;
    if (kind === "option") {
      const decision = call.args[0]?.type === "str" ? call.args[0].value : "";
      const options = this.names.decisions.get(decision);
      if (!options || options.has(arg.value)) return;
      const hint2 = options.size === 0 ? "it has no options" : idHint(arg.value, options);
      return this.report(arg, `${unknown} of decision '${decision}' in ${call.fn}(); ${hint2}`);
    }
    if (this.hasId(kind, arg.value) || kind !== "milestone" && this.names.unreadKinds?.has(kind)) return;
    const known = [...this.idsOf(kind)];
    const hint = known.length === 0 ? `the scenario declares no ${kind}s` : idHint(arg.value, known);
    this.report(arg, `${unknown} in ${call.fn}(); ${hint}`);
  }
  idsOf(kind) {
    if (kind === "inject") return this.names.injects;
    if (kind === "decision") return this.names.decisions.keys();
    if (kind === "action") return this.names.actions;
    return MILESTONES;
  }
  /** Set lookups: a generated scenario may have 100,000 ids, so no list search per reference. */
  hasId(kind, id) {
    if (kind === "inject") return this.names.injects.has(id);
    if (kind === "decision") return this.names.decisions.has(id);
    if (kind === "action") return this.names.actions.has(id);
    return MILESTONES.includes(id);
  }
  kindOfId(id) {
    return Object.keys(USE_AS).find((kind) => this.hasId(kind, id));
  }
};
function bareName(e) {
  if (e.type === "var") return e.name;
  if (e.type === "num" && !e.duration && Number.isInteger(e.value)) return String(e.value);
  if (e.type !== "bin" || e.op !== "-" || e.right.start !== e.left.end + 1) return void 0;
  const left = bareName(e.left);
  const right = e.right.type === "bin" ? void 0 : bareName(e.right);
  return left !== void 0 && right !== void 0 ? `${left}-${right}` : void 0;
}
function exprReferences(expr) {
  const found = /* @__PURE__ */ new Map();
  const visit = (e) => {
    if (e.type === "var" && e.name !== TIME_VARIABLE) found.set(`variable:${e.name}`, { kind: "variable", id: e.name });
    if (e.type === "not" || e.type === "neg") visit(e.arg);
    if (e.type === "bin") {
      visit(e.left);
      visit(e.right);
    }
    if (e.type !== "call") return;
    const [first, second] = e.args.map((arg) => arg.type === "str" ? arg.value : void 0);
    const kinds = EXPR_FUNCTIONS.get(e.fn)?.args;
    if (kinds?.[1] === "option" && first !== void 0 && second !== void 0) {
      found.set(`option:${first}:${second}`, { kind: "option", id: first, option: second });
    } else if (kinds?.length === 1 && first !== void 0) {
      found.set(`${kinds[0]}:${first}`, { kind: kinds[0], id: first });
    }
    e.args.forEach(visit);
  };
  visit(expr);
  return [...found.values()];
}
function example(fn, args) {
  return `${fn}(${args.map((kind) => `'${kind}'`).join(", ")})`;
}
function idHint(name, candidates) {
  const all = [...candidates];
  const near = closest(name, all);
  return near === void 0 ? `known: ${knownList(all)}` : `did you mean \`${near}\`?`;
}
function knownList(candidates) {
  const all = [...candidates];
  return all.length > 8 ? `${all.slice(0, 8).join(", ")}, ...` : all.join(", ");
}
function article(word) {
  return /^[aeiou]/.test(word) ? "an" : "a";
}

// src/scenario/validate/salvage.ts
import "zod";
var NOTHING_UNREAD = {
  partial: false,
  ids: { inject: /* @__PURE__ */ new Set(), decision: /* @__PURE__ */ new Set(), action: /* @__PURE__ */ new Set(), role: /* @__PURE__ */ new Set(), variable: /* @__PURE__ */ new Set() },
  whole: /* @__PURE__ */ new Set(),
  mentioned: /* @__PURE__ */ new Set(),
  variableTypes: /* @__PURE__ */ new Map(),
  conditions: []
};
function unreadName(unread, kind, id) {
  return unread.whole.has(kind) || unread.ids[kind].has(id);
}
function salvageScenario(yaml) {
  const raw = yaml.value;
  const unread = {
    ids: { inject: /* @__PURE__ */ new Set(), decision: /* @__PURE__ */ new Set(), action: /* @__PURE__ */ new Set(), role: /* @__PURE__ */ new Set(), variable: /* @__PURE__ */ new Set() },
    whole: /* @__PURE__ */ new Set(),
    mentioned: /* @__PURE__ */ new Set(),
    variableTypes: /* @__PURE__ */ new Map(),
    conditions: []
  };
  const kept = /* @__PURE__ */ new Map();
  const list = (key, schema, value2, kind) => {
    const indexes = [];
    kept.set(key, indexes);
    if (!Array.isArray(value2)) {
      if (kind && !(value2 === void 0 && (kind === "decision" || kind === "action"))) unread.whole.add(kind);
      return [];
    }
    const items = [];
    value2.forEach((item, i) => {
      const parsed = schema.safeParse(item);
      if (parsed.success) {
        items.push(parsed.data);
        indexes.push(i);
        return;
      }
      if (!kind) return;
      const id = isPlainObject(item) ? item["id"] : item;
      if (typeof id === "string" || typeof id === "number") unread.ids[kind].add(String(id));
      if (kind === "role" || !isPlainObject(item)) return;
      collectStrings(item, unread.mentioned);
      const field = kind === "action" ? "available" : "when";
      const source = item[field];
      if (typeof source === "string" && source.trim() !== "") unread.conditions.push({ path: [key, i, field], source });
    });
    return items;
  };
  const world2 = (value2) => {
    const out = {};
    if (!isPlainObject(value2)) {
      unread.whole.add("variable");
      return out;
    }
    for (const [name, spec] of Object.entries(value2)) {
      const parsed = variableSchema.safeParse(spec);
      if (parsed.success && variableNameSchema.safeParse(name).success) {
        Object.defineProperty(out, name, { value: parsed.data, enumerable: true, writable: true, configurable: true });
        continue;
      }
      unread.ids.variable.add(name);
      const initial = isPlainObject(spec) ? spec["initial"] : void 0;
      if (typeof initial === "number" || typeof initial === "boolean") unread.variableTypes.set(name, typeof initial === "number" ? "number" : "boolean");
    }
    return out;
  };
  const milestones = (value2) => {
    if (!isPlainObject(value2)) return void 0;
    const out = {};
    for (const [name, source] of Object.entries(value2)) {
      const milestone = milestoneSchema.safeParse(name);
      const condition = conditionSchema.safeParse(source);
      if (milestone.success && condition.success) out[milestone.data] = condition.data;
      else if (condition.success) unread.conditions.push({ path: ["milestones", name], source: condition.data });
    }
    return out;
  };
  const top = scenarioSchema.shape;
  const end = section(endSchema, raw["end"]);
  const debrief = isPlainObject(raw["debrief"]) ? raw["debrief"] : {};
  const factors2 = list("debrief.factors", factorSchema, debrief["factors"] ?? []);
  const questions2 = list("debrief.questions", questionSchema, debrief["questions"] ?? []);
  const file = {
    $schema: pick(top.$schema, raw["$schema"], void 0),
    id: pick(top.id, raw["id"], "scenario"),
    title: pick(top.title, raw["title"], ""),
    summary: pick(top.summary, raw["summary"], ""),
    version: pick(top.version, raw["version"], 0),
    duration: pick(top.duration, raw["duration"], 0),
    difficulty: pick(top.difficulty, raw["difficulty"], "easy"),
    roles: list("roles", roleSchema, raw["roles"], "role"),
    briefing: pick(top.briefing, raw["briefing"], ""),
    world: world2(raw["world"]),
    injects: list("injects", injectSchema, raw["injects"], "inject"),
    decisions: list("decisions", decisionSchema, raw["decisions"], "decision"),
    actions: list("actions", actionSchema, raw["actions"], "action"),
    milestones: milestones(raw["milestones"]),
    impact: raw["impact"] === void 0 ? void 0 : section(impactSchema, raw["impact"]),
    // A placeholder limit of 0 is "no limit" to the checks that compare against it.
    end: { ...end, limit: end.limit ?? 0 },
    debrief: { factors: factors2, questions: questions2 }
  };
  return { file, yaml: withKeptIndexes(yaml, kept), unread: { partial: true, ...unread } };
}
function pick(schema, value2, placeholder) {
  const parsed = schema.safeParse(value2);
  return parsed.success ? parsed.data : placeholder;
}
function section(schema, value2) {
  const whole = schema.safeParse(value2);
  if (whole.success) return whole.data;
  const out = {};
  if (isPlainObject(value2)) {
    for (const [key, field] of Object.entries(schema.shape)) {
      const parsed = field.safeParse(value2[key]);
      if (parsed.success && parsed.data !== void 0) out[key] = parsed.data;
    }
  }
  return out;
}
function withKeptIndexes(yaml, kept) {
  const remap = (path) => {
    const [first, second, third] = path;
    if (first === "debrief" && (second === "factors" || second === "questions") && typeof third === "number") {
      return [first, second, kept.get(`debrief.${second}`)?.[third] ?? third, ...path.slice(3)];
    }
    const indexes = typeof first === "string" && typeof second === "number" ? kept.get(first) : void 0;
    return indexes ? [first, indexes[second] ?? second, ...path.slice(2)] : path;
  };
  return {
    ...yaml,
    positionOf: (path, part) => yaml.positionOf(remap(path), part),
    positionInScalar: (path, offset) => yaml.positionInScalar(remap(path), offset),
    problemAt: (path, message, options) => yaml.problemAt(remap(path), message, options)
  };
}
function collectStrings(value2, into) {
  if (typeof value2 === "string") into.add(value2);
  else if (Array.isArray(value2)) value2.forEach((v) => collectStrings(v, into));
  else if (isPlainObject(value2)) {
    for (const [key, v] of Object.entries(value2)) {
      into.add(key);
      collectStrings(v, into);
    }
  }
}
function isPlainObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

// src/scenario/checks/reachability.ts
function forEachConsequence(scenario, visit) {
  let i = 0;
  let j = 0;
  const injectPath = () => ["injects", i];
  const optionPath = () => ["decisions", i, "options", j];
  const actionPath = () => ["actions", i];
  for (i = 0; i < scenario.injects.length; i++) visit(scenario.injects[i], scenario.injects[i].id, injectPath);
  for (i = 0; i < scenario.decisions.length; i++) {
    const decision = scenario.decisions[i];
    for (j = 0; j < decision.options.length; j++) visit(decision.options[j], decision.id, optionPath);
  }
  for (i = 0; i < scenario.actions.length; i++) visit(scenario.actions[i], scenario.actions[i].id, actionPath);
}
function pathOf(item) {
  return [item.kind === "inject" ? "injects" : "decisions", item.index];
}
function checkReachability(scenario, conditions, yaml, unread = NOTHING_UNREAD) {
  const items = [
    ...scenario.injects.map((x, index) => ({ id: x.id, kind: "inject", index, trigger: x.trigger })),
    ...scenario.decisions.map((x, index) => ({ id: x.id, kind: "decision", index, trigger: x.trigger }))
  ];
  const problems = [];
  const inCycle = findAfterCycles(items, yaml, problems);
  if (["inject", "decision", "action"].some((kind) => unread.whole.has(kind))) return problems;
  const dropped = /* @__PURE__ */ new Set([...unread.ids.inject, ...unread.ids.decision, ...unread.ids.action]);
  const reachable = reachableIds(scenario, items, [...dropped, ...unread.mentioned]);
  const known = (id) => scenario.injectById.has(id) || scenario.decisionById.has(id) || scenario.actionById.has(id) || dropped.has(id);
  for (const item of items) {
    if (reachable.has(item.id) || inCycle.has(item.id)) continue;
    const { after } = item.trigger;
    if (after !== void 0 && !known(after)) continue;
    const never2 = item.kind === "inject" ? "can never fire" : "can never open";
    const why = after !== void 0 ? `it comes after \`${after}\`, which never happens` : `nothing ${item.kind === "inject" ? "fires" : "opens"} it and it has no at/after/when`;
    problems.push(yaml.problemAt([...pathOf(item), "id"], `${item.kind} \`${item.id}\` ${never2}: ${why}`));
  }
  problems.push(...deadConditions(scenario, conditions, reachable, unread.mentioned, yaml));
  return problems;
}
function findAfterCycles(items, yaml, problems) {
  const byId = new Map(items.map((item) => [item.id, item]));
  const members = /* @__PURE__ */ new Set();
  const walkOf = /* @__PURE__ */ new Map();
  const chain = [];
  for (let walk = 0; walk < items.length; walk++) {
    const start = items[walk];
    if (walkOf.has(start.id)) continue;
    chain.length = 0;
    let current = start;
    while (current && !walkOf.has(current.id)) {
      chain.push(current.id);
      walkOf.set(current.id, walk);
      current = current.trigger.after === void 0 ? void 0 : byId.get(current.trigger.after);
    }
    if (!current || walkOf.get(current.id) !== walk) continue;
    const loop = chain.slice(chain.indexOf(current.id));
    loop.forEach((id) => members.add(id));
    const first = items.find((item) => loop.includes(item.id));
    const rotated = [...loop.slice(loop.indexOf(first.id)), ...loop.slice(0, loop.indexOf(first.id))];
    const shown = [...rotated, first.id].join(" \u2192 ");
    problems.push(
      yaml.problemAt(
        [...pathOf(first), "after"],
        `\`after\` goes round in a cycle: ${shown}; none of them can start the others \u2014 give one of them \`at:\` or \`when:\` instead`
      )
    );
  }
  return members;
}
function reachableIds(scenario, items, assumed = []) {
  const all = items ?? [
    ...scenario.injects.map((x, index) => ({ id: x.id, kind: "inject", index, trigger: x.trigger })),
    ...scenario.decisions.map((x, index) => ({ id: x.id, kind: "decision", index, trigger: x.trigger }))
  ];
  const waitingFor = /* @__PURE__ */ new Map();
  for (const x of all) {
    if (x.trigger.after === void 0) continue;
    const list = waitingFor.get(x.trigger.after);
    if (list) list.push(x.id);
    else waitingFor.set(x.trigger.after, [x.id]);
  }
  const reachable = /* @__PURE__ */ new Set();
  const queue = [];
  const reach = (id) => {
    if (reachable.has(id)) return;
    reachable.add(id);
    queue.push(id);
  };
  scenario.actions.forEach((a) => reach(a.id));
  for (const id of assumed) reach(id);
  all.filter((x) => x.trigger.atMs !== void 0 || x.trigger.when !== void 0).forEach((x) => reach(x.id));
  const consequencesOf = (id) => {
    const inject = scenario.injectById.get(id);
    if (inject) return [inject];
    const decision = scenario.decisionById.get(id);
    if (decision) return decision.options;
    const action = scenario.actionById.get(id);
    return action ? [action] : [];
  };
  for (let next = 0; next < queue.length; next++) {
    const id = queue[next];
    for (const c of consequencesOf(id)) {
      c.fire.forEach(reach);
      c.open.forEach(reach);
    }
    waitingFor.get(id)?.forEach(reach);
  }
  return reachable;
}
function deadConditions(scenario, conditions, reachable, mayChange, yaml) {
  const changed = new Set(mayChange);
  forEachConsequence(scenario, (consequence, source) => {
    if (reachable.has(source)) for (const e of consequence.effects) changed.add(e.variable);
  });
  const problems = [];
  for (const { path, expr } of conditions) {
    const isEnd = path[0] === "end";
    const isTrigger = path[path.length - 1] === "when" && (path[0] === "injects" || path[0] === "decisions");
    if (!isEnd && !isTrigger) continue;
    const reasons = deadReasons(scenario, expr, reachable, changed);
    if (!reasons) continue;
    const always = isTrue(expr, constantEnv(scenario));
    const message = isEnd ? always ? `\`end.when\` is already true when the drill starts (${reasons}), so the drill would end at once` : `\`end.when\` can never become true (${reasons}), so the drill always runs to \`end.limit\`; make it depend on something that happens` : always ? `this \`when\` is true from the start (${reasons}); use \`at: 0s\` if that is meant` : `this \`when\` can never become true (${reasons}), so this never happens`;
    problems.push(yaml.problemAt(path, message, { severity: isEnd ? "error" : "warning" }));
  }
  return problems;
}
function deadReasons(scenario, expr, reachable, changed) {
  if (usesTime(expr)) return void 0;
  const refs = exprReferences(expr);
  if (refs.length === 0) return void 0;
  const reasons = [];
  for (const ref of refs) {
    if (ref.kind === "action" || ref.kind === "milestone") return void 0;
    if (ref.kind === "variable") {
      if (!(ref.id in scenario.world) || changed.has(ref.id)) return void 0;
      reasons.push(`nothing changes \`${ref.id}\``);
    } else {
      const isInject = ref.kind === "inject";
      if (!(isInject ? scenario.injectById : scenario.decisionById).has(ref.id) || reachable.has(ref.id)) return void 0;
      reasons.push(`\`${ref.id}\` never ${isInject ? "fires" : "opens"}`);
    }
  }
  return [...new Set(reasons)].join(", ");
}
function usesTime(e) {
  if (e.type === "var") return e.name === "time";
  if (e.type === "not" || e.type === "neg") return usesTime(e.arg);
  if (e.type === "bin") return usesTime(e.left) || usesTime(e.right);
  if (e.type === "call") return e.args.some(usesTime);
  return false;
}
function constantEnv(scenario) {
  return {
    time: 0,
    variable: (name) => scenario.world[name]?.initial,
    call: (fn) => fn === "count" ? 0 : false
  };
}

// src/scenario/checks/advice.ts
var BLANK = /^\s*$/;
function scenarioAdvice(scenario, yaml) {
  const warn = (path, message, part = "value") => yaml.problemAt(path, message, { severity: "warning", part });
  const problems = [];
  if (scenario.factors.length === 0) {
    problems.push(
      warn(
        "debrief" in yaml.value ? ["debrief"] : [],
        "no contributing factors planted (`debrief.factors`); plant several, and a red herring, so the debrief can compare what the team found",
        "key"
      )
    );
  }
  if (!scenario.decisions.some((d) => d.options.length >= 2)) {
    problems.push(
      warn(
        "decisions" in yaml.value ? ["decisions"] : [],
        "no decision offers two or more options, so the drill cannot branch; give the team a real choice",
        "key"
      )
    );
  }
  scenario.decisions.forEach((d, i) => {
    if (d.timeoutMs === void 0) {
      problems.push(
        warn(["decisions", i, "id"], `decision \`${d.id}\` has no \`timeout:\`, so the team can stall it forever; add \`timeout:\` and \`default:\` (no decision is a decision)`)
      );
    }
  });
  scenario.injects.forEach((x, i) => {
    if (BLANK.test(x.text)) problems.push(warn(["injects", i, "text"], `inject \`${x.id}\` has empty \`text:\`; write what the team sees`));
  });
  if (!scenario.impact.down && !scenario.impact.degraded) {
    problems.push(
      warn(
        "impact" in yaml.value ? ["impact"] : [],
        "no `impact.down` or `impact.degraded` condition, so the report cannot give minutes of outage or degradation; add one",
        "key"
      )
    );
  }
  problems.push(...textCutByComment(yaml));
  return problems;
}
function textCutByComment(yaml) {
  const text = yaml.text;
  const problems = [];
  let blockIndent = -1;
  const pipeAt = nextOf(text, "|");
  const foldAt = nextOf(text, ">");
  const spaceHashAt = nextOf(text, " #");
  const tabHashAt = nextOf(text, "	#");
  for (let start = 0, i = 0; ; i++) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    let p = start;
    while (p < end && isSpace(text.charCodeAt(p))) p++;
    const indent = p - start;
    if (!(blockIndent >= 0 && (p === end || indent > blockIndent))) {
      let line;
      const header2 = pipeAt(start) < end || foldAt(start) < end;
      blockIndent = header2 && BLOCK_HEADER.test(line = text.slice(start, end)) ? indent : -1;
      const m = spaceHashAt(start) < end || tabHashAt(start) < end ? CUT_TEXT.exec(line ??= text.slice(start, end)) : null;
      if (m) {
        const col = m[1].length + m[2].length + 2;
        problems.push({
          file: yaml.file,
          line: i + 1,
          col,
          severity: "warning",
          message: `this text ends before \`#${m[3]}\`: a space then \`#\` starts a YAML comment; put the whole text in quotes if \`#${m[3]}\` belongs to it`
        });
      }
    }
    if (newline < 0) return problems;
    start = newline + 1;
  }
}
var BLOCK_HEADER = /:[ \t]+[|>][-+0-9]*[ \t]*(#.*)?$/;
var CUT_TEXT = /^(\s*(?:- )?[A-Za-z_][\w-]*:[ \t]+)([^\s'"|>{[#&*!][^#]*?)[ \t]#(\S+)/;
function nextOf(text, needle) {
  let at2 = -1;
  return (from) => {
    if (at2 < from) {
      const found = text.indexOf(needle, from);
      at2 = found < 0 ? Infinity : found;
    }
    return at2;
  };
}
function isSpace(code2) {
  if (code2 === 32 || code2 >= 9 && code2 <= 13) return true;
  return code2 >= 128 && /\s/.test(String.fromCharCode(code2));
}

// src/scenario/checks/checks.ts
function checkScenario(scenario, triggerProblems, conditions, yaml, unread = NOTHING_UNREAD) {
  return [
    ...checkIds(scenario, yaml),
    ...checkWorld(scenario, yaml),
    ...checkReferences(scenario, yaml, unread),
    ...checkEffects(scenario, yaml, unread),
    ...checkTriggers(scenario, triggerProblems, yaml),
    ...checkConditions(scenario, conditions, yaml, unread),
    ...checkReachability(scenario, conditions, yaml, unread),
    ...unread.partial ? [] : scenarioAdvice(scenario, yaml)
  ];
}
function checkIds(scenario, yaml) {
  const problems = [];
  const KINDS = ["inject", "decision", "action", "option", "role", "factor"];
  const LISTS = [["injects"], ["decisions"], ["actions"], [], ["roles"], ["debrief", "factors"]];
  let decision = 0;
  const encode = (kind, at2) => at2 * KINDS.length + kind;
  const pathOf2 = (code2) => {
    const kind = code2 % KINDS.length;
    const at2 = Math.floor(code2 / KINDS.length);
    return kind === 3 ? ["decisions", decision, "options", at2, "id"] : [...LISTS[kind], at2, "id"];
  };
  const claim = (id, at2, kind, space, why) => {
    const earlier = space.get(id);
    if (earlier === void 0) {
      space.set(id, encode(kind, at2));
      return;
    }
    const first = `the ${KINDS[earlier % KINDS.length]} on line ${yaml.positionOf(pathOf2(earlier)).line}`;
    problems.push(yaml.problemAt(pathOf2(encode(kind, at2)), `duplicate id \`${id}\`: ${first} already uses it${why}; rename one`));
  };
  const seen = /* @__PURE__ */ new Map();
  const shared = " (injects, decisions and actions share one set of ids, since `after:` can name any)";
  scenario.injects.forEach((x, i) => claim(x.id, i, 0, seen, shared));
  scenario.decisions.forEach((x, i) => claim(x.id, i, 1, seen, shared));
  scenario.actions.forEach((x, i) => claim(x.id, i, 2, seen, shared));
  scenario.decisions.forEach((d, i) => {
    const options = /* @__PURE__ */ new Map();
    decision = i;
    d.options.forEach((o, j) => claim(o.id, j, 3, options, ""));
  });
  const roles2 = /* @__PURE__ */ new Map();
  scenario.file.roles.forEach((r, i) => claim(r.id, i, 4, roles2, ""));
  const factors2 = /* @__PURE__ */ new Map();
  scenario.factors.forEach((f, i) => claim(f.id, i, 5, factors2, ""));
  return problems;
}
var RESERVED = /* @__PURE__ */ new Set(["and", "or", "not", "true", "false"]);
function checkWorld(scenario, yaml) {
  const problems = [];
  for (const [name, v] of Object.entries(scenario.world)) {
    const at2 = (message, key, severity = "error") => {
      problems.push(yaml.problemAt(key ? ["world", name, key] : ["world", name], message, { part: "key", severity }));
    };
    if (RESERVED.has(name)) at2(`\`${name}\` is a word of the condition language; give the variable another name`);
    if (typeof v.initial === "boolean") {
      for (const key of ["min", "max"]) {
        if (v[key] !== void 0) at2(`\`${key}\` applies to numbers, but \`${name}\` is true/false; remove it`, key);
      }
      continue;
    }
    if (v.min !== void 0 && v.max !== void 0 && v.min > v.max) at2(`\`min\` (${v.min}) is above \`max\` (${v.max}); swap them`, "min");
    else if (v.min !== void 0 && v.initial < v.min || v.max !== void 0 && v.initial > v.max) {
      at2(`\`initial\` (${v.initial}) is outside min/max, so it starts clamped; change one of them`, "initial", "warning");
    }
  }
  return problems;
}
function checkReferences(scenario, yaml, unread) {
  const problems = [];
  const ids = (byId, dropped) => ({
    has: (id) => byId.has(id) || dropped.has(id),
    list: () => [...byId.keys(), ...dropped]
  });
  const injectIds = ids(scenario.injectById, unread.ids.inject);
  const decisionIds = ids(scenario.decisionById, unread.ids.decision);
  const actionIds = ids(scenario.actionById, unread.ids.action);
  const kindOf = (id) => injectIds.has(id) ? "inject" : decisionIds.has(id) ? "decision" : actionIds.has(id) ? "action" : void 0;
  const unknown = (id, ...kinds) => !kindOf(id) && !kinds.some((kind) => unread.whole.has(kind));
  const report2 = (path, message) => void problems.push(yaml.problemAt(path, message));
  forEachConsequence(scenario, (consequence, _source, pathOf2) => {
    consequence.fire.forEach((id, k) => {
      const kind = kindOf(id);
      if (kind === "decision") report2([...pathOf2(), "fire", k], `\`${id}\` is a decision; decisions are opened \u2014 move it to \`open:\``);
      else if (kind === "action") report2([...pathOf2(), "fire", k], `\`${id}\` is an action; actions are taken by the team, not fired`);
      else if (unknown(id, "inject")) report2([...pathOf2(), "fire", k], `unknown inject \`${id}\` in \`fire\`${suggestion(id, injectIds.list())}`);
    });
    consequence.open.forEach((id, k) => {
      const kind = kindOf(id);
      if (kind === "inject") report2([...pathOf2(), "open", k], `\`${id}\` is an inject; injects are fired \u2014 move it to \`fire:\``);
      else if (kind === "action") report2([...pathOf2(), "open", k], `\`${id}\` is an action; actions are taken by the team, not opened`);
      else if (unknown(id, "decision")) report2([...pathOf2(), "open", k], `unknown decision \`${id}\` in \`open\`${suggestion(id, decisionIds.list())}`);
    });
    consequence.cancel.forEach((id, k) => {
      const kind = kindOf(id);
      if (kind === "action") report2([...pathOf2(), "cancel", k], `\`${id}\` is an action; only injects and decisions can be cancelled`);
      else if (unknown(id, "inject", "decision")) report2([...pathOf2(), "cancel", k], `unknown inject or decision \`${id}\` in \`cancel\`${suggestion(id, [...injectIds.list(), ...decisionIds.list()])}`);
    });
  });
  const triggered = [
    ...scenario.injects.map((x, i) => ({ x, path: ["injects", i] })),
    ...scenario.decisions.map((x, i) => ({ x, path: ["decisions", i] }))
  ];
  for (const { x, path } of triggered) {
    const after = x.trigger.after;
    if (after !== void 0 && unknown(after, "inject", "decision", "action")) {
      report2([...path, "after"], `\`after\` names \`${after}\`, which is no inject, decision or action${suggestion(after, [...injectIds.list(), ...decisionIds.list(), ...actionIds.list()])}`);
    }
  }
  const roles2 = [...scenario.file.roles.map((r) => r.id), ...unread.ids.role];
  const checkRole = (role, path) => {
    if (role !== void 0 && !roles2.includes(role) && !unread.whole.has("role")) report2(path, `unknown role \`${role}\`${suggestion(role, roles2, "roles")}`);
  };
  scenario.injects.forEach((x, i) => checkRole(x.audience, ["injects", i, "audience"]));
  scenario.decisions.forEach((d, i) => {
    checkRole(d.role, ["decisions", i, "role"]);
    const options = d.options.map((o) => o.id);
    if (d.default !== void 0 && !options.includes(d.default)) {
      report2(["decisions", i, "default"], `\`default: ${d.default}\` is not an option of decision \`${d.id}\`${suggestion(d.default, options, "its options")}`);
    }
  });
  return problems;
}
function checkEffects(scenario, yaml, unread) {
  const problems = [];
  const variables = [...Object.keys(scenario.world), ...unread.ids.variable];
  forEachConsequence(scenario, (consequence, _source, pathOf2) => {
    consequence.effects.forEach((effect, k) => {
      const at2 = (key) => [...pathOf2(), "effects", k, key];
      const spec = scenario.world[effect.variable];
      if (!spec && unreadName(unread, "variable", effect.variable)) return;
      if (!spec) {
        const hint = suggestion(effect.variable, variables);
        problems.push(yaml.problemAt(at2(effect.kind), `unknown variable \`${effect.variable}\`${hint || "; declare it under `world:`"}`));
        return;
      }
      const isFlag = typeof spec.initial === "boolean";
      const name = effect.variable;
      if (effect.kind === "set" && isFlag !== (typeof effect.to === "boolean")) {
        const want = isFlag ? "true or false" : "a number";
        problems.push(yaml.problemAt(at2("to"), `\`${name}\` is ${isFlag ? "true/false" : "a number"}; set it to ${want}, not \`${String(effect.to)}\``));
      } else if (effect.kind !== "set" && isFlag) {
        problems.push(
          yaml.problemAt(at2(effect.kind), `\`${effect.kind}\` needs a number, but \`${name}\` is true/false; write \`{set: ${name}, to: true}\` (or false)`)
        );
      }
    });
  });
  return problems;
}
function triggerSpecProblems(spec, index, kind, yaml) {
  const twoTriggers = (spec.at !== void 0 ? 1 : 0) + (spec.after !== void 0 ? 1 : 0) + (spec.when !== void 0 ? 1 : 0) > 1;
  const delayAlone = spec.delay !== void 0 && spec.after === void 0;
  const noDefault = kind === "decision" && spec.timeout !== void 0 && spec.default === void 0;
  if (!twoTriggers && !delayAlone && !noDefault) return NO_PROBLEMS;
  const path = [kind === "inject" ? "injects" : "decisions", index];
  const problems = [];
  if (twoTriggers) {
    const set = ["at", "after", "when"].filter((key) => spec[key] !== void 0);
    problems.push(
      yaml.problemAt([...path, set[1]], `${kind} \`${spec.id}\` has both \`${set[0]}\` and \`${set[1]}\`; it happens on one trigger (at, after or when) \u2014 keep one`, { part: "key" })
    );
  }
  if (delayAlone) {
    problems.push(yaml.problemAt([...path, "delay"], "`delay` only applies with `after:`; add `after: <id>` or remove `delay`", { part: "key" }));
  }
  if (noDefault) {
    problems.push(yaml.problemAt([...path, "timeout"], "a decision that times out needs `default:`, the option taken when nobody decides", { part: "key" }));
  }
  return problems;
}
var NO_PROBLEMS = Object.freeze([]);
function fileTriggerProblems(file, yaml) {
  return [
    ...file.injects.flatMap((spec, i) => triggerSpecProblems(spec, i, "inject", yaml)),
    ...file.decisions.flatMap((spec, i) => triggerSpecProblems(spec, i, "decision", yaml))
  ];
}
function checkTriggers(scenario, specProblems, yaml) {
  const problems = [...specProblems];
  const limit = scenario.end.limitMs;
  if (limit <= 0) return problems;
  const check = (items, byId, list, verb) => {
    for (let i = 0; i < items.length; i++) {
      const atMs = byId.get(items[i].id)?.trigger.atMs;
      if (atMs !== void 0 && atMs > limit) {
        problems.push(
          yaml.problemAt([list, i, "at"], `${verb} after the drill has ended (at ${formatDuration(atMs)}, but \`end.limit\` is ${formatDuration(limit)}); move it earlier or raise the limit`, {
            severity: "warning"
          })
        );
      }
    }
  };
  check(scenario.injects, scenario.injectById, "injects", "fires");
  check(scenario.decisions, scenario.decisionById, "decisions", "opens");
  return problems;
}
function exprNames(scenario, unread = NOTHING_UNREAD) {
  const variables = new Map([...unread.ids.variable].map((name) => [name, unread.variableTypes.get(name) ?? "unknown"]));
  for (const [name, v] of Object.entries(scenario.world)) variables.set(name, typeof v.initial === "boolean" ? "boolean" : "number");
  return {
    variables,
    injects: /* @__PURE__ */ new Set([...scenario.injectById.keys(), ...unread.ids.inject]),
    decisions: new Map([
      ...[...unread.ids.decision].map((id) => [id, void 0]),
      ...scenario.decisions.map((d) => [d.id, new Set(d.options.map((o) => o.id))])
    ]),
    actions: /* @__PURE__ */ new Set([...scenario.actionById.keys(), ...unread.ids.action]),
    unreadKinds: new Set(["inject", "decision", "action", "variable"].filter((kind) => unread.whole.has(kind)))
  };
}
function checkConditions(scenario, conditions, yaml, unread) {
  const names = exprNames(scenario, unread);
  return conditions.flatMap(
    ({ path, expr }) => checkExpr(expr, names).map((p) => yaml.problemAt(path, p.message, { offset: p.offset }))
  );
}
function checkUnreadConditions(scenario, unread, yaml) {
  if (unread.conditions.length === 0) return [];
  const names = exprNames(scenario, unread);
  return unread.conditions.flatMap(({ path, source }) => {
    const parsed = parseExpr(source);
    if (!parsed.ok) return [yaml.problemAt(path, parsed.message, { offset: parsed.offset })];
    return checkExpr(parsed.expr, names).map((p) => yaml.problemAt(path, p.message, { offset: p.offset }));
  });
}

// src/scenario/compile/stream.ts
var LIST_KEYS = ["injects", "decisions", "actions"];
var JIT_FROM_CHARS = 128 * 1024;
var headerSchemas = /* @__PURE__ */ new Map();
function headerSchema(streamed) {
  const key = streamed.join(",");
  let schema = headerSchemas.get(key);
  if (schema === void 0) {
    schema = scenarioSchema.omit(Object.fromEntries(streamed.map((k) => [k, true])));
    headerSchemas.set(key, schema);
  }
  return schema;
}
var ListStream = class {
  compiler;
  failed = false;
  jitless = true;
  /** zod's options, one object for every item. */
  parseOptions = { jitless: true };
  compiled = {};
  triggerProblems = [];
  /** The sinks, for the file being read (which is asked for positions only on a problem). */
  sinks(yaml) {
    this.compiler = new ItemCompiler(yaml);
    this.jitless = yaml.text.length < JIT_FROM_CHARS;
    this.parseOptions = { jitless: this.jitless };
    const compiler = this.compiler;
    return (key) => {
      if (key === "injects") return this.sink(key, (item, i) => {
        const spec = injectSchema.safeParse(item, this.parseOptions);
        if (!spec.success) return void 0;
        const plain = item;
        this.noteTriggers(triggerSpecProblems(plain, i, "inject", yaml));
        return compiler.inject(plain, i);
      });
      if (key === "decisions") return this.sink(key, (item, i) => {
        const spec = decisionSchema.safeParse(item, this.parseOptions);
        if (!spec.success) return void 0;
        const plain = item;
        this.noteTriggers(triggerSpecProblems(plain, i, "decision", yaml));
        return compiler.decision(plain, i);
      });
      if (key === "actions") return this.sink(key, (item, i) => actionSchema.safeParse(item, this.parseOptions).success ? compiler.action(item, i) : void 0);
      return void 0;
    };
  }
  /**
   * The items compiled and the rest of the file validated, or undefined if anything failed the
   * schema (or the file was read another way), and the whole file must be checked instead.
   * The lists are compiled from the YAML value, not from zod's copy: they are equal, since no
   * field of an inject, decision or action has a default or a transform.
   */
  finish(yaml) {
    if (this.failed || this.compiler === void 0) return void 0;
    const streamed = LIST_KEYS.filter((key) => (this.compiled[key]?.length ?? 0) > 0);
    const { injects: _i, decisions: _d, actions: _a, ...rest } = yaml.value;
    const root = { ...rest };
    for (const key of LIST_KEYS) if (!streamed.includes(key) && Object.hasOwn(yaml.value, key)) root[key] = yaml.value[key];
    const valid = headerSchema(streamed).safeParse(root, this.parseOptions);
    if (!valid.success) return void 0;
    const lists = Object.fromEntries(streamed.map((key) => [key, Object.freeze(this.compiled[key])]));
    return { compiler: this.compiler, header: valid.data, lists, triggerProblems: this.triggerProblems };
  }
  noteTriggers(problems) {
    if (problems.length > 0) this.triggerProblems.push(...problems);
  }
  sink(key, compile) {
    const out = this.compiled[key] = [];
    return (item, index) => {
      if (this.failed) return;
      try {
        const compiled = compile(item, index);
        if (compiled === void 0) this.failed = true;
        else out.push(compiled);
      } catch {
        this.failed = true;
      }
    };
  }
};

// src/scenario/source/source-text.ts
import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { CST, Lexer as Lexer2 } from "yaml";
var MAX_SCENARIO_BYTES = 64 * 1024 * 1024;
var MAX_NESTING_DEPTH = 64;
function decodeSourceText(input) {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  if (bytes.length > MAX_SCENARIO_BYTES) return refuse(tooLarge(bytes.length), 1, 1);
  if (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255) {
    return refuse("this file is saved as UTF-16; save it as UTF-8", 1, 1);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, nul));
    const { line, col } = lineColAt(before, before.length);
    return refuse("this is a binary file (it contains a NUL byte), not YAML text; pass a .yaml file", line, col);
  }
  let text;
  try {
    text = typeof input === "string" ? input : decodeUtf8(bytes);
  } catch {
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const at2 = lenient.indexOf("\uFFFD");
    const { line, col } = lineColAt(lenient, Math.max(0, at2));
    return refuse("this file is not valid UTF-8 text (Latin-1 or another encoding?); save it as UTF-8", line, col);
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (text.trim() === "") return { ok: false, problem: { message: "the file is empty", line: 1, col: 1, empty: true } };
  const control = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (control) {
    const code2 = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    const { line, col } = lineColAt(text, control.index);
    return refuse(
      `control character U+${code2} is not allowed in YAML text; remove it (terminal colour codes cannot be shown anyway)`,
      line,
      col
    );
  }
  return { ok: true, text, bytes };
}
function decodeUtf8(bytes) {
  if (!isUtf8(bytes)) throw new TypeError("not UTF-8");
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}
function readSourceFile(file, what) {
  let fd;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return unreadable("this is a folder, not a file", what);
    if (!stat.isFile()) return unreadable("this is not a regular file (a device or a pipe?)", what);
    if (stat.size > MAX_SCENARIO_BYTES) return { ok: false, problem: { message: tooLarge(stat.size), line: 1, col: 1 } };
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_SCENARIO_BYTES) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    const code2 = error.code;
    return unreadable(code2 === "ENOENT" ? "no such file" : code2 === "EISDIR" ? "this is a folder, not a file" : `cannot read it (${code2 ?? String(error)})`, what);
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
function unreadable(why, what) {
  return { ok: false, problem: { message: `${why}; pass the path of ${what}` } };
}
function tooLarge(size) {
  const mb = (size / (1024 * 1024)).toFixed(1);
  return `file is too large (${mb} MB; the limit is ${MAX_SCENARIO_BYTES / (1024 * 1024)} MB); a scenario is a few dozen KB \u2014 trim long texts or split it`;
}
function findExcessiveNesting(text) {
  let offset = 0;
  let col = 0;
  let flow = 0;
  let lineStart = true;
  const blockColumns = [];
  for (const token of new Lexer2().lex(text)) {
    if (token === CST.DOCUMENT || token === CST.SCALAR || token === CST.FLOW_END) continue;
    const type = CST.tokenType(token);
    if (type === "flow-map-start" || type === "flow-seq-start") flow++;
    else if (type === "flow-map-end" || type === "flow-seq-end") flow = Math.max(0, flow - 1);
    else if (type === "doc-start") blockColumns.length = 0;
    else if (flow === 0 && (type === "seq-item-ind" || type === "explicit-key-ind" || lineStart && type !== "space" && type !== "newline" && type !== "comment")) {
      while (blockColumns.length > 0 && blockColumns[blockColumns.length - 1] > col) blockColumns.pop();
      if (blockColumns[blockColumns.length - 1] !== col) blockColumns.push(col);
    }
    if (flow + blockColumns.length > MAX_NESTING_DEPTH) return offset;
    offset += token.length;
    const newline = token.lastIndexOf("\n");
    if (newline >= 0) {
      col = token.length - newline - 1;
      lineStart = col === 0 || /^[ \t]*$/.test(token.slice(newline + 1));
    } else {
      col += token.length;
      if (type !== "space") lineStart = false;
    }
  }
  return void 0;
}
function lineColAt(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}
function refuse(message, line, col) {
  return { ok: false, problem: { message, line, col } };
}

// src/scenario/source/yaml-source.ts
import { isAlias as isAlias2, isMap as isMap2, isScalar as isScalar2, isSeq as isSeq2, LineCounter, parseDocument } from "yaml";

// src/scenario/source/yaml-errors.ts
function formatYamlError(error, text, facts) {
  const offset = error.pos[0];
  const plain = lowerFirst(error.message.split("\n")[0].trim());
  switch (error.code) {
    case "TAB_AS_INDENT":
      return { offset, message: "a tab is used for indentation; YAML indents with spaces only \u2014 use spaces" };
    case "DUPLICATE_KEY": {
      const duplicate = facts.duplicates.get(offset);
      if (!duplicate) return { offset, message: "duplicate key; each key may appear only once in a mapping" };
      const firstLine2 = lineOf(text, duplicate.firstAt);
      return {
        offset,
        message: `duplicate key \`${duplicate.key}\` (already set on line ${firstLine2}); keep only one of them`
      };
    }
    case "MISSING_CHAR": {
      if (/quote/i.test(error.message)) {
        const opening = facts.quoted.filter(([start, end]) => start < offset && end >= offset).pop();
        const quote = /'/.test(error.message) ? "'" : '"';
        return {
          offset: opening?.[0] ?? offset,
          message: `this quoted string is never closed; add the closing ${quote}`
        };
      }
      return { offset, message: `${plain}; check for a missing bracket or brace` };
    }
    case "MULTIPLE_DOCS":
      return { offset, message: "a file holds one YAML document; remove the `---` line and what follows it, or merge them" };
    case "BLOCK_AS_IMPLICIT_KEY":
      return {
        offset,
        message: "a value cannot start another `key:` on the same line; quote the value if the colon is part of the text, or put the nested mapping on its own indented lines"
      };
    case "MULTILINE_IMPLICIT_KEY":
      return { offset, message: "a key must fit on one line; check the indentation, or quote the value if it contains `: `" };
    case "BAD_INDENT":
      return { offset, message: `${plain}; fix the indentation (spaces, each level deeper than its parent, siblings in one column)` };
    case "BAD_DQ_ESCAPE":
      return { offset, message: `${plain}; in double quotes write \\\\ for a backslash, or use single quotes` };
    case "BAD_ALIAS":
      return { offset, message: `${plain}; define the anchor (\`&name\`) before using it (\`*name\`)` };
    case "TAG_RESOLVE_FAILED":
      return { offset, message: `${plain}; drill ignores tags \u2014 remove it` };
    case "KEY_OVER_1024_CHARS":
      return { offset, message: "a key is longer than 1024 characters; check for a missing `:` or a stray quote" };
    default:
      return { offset, message: plain };
  }
}
function lowerFirst(s) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
function lineOf(text, offset) {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

// src/scenario/source/yaml-positions.ts
import { isAlias, isMap, isScalar, isSeq } from "yaml";
function nodeAt(doc, path) {
  let node = doc.contents;
  let keyNode;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = keyIndex(node).get(String(segment));
      if (!pair) return { node, complete: false };
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === "number" && node.items[segment] !== void 0) {
      keyNode = void 0;
      node = node.items[segment];
    } else {
      return { node, complete: false };
    }
  }
  return { node, keyNode, complete: true };
}
var keyIndexes = /* @__PURE__ */ new WeakMap();
function keyIndex(map) {
  let index = keyIndexes.get(map);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (!index.has(name)) index.set(name, pair);
    }
    keyIndexes.set(map, index);
  }
  return index;
}
function offsetOfPath(doc, path, part) {
  const { node, keyNode, complete } = nodeAt(doc, path);
  const start = (n) => n?.range?.[0];
  if (!complete) return start(node) ?? 0;
  const empty = isScalar(node) && node.value === null && node.source === "";
  if ((part === "key" || empty) && keyNode) return start(keyNode) ?? 0;
  return start(node) ?? start(keyNode) ?? 0;
}
function scalarSourceOffset(text, range, type, value2, offset) {
  const [start, end] = range;
  let i = start;
  if (type === "QUOTE_DOUBLE" || type === "QUOTE_SINGLE") i++;
  if (type === "BLOCK_LITERAL" || type === "BLOCK_FOLDED") {
    const headerEnd = text.indexOf("\n", start);
    if (headerEnd < 0 || headerEnd >= end) return start;
    i = headerEnd + 1;
  }
  const skippable = (c) => c !== void 0 && /[\s\\'"]/.test(c);
  const target = Math.min(offset, value2.length);
  for (let v = 0; v <= target; v++) {
    const ch = value2[v];
    if (ch === void 0 || /\s/.test(ch)) {
      if (v === target) return i;
      continue;
    }
    while (i < end && text[i] !== ch) {
      if (!skippable(text[i])) return start;
      i++;
    }
    if (i >= end) return start;
    if (v === target) return i;
    i++;
  }
  return i;
}

// src/scenario/source/plain-yaml-scalars.ts
var MAX_DEPTH = 24;
var NotPlain = class extends Error {
};
var give = () => {
  throw new NotPlain();
};
var NULL = /^(?:~|[Nn]ull|NULL)?$/;
var BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
var INT_OCT = /^0o[0-7]+$/;
var INT = /^[-+]?[0-9]+$/;
var INT_HEX = /^0x[0-9a-fA-F]+$/;
var FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
var FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
var FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
var MAY_NOT_BE_STRING = /* @__PURE__ */ new Set(["~", "n", "N", "t", "T", "f", "F", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "-", "."]);
var KEY = /^[A-Za-z_$][\w$.\/-]*$/;
var KEY_COLON = /^([A-Za-z_$][\w$.\/-]*):(?= |$)/;
var KEY_COLON_AT = /([A-Za-z_$][\w$.\/-]*):(?= |$)/y;
var INDICATOR = /* @__PURE__ */ new Set(["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`"]);
var ESCAPES = { "0": "\0", a: "\x07", b: "\b", t: "	", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1B", '"': '"', "/": "/", "\\": "\\" };
function resolvePlain(s) {
  if (s !== "" && !MAY_NOT_BE_STRING.has(s[0])) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === "t" || s[0] === "T";
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}
function checkKey(key, into) {
  if (!KEY.test(key)) give();
  return checkWordKey(key, into);
}
function checkWordKey(key, into) {
  if (typeof resolvePlain(key) !== "string" || key === "__proto__" || Object.hasOwn(into, key)) give();
  return key;
}
var SharedStrings = class {
  seen = /* @__PURE__ */ new Map();
  share(value2) {
    if (typeof value2 !== "string") return value2;
    if (value2.length > MAX_SHARED_LENGTH) return ownCopy(value2);
    const known = this.seen.get(value2);
    if (known !== void 0) return known;
    const own = ownCopy(value2);
    this.seen.set(own, own);
    return own;
  }
};
function ownCopy(s) {
  return s.length < 13 ? s : JSON.parse(JSON.stringify(s));
}
var MAX_SHARED_LENGTH = 32;
function quoted(s, start) {
  const q2 = s[start];
  let out = "";
  let i = start + 1;
  if (q2 === "'") {
    for (; ; ) {
      const end = s.indexOf("'", i);
      if (end < 0) give();
      out += s.slice(i, end);
      if (s[end + 1] === "'") {
        out += "'";
        i = end + 2;
      } else {
        i = end + 1;
        break;
      }
    }
  } else {
    let run = i;
    for (; ; ) {
      const code2 = s.charCodeAt(i);
      if (code2 !== 34 && code2 !== 92) {
        if (Number.isNaN(code2)) give();
        i++;
        continue;
      }
      out += s.slice(run, i);
      if (code2 === 34) {
        i++;
        break;
      }
      const e = s[i + 1];
      const simple = ESCAPES[e];
      if (simple !== void 0) {
        out += simple;
        i += 2;
        run = i;
        continue;
      }
      const len = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
      const hex = s.slice(i + 2, i + 2 + len);
      if (len === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) give();
      const code22 = parseInt(hex, 16);
      if (code22 > 1114111 || code22 >= 55296 && code22 <= 57343) give();
      out += String.fromCodePoint(code22);
      i += 2 + len;
      run = i;
    }
  }
  return [out, s.slice(i)];
}

// src/scenario/source/plain-yaml-flow.ts
var Flow = class {
  constructor(s, depth, strings) {
    this.s = s;
    this.depth = depth;
    this.strings = strings;
  }
  s;
  depth;
  strings;
  pos = 0;
  value() {
    return this.node(this.depth + 1);
  }
  node(depth) {
    if (depth > MAX_DEPTH) give();
    const c = this.s[this.pos];
    if (c === "[") return this.seq(depth);
    if (c === "{") return this.map(depth);
    if (c === '"' || c === "'") {
      const [value2, rest] = quoted(this.s, this.pos);
      this.pos = this.s.length - rest.length;
      return this.strings.share(value2);
    }
    return this.strings.share(resolvePlain(this.plain()));
  }
  plain() {
    const start = this.pos;
    const c = this.s[start];
    if (c === void 0 || INDICATOR.has(c) && !(c === "-" && /[0-9.]/.test(this.s[start + 1] ?? ""))) give();
    while (this.pos < this.s.length && !",[]{}#:".includes(this.s[this.pos])) this.pos++;
    return this.s.slice(start, this.pos).trimEnd();
  }
  spaces() {
    while (this.s[this.pos] === " ") this.pos++;
  }
  seq(depth) {
    const out = [];
    this.pos++;
    this.spaces();
    if (this.s[this.pos] === "]") {
      this.pos++;
      return out;
    }
    for (; ; ) {
      out.push(this.node(depth + 1));
      this.spaces();
      const c = this.s[this.pos++];
      if (c === "]") return out;
      if (c !== ",") give();
      this.spaces();
      if (this.s[this.pos] === "]") give();
    }
  }
  map(depth) {
    const out = {};
    this.pos++;
    this.spaces();
    if (this.s[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (; ; ) {
      const key = checkKey(this.plain(), out);
      if (this.s[this.pos] !== ":" || this.s[this.pos + 1] !== " ") give();
      this.pos += 2;
      this.spaces();
      out[key] = this.node(depth + 1);
      this.spaces();
      const c = this.s[this.pos++];
      if (c === "}") return out;
      if (c !== ",") give();
      this.spaces();
      if (this.s[this.pos] === "}") give();
    }
  }
};

// src/scenario/source/plain-yaml.ts
function readPlainYaml(text, sinks) {
  if (text.includes("	") || text.includes("\r") || !text.endsWith("\n")) return void 0;
  try {
    return new Reader(text, sinks).root();
  } catch (error) {
    if (error instanceof NotPlain || error instanceof RangeError) return void 0;
    throw error;
  }
}
var Reader = class {
  constructor(text, sinks) {
    this.sinks = sinks;
    this.lines = new Lines(text);
  }
  sinks;
  lines;
  strings = new SharedStrings();
  i = 0;
  /** The sink for the value of the top-level key being read, if it is a list that one takes. */
  sink;
  root() {
    this.skipEmpty();
    const first = this.lines.at(this.i);
    if (first === void 0 || indentOf(first) !== 0) give();
    const value2 = this.map(0, 0, 1);
    this.skipEmpty();
    if (this.i < this.lines.length) give();
    return value2;
  }
  /** Skips blank lines and comment lines (a comment may sit at any indentation). */
  skipEmpty() {
    const lines = this.lines;
    while (this.i < lines.length) {
      const line = lines.at(this.i);
      const at2 = indentOf(line);
      if (at2 < line.length && line[at2] !== "#") return;
      if (at2 === 0 && (line.startsWith("---") || line.startsWith("...") || line.startsWith("%"))) give();
      this.i++;
    }
  }
  /** The next content line's indentation, or -1 at the end. */
  peekIndent() {
    this.skipEmpty();
    const line = this.lines.at(this.i);
    return line === void 0 ? -1 : indentOf(line);
  }
  /** A block mapping whose keys sit at column `indent`; its first key may start at `firstCol` of the current line. */
  map(indent, firstCol, depth) {
    if (depth > MAX_DEPTH) give();
    const out = {};
    let col = firstCol;
    for (; ; ) {
      const line = this.lines.at(this.i);
      KEY_COLON_AT.lastIndex = col;
      if (!KEY_COLON_AT.test(line)) give();
      const key = checkWordKey(line.slice(col, KEY_COLON_AT.lastIndex - 1), out);
      this.sink = depth === 1 ? this.sinks?.(key) : void 0;
      out[key] = this.entryValue(line.slice(KEY_COLON_AT.lastIndex), indent, depth);
      this.sink = void 0;
      const next = this.peekIndent();
      if (next < indent) return out;
      if (next > indent) give();
      const nextLine = this.lines.at(this.i);
      if (nextLine[indent] === "-" && (nextLine[indent + 1] === " " || nextLine.length === indent + 1)) return out;
      col = indent;
    }
  }
  /** A block list whose dashes sit at column `indent`. */
  list(indent, depth) {
    if (depth > MAX_DEPTH) give();
    const out = [];
    const sink = depth === 2 ? this.sink : void 0;
    this.sink = void 0;
    const push = sink === void 0 ? (item) => void out.push(item) : (item) => sink(item, index++);
    let index = 0;
    for (; ; ) {
      const line = this.lines.at(this.i);
      if (line[indent] !== "-" || line.length > indent + 1 && line[indent + 1] !== " ") give();
      let col = indent + 1;
      while (line[col] === " ") col++;
      const rest = line.slice(col);
      if (rest === "" || rest[0] === "#") {
        this.i++;
        push(this.nestedValue(indent, depth, false));
      } else if (rest[0] === "-" && (rest[1] === " " || rest.length === 1)) {
        give();
      } else if (KEY_COLON.test(rest)) {
        push(this.map(col, col, depth + 1));
      } else {
        push(this.inlineValue(rest, indent, depth));
      }
      const next = this.peekIndent();
      if (next < indent) return out;
      if (next > indent) give();
      const nextLine = this.lines.at(this.i);
      if (nextLine[indent] !== "-" || nextLine.length > indent + 1 && nextLine[indent + 1] !== " ") return out;
    }
  }
  /** What follows `key:` on its line (`rest`), the key being at column `indent`. */
  entryValue(rest, indent, depth) {
    const value2 = rest.trimStart();
    if (value2 === "" || value2[0] === "#") {
      this.i++;
      return this.nestedValue(indent, depth, true);
    }
    return this.inlineValue(value2, indent, depth);
  }
  /** The value on the lines after `key:` or `-` (at column `indent`): a deeper block, a list, or null. */
  nestedValue(indent, depth, listMayAlign) {
    const next = this.peekIndent();
    if (next > indent) {
      const line2 = this.lines.at(this.i);
      if (line2[next] === "-" && (line2[next + 1] === " " || line2.length === next + 1)) return this.list(next, depth + 1);
      return this.map(next, next, depth + 1);
    }
    const line = this.lines.at(this.i);
    if (listMayAlign && next === indent && line[indent] === "-" && (line[indent + 1] === " " || line.length === indent + 1)) {
      return this.list(indent, depth + 1);
    }
    return null;
  }
  /** A value written on the current line (`text`, trimmed at the start); the line's item is at `indent`. */
  inlineValue(text, indent, depth) {
    const c = text[0];
    let value2;
    let rest;
    if (c === "|" || c === ">") {
      return this.blockScalar(text, indent);
    } else if (c === '"' || c === "'") {
      [value2, rest] = quoted(text, 0);
      value2 = this.strings.share(value2);
    } else if (c === "[" || c === "{") {
      const flow = new Flow(text, depth, this.strings);
      value2 = flow.value();
      rest = text.slice(flow.pos);
    } else {
      if (INDICATOR.has(c) && !(c === "-" && text.length > 1 && text[1] !== " " && text[1] !== "-")) give();
      const hash = text.indexOf(" #");
      const plain = (hash < 0 ? text : text.slice(0, hash)).trimEnd();
      if (plain.includes(": ") || plain.endsWith(":") || plain.includes(" #")) give();
      value2 = this.strings.share(resolvePlain(plain));
      rest = "";
    }
    const tail = rest.trimStart();
    if (tail !== "" && (tail[0] !== "#" || tail.length === rest.length)) give();
    this.i++;
    if (this.peekIndent() > indent) give();
    return value2;
  }
  /** A `|` or `>` block text whose header is `header`; its owner sits at column `indent`. */
  blockScalar(header2, indent) {
    const h = /^([|>])([-+]?)(?: +#.*)? *$/.exec(header2);
    if (!h) give();
    const folded = h[1] === ">";
    const chomp = h[2];
    const lines = this.lines;
    this.i++;
    let blockIndent = -1;
    const content = [];
    let trailingEmpty = 0;
    for (; this.i < lines.length; this.i++) {
      const line = lines.at(this.i);
      const at2 = indentOf(line);
      if (at2 === line.length) {
        if (blockIndent >= 0 && at2 > blockIndent) give();
        if (blockIndent < 0 && at2 > indent) give();
        content.push("");
        trailingEmpty++;
        continue;
      }
      if (blockIndent < 0) {
        if (at2 <= indent) break;
        blockIndent = at2;
      }
      if (at2 < blockIndent) break;
      if (folded && at2 > blockIndent) give();
      content.push(line.slice(blockIndent));
      trailingEmpty = 0;
    }
    const body = content.slice(0, content.length - trailingEmpty);
    if (body.length === 0 || body[0] === "") give();
    const parts = [body[0]];
    if (folded) {
      let empty = 0;
      for (let k = 1; k < body.length; k++) {
        const line = body[k];
        if (line === "") {
          empty++;
          continue;
        }
        parts.push(empty > 0 ? "\n".repeat(empty) : " ", line);
        empty = 0;
      }
    } else {
      for (let k = 1; k < body.length; k++) parts.push("\n", body[k]);
    }
    if (chomp === "+") parts.push("\n", "\n".repeat(trailingEmpty));
    else if (chomp !== "-") parts.push("\n");
    return parts.length > 1 ? parts.join("") : this.strings.share(parts[0]);
  }
};
var Lines = class {
  constructor(text) {
    this.text = text;
    let count2 = 0;
    for (let at2 = text.indexOf("\n"); at2 >= 0; at2 = text.indexOf("\n", at2 + 1)) count2++;
    this.length = count2;
  }
  text;
  length;
  cachedIndex = -1;
  cached = "";
  /** Where the line after the cached one starts. */
  nextStart = 0;
  /** Line `i` without its line break; undefined past the end. */
  at(i) {
    if (i === this.cachedIndex) return this.cached;
    if (i < 0 || i >= this.length) return void 0;
    if (i < this.cachedIndex) {
      this.cachedIndex = -1;
      this.nextStart = 0;
    }
    let start = this.nextStart;
    for (let k = this.cachedIndex + 1; k < i; k++) start = this.text.indexOf("\n", start) + 1;
    const end = this.text.indexOf("\n", start);
    this.cachedIndex = i;
    this.nextStart = end + 1;
    return this.cached = this.text.slice(start, end);
  }
};
function indentOf(line) {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

// src/scenario/validate/zod-problems.ts
import "zod";

// src/scenario/validate/zod-introspect.ts
import { z as z3 } from "zod";
function def(schema) {
  return schema._zod.def;
}
function unwrap(schema) {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    const d = def(s);
    if (d.innerType) s = d.innerType;
    else if (d.type === "pipe" && d.in) s = d.in;
    else break;
  }
  return s;
}
function schemaAt(schema, path) {
  let s = schema;
  for (const segment of path) {
    const d = s && def(unwrap(s));
    if (!d) return void 0;
    if (d.type === "object") s = d.shape?.[String(segment)];
    else if (d.type === "array") s = d.element;
    else if (d.type === "record") s = d.valueType;
    else return void 0;
  }
  return s;
}
function knownKeys(schema) {
  const s = unwrap(schema);
  if (!s) return [];
  const d = def(s);
  if (d.type === "object") return Object.keys(d.shape ?? {});
  const key = unwrap(d.keyType);
  if (d.type === "record" && key && def(key).type === "enum") return Object.keys(def(key).entries ?? {});
  return [];
}
function unionOptions(schema) {
  const s = unwrap(schema);
  return s && def(s).type === "union" ? [...def(s).options ?? []] : [];
}
function describe(schema) {
  let s = schema;
  let found;
  for (let i = 0; s && i < 10; i++) {
    found ??= z3.globalRegistry.get(s)?.description;
    const inner = def(s).innerType;
    if (!inner) break;
    s = inner;
  }
  return found;
}
function expectedText(schema, expected) {
  const inner = unwrap(schema);
  if (inner && def(inner) === def(durationSchema)) return lowerFirst2(firstSentence(z3.globalRegistry.get(durationSchema)?.description) ?? "a duration");
  const options = unionOptions(schema);
  if (options.length > 0) return options.map((o) => expectedText(o, def(unwrap(o)).type).replace("true or false", "true/false")).join(" or ");
  const names = {
    string: "text",
    number: "a number",
    boolean: "true or false",
    array: "a list (`- item` lines, or `[a, b]`)",
    object: "a mapping (`key: value` lines)",
    record: "a mapping (`key: value` lines)"
  };
  return names[expected] ?? names[inner ? def(inner).type : ""] ?? `a ${expected}`;
}
function firstSentence(text) {
  if (!text) return void 0;
  const sentence = text.split(/(?<=\.)\s/)[0].replace(/\.$/, "");
  return lowerFirst2(sentence);
}
function lowerFirst2(s) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

// src/scenario/validate/zod-problems.ts
var JIT_FROM_CHARS2 = 128 * 1024;
function validateWith(schema, yaml) {
  const jitless = yaml.text.length < JIT_FROM_CHARS2;
  const result = schema.safeParse(yaml.value, { reportInput: true, jitless });
  if (result.success) return { ok: true, data: result.data };
  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, [], schema, yaml));
  return { ok: false, problems: mergeMissingKeys(problems) };
}
var missing = /* @__PURE__ */ new WeakMap();
function mergeMissingKeys(problems) {
  const groups = /* @__PURE__ */ new Map();
  const out = [];
  for (const p of problems) {
    const info = missing.get(p);
    const where = info && `${p.line}:${p.col}:${info.owner ?? ""}`;
    const group = where === void 0 ? void 0 : groups.get(where);
    if (info && group) {
      group.keys.push(info.key);
      continue;
    }
    if (info && where !== void 0) groups.set(where, { index: out.length, owner: info.owner, keys: [info.key] });
    out.push(p);
  }
  for (const { index, owner, keys } of groups.values()) {
    if (keys.length < 2) continue;
    const list = keys.map((k) => `\`${k}:\``);
    const message = `${owner ? `${owner} is missing` : "missing"} ${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
    out[index] = { ...out[index], message };
  }
  return out;
}
function describeIssue(issue, base2, baseSchema, yaml) {
  const path = [...base2, ...issue.path];
  const here = schemaAt(baseSchema, issue.path);
  const actual = valueAt(yaml.value, path);
  const name = label(path);
  const at2 = (message, part = "value") => [yaml.problemAt(path, message, { part })];
  const absent = actual === void 0 && path.length > 0 && typeof path[path.length - 1] === "string";
  if (absent && (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union")) {
    return [missingKey(path, here, yaml)];
  }
  switch (issue.code) {
    case "invalid_type": {
      if (actual === null) return at2(`${name} has no value; write ${expectedText(here, issue.expected)} after it`);
      const quoteHint = issue.expected === "string" && (typeof actual === "number" || typeof actual === "boolean") ? `; put it in quotes: "${String(actual)}"` : "";
      const idHint2 = issue.expected === "object" && typeof actual === "string" && knownKeys(here)[0] === "id" ? `; write \`{id: ${actual}}\`` : "";
      return at2(`${name} must be ${expectedText(here, issue.expected)}, not ${describeValue(actual)}${quoteHint}${idHint2}`);
    }
    case "invalid_value": {
      const values = issue.values.map(String);
      const got = String(actual ?? issue.input);
      const hint = suggestion(got, values, "use one of");
      return at2(`\`${got}\` is not a valid ${name}${hint}`);
    }
    case "unrecognized_keys": {
      const options = unionOptions(here);
      const chosen = isPlainObject2(actual) ? pickOption(options, actual) : -1;
      const known = knownKeys(chosen >= 0 ? options[chosen] : here);
      return issue.keys.map((key) => {
        const hint = /\s/.test(key) ? "; if it is the end of the text before it, put that text in quotes (in `{\u2026}` a comma ends a value)" : suggestion(key, known, "known keys here");
        return yaml.problemAt([...path, key], `unknown key \`${key}\`${hint}`, { part: "key" });
      });
    }
    case "invalid_key": {
      const key = String(path[path.length - 1]);
      const inner = issue.issues[0];
      const rule = inner && !inner.message.startsWith("Invalid") ? `; write ${inner.message}` : "";
      const keyName = typeof inner?.input === "string" ? inner.input : key;
      return at2(`\`${keyName}\` is not a valid name in ${label(path.slice(0, -1))}${rule}`, "key");
    }
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const word = issue.code === "too_small" ? "at least" : "at most";
      if (issue.origin === "array") return at2(`${name} needs ${word} ${bound} item${Number(bound) === 1 ? "" : "s"}`);
      if (issue.origin === "string" && issue.code === "too_small" && Number(bound) <= 1) {
        return at2(`${name} is empty; write ${expectedText(here, "string")}`);
      }
      const strict = issue.inclusive === false ? issue.code === "too_small" ? "more than" : "less than" : word;
      return at2(`${name} must be ${strict} ${bound}${issue.origin === "string" ? " characters long" : ""}, not ${describeValue(actual)}`);
    }
    case "invalid_format": {
      const rule = issue.message.startsWith("Invalid") ? `a valid ${issue.format}` : issue.message;
      return at2(`${describeValue(actual)} is not a valid ${name}; write ${rule}`);
    }
    case "invalid_union":
      return describeUnion(issue, path, here, actual, yaml);
    case "custom":
      return at2(issue.message);
    // written for users by the schema that raised it
    default:
      return at2(`${name}: ${lowerFirst2(issue.message)}`);
  }
}
function describeUnion(issue, path, here, actual, yaml) {
  const options = unionOptions(here);
  const name = label(path);
  if (isPlainObject2(actual) && options.length === issue.errors.length) {
    const keys = Object.keys(actual);
    const chosen = pickOption(options, actual);
    if (chosen >= 0) return issue.errors[chosen].flatMap((inner) => describeIssue(inner, path, options[chosen], yaml));
    const shapes = options.map((o) => `{${knownKeys(o).join(", ")}}`).join(" / ");
    const noun = nounOf(path);
    return [yaml.problemAt(path, `${noun} is one of ${shapes}; this one has {${keys.join(", ")}}`)];
  }
  const typed = issue.errors.findIndex((errs) => !errs.every((e) => e.code === "invalid_type" && e.path.length === 0));
  if (typed >= 0 && actual !== void 0) {
    return issue.errors[typed].flatMap((inner) => describeIssue(inner, path, options[typed], yaml));
  }
  return [yaml.problemAt(path, `${name} must be ${expectedText(here, "union")}, not ${describeValue(actual)}`)];
}
function missingKey(path, here, yaml) {
  const key = String(path[path.length - 1]);
  const hint = firstSentence(describe(here));
  const owner = ownerOf(yaml.value, path.slice(0, -1));
  const message = `${owner ? `${owner} is missing` : "missing"} \`${key}:\`${hint ? ` (${hint})` : ""}`;
  const problem = yaml.problemAt(path.slice(0, -1), message);
  missing.set(problem, { owner, key });
  return problem;
}
function pickOption(options, value2) {
  const keys = Object.keys(value2);
  const byFirstKey = options.findIndex((o) => {
    const first = knownKeys(o)[0];
    return first !== void 0 && keys.includes(first);
  });
  if (byFirstKey >= 0) return byFirstKey;
  const overlaps = options.map((o) => keys.filter((k) => knownKeys(o).includes(k)).length);
  const best = Math.max(0, ...overlaps);
  return best > 0 && overlaps.filter((n) => n === best).length === 1 ? overlaps.indexOf(best) : -1;
}
function valueAt(root, path) {
  let v = root;
  for (const segment of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, segment)) return void 0;
    v = v[segment];
  }
  return v;
}
function isPlainObject2(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function describeValue(v) {
  if (v === null || v === void 0) return "empty";
  if (typeof v === "string") return `\`${v.length > 40 ? `${v.slice(0, 40)}\u2026` : v}\``;
  if (typeof v === "number" || typeof v === "boolean") return `\`${String(v)}\``;
  if (Array.isArray(v)) return "a list";
  if (v instanceof Uint8Array) return "binary data";
  return "a mapping";
}
function label(path) {
  const last = path[path.length - 1];
  if (last === void 0) return "the file";
  if (typeof last === "number") return `item ${last + 1} of \`${String(path[path.length - 2] ?? "")}\``;
  return `\`${String(last)}\``;
}
function nounOf(path) {
  const last = path[path.length - 1];
  const word = typeof last === "number" ? String(path[path.length - 2] ?? "value").replace(/s$/, "") : String(last ?? "value");
  return `${/^[aeiou]/i.test(word) ? "an" : "a"} ${word}`;
}
function ownerOf(root, path) {
  const last = path[path.length - 1];
  if (typeof last !== "number") return void 0;
  const item = valueAt(root, path);
  const kind = String(path[path.length - 2] ?? "item").replace(/s$/, "");
  const id = isPlainObject2(item) && typeof item["id"] === "string" ? ` \`${item["id"]}\`` : ` #${last + 1}`;
  return `${kind}${id}`;
}

// src/scenario/source/yaml-source.ts
var MAX_ALIAS_COUNT = 100;
function parseYamlFile(input, file, expected = "a YAML mapping", sinksFor) {
  const fail = (message, line, col) => ({
    ok: false,
    problems: [{ file, line, col, message, severity: "error" }]
  });
  try {
    const decoded = decodeSourceText(input);
    if (!decoded.ok) {
      const { message, line, col, empty } = decoded.problem;
      return fail(empty ? `${message}; expected ${expected}` : message, line, col);
    }
    const { text, bytes } = decoded;
    const yaml = lazyYamlFile(file, bytes, text, () => parseFully(text, bytes, file, expected));
    const plain = readPlainYaml(text, sinksFor?.(yaml));
    if (plain !== void 0) {
      yaml.value = plain;
      return sinksFor === void 0 ? { ok: true, yaml, warnings: [] } : { ok: true, yaml, warnings: [], streamed: true };
    }
    return parseFully(text, bytes, file, expected);
  } catch (error) {
    return parserCrashed(error, fail);
  }
}
function parseFully(text, bytes, file, expected) {
  const fail = (message, line, col) => ({
    ok: false,
    problems: [{ file, line, col, message, severity: "error" }]
  });
  try {
    const tooDeep = findExcessiveNesting(text);
    if (tooDeep !== void 0) return fail(nestingMessage(), ...lineCol(lineColAt(text, tooDeep)));
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, logLevel: "error" });
    const at2 = (offset) => lineCol(lineCounter.linePos(offset));
    const facts = inspectTree(doc.contents);
    if (facts.tooDeepAt !== void 0) return fail(nestingMessage(), ...at2(facts.tooDeepAt));
    const keyProblem = (message) => (offset) => {
      const [line, col] = at2(offset);
      return { file, line, col, message, severity: "error" };
    };
    const errors = [
      ...yamlProblems(doc.errors, file, text, facts, at2, "error"),
      ...facts.protoKeys.map(keyProblem("`__proto__` cannot be used as a key (it is special to JavaScript); rename it")),
      ...facts.complexKeys.map(keyProblem("a key must be a plain name, not a list or a mapping; write `name: value`")),
      ...[...facts.duplicates].map(
        ([offset, { key, firstAt }]) => keyProblem(`duplicate key \`${key}\` (already set on line ${at2(firstAt)[0]}); keep only one of them`)(offset)
      )
    ];
    if (errors.length > 0) return { ok: false, problems: errors };
    const root = doc.contents;
    if (root === null || isScalar2(root) && root.value === null) return fail(`the file has no content; expected ${expected}`, 1, 1);
    if (!isMap2(root)) {
      const what = isSeq2(root) ? "a list" : isScalar2(root) ? `a single ${typeof root.value === "number" ? "number" : "value"}` : "an alias";
      return fail(`the top level is ${what}; expected ${expected} as \`key: value\` lines`, ...at2(root.range?.[0] ?? 0));
    }
    let value2;
    try {
      value2 = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      return fail(
        "aliases (`*name`) expand to too much data; write the values out instead of nesting anchors",
        ...at2(facts.firstAliasAt ?? 0)
      );
    }
    const warnings = yamlProblems(doc.warnings, file, text, facts, at2, "warning");
    return { ok: true, yaml: makeYamlFile(file, bytes, text, value2, doc, at2), warnings };
  } catch (error) {
    return parserCrashed(error, fail);
  }
}
function lazyYamlFile(file, bytes, text, parse) {
  let full;
  const located = () => {
    if (full) return full;
    const read2 = parse();
    if (!read2.ok) throw new Error(`the full YAML parse disagrees with the fast one: ${read2.problems[0]?.message}`);
    return full = read2.yaml;
  };
  return {
    file,
    bytes,
    text,
    value: {},
    positionOf: (path, part) => located().positionOf(path, part),
    positionInScalar: (path, offset) => located().positionInScalar(path, offset),
    problemAt: (path, message, options) => located().problemAt(path, message, options)
  };
}
function parserCrashed(error, fail) {
  const detail = error instanceof RangeError ? nestingMessage() : `could not parse this file as YAML (${String(error)})`;
  return fail(detail, 1, 1);
}
function nestingMessage() {
  return `nesting is deeper than ${MAX_NESTING_DEPTH} levels; a scenario needs only a few \u2014 flatten the structure`;
}
function lineCol(p) {
  return [Math.max(1, p.line), Math.max(1, p.col)];
}
function inspectTree(root) {
  const facts = { duplicates: /* @__PURE__ */ new Map(), quoted: [], complexKeys: [], protoKeys: [] };
  const visit = (node, depth) => {
    if (facts.tooDeepAt !== void 0) return;
    if (isAlias2(node)) {
      facts.firstAliasAt ??= node.range?.[0];
    } else if (isScalar2(node)) {
      if ((node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && node.range) facts.quoted.push([node.range[0], node.range[1]]);
    } else if (isMap2(node) || isSeq2(node)) {
      if (depth > MAX_NESTING_DEPTH) {
        facts.tooDeepAt = node.range?.[0] ?? 0;
        return;
      }
      if (isSeq2(node)) for (const item of node.items) visit(item, depth + 1);
      const seen = /* @__PURE__ */ new Map();
      if (isMap2(node)) {
        for (const pair of node.items) {
          const key = pair.key;
          if (isScalar2(key)) {
            const name = String(key.value);
            const start = key.range?.[0] ?? 0;
            if (name === "__proto__") facts.protoKeys.push(start);
            const first = seen.get(name);
            if (first === void 0) seen.set(name, start);
            else facts.duplicates.set(start, { key: name, firstAt: first });
          } else if (key !== null && !isAlias2(key)) {
            facts.complexKeys.push(key.range?.[0] ?? 0);
          }
          visit(pair.value, depth + 1);
        }
      }
    }
  };
  visit(root, 1);
  return facts;
}
function yamlProblems(list, file, text, facts, at2, severity) {
  const tabs = list.filter((e) => e.code === "TAB_AS_INDENT");
  const stray = (e) => e.code === "UNEXPECTED_TOKEN" && / in YAML stream/.test(e.message);
  const firstStray = list.findIndex(stray);
  const shown = tabs.length > 0 ? [tabs[0]] : list.filter((e, i) => !stray(e) || i === firstStray);
  const lines = /* @__PURE__ */ new Set();
  const offsets = /* @__PURE__ */ new Set();
  const problems = [];
  for (const error of shown) {
    if (offsets.has(error.pos[0])) continue;
    offsets.add(error.pos[0]);
    const { message, offset } = formatYamlError(error, text, facts);
    const [line, col] = at2(offset);
    if (lines.has(line)) continue;
    lines.add(line);
    const more = tabs.length > 1 ? ` (${tabs.length} lines use tabs)` : "";
    problems.push({ file, line, col, message: message + more, severity });
  }
  return problems;
}
function makeYamlFile(file, bytes, text, value2, doc, at2) {
  const pos = (offset) => {
    const [line, col] = at2(offset);
    return { line, col };
  };
  const positionOf = (path, part = "value") => pos(offsetOfPath(doc, path, part));
  const positionInScalar = (path, offset) => {
    const node = nodeAt(doc, path).node;
    if (!isScalar2(node) || !node.range) return positionOf(path);
    return pos(scalarSourceOffset(text, node.range, node.type, String(node.value), offset));
  };
  return {
    file,
    bytes,
    text,
    value: value2,
    positionOf,
    positionInScalar,
    problemAt(path, message, options = {}) {
      const p = options.offset === void 0 ? positionOf(path, options.part) : positionInScalar(path, options.offset);
      return { file, line: p.line, col: p.col, message, severity: options.severity ?? "error" };
    }
  };
}

// src/scenario/compile/compile.ts
var EXPECTED = "a scenario: a mapping with id:, title:, injects: and so on";
function loadScenarioFile(file) {
  const read2 = readSourceFile(file, "a scenario .yaml file");
  if (!read2.ok) return { ok: false, problems: [{ file, ...read2.problem, severity: "error" }] };
  return loadScenarioText(read2.bytes, file);
}
function loadScenarioText(bytes, file) {
  try {
    const stream = new ListStream();
    let read2 = parseYamlFile(bytes, file, EXPECTED, (yaml) => stream.sinks(yaml));
    if (!read2.ok) return { ok: false, problems: sortProblems(read2.problems) };
    const root = read2.yaml.value;
    if (!("id" in root) && ("team" in root || typeof root["decisions"] === "object" && !Array.isArray(root["decisions"]))) {
      const message = "this looks like an answers file (team:, decisions: by id), not a scenario; pass it as `drill run <scenario.yaml> --answers <this file>`";
      return { ok: false, problems: [{ file, line: 1, col: 1, message, severity: "error" }] };
    }
    const streamed = read2.streamed ? stream.finish(read2.yaml) : void 0;
    if (streamed !== void 0) return checked(read2.warnings, [], compileStreamed(streamed, read2.yaml), read2.yaml, NOTHING_UNREAD, streamed.triggerProblems);
    if (read2.streamed) read2 = parseYamlFile(bytes, file, EXPECTED);
    if (!read2.ok) return { ok: false, problems: sortProblems(read2.problems) };
    const { input, schemaProblems } = validateScenario(read2.yaml);
    const compiled = compileScenario(input.file, input.yaml);
    return checked(read2.warnings, schemaProblems, compiled, input.yaml, input.unread, fileTriggerProblems(input.file, input.yaml), read2.yaml);
  } catch (error) {
    const message = `internal error while checking this file (${String(error)}); please report it`;
    return { ok: false, problems: [{ file, line: 1, col: 1, message, severity: "error" }] };
  }
}
function checked(warnings, schemaProblems, compiled, yaml, unread, triggerProblems, readYaml = yaml) {
  const problems = sortProblems([
    ...warnings,
    ...schemaProblems,
    ...compiled.problems,
    ...checkScenario(compiled.scenario, triggerProblems, compiled.conditions, yaml, unread),
    ...checkUnreadConditions(compiled.scenario, unread, readYaml)
  ]);
  if (hasErrors(problems)) return { ok: false, problems };
  return { ok: true, scenario: compiled.scenario, warnings: problems };
}
function compileStreamed({ compiler, header: header2, lists, triggerProblems }, yaml) {
  const injects = lists.injects ?? Object.freeze(header2.injects.map((spec, i) => compiler.inject(spec, i)));
  const decisions2 = lists.decisions ?? Object.freeze(header2.decisions.map((spec, i) => compiler.decision(spec, i)));
  const actions = lists.actions ?? Object.freeze(header2.actions.map((spec, i) => compiler.action(spec, i)));
  const whole = { ...header2, injects: [], decisions: [], actions: [] };
  if (!lists.injects) whole.injects = header2.injects;
  if (!lists.decisions) whole.decisions = header2.decisions;
  triggerProblems.push(...fileTriggerProblems(whole, yaml));
  return finishScenario(header2, { injects, decisions: decisions2, actions }, compiler, yaml);
}
function validateScenario(yaml) {
  const valid = validateWith(scenarioSchema, yaml);
  if (!valid.ok) return { input: salvageScenario(yaml), schemaProblems: valid.problems };
  const root = yaml.value;
  const list = (key) => Object.hasOwn(root, key) ? root[key] : valid.data[key];
  const file = { ...valid.data, injects: list("injects"), decisions: list("decisions"), actions: list("actions") };
  return { input: { file, yaml, unread: NOTHING_UNREAD }, schemaProblems: [] };
}
function compileScenario(file, yaml) {
  const compiler = new ItemCompiler(yaml);
  const lists = {
    injects: Object.freeze(file.injects.map((spec, i) => compiler.inject(spec, i))),
    decisions: Object.freeze(file.decisions.map((spec, i) => compiler.decision(spec, i))),
    actions: Object.freeze(file.actions.map((spec, i) => compiler.action(spec, i)))
  };
  return finishScenario(file, lists, compiler, yaml);
}
function finishScenario(file, { injects, decisions: decisions2, actions }, compiler, yaml) {
  const ms2 = compiler.ms.bind(compiler);
  const condition = compiler.condition.bind(compiler);
  ms2(file.duration, [], "duration");
  const milestones = compact(
    Object.fromEntries(Object.entries(file.milestones ?? {}).map(([name, source]) => [name, condition(source, ["milestones"], name)]))
  );
  const { injects: _i, decisions: _d, actions: _a, ...header2 } = file;
  const scenario = {
    file: header2,
    source: { path: yaml.file, hash: createHash("sha256").update(yaml.bytes).digest("hex") },
    id: file.id,
    title: file.title,
    // No prototype: a variable named `constructor` or `toString` must not find Object's.
    world: Object.assign(/* @__PURE__ */ Object.create(null), file.world),
    injects,
    decisions: decisions2,
    actions,
    injectById: firstById(injects),
    decisionById: firstById(decisions2),
    actionById: firstById(actions),
    milestones,
    impact: compact({
      down: condition(file.impact?.down, ["impact"], "down"),
      degraded: condition(file.impact?.degraded, ["impact"], "degraded"),
      users: file.impact?.users
    }),
    end: compact({ when: condition(file.end.when, ["end"], "when"), limitMs: ms2(file.end.limit, ["end"], "limit") ?? 0 }),
    factors: file.debrief.factors.map((f, i) => {
      const path = ["debrief", "factors", i];
      const branches = (f.branches ?? []).map((b, j) => ({ when: condition(b.when, [...path, "branches", j], "when"), text: b.text }));
      const { when: _when, branches: _branches, ...spec } = f;
      return compact({
        ...spec,
        when: condition(f.when, path, "when"),
        // A branch whose condition does not parse is reported, and left out here.
        branches: branches.filter((b) => b.when !== void 0)
      });
    }),
    questions: file.debrief.questions.map(
      (q2, i) => typeof q2 === "string" ? { text: q2 } : compact({ text: q2.text, when: condition(q2.when, ["debrief", "questions", i], "when") })
    )
  };
  return { scenario: deepFreeze(scenario), conditions: compiler.allConditions(), problems: compiler.allProblems() };
}
function firstById(items) {
  const map = /* @__PURE__ */ new Map();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

// src/journal/reader.ts
import { isUtf8 as isUtf82 } from "node:buffer";
import { readFileSync, statSync } from "node:fs";

// src/text/sanitize.ts
var PICTURES = 9216;
var DEL_PICTURE = "\u2421";
var C1_PLACEHOLDER = "\uFFFD";
function visibleControls(text, options = {}) {
  const keepNewlines = options.keepNewlines ?? true;
  const tab = " ".repeat(options.tabWidth ?? 2);
  if (!/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)) return text;
  let out = "";
  for (const ch of text.replace(/\r\n/g, "\n")) {
    const code2 = ch.codePointAt(0);
    if (ch === "\n") out += keepNewlines ? "\n" : " ";
    else if (ch === "	") out += tab.length > 0 ? tab : "\u2409";
    else if (code2 < 32) out += String.fromCodePoint(PICTURES + code2);
    else if (code2 === 127) out += DEL_PICTURE;
    else if (code2 >= 128 && code2 <= 159) out += C1_PLACEHOLDER;
    else if (code2 === 8232 || code2 === 8233) out += keepNewlines ? "\n" : " ";
    else out += ch;
  }
  return out;
}
function visibleLine(text) {
  return visibleControls(text, { keepNewlines: false });
}

// src/engine/records.ts
import { z as z5 } from "zod";
var JOURNAL_FORMAT = "drill-journal";
var JOURNAL_VERSION = 1;
var member = z5.strictObject({ name: z5.string(), role: z5.string().optional() });
var followupTypeSchema = z5.enum(["prevent", "detect", "mitigate", "process"]);
var milestoneNameSchema = z5.enum(["started", "detected", "acknowledged", "mitigated", "resolved"]);
var prioritySchema = z5.enum(["high", "medium", "low"]);
var dueDate = z5.string();
var value = z5.union([z5.number(), z5.boolean()]);
var base = { seq: z5.number().int().nonnegative(), t: z5.number().nonnegative(), wall: z5.number() };
var rec = (type, shape) => z5.strictObject({ ...base, type: z5.literal(type), ...shape });
var recordSchema = z5.discriminatedUnion("type", [
  rec("drill-started", {
    scenario: z5.strictObject({ id: z5.string(), title: z5.string(), version: z5.string(), path: z5.string(), hash: z5.string() }),
    seed: z5.string(),
    team: z5.array(member),
    facilitator: z5.string().optional(),
    mode: z5.enum(["play", "run"])
  }),
  rec("clock-started", {}),
  rec("inject-fired", { id: z5.string() }),
  rec("inject-skipped", { id: z5.string(), reason: z5.enum(["chance"]) }),
  rec("decision-opened", { id: z5.string() }),
  rec("decision-made", {
    id: z5.string(),
    option: z5.string().optional(),
    text: z5.string().optional(),
    by: z5.string().optional(),
    rationale: z5.string().optional()
  }),
  rec("decision-timed-out", { id: z5.string(), option: z5.string().optional() }),
  rec("decision-cancelled", { id: z5.string() }),
  rec("inject-cancelled", { id: z5.string() }),
  rec("action-started", { id: z5.string(), by: z5.string().optional() }),
  rec("action-landed", { id: z5.string() }),
  rec("hint-shown", { for: z5.string() }),
  rec("note", { text: z5.string(), by: z5.string().optional() }),
  rec("followup", { text: z5.string(), owner: z5.string().optional(), kind: followupTypeSchema, due: dueDate.optional(), priority: prioritySchema.optional() }),
  rec("milestone", { name: milestoneNameSchema, by: z5.string().optional(), source: z5.enum(["scenario", "facilitator"]) }),
  rec("impact", { level: z5.enum(["down", "degraded", "ok"]) }),
  rec("world", {
    values: z5.record(z5.string(), value),
    ramps: z5.record(z5.string(), z5.strictObject({ to: z5.number(), until: z5.number() })).optional()
  }),
  rec("paused", {}),
  rec("resumed", {}),
  rec("speed", { speed: z5.number().positive() }),
  rec("skipped", { to: z5.number() }),
  rec("session-resumed", {}),
  /** Scenario time reached in play, written every few seconds so a hard kill loses little of it. */
  rec("checkpoint", {}),
  rec("drill-ended", { reason: z5.enum(["condition", "limit", "facilitator"]) }),
  rec("debrief", {
    section: z5.enum(["summary", "cause", "went-well", "went-poorly", "lucky", "action"]),
    text: z5.string(),
    /** One planted factor a cause matches (journals written before `factors`). */
    factor: z5.string().optional(),
    /** The planted factors a cause matches: one cause can name several. */
    factors: z5.array(z5.string()).optional(),
    owner: z5.string().optional(),
    kind: followupTypeSchema.optional(),
    due: dueDate.optional(),
    priority: prioritySchema.optional()
  }),
  rec("drill-finished", {})
]);

// src/journal/quick-check.ts
var never = () => false;
function compileQuickCheck(schema) {
  const def2 = schema._zod.def;
  switch (def2.type) {
    case "string":
      return def2.checks?.length ? never : (v) => typeof v === "string";
    case "boolean":
      return def2.checks?.length ? never : (v) => typeof v === "boolean";
    case "number":
      return numberCheck(def2);
    case "literal": {
      const values = def2.values ?? [];
      return (v) => values.includes(v);
    }
    case "enum": {
      const values = new Set(Object.values(def2.entries ?? {}));
      return (v) => typeof v === "string" && values.has(v);
    }
    case "optional":
      return never;
    case "array": {
      if (def2.checks?.length || !def2.element) return never;
      const item = compileQuickCheck(def2.element);
      return (v) => Array.isArray(v) && v.every((x) => item(x));
    }
    case "union": {
      if (def2.checks?.length || !def2.options) return never;
      if (def2.discriminator !== void 0) return discriminated(def2);
      const options = def2.options.map(compileQuickCheck);
      return (v) => options.some((check) => check(v));
    }
    case "record":
      return recordCheck(def2);
    case "object":
      return objectCheck(def2);
    default:
      return never;
  }
}
function numberCheck(def2) {
  const tests = [Number.isFinite];
  for (const check of def2.checks ?? []) {
    const c = check._zod.def;
    if (c.check === "number_format" && c.format === "safeint") tests.push(Number.isSafeInteger);
    else if (c.check === "greater_than" && typeof c.value === "number") {
      const min = c.value;
      tests.push(c.inclusive ? (n) => n >= min : (n) => n > min);
    } else return never;
  }
  return (v) => typeof v === "number" && tests.every((test) => test(v));
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function discriminated(def2) {
  const key = def2.discriminator;
  const byTag = /* @__PURE__ */ new Map();
  for (const option of def2.options ?? []) {
    const tag = option._zod.def.shape?.[key];
    const values = tag ? tag._zod.def.values : void 0;
    if (!values || values.length !== 1) return never;
    byTag.set(values[0], compileQuickCheck(option));
  }
  return (v) => isObject(v) && (byTag.get(v[key]) ?? never)(v);
}
function recordCheck(def2) {
  const keyDef = def2.keyType && def2.keyType._zod.def;
  if (def2.checks?.length || !keyDef || keyDef.type !== "string" || keyDef.checks?.length || !def2.valueType) return never;
  const value2 = compileQuickCheck(def2.valueType);
  return (v) => {
    if (!isObject(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
    for (const k in v) if (k === "__proto__" || !value2(v[k])) return false;
    return true;
  };
}
function objectCheck(def2) {
  const catchall = def2.catchall && def2.catchall._zod.def.type;
  if (catchall !== "never" || def2.checks?.length || !def2.shape) return never;
  const fields = Object.keys(def2.shape).map((key) => {
    const field = def2.shape[key]._zod;
    const optional = field.def.type === "optional";
    const inner = optional ? field.def.innerType : def2.shape[key];
    return { key, optional, check: inner ? compileQuickCheck(inner) : never };
  });
  if (fields.some((f) => f.key === "__proto__")) return never;
  return (v) => {
    if (!isObject(v)) return false;
    let i = 0;
    for (const k in v) {
      while (i < fields.length && fields[i].key !== k && fields[i].optional) i++;
      const field = fields[i];
      if (!field || field.key !== k || !field.check(v[k])) return false;
      i++;
    }
    while (i < fields.length && fields[i].optional) i++;
    return i === fields.length;
  };
}

// src/journal/reader.ts
var MAX_JOURNAL_BYTES = 512 * 1024 * 1024;
var MAX_JOURNAL_LINE = 1024 * 1024;
function readJournalFile(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code2 = error.code;
    return { ok: false, message: code2 === "ENOENT" ? `${path}: no such journal file` : `${path}: cannot read it (${code2 ?? String(error)})` };
  }
  if (!stat.isFile()) return { ok: false, message: `${path}: not a journal file (${stat.isDirectory() ? "a folder" : "not a regular file"}); pass the drill's journal.jsonl` };
  if (stat.size > MAX_JOURNAL_BYTES) return { ok: false, message: `${path}: the journal is ${stat.size} bytes, over the ${MAX_JOURNAL_BYTES}-byte limit` };
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, message: `${path}: cannot read it (${error.code ?? String(error)})` };
  }
  if (isUtf82(bytes)) {
    const start = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
    return parseJournal(bytes.toString("utf8", start), path);
  }
  const lenient = new TextDecoder("utf-8").decode(bytes);
  const line = lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD"))).split("\n").length;
  const what = line === 1 ? "not a drill journal" : "damaged journal line";
  return { ok: false, message: `${path}:${line}:1: ${what}: not UTF-8 text (was the file edited?)` };
}
function parseJournal(text, path) {
  const lines = text.split("\n");
  const endsCleanly = lines[lines.length - 1] === "";
  if (endsCleanly) lines.pop();
  if (lines.length === 0) return { ok: false, message: `${path}:1:1: the journal is empty` };
  const header2 = lines[0].length > MAX_JOURNAL_LINE ? void 0 : parseLine(lines[0]);
  if (!isHeader(header2)) {
    return { ok: false, message: `${path}:1:1: not a drill journal: the first line must be {"format":"${JOURNAL_FORMAT}","version":${JOURNAL_VERSION}}` };
  }
  if (header2.version !== JOURNAL_VERSION) {
    return { ok: false, message: `${path}:1:1: journal version ${String(header2.version)} is not supported (this drill reads version ${JOURNAL_VERSION})` };
  }
  const records = [];
  const warnings = [];
  let validBytes = Buffer.byteLength(lines[0], "utf8") + 1;
  for (let i = 1; i < lines.length; i++) {
    const isLast = i === lines.length - 1;
    if (isLast && !endsCleanly) {
      warnings.push(`${path}:${i + 1}:1: the last line was cut short (the drill was interrupted mid-write); reading up to line ${i}`);
      break;
    }
    const tooLong = lines[i].length > MAX_JOURNAL_LINE;
    const value2 = tooLong ? void 0 : parseLine(lines[i]);
    const parsed = isRecord(value2) ? { success: true, data: value2 } : recordSchema.safeParse(value2);
    if (!parsed.success) {
      if (tooLong) {
        return { ok: false, message: `${path}:${i + 1}:1: damaged journal line: ${lines[i].length} characters, over the ${MAX_JOURNAL_LINE}-character limit of a record` };
      }
      if (value2 === void 0) return { ok: false, message: `${path}:${i + 1}:1: damaged journal line: not JSON (was the file edited?)` };
      const type = value2?.type;
      if (typeof type === "string" && !RECORD_TYPES.has(type)) {
        return { ok: false, message: `${path}:${i + 1}:1: damaged journal line: unknown record type \`${visibleLine(type)}\` (written by a newer drill?)` };
      }
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${visibleLine(issue.path.join("."))}` : "";
      return { ok: false, message: `${path}:${i + 1}:1: damaged journal line${where}: ${visibleLine(issue?.message ?? "not a record")}` };
    }
    if (parsed.data.seq !== records.length) {
      return { ok: false, message: `${path}:${i + 1}:1: damaged journal: expected record ${records.length}, found ${parsed.data.seq}` };
    }
    records.push(parsed.data);
    validBytes += Buffer.byteLength(lines[i], "utf8") + 1;
  }
  if (records.length === 0 || records[0].type !== "drill-started") {
    return { ok: false, message: `${path}:2:1: the journal has no drill-started record` };
  }
  return { ok: true, records, warnings, validBytes };
}
var RECORD_TYPES = new Set(recordSchema.options.map((option) => option.shape.type.value));
var isRecord = compileQuickCheck(recordSchema);
function parseLine(line) {
  try {
    return JSON.parse(line);
  } catch {
    return void 0;
  }
}
function isHeader(v) {
  return typeof v === "object" && v !== null && v.format === JOURNAL_FORMAT;
}

// src/report/report-schema.ts
import { z as z6 } from "zod";
var REPORT_FORMAT = "drill-report";
var REPORT_VERSION = 1;
var ms = z6.number().describe("Scenario time in milliseconds since the clock started.");
var msOrNull = ms.nullable();
var followupType = z6.enum(["prevent", "detect", "mitigate", "process"]);
var milestoneName = z6.enum(["started", "detected", "acknowledged", "mitigated", "resolved"]);
var priority = z6.enum(["high", "medium", "low"]);
var memberSchema = z6.strictObject({
  name: z6.string(),
  role: z6.string().optional().describe("The role id the member played."),
  roleTitle: z6.string().optional().describe("The role's title in the scenario.")
});
var milestoneSchema2 = z6.strictObject({
  name: milestoneName,
  reachedMs: msOrNull.describe("When it was first marked; null if never."),
  source: z6.enum(["scenario", "facilitator"]).nullable(),
  by: z6.string().optional(),
  how: z6.string().optional().describe("What marked it, as a sentence: an option chosen, an action done, an inject, a condition."),
  condition: z6.string().optional().describe("The `milestones:` condition that marked it, if a condition did."),
  trigger: z6.string().optional().describe("The team decision or action (or inject) that made it happen."),
  byDefault: z6.literal(true).optional().describe("Marked by the default of a decision nobody answered, not by the team.")
});
var metricSchema = z6.strictObject({
  id: z6.enum(["notice", "detect", "acknowledge", "mitigate", "resolve", "impact", "down", "degraded"]),
  label: z6.string(),
  valueMs: msOrNull.describe("null when it cannot be computed (a milestone never reached, no impact)."),
  formula: z6.string().describe("How the value is computed, with the times it was computed from."),
  fromMs: ms.optional().describe("For a difference of two times: the earlier one."),
  toMs: ms.optional().describe("For a difference of two times: the later one.")
});
var decisionSchema2 = z6.strictObject({
  id: z6.string(),
  prompt: z6.string(),
  role: z6.string().optional(),
  outcome: z6.enum(["chosen", "off-script", "timed-out", "cancelled", "open", "not-opened"]),
  openedMs: msOrNull,
  closedMs: msOrNull,
  latencyMs: msOrNull.describe("closed \u2212 opened: how long the team took (or the timeout)."),
  timeoutMs: z6.number().optional(),
  option: z6.string().optional().describe("The option taken (chosen, or the default on timeout)."),
  text: z6.string().optional().describe("An off-script answer."),
  by: z6.string().optional(),
  rationale: z6.string().optional(),
  byRole: z6.string().optional().describe("The role the person who answered played, if the team list gives one."),
  outsideRole: z6.literal(true).optional().describe("Answered by someone who does not play the decision's role."),
  hintShown: z6.boolean(),
  options: z6.array(z6.strictObject({ id: z6.string(), label: z6.string(), taken: z6.boolean(), isDefault: z6.boolean() }))
});
var actionSchema2 = z6.strictObject({
  id: z6.string(),
  label: z6.string(),
  by: z6.string().optional(),
  startedMs: ms,
  landedMs: msOrNull
});
var incidentSchema = z6.strictObject({
  startMs: ms.describe("When the incident began: the `started` milestone, else the first impact, else the clock start."),
  from: z6.enum(["milestone", "impact", "clock"]),
  what: z6.string().describe("What marked the start, as a phrase.")
}).describe("The moment response times count from.");
var timelineEntrySchema = z6.strictObject({
  seq: z6.number().int(),
  tMs: ms,
  wall: z6.string().describe("ISO 8601 UTC."),
  source: z6.enum(["inject", "decision", "action", "note", "facilitator", "scenario", "drill"]),
  who: z6.string().optional(),
  what: z6.string().describe("One line; the full inject text is in the scenario."),
  text: z6.string().optional().describe("An inject's whole text, in the full log."),
  untilMs: ms.optional().describe("A row that folds a run of the same action: when the last one started.")
});
var variableSchema2 = z6.strictObject({
  id: z6.string(),
  label: z6.string().optional(),
  unit: z6.string().optional(),
  metric: z6.boolean(),
  initial: z6.union([z6.number(), z6.boolean()]),
  final: z6.union([z6.number(), z6.boolean()]),
  min: z6.number().optional(),
  minAtMs: ms.optional(),
  max: z6.number().optional(),
  maxAtMs: ms.optional(),
  changes: z6.number().int().describe("How many times a change to it was recorded."),
  compared: z6.array(z6.number()).optional().describe("The numbers the scenario's conditions compare it with: values are printed precisely enough to fall on the right side of each.")
});
var blamelessFlagSchema = z6.strictObject({
  rule: z6.enum(["human-error", "counterfactual", "person-failed", "actorless-passive", "root-cause", "single-cause", "vague-action", "no-owner"]),
  where: z6.string().describe('Which entry: "cause 2", "note at T+05:00", "follow-up 1".'),
  sentence: z6.string(),
  why: z6.string()
});
var count = z6.number().int().nonnegative();
var statsSchema = z6.strictObject({
  records: count,
  injectsFired: count,
  injectsSkippedByChance: count,
  injectsCancelled: count,
  injectsNeverReached: count,
  decisionsOpened: count,
  decisionsChosen: count,
  decisionsOffScript: count,
  decisionsTimedOut: count,
  decisionsCancelled: count,
  actionsTaken: count,
  actionsLanded: count,
  hintsShown: count,
  notes: count,
  followups: count,
  pauses: count,
  pausedWallMs: z6.number().nonnegative().describe("Real time spent paused, in milliseconds."),
  speedChanges: count,
  skips: count,
  sessionsResumed: count,
  scenarioMs: ms,
  wallMs: z6.number().nonnegative().describe("Real time from the clock start to the last record, in milliseconds.")
}).describe("Counts and totals of the drill.");
var reportSchema = z6.strictObject({
  format: z6.literal(REPORT_FORMAT),
  version: z6.literal(REPORT_VERSION),
  scenario: z6.strictObject({
    id: z6.string(),
    title: z6.string(),
    version: z6.string(),
    path: z6.string().describe("As recorded by the drill."),
    hash: z6.string().describe("sha256 of the scenario file the drill was played with."),
    reportHash: z6.string().describe("sha256 of the scenario file this report was built with."),
    summary: z6.string(),
    difficulty: z6.string(),
    roles: z6.array(z6.strictObject({ id: z6.string(), title: z6.string().optional() }))
  }),
  drill: z6.strictObject({
    seed: z6.string(),
    mode: z6.enum(["play", "run"]),
    facilitator: z6.string().optional(),
    team: z6.array(memberSchema),
    startedAt: z6.string().describe("Wall time the drill began (briefing), ISO 8601 UTC."),
    clockStartedAt: z6.string().nullable().describe("Wall time scenario time began."),
    endedMs: msOrNull.describe("Scenario time the drill ended; null if the journal stops before."),
    endReason: z6.enum(["condition", "limit", "facilitator"]).nullable(),
    endCondition: z6.string().optional(),
    limitMs: ms,
    rolesWithoutPlayer: z6.array(z6.string()).describe("Ids of the scenario's roles nobody on the team played."),
    finished: z6.boolean().describe("Whether the debrief was completed."),
    scenarioMs: ms.describe("Scenario time the drill covered.")
  }),
  impact: z6.strictObject({
    users: z6.string().optional(),
    downCondition: z6.string().optional(),
    degradedCondition: z6.string().optional(),
    downMs: ms.describe("Total time impact.down was true."),
    degradedMs: ms.describe("Total time impact.degraded was true and impact.down was not."),
    startMs: msOrNull,
    endMs: msOrNull,
    openAtEnd: z6.boolean().describe("Users were still affected when the drill ended."),
    intervals: z6.array(z6.strictObject({ level: z6.enum(["down", "degraded"]), fromMs: ms, toMs: ms }))
  }),
  world: z6.array(variableSchema2),
  incident: incidentSchema,
  milestones: z6.array(milestoneSchema2),
  metrics: z6.array(metricSchema),
  decisions: z6.array(decisionSchema2),
  actions: z6.array(actionSchema2),
  timeline: z6.array(timelineEntrySchema).describe("The incident timeline: injects, decisions, the team\u2019s actions, milestones and impact."),
  log: z6.array(timelineEntrySchema).describe("Every event of the drill, mechanics included, in journal order."),
  teamSummary: z6.array(z6.string()).describe("The summary the team wrote in the debrief, in its own words."),
  causes: z6.array(z6.strictObject({ text: z6.string(), factors: z6.array(z6.string()).describe("The planted factors it is linked to.") })),
  factors: z6.array(
    z6.strictObject({
      id: z6.string(),
      title: z6.string(),
      kind: z6.string().optional(),
      explanation: z6.string(),
      found: z6.boolean().describe("Whether a cause the team named was linked to it."),
      inPlay: z6.boolean().describe("Whether its `when:` held for the drill as it ended (always, without one)."),
      inDrill: z6.string().optional().describe("What the factor did in this drill: the text of each of its branches that held.")
    })
  ),
  wentWell: z6.array(z6.string()),
  wentPoorly: z6.array(z6.string()),
  lucky: z6.array(z6.string()),
  followups: z6.array(
    z6.strictObject({
      text: z6.string(),
      owner: z6.string().optional(),
      type: followupType,
      due: z6.string().optional().describe("A due date, YYYY-MM-DD."),
      priority: priority.optional(),
      raisedMs: ms.optional().describe("When it was raised during play; absent for debrief actions.")
    })
  ),
  blameless: z6.array(blamelessFlagSchema),
  questions: z6.array(z6.string()).describe("The debrief questions that apply to this drill."),
  stats: statsSchema
}).describe("A drill report: the practice post-mortem of one drill, built from its scenario and journal.");

// src/report/impact.ts
function impactHistory(records, endMs) {
  const intervals = [];
  let open;
  const close = (at2) => {
    if (open && at2 > open.fromMs) intervals.push({ level: open.level, fromMs: open.fromMs, toMs: at2 });
    open = void 0;
  };
  for (const r of records) {
    if (r.type !== "impact" || r.t > endMs) continue;
    close(r.t);
    if (r.level !== "ok") open = { level: r.level, fromMs: r.t };
  }
  const openAtEnd = open !== void 0;
  close(endMs);
  const total = (level) => intervals.filter((i) => i.level === level).reduce((sum, i) => sum + (i.toMs - i.fromMs), 0);
  return {
    intervals,
    downMs: total("down"),
    degradedMs: total("degraded"),
    startMs: intervals[0]?.fromMs ?? null,
    endMs: intervals.at(-1)?.toMs ?? null,
    openAtEnd
  };
}
function worldExtremes(specs, records, endMs) {
  const tracks = /* @__PURE__ */ new Map();
  for (const [id, spec] of Object.entries(specs)) {
    const track = { value: spec.initial, since: 0, changes: 0 };
    consider(track, spec.initial, 0);
    tracks.set(id, track);
  }
  const clamp = (id, v) => {
    const spec = specs[id];
    let out2 = v;
    if (spec?.min !== void 0) out2 = Math.max(spec.min, out2);
    if (spec?.max !== void 0) out2 = Math.min(spec.max, out2);
    return Math.round(out2 * 1e6) / 1e6;
  };
  const advance = (id, track, t) => {
    const ramp = track.ramp;
    if (!ramp) return;
    const until = Math.min(t, ramp.until);
    const raw = ramp.from + (ramp.to - ramp.from) * (until - ramp.start) / (ramp.until - ramp.start);
    const value2 = clamp(id, raw);
    const at2 = value2 !== Math.round(raw * 1e6) / 1e6 && ramp.to !== ramp.from ? ramp.start + (value2 - ramp.from) / (ramp.to - ramp.from) * (ramp.until - ramp.start) : until;
    consider(track, value2, Math.round(at2));
    if (t >= ramp.until) {
      track.value = value2;
      track.ramp = void 0;
    }
  };
  for (const r of records) {
    if (r.type !== "world" || r.t > endMs) continue;
    for (const [id, value2] of Object.entries(r.values)) {
      const track = tracks.get(id);
      if (!track) continue;
      advance(id, track, r.t);
      track.value = value2;
      track.since = r.t;
      track.changes++;
      consider(track, value2, r.t);
      const ramp = r.ramps?.[id];
      track.ramp = ramp && typeof value2 === "number" ? { from: value2, to: ramp.to, start: r.t, until: ramp.until } : void 0;
    }
  }
  const out = [];
  for (const [id, track] of tracks) {
    const ramp = track.ramp;
    const final = ramp ? clamp(id, ramp.from + (ramp.to - ramp.from) * (Math.min(endMs, ramp.until) - ramp.start) / (ramp.until - ramp.start)) : track.value;
    advance(id, track, endMs);
    const spec = specs[id];
    out.push({
      id,
      ...spec.label !== void 0 ? { label: spec.label } : {},
      ...spec.unit !== void 0 ? { unit: spec.unit } : {},
      metric: spec.metric === true,
      initial: spec.initial,
      final,
      ...track.min ? { min: track.min.v, minAtMs: track.min.at } : {},
      ...track.max ? { max: track.max.v, maxAtMs: track.max.at } : {},
      changes: track.changes
    });
  }
  return out;
}
function consider(track, value2, at2) {
  if (typeof value2 !== "number") return;
  if (!track.min || value2 < track.min.v) track.min = { v: value2, at: at2 };
  if (!track.max || value2 > track.max.v) track.max = { v: value2, at: at2 };
}

// src/report/metrics.ts
var MILESTONE_METRICS = [
  { id: "detect", milestone: "detected", label: "Time to detect" },
  { id: "acknowledge", milestone: "acknowledged", label: "Time to acknowledge" },
  { id: "mitigate", milestone: "mitigated", label: "Time to mitigate" },
  { id: "resolve", milestone: "resolved", label: "Time to resolve" }
];
function isTeamReaction(r) {
  return r.type === "decision-made" || r.type === "action-started" || r.type === "note" || r.type === "milestone" && r.source === "facilitator";
}
function since(incident) {
  return `${incident.what} (${formatClock(incident.startMs)})`;
}
function timeToNotice(input) {
  const label2 = "Time to notice";
  const { incident } = input;
  const reaction = input.records.find((r) => r.t >= incident.startMs && isTeamReaction(r));
  if (!reaction) return { id: "notice", label: label2, valueMs: null, formula: `no team reaction (decision, action, note or milestone) after the ${since(incident)}` };
  return {
    id: "notice",
    label: label2,
    valueMs: reaction.t - incident.startMs,
    fromMs: incident.startMs,
    toMs: reaction.t,
    formula: `first team reaction (${input.describe(reaction)}, ${formatClock(reaction.t)}) \u2212 ${since(incident)}`
  };
}
function milestoneMetrics(input) {
  return MILESTONE_METRICS.map(({ id, milestone, label: label2 }) => {
    const m = input.milestones.find((x) => x.name === milestone);
    const reached = m?.reachedMs ?? null;
    if (reached === null) {
      const when = input.ended ? `the drill ended at ${formatClock(input.endMs)}` : `the journal stops at ${formatClock(input.endMs)}`;
      return { id, label: label2, valueMs: null, formula: `not reached: ${when} without "${milestone}"` };
    }
    const how = m?.byDefault ? `reached by default: ${m.trigger ?? "a decision timed out"}` : m?.source === "facilitator" ? `marked by ${m.by ?? "the facilitator"}` : m?.trigger;
    return {
      id,
      label: label2,
      valueMs: reached - input.incident.startMs,
      fromMs: input.incident.startMs,
      toMs: reached,
      formula: `${milestone} (${formatClock(reached)}${how ? `, ${how}` : ""}) \u2212 ${since(input.incident)}`
    };
  });
}
function impactMetrics(input) {
  const { impact } = input;
  const none = !input.downCondition && !input.degradedCondition;
  const label2 = "Impact duration";
  let duration;
  if (none) duration = { id: "impact", label: label2, valueMs: null, formula: "the scenario defines no impact conditions" };
  else if (impact.startMs === null || impact.endMs === null) duration = { id: "impact", label: label2, valueMs: 0, formula: "no impact: neither condition ever held" };
  else {
    duration = {
      id: "impact",
      label: label2,
      valueMs: impact.endMs - impact.startMs,
      fromMs: impact.startMs,
      toMs: impact.endMs,
      formula: `end of the last impact (${formatClock(impact.endMs)}) \u2212 start of the first (${formatClock(impact.startMs)})`
    };
  }
  const held = (level, condition, ms2, label3) => {
    const spans = impact.intervals.filter((i) => i.level === level);
    if (!condition) return { id: level, label: label3, valueMs: null, formula: `the scenario defines no impact.${level} condition` };
    const where = spans.map((i) => `${formatClock(i.fromMs)}\u2013${formatClock(i.toMs)}`).join(", ");
    const also = level === "degraded" && input.downCondition ? " and impact.down did not" : "";
    return {
      id: level,
      label: label3,
      valueMs: ms2,
      formula: `sum of the time impact.${level} (${condition}) held${also}${spans.length ? `: ${where}` : ": never"}`
    };
  };
  return [
    duration,
    held("down", input.downCondition, impact.downMs, "Full outage"),
    held("degraded", input.degradedCondition, impact.degradedMs, "Degraded service")
  ];
}
function responseMetrics(input) {
  return [timeToNotice(input), ...milestoneMetrics(input), ...impactMetrics(input)];
}

// src/report/timeline.ts
var Names = class {
  constructor(scenario) {
    this.scenario = scenario;
  }
  scenario;
  // A decision is named on every record about it (opened, answered, timed out, hints), so each
  // name is worked out once; an inject is usually named once, so caching it would only cost.
  decisions = /* @__PURE__ */ new Map();
  inject(id) {
    const inject = this.scenario.injectById.get(id);
    if (!inject) return id;
    return shorten(inject.title?.trim() || firstLine(inject.text) || id, 120);
  }
  /** A decision's prompt, shortened: it is repeated on every line about the decision. */
  decision(id) {
    let name = this.decisions.get(id);
    if (name === void 0) {
      name = shorten(firstLine(this.scenario.decisionById.get(id)?.prompt ?? "") || id);
      this.decisions.set(id, name);
    }
    return name;
  }
  option(decisionId, optionId) {
    if (optionId === void 0) return "";
    return this.scenario.decisionById.get(decisionId)?.options.find((o) => o.id === optionId)?.label ?? optionId;
  }
  action(id) {
    return firstLine(this.scenario.actionById.get(id)?.label ?? "") || id;
  }
  /** An inject's or decision's hint, for the line that says a hint was given. */
  hint(id) {
    return this.scenario.injectById.get(id)?.hint ?? this.scenario.decisionById.get(id)?.hint;
  }
};
function milestoneName2(name) {
  return name === "started" ? "incident started" : name;
}
function shorten(text, max = 70) {
  if (text.length <= max) return text;
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}\u2026`;
}
function quoted2(text) {
  return /^["“'‘].*["”'’]$/s.test(text) ? text : `\u201C${text}\u201D`;
}
function firstLine(text) {
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end === -1 ? text.length : end).trim();
    if (line !== "") return line;
    if (end === -1) break;
    start = end + 1;
  }
  return "";
}
function describeReaction(r, names, facilitator) {
  switch (r.type) {
    case "decision-made":
      return `decision ${quoted2(names.decision(r.id))}${r.by ? ` by ${r.by}` : ""}`;
    case "action-started":
      return `action ${quoted2(names.action(r.id))}${r.by ? ` by ${r.by}` : ""}`;
    case "note":
      return r.by !== void 0 && r.by === facilitator ? `note recorded by the facilitator, ${r.by}` : `note${r.by ? ` by ${r.by}` : ""}`;
    case "milestone":
      return `${r.name} marked${r.by ? ` by ${r.by}` : ""}`;
    case "inject-fired":
      return quoted2(shorten(names.inject(r.id), 50));
    default:
      return r.type;
  }
}
function entryFor(r, scenario, names, ctx) {
  const facilitator = ctx.facilitator ?? "facilitator";
  switch (r.type) {
    case "clock-started":
      return { source: "facilitator", who: facilitator, what: "Scenario clock started" };
    case "inject-fired": {
      const inject = scenario.injectById.get(r.id);
      return { source: "inject", who: inject?.from ?? inject?.channel, what: `${inject?.channel ?? "inject"}: ${names.inject(r.id)}` };
    }
    case "inject-skipped": {
      const chance = scenario.injectById.get(r.id)?.trigger.chance ?? scenario.decisionById.get(r.id)?.trigger.chance;
      const what = scenario.decisionById.has(r.id) ? `decision ${quoted2(names.decision(r.id))}` : quoted2(names.inject(r.id));
      return { source: "scenario", what: `Did not happen this time: ${what} (chance ${chance ?? "?"}, not drawn)` };
    }
    case "inject-cancelled":
      return { source: "scenario", what: `Will no longer happen: ${quoted2(names.inject(r.id))}` };
    case "decision-opened":
      return { source: "decision", what: `Decision opened: ${names.decision(r.id)}` };
    case "decision-made": {
      const answer = r.option !== void 0 ? `chose ${quoted2(names.option(r.id, r.option))}` : `off-script answer: ${quoted2(r.text ?? "")}`;
      const why = r.rationale ? ` (why: ${r.rationale})` : "";
      return { source: "decision", who: r.by, what: `${quoted2(names.decision(r.id))}: ${answer}${why}` };
    }
    case "decision-timed-out": {
      const d = scenario.decisionById.get(r.id);
      const after = d?.timeoutMs !== void 0 ? ` after ${formatDuration(d.timeoutMs)}` : "";
      const fallback = r.option ? `; default taken: ${quoted2(names.option(r.id, r.option))}` : "";
      return { source: "decision", what: `${quoted2(names.decision(r.id))}: no decision${after}${fallback}` };
    }
    case "decision-cancelled":
      return { source: "scenario", what: `Decision withdrawn: ${quoted2(names.decision(r.id))}` };
    case "action-started": {
      const takes = scenario.actionById.get(r.id)?.takesMs ?? 0;
      return { source: "action", who: r.by, what: `Started: ${names.action(r.id)}${takes > 0 ? ` (takes ${formatDuration(takes)})` : ""}` };
    }
    case "action-landed":
      return { source: "action", who: ctx.actionBy.get(r.seq), what: `Done: ${names.action(r.id)}` };
    case "hint-shown": {
      const hint = names.hint(r.for);
      return { source: "facilitator", who: facilitator, what: `Hint${hint ? `: ${firstLine(hint)}` : ` for ${r.for}`}` };
    }
    case "note":
      return { source: "note", who: r.by, what: r.text };
    case "followup":
      return { source: "note", who: r.owner, what: `Follow-up (${r.kind}): ${r.text}` };
    case "milestone":
      return r.source === "facilitator" ? { source: "facilitator", who: r.by ?? facilitator, what: `Milestone: ${milestoneName2(r.name)}` } : { source: "scenario", what: `Milestone: ${milestoneName2(r.name)}` };
    case "impact":
      return { source: "scenario", what: r.level === "down" ? "Impact: full outage" : r.level === "degraded" ? "Impact: degraded service" : "Impact over: service normal" };
    case "paused":
      return { source: "facilitator", who: facilitator, what: "Paused" };
    case "resumed":
      return { source: "facilitator", who: facilitator, what: "Resumed" };
    case "speed":
      return { source: "facilitator", who: facilitator, what: `Speed set to \xD7${r.speed}` };
    case "skipped":
      return { source: "facilitator", who: facilitator, what: `Skipped ahead to ${formatClock(r.to)}` };
    case "session-resumed":
      return { source: "drill", what: "Session resumed from the journal" };
    case "drill-ended":
      return {
        source: r.reason === "facilitator" ? "facilitator" : "drill",
        who: r.reason === "facilitator" ? facilitator : void 0,
        what: r.reason === "condition" ? "Drill ended: end condition met" : r.reason === "limit" ? "Drill ended: time limit reached" : "Drill ended by the facilitator"
      };
    default:
      return void 0;
  }
}
function actionStarters(records) {
  const waiting = /* @__PURE__ */ new Map();
  const by = /* @__PURE__ */ new Map();
  for (const r of records) {
    if (r.type === "action-started") {
      const queue = waiting.get(r.id) ?? [];
      queue.push(r.by);
      waiting.set(r.id, queue);
    }
    if (r.type === "action-landed") {
      const who = waiting.get(r.id)?.shift();
      if (who !== void 0) by.set(r.seq, who);
    }
  }
  return by;
}
function buildTimeline(records, scenario, facilitator) {
  const names = new Names(scenario);
  const ctx = { facilitator, actionBy: actionStarters(records) };
  const out = [];
  for (const r of records) {
    const line = entryFor(r, scenario, names, ctx);
    if (!line) continue;
    const wall = isoWall(r.wall);
    const entry = line.who !== void 0 && line.who !== "" ? { seq: r.seq, tMs: r.t, wall, source: line.source, who: line.who, what: line.what } : { seq: r.seq, tMs: r.t, wall, source: line.source, what: line.what };
    if (r.type === "inject-fired") {
      const text = scenario.injectById.get(r.id)?.text;
      if (text !== void 0 && text.trim() !== "" && !line.what.endsWith(text.trim())) entry.text = text;
    }
    out.push(entry);
  }
  return out;
}
function isoWall(ms2) {
  if (Number.isInteger(ms2) && ms2 >= 0 && ms2 < LAST_FOUR_DIGIT_YEAR_MS) {
    const day = Math.floor(ms2 / DAY_MS);
    if (day !== isoDay.day) isoDay = { day, prefix: new Date(day * DAY_MS).toISOString().slice(0, 11) };
    const inDay = ms2 - day * DAY_MS;
    const h = Math.floor(inDay / 36e5);
    const m = Math.floor(inDay / 6e4) % 60;
    const s = Math.floor(inDay / 1e3) % 60;
    const milli = inDay % 1e3;
    return `${isoDay.prefix}${h < 10 ? "0" : ""}${h}:${m < 10 ? "0" : ""}${m}:${s < 10 ? "0" : ""}${s}.${milli < 10 ? "00" : milli < 100 ? "0" : ""}${milli}Z`;
  }
  const date = new Date(ms2);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}
var DAY_MS = 864e5;
var LAST_FOUR_DIGIT_YEAR_MS = Date.UTC(1e4, 0, 1);
var isoDay = { day: NaN, prefix: "" };

// src/report/key-timeline.ts
function keyTimeline(records, scenario, names, team) {
  const rows = [];
  const landedAt = landings(records);
  const opened = /* @__PURE__ */ new Map();
  const lastRowBy = /* @__PURE__ */ new Map();
  const byKey = (by) => by ?? "";
  const push = (r, source, what, who) => {
    const row = who ? { seq: r.seq, tMs: r.t, wall: isoWall(r.wall), source, who, what } : { seq: r.seq, tMs: r.t, wall: isoWall(r.wall), source, what };
    rows.push(row);
    return row;
  };
  for (const r of records) {
    switch (r.type) {
      case "inject-fired": {
        const inject = scenario.injectById.get(r.id);
        push(r, "inject", `${inject?.channel ?? "inject"}: ${names.inject(r.id)}`, inject?.from ?? inject?.channel);
        break;
      }
      case "decision-opened":
        if (!opened.has(r.id)) opened.set(r.id, r.t);
        break;
      case "decision-made": {
        const since2 = opened.get(r.id);
        const after = since2 !== void 0 ? ` (open since ${formatClock(since2)})` : "";
        const answer = r.option !== void 0 ? `chose ${quoted2(names.option(r.id, r.option))}` : `answered off-script: ${quoted2(r.text ?? "")}`;
        const role = scenario.decisionById.get(r.id)?.role;
        const playing = r.by !== void 0 ? team.get(r.by) : void 0;
        const title = (id) => scenario.file.roles.find((x) => x.id === id)?.title ?? id;
        const outside = role !== void 0 && playing !== void 0 && playing !== role ? `; a decision for ${title(role)}, answered by ${r.by}, who plays ${title(playing)}` : "";
        const why = r.rationale ? `. Why: ${r.rationale}` : "";
        lastRowBy.set(byKey(r.by), push(r, "decision", `${quoted2(names.decision(r.id))}: ${answer}${after}${outside}${why}`, r.by));
        break;
      }
      case "decision-timed-out": {
        const d = scenario.decisionById.get(r.id);
        const wait = d?.timeoutMs !== void 0 ? ` in ${formatDuration(d.timeoutMs)}` : "";
        const fallback = r.option ? `; its default, ${quoted2(names.option(r.id, r.option))}, was taken` : "; nothing was taken";
        push(r, "decision", `${quoted2(names.decision(r.id))}: nobody answered${wait}${fallback}`);
        break;
      }
      case "decision-cancelled": {
        const since2 = opened.get(r.id);
        push(r, "scenario", `${quoted2(names.decision(r.id))}: withdrawn by the scenario, unanswered${since2 !== void 0 ? ` (open since ${formatClock(since2)})` : ""}`);
        break;
      }
      case "action-started": {
        const prev = lastRowBy.get(byKey(r.by));
        if (prev?.fold?.id === r.id) {
          prev.fold.count++;
          prev.fold.lastStart = r.t;
          prev.fold.landed.push(landedAt.get(r.seq) ?? null);
          break;
        }
        const row = push(r, "action", "", r.by);
        row.fold = { id: r.id, by: r.by, count: 1, lastStart: r.t, landed: [landedAt.get(r.seq) ?? null] };
        lastRowBy.set(byKey(r.by), row);
        break;
      }
      case "hint-shown": {
        const hint = names.hint(r.for);
        push(r, "facilitator", `Hint given${hint ? `: ${firstLine(hint)}` : ` for ${r.for}`}`);
        break;
      }
      case "note":
        lastRowBy.set(byKey(r.by), push(r, "note", r.text, r.by));
        break;
      case "followup":
        push(r, "note", `Follow-up (${r.kind}): ${r.text}`, r.owner);
        break;
      case "milestone":
        push(r, r.source === "facilitator" ? "facilitator" : "scenario", `Milestone: ${milestoneName2(r.name)}`, r.source === "facilitator" ? r.by : void 0);
        break;
      case "impact":
        push(r, "scenario", r.level === "down" ? "Impact: full outage" : r.level === "degraded" ? "Impact: degraded service" : "Impact over: service normal");
        break;
      case "drill-ended":
        push(r, r.reason === "facilitator" ? "facilitator" : "drill", r.reason === "condition" ? "Drill ended: end condition met" : r.reason === "limit" ? "Drill ended: time limit reached" : "Drill ended by the facilitator");
        break;
    }
  }
  return rows.map(({ fold, ...row }) => fold ? { ...row, what: actionText(names.action(fold.id), fold), ...fold.count > 1 ? { untilMs: fold.lastStart } : {} } : row);
}
function actionText(label2, fold) {
  const last = fold.landed.at(-1) ?? null;
  if (fold.count === 1) return `${label2} (${last === null ? "had not taken effect when the drill ended" : `took effect at ${formatClock(last)}`})`;
  const done = fold.landed.filter((t) => t !== null).length;
  const effect = last === null ? `${done} of them took effect by the end` : `the last took effect at ${formatClock(last)}`;
  return `${label2}, ${fold.count} times up to ${formatClock(fold.lastStart)} (${effect})`;
}
function landings(records) {
  const waiting = /* @__PURE__ */ new Map();
  const out = /* @__PURE__ */ new Map();
  for (const r of records) {
    if (r.type === "action-started") {
      const queue = waiting.get(r.id) ?? [];
      queue.push(r.seq);
      waiting.set(r.id, queue);
    } else if (r.type === "action-landed") {
      const seq = waiting.get(r.id)?.shift();
      if (seq !== void 0) out.set(seq, r.t);
    }
  }
  return out;
}

// src/report/outcomes.ts
var MILESTONES2 = ["started", "detected", "acknowledged", "mitigated", "resolved"];
function decisionOutcomes(scenario, records, team = []) {
  const roleOf = new Map(team.filter((m) => m.role !== void 0).map((m) => [m.name, m.role]));
  const hints = /* @__PURE__ */ new Set();
  const openedById = /* @__PURE__ */ new Map();
  const closedById = /* @__PURE__ */ new Map();
  for (const r of records) {
    if (r.type === "hint-shown") hints.add(r.for);
    if (r.type === "decision-opened" && !openedById.has(r.id)) openedById.set(r.id, r);
    if ((r.type === "decision-made" || r.type === "decision-timed-out" || r.type === "decision-cancelled") && !closedById.has(r.id)) closedById.set(r.id, r);
  }
  return scenario.decisions.map((d) => {
    const opened = openedById.get(d.id);
    const closed = closedById.get(d.id);
    let outcome = opened ? "open" : "not-opened";
    if (closed?.type === "decision-made") outcome = closed.option !== void 0 ? "chosen" : "off-script";
    else if (closed?.type === "decision-timed-out") outcome = "timed-out";
    else if (closed?.type === "decision-cancelled") outcome = "cancelled";
    const taken = closed?.type === "decision-cancelled" ? void 0 : closed?.option;
    const openedMs = opened?.t ?? null;
    const closedMs = closed?.t ?? null;
    const by = closed?.type === "decision-made" ? closed.by : void 0;
    const byRole = by !== void 0 ? roleOf.get(by) : void 0;
    const outsideRole = d.role !== void 0 && byRole !== void 0 && byRole !== d.role;
    return {
      id: d.id,
      prompt: d.prompt,
      ...d.role !== void 0 ? { role: d.role } : {},
      outcome,
      openedMs,
      closedMs,
      latencyMs: openedMs !== null && closedMs !== null && outcome !== "cancelled" ? closedMs - openedMs : null,
      ...d.timeoutMs !== void 0 ? { timeoutMs: d.timeoutMs } : {},
      ...taken !== void 0 ? { option: taken } : {},
      ...closed?.type === "decision-made" && closed.text !== void 0 ? { text: closed.text } : {},
      ...closed?.type === "decision-made" && closed.by !== void 0 ? { by: closed.by } : {},
      ...closed?.type === "decision-made" && closed.rationale !== void 0 ? { rationale: closed.rationale } : {},
      ...byRole !== void 0 ? { byRole } : {},
      ...outsideRole ? { outsideRole: true } : {},
      hintShown: hints.has(d.id),
      options: d.options.map((o) => ({ id: o.id, label: o.label, taken: o.id === taken, isDefault: o.id === d.default }))
    };
  });
}
function actionOutcomes(scenario, records) {
  const out = [];
  const waiting = /* @__PURE__ */ new Map();
  for (const r of records) {
    if (r.type === "action-started") {
      const action = { id: r.id, label: scenario.actionById.get(r.id)?.label ?? r.id, ...r.by !== void 0 ? { by: r.by } : {}, startedMs: r.t, landedMs: null };
      out.push(action);
      const queue = waiting.get(r.id) ?? [];
      queue.push(action);
      waiting.set(r.id, queue);
    }
    if (r.type === "action-landed") {
      const action = waiting.get(r.id)?.shift();
      if (action) action.landedMs = r.t;
    }
  }
  return out;
}
function milestoneOutcomes(scenario, records, names) {
  const starters = actionStarters(records);
  return MILESTONES2.map((name) => {
    const index = records.findIndex((r2) => r2.type === "milestone" && r2.name === name);
    const r = records[index];
    if (!r || r.type !== "milestone") return { name, reachedMs: null, source: null };
    if (r.source === "facilitator") return { name, reachedMs: r.t, source: r.source, ...r.by !== void 0 ? { by: r.by } : {}, how: "marked by the facilitator" };
    return { name, reachedMs: r.t, source: r.source, ...r.by !== void 0 ? { by: r.by } : {}, ...markedBy(name, records, index, scenario, names, starters) };
  });
}
function markedBy(name, records, index, scenario, names, starters) {
  const t = records[index].t;
  let teamTrigger;
  let anyTrigger;
  const byDefault = (r) => r.type === "decision-timed-out" ? { byDefault: true } : {};
  for (let i = index - 1; i >= 0 && records[i].t === t; i--) {
    const r = records[i];
    const what = describeTrigger(r, names, starters);
    if (what === void 0) continue;
    if (consequenceOf(r, scenario)?.milestone === name) return { how: what, trigger: what, ...byDefault(r) };
    anyTrigger ??= { what, r };
    if (r.type !== "inject-fired") teamTrigger ??= { what, r };
  }
  const trigger = teamTrigger ?? anyTrigger;
  const condition = scenario.file.milestones?.[name];
  if (!condition) return trigger ? { how: trigger.what, trigger: trigger.what, ...byDefault(trigger.r) } : {};
  return {
    how: `its condition (${condition}) became true${trigger ? ` once ${trigger.what}` : ""}`,
    condition,
    ...trigger ? { trigger: trigger.what, ...byDefault(trigger.r) } : {}
  };
}
function describeTrigger(r, names, starters) {
  switch (r.type) {
    case "decision-made":
      return r.option === void 0 ? void 0 : `${quoted2(names.option(r.id, r.option))} was chosen for ${quoted2(names.decision(r.id))}${r.by ? ` by ${r.by}` : ""}`;
    case "decision-timed-out":
      return `nobody answered ${quoted2(names.decision(r.id))} in time, so its default, ${quoted2(names.option(r.id, r.option))}, was taken`;
    case "action-landed": {
      const by = starters.get(r.seq);
      return `the action ${quoted2(names.action(r.id))}${by ? `, taken by ${by},` : ""} was done`;
    }
    case "inject-fired":
      return `${quoted2(names.inject(r.id))} arrived`;
    default:
      return void 0;
  }
}
function consequenceOf(r, scenario) {
  switch (r.type) {
    case "inject-fired":
      return scenario.injectById.get(r.id);
    case "action-landed":
      return scenario.actionById.get(r.id);
    case "decision-made":
    case "decision-timed-out":
      return scenario.decisionById.get(r.id)?.options.find((o) => o.id === r.option);
    default:
      return void 0;
  }
}

// src/report/escape.ts
var INLINE_SPECIAL = /[\\`*_[\]<>|~&$#]/g;
var LEADING_BLOCK = /^([-+=]|\d+(?=[.)]))/;
var NEEDS_ESCAPE = /[\\`*_[\]<>|~&$#]|^[-+=\d]/;
var BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
var NOT_PLAIN_CHAR = /[\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202a-\u202f\u205f\u2066-\u2069\u3000\ufeff]|  /;
function plainLine(text) {
  if (!NOT_PLAIN_CHAR.test(text) && text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32) return text;
  return visibleLine(text).replace(BIDI, (ch) => `[U+${ch.codePointAt(0).toString(16).toUpperCase()}]`).replace(/\s+/g, " ").trim();
}
function inline(text) {
  return escapeMarkup(plainLine(text));
}
function escapeMarkup(line) {
  if (!NEEDS_ESCAPE.test(line)) return line;
  const escaped = line.replace(INLINE_SPECIAL, "\\$&");
  return escaped.replace(LEADING_BLOCK, (m) => /^\d/.test(m) ? m.replace(/(\d)$/, "$1\\") : `\\${m}`);
}
function cell(text, max = 300) {
  const line = plainLine(text);
  if (line.length <= max) return escapeMarkup(line);
  const chars = [...line];
  return escapeMarkup(chars.length > max ? `${chars.slice(0, max - 1).join("").trimEnd()}\u2026` : line);
}
function code(text, options = {}) {
  let body = plainLine(text);
  if (options.inTable) body = body.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || longest > 0 ? " " : "";
  return `${fence}${pad}${body === "" ? " " : body}${pad}${fence}`;
}
function shellWord(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

// src/report/blameless.ts
var NEGATION_BEFORE = /\b(?:not|no|never|nobody|without|beyond|instead of|rather than|than|n't)\s+(?:\S+\s+){0,3}$/i;
var NEGATION_AFTER = /^\s*(?:is|was|are|were)\s*(?:not|n't|never)\b|^n't\b/i;
var globalPatterns = /* @__PURE__ */ new WeakMap();
function affirmed(sentence, pattern) {
  let global = globalPatterns.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    globalPatterns.set(pattern, global);
  }
  for (const m of sentence.matchAll(global)) {
    const before = sentence.slice(0, m.index);
    const after = sentence.slice(m.index + m[0].length);
    if (!NEGATION_BEFORE.test(before) && !NEGATION_AFTER.test(after)) return true;
  }
  return false;
}
var PARTICIPLE = "(?:been|\\w+ed|\\w+en|done|run|seen|known|caught|made|gone|said|told|put|set|sent|kept|left|found|thought|brought|got|read|hit|shut|cut|let|felt|held|heard|understood|built|paid|won|begun|spent|stood)";
var ADVERB = "(?:\\w+ly\\s+)?";
var HUMAN_ERROR = /\b(?:human|operator|user|pilot|engineer)[- ]error\b|\bcareless(?:ness|ly)?\b|\bmistakes? (?:by|of|from)\b|\bfat[- ]finger(?:ed|ing)?\b/i;
var humanErrorAsCause = (sentence) => (
  // The stems test is a cheap necessary condition: most sentences skip the full pattern.
  /error|careless|mistake|finger/i.test(sentence) && affirmed(sentence, HUMAN_ERROR) ? '"Human error" (or carelessness) names who, not why, and ends the search where it should begin. Ask what made the action easy to get wrong and hard to notice: an argument that reads two ways, no confirmation, no dry run, no alert.' : void 0
);
var PEOPLE_WORDS = "I|we|you|he|she|they|someone|somebody|people|(?:the |our )?(?:team|on-?call|engineer|operator|responders?|facilitator|ops|SRE)";
var MODAL = "(?:should|could|would|might|ought to)(?:n't| not)?\\s+have|(?:should|could|would|might)'ve";
var SHOULD_HAVE = new RegExp(`\\b(?:${MODAL})\\s+${ADVERB}${PARTICIPLE}\\b|(?:should|could|would|might)'ve\\b`, "gi");
var IF_HAD = new RegExp(`\\bif\\b(?:\\s+[\\w'-]+){1,4}?\\s+(?:had|hadn't|had not)\\s+(?:not\\s+)?${ADVERB}${PARTICIPLE}\\b|\\bhad (?:\\w+) (?:not )?${ADVERB}${PARTICIPLE}\\b|\\bif only\\b(?:\\s+[\\w'-]+){1,3}`, "gi");
var COUNTERFACTUAL_WORD = /have|'ve|had|if only/i;
function personPattern(names, where) {
  const key = `${where}\0${names.join("\0")}`;
  let pattern = personPatterns.get(key);
  if (!pattern) {
    const alternatives = [...names.map(escapeRegExp), PEOPLE_WORDS].join("|");
    pattern = new RegExp(where === "end" ? `(?:^|[^\\p{L}\\p{N}'])(?:${alternatives})\\s+${ADVERB}$` : `(?:^|[^\\p{L}\\p{N}'])(?:${alternatives})(?![\\p{L}\\p{N}])`, "iu");
    if (personPatterns.size > 100) personPatterns.clear();
    personPatterns.set(key, pattern);
  }
  return pattern;
}
var personPatterns = /* @__PURE__ */ new Map();
function aboutAPerson(sentence, names) {
  for (const m of sentence.matchAll(SHOULD_HAVE)) {
    if (personPattern(names, "end").test(sentence.slice(0, m.index))) return true;
  }
  for (const m of sentence.matchAll(IF_HAD)) {
    if (personPattern(names, "anywhere").test(m[0].replace(/^(?:if only|if|had)\b/i, ""))) return true;
  }
  return false;
}
var counterfactual = (sentence, _entry, ctx) => COUNTERFACTUAL_WORD.test(sentence) && aboutAPerson(sentence, ctx.names) ? 'A counterfactual about people ("we should have", "if Sam had\u2026") describes a world that did not happen and measures people against it. Describe what they knew and saw at the time, and why their action made sense to them then.' : void 0;
var FAILURE_VERB = "(?:broke|forgot|missed|failed|messed up|screwed up|blew up|ran the wrong|typed the wrong|used the wrong|picked the wrong|mistyped|misread|misunderstood|neglected|ignored|overlooked|botched|fat-fingered|caused|(?:didn't|did not|never|failed to) (?:notice|check|read|see|follow|ask|confirm|test|verify|know|realise|realize|think|escalate|look|listen|respond|review))";
var FAULT_NOUN = "(?:(?:\\w+\\s+){0,2}?(?:mistakes?|errors?|fault|slip|oversight|blunder|screw-?up|fuck-?up|typo|fat[- ]finger))\\b(?!\\s+(?:messages?|rates?|budgets?|logs?|codes?|pages?|handling|counts?|reports?))";
var PRONOUN_FAULT = new RegExp(`\\b(?:my|our|his|her|their)\\s+${FAULT_NOUN}`, "i");
var personAsSubjectOfFailure = (sentence, _entry, ctx) => {
  const why = `Blame is aimed at a person: someone on the team or in the scenario is named as the one who failed ("Dana forgot", "Sam should have noticed", "Dawid's mistake"). Saying who did what is fine ("I ran the script"); the sentence after it should ask what in the system let it happen and what would catch it next time.`;
  if (/mistake|error|fault|slip|oversight|blunder|screw|typo|finger/i.test(sentence) && PRONOUN_FAULT.test(sentence)) return why;
  for (const name of ctx.names) {
    if (!sentence.includes(name)) continue;
    if ([...sentence.matchAll(failurePattern(name))].some((m) => m[1] === name || m[2] === name)) return why;
  }
  return void 0;
};
var failurePatterns = /* @__PURE__ */ new Map();
function failurePattern(name) {
  let pattern = failurePatterns.get(name);
  if (!pattern) {
    const n = escapeRegExp(name);
    pattern = new RegExp(
      `(?:^|[^\\p{L}\\p{N}'])(?:(${n})(?!['\u2019]s\\b)\\s+${ADVERB}(?:${FAILURE_VERB}|(?:${MODAL})\\s+${ADVERB}${PARTICIPLE})|(${n})['\u2019]s\\s+${FAULT_NOUN})`,
      "giu"
    );
    if (failurePatterns.size > 1e3) failurePatterns.clear();
    failurePatterns.set(name, pattern);
  }
  return pattern;
}
var HUMAN_ACTION_PARTICIPLE = "(?:run|executed|deleted|removed|changed|deployed|pushed|merged|typed|entered|set|configured|misconfigured|disabled|enabled|approved|skipped|ignored|missed|forgotten|shrunk|shrank|scaled|terminated|killed|restarted|rolled back|dropped|overwritten|applied|made|done|given|sent|copied|pasted|edited|modified|updated|installed|started|stopped|triggered|launched|invoked|issued|mistyped|misread|overlooked|noticed|chosen|picked|reviewed|tested|checked)";
var PASSIVE = new RegExp(`\\b(?:was|were|got|gets|is|are|been|being)\\s+(?:not\\s+)?${ADVERB}${HUMAN_ACTION_PARTICIPLE}\\b`, "gi");
var actorlessPassive = (sentence, entry) => {
  if (entry.kind !== "cause") return void 0;
  for (const m of sentence.matchAll(PASSIVE)) {
    if (!/\bby\b/i.test(sentence.slice(m.index + m[0].length))) {
      return 'A passive with no actor ("a script was run") reads as if someone is being protected from blame. Blameless is not nameless: say who acted ("I ran scale.sh"), then ask why the system let that action do so much harm.';
    }
  }
  return void 0;
};
var ROOT_CAUSE = /\broot[- ]cause(?!s)\b/i;
var singleRootCause = (sentence) => /root/i.test(sentence) && affirmed(sentence, ROOT_CAUSE) ? 'A single "root cause" stops the analysis at one point. Failures in complex systems have several contributing factors, some latent for years; the trigger only made them active. Name them all.' : void 0;
var VAGUE = /\bbe (?:more |extra |very )?(?:careful|vigilant|diligent|attentive|aware)\b|\bpay (?:more |closer |better )?attention\b|\btake (?:more )?care\b|\btry harder\b|\bremember to\b|\bdo(?:n't| not) forget\b|\bavoid (?:making )?(?:mistakes|errors)\b|\bmake fewer mistakes\b|\bnot (?:do|let) (?:that|this|it) (?:happen )?again\b/i;
var vagueAction = (sentence, entry) => {
  if (entry.kind !== "action") return void 0;
  return affirmed(sentence, VAGUE) ? '"Be more careful" is a wish, not an action: nobody can tell when it is done, and it puts the load back on people. Make the system carry it: a check, a guard, a confirmation, an alert, a runbook step.' : void 0;
};
var SENTENCE_RULES = [
  { rule: "human-error", check: humanErrorAsCause },
  { rule: "root-cause", check: singleRootCause },
  { rule: "counterfactual", check: counterfactual },
  { rule: "person-failed", check: personAsSubjectOfFailure },
  { rule: "actorless-passive", check: actorlessPassive },
  { rule: "vague-action", check: vagueAction }
];
function actionWithoutOwner(entry) {
  return entry.kind === "action" && !entry.owner?.trim() ? "An action with no owner does not get done. Name one person (not a team) who will file it and see it through." : void 0;
}
function onlyOneCause(entries) {
  const causes = entries.filter((e) => e.kind === "cause");
  return causes.length === 1 ? causes[0] : void 0;
}
var ONE_CAUSE_WHY = "This is the only cause named. The trigger is one of several contributing factors; look for the latent ones that let a small change become an outage (see the factors the scenario planted).";
function sentences(text) {
  return plainLine(text).split(/(?<=[.!?])\s+(?=\S)/).filter((s) => s.trim() !== "");
}
function participantNames(team) {
  const names = /* @__PURE__ */ new Set();
  for (const { name } of team) {
    const full = plainLine(name);
    if (full.length >= 2) names.add(full);
    const first = full.split(" ")[0] ?? "";
    if (first.length >= 2) names.add(first);
  }
  return [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}
function blamelessReview(entries, team) {
  const ctx = { names: participantNames(team) };
  const flags = [];
  const single = onlyOneCause(entries);
  for (const entry of entries) {
    for (const sentence of sentences(entry.text)) {
      for (const { rule, check } of SENTENCE_RULES) {
        const why = check(sentence, entry, ctx);
        if (why) flags.push({ rule, where: entry.where, sentence, why });
      }
    }
    const noOwner = actionWithoutOwner(entry);
    if (noOwner) flags.push({ rule: "no-owner", where: entry.where, sentence: plainLine(entry.text), why: noOwner });
    if (entry === single) flags.push({ rule: "single-cause", where: entry.where, sentence: plainLine(entry.text), why: ONE_CAUSE_WHY });
  }
  return flags;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/report/record-groups.ts
function groupRecords(records) {
  const g = { impact: [], world: [], decision: [], action: [], written: [], followup: [], debrief: [], finished: false };
  for (const r of records) {
    switch (r.type) {
      case "impact":
        g.impact.push(r);
        break;
      case "world":
        g.world.push(r);
        break;
      case "decision-made":
        g.written.push(r);
        g.decision.push(r);
        break;
      case "hint-shown":
      case "decision-opened":
      case "decision-timed-out":
      case "decision-cancelled":
        g.decision.push(r);
        break;
      case "action-started":
      case "action-landed":
        g.action.push(r);
        break;
      case "note":
        g.written.push(r);
        break;
      case "followup":
        g.followup.push(r);
        break;
      case "debrief":
        g.debrief.push(r);
        break;
      case "drill-finished":
        g.finished = true;
        break;
    }
  }
  return g;
}

// src/report/incident.ts
function incidentStart(milestones, impact) {
  const started = milestones.find((m) => m.name === "started");
  if (started?.reachedMs != null) {
    const what = started.trigger ?? started.how;
    return { startMs: started.reachedMs, from: "milestone", what: what ? `incident started: ${what}` : "incident started" };
  }
  const first = impact.intervals[0];
  if (first) return { startMs: first.fromMs, from: "impact", what: first.level === "down" ? "first impact: full outage" : "first impact: degraded service" };
  return { startMs: 0, from: "clock", what: "clock start" };
}

// src/engine/history-functions.ts
function callHistoryFunction(h, fn, args) {
  const [a = "", b = ""] = args.map(String);
  switch (fn) {
    case "fired":
      return h.fired.has(a);
    case "opened":
      return h.open.has(a) || h.decided.has(a);
    case "decided":
      return h.decided.has(a);
    case "chose":
      return h.decided.get(a) === b && b !== "";
    case "timedout":
      return h.timedOut.has(a);
    case "started":
      return h.startedActions.has(a);
    case "done":
      return h.landed.has(a);
    case "count":
      return h.landed.get(a) ?? 0;
    case "reached":
      return h.milestones.has(a);
    default:
      return false;
  }
}

// src/report/end-state.ts
function endTime(records) {
  const ended = records.find((r) => r.type === "drill-ended");
  return ended?.t ?? records.reduce((max, r) => Math.max(max, r.t), 0);
}
function endEnv(scenario, records, endMs = endTime(records), world2) {
  const history = {
    fired: /* @__PURE__ */ new Set(),
    open: /* @__PURE__ */ new Map(),
    decided: /* @__PURE__ */ new Map(),
    timedOut: /* @__PURE__ */ new Set(),
    startedActions: /* @__PURE__ */ new Set(),
    landed: /* @__PURE__ */ new Map(),
    milestones: /* @__PURE__ */ new Map()
  };
  const worldRecords = [];
  for (const r of records) {
    if (r.t > endMs) break;
    switch (r.type) {
      case "inject-fired":
        history.fired.add(r.id);
        break;
      case "decision-opened":
        history.open.set(r.id, true);
        break;
      case "decision-made":
        history.open.delete(r.id);
        history.decided.set(r.id, r.option ?? "");
        break;
      case "decision-timed-out":
        history.open.delete(r.id);
        history.timedOut.add(r.id);
        history.decided.set(r.id, r.option ?? "");
        break;
      case "decision-cancelled":
        history.open.delete(r.id);
        break;
      case "action-started":
        history.startedActions.add(r.id);
        break;
      case "action-landed":
        history.landed.set(r.id, (history.landed.get(r.id) ?? 0) + 1);
        break;
      case "milestone":
        if (!history.milestones.has(r.name)) history.milestones.set(r.name, r.t);
        break;
      case "world":
        if (!world2) worldRecords.push(r);
        break;
    }
  }
  const finals = new Map((world2 ?? worldExtremes(scenario.world, worldRecords, endMs)).map((v) => [v.id, v.final]));
  return { time: endMs, variable: (name) => finals.get(name), call: (fn, args) => callHistoryFunction(history, fn, args) };
}
function factorInDrill(factor, env) {
  const inPlay = factor.when === void 0 || isTrue(factor.when, env);
  const told = factor.branches.filter((b) => isTrue(b.when, env)).map((b) => b.text.trim());
  return told.length ? { inPlay, text: told.join(" ") } : { inPlay };
}
function causeFactors(r) {
  return r.factors ?? (r.factor !== void 0 ? [r.factor] : []);
}

// src/report/debrief.ts
function debriefFindings(scenario, records, groups, endMs, world2) {
  const { debrief, followup: followups2 } = groups;
  const section2 = (s) => debrief.filter((d) => d.section === s);
  const causes = section2("cause").map((d) => ({ text: d.text, factors: [...causeFactors(d)] }));
  const named = new Set(causes.flatMap((c) => c.factors));
  const env = endEnv(scenario, records, endMs, world2);
  const factors2 = scenario.factors.map((f) => {
    const drill = factorInDrill(f, env);
    return {
      id: f.id,
      title: f.title,
      ...f.kind !== void 0 ? { kind: f.kind } : {},
      explanation: f.explanation,
      found: named.has(f.id),
      inPlay: drill.inPlay,
      ...drill.text !== void 0 ? { inDrill: drill.text } : {}
    };
  });
  const extra = (r) => ({ ...r.due ? { due: r.due } : {}, ...r.priority ? { priority: r.priority } : {} });
  return {
    teamSummary: section2("summary").map((d) => d.text),
    causes,
    factors: factors2,
    wentWell: section2("went-well").map((d) => d.text),
    wentPoorly: section2("went-poorly").map((d) => d.text),
    lucky: section2("lucky").map((d) => d.text),
    followups: [
      ...followups2.map((r) => ({ text: r.text, ...r.owner ? { owner: r.owner } : {}, type: r.kind, ...extra(r), raisedMs: r.t })),
      ...section2("action").map((d) => ({ text: d.text, ...d.owner ? { owner: d.owner } : {}, type: d.kind ?? "process", ...extra(d) }))
    ],
    questions: scenario.questions.filter((q2) => q2.when === void 0 || isTrue(q2.when, env)).map((q2) => q2.text)
  };
}

// src/report/people.ts
var SPEAKER = /^\s*([A-Z][a-z]+)(?:\s*\([^)\n]*\))?:\s/gm;
var FROM_PERSON = /^([A-Z][a-z]+)['’]s\s/;
var CHANNELS_WITH_SPEAKERS = /* @__PURE__ */ new Set(["chat", "email", "phone", "note", "ticket"]);
function scenarioPeople(scenario) {
  const names = /* @__PURE__ */ new Set();
  for (const inject of scenario.injects) {
    const from = FROM_PERSON.exec(inject.from?.trim() ?? "");
    if (from) names.add(from[1]);
    if (!CHANNELS_WITH_SPEAKERS.has(inject.channel)) continue;
    for (const m of inject.text.matchAll(SPEAKER)) names.add(m[1]);
  }
  return [...names].sort().map((name) => ({ name }));
}

// src/report/stats.ts
function stats(records, scenario, endMs) {
  const count2 = /* @__PURE__ */ new Map();
  const happened = /* @__PURE__ */ new Set();
  let skippedByChance = 0;
  let chosen = 0;
  let debriefActions = 0;
  let pausedWallMs = 0;
  let pausedAt;
  let clock2;
  for (const r of records) {
    count2.set(r.type, (count2.get(r.type) ?? 0) + 1);
    if (r.type === "inject-fired" || r.type === "inject-skipped" || r.type === "inject-cancelled") happened.add(r.id);
    if (r.type === "inject-skipped" && scenario.injectById.has(r.id)) skippedByChance++;
    if (r.type === "decision-made" && r.option !== void 0) chosen++;
    if (r.type === "debrief" && r.section === "action") debriefActions++;
    if (r.type === "clock-started") clock2 ??= r;
    if (r.type === "paused") pausedAt = r.wall;
    if (r.type === "resumed" && pausedAt !== void 0) {
      pausedWallMs += Math.max(0, r.wall - pausedAt);
      pausedAt = void 0;
    }
  }
  const n = (type) => count2.get(type) ?? 0;
  const last = records.at(-1);
  return {
    records: records.length,
    injectsFired: n("inject-fired"),
    injectsSkippedByChance: skippedByChance,
    injectsCancelled: n("inject-cancelled"),
    injectsNeverReached: scenario.injects.filter((i) => !happened.has(i.id)).length,
    decisionsOpened: n("decision-opened"),
    decisionsChosen: chosen,
    decisionsOffScript: n("decision-made") - chosen,
    decisionsTimedOut: n("decision-timed-out"),
    decisionsCancelled: n("decision-cancelled"),
    actionsTaken: n("action-started"),
    actionsLanded: n("action-landed"),
    hintsShown: n("hint-shown"),
    notes: n("note"),
    followups: n("followup") + debriefActions,
    pauses: n("paused"),
    pausedWallMs,
    speedChanges: n("speed"),
    skips: n("skipped"),
    sessionsResumed: n("session-resumed"),
    scenarioMs: endMs,
    wallMs: clock2 && last ? Math.max(0, last.wall - clock2.wall) : 0
  };
}

// src/report/compared.ts
var COMPARISONS2 = /* @__PURE__ */ new Set(["<", "<=", ">", ">=", "==", "!="]);
function comparedValues(scenario) {
  const found = /* @__PURE__ */ new Map();
  const visit = (e) => {
    if (!e) return;
    if (e.type === "bin") {
      if (COMPARISONS2.has(e.op)) {
        const [v, n] = e.left.type === "var" ? [e.left, e.right] : [e.right, e.left];
        if (v.type === "var" && n.type === "num") {
          const set = found.get(v.name) ?? /* @__PURE__ */ new Set();
          set.add(n.value);
          found.set(v.name, set);
        }
      }
      visit(e.left);
      visit(e.right);
    } else if (e.type === "not" || e.type === "neg") visit(e.arg);
    else if (e.type === "call") e.args.forEach(visit);
  };
  const s = scenario;
  for (const cond of Object.values(s.milestones)) visit(cond);
  visit(s.impact.down);
  visit(s.impact.degraded);
  visit(s.end.when);
  for (const i of s.injects) visit(i.trigger.when);
  for (const d of s.decisions) visit(d.trigger.when);
  for (const a of s.actions) visit(a.available);
  for (const f of s.factors) {
    visit(f.when);
    f.branches.forEach((b) => visit(b.when));
  }
  for (const q2 of s.questions) visit(q2.when);
  return new Map([...found].map(([name, set]) => [name, [...set].sort((a, b) => a - b)]));
}
function preciseNumber(value2, compared = []) {
  for (let places = 1; places <= 6; places++) {
    const shown = Math.round(value2 * 10 ** places) / 10 ** places;
    if (compared.every((c) => Math.sign(shown - c) === Math.sign(value2 - c))) return String(shown);
  }
  return String(Math.round(value2 * 1e6) / 1e6);
}

// src/report/model.ts
function buildReport(scenario, records) {
  const started = startedRecord(scenario, records);
  const names = new Names(scenario);
  const ended = records.find((r) => r.type === "drill-ended");
  const endMs = ended?.t ?? records.reduce((max, r) => Math.max(max, r.t), 0);
  const clock2 = records.find((r) => r.type === "clock-started");
  const file = scenario.file;
  const groups = groupRecords(records);
  const impact = impactHistory(groups.impact, endMs);
  const milestones = milestoneOutcomes(scenario, records, names);
  const incident = incidentStart(milestones, impact);
  const compared = comparedValues(scenario);
  const world2 = worldExtremes(scenario.world, groups.world, endMs).map((v) => compared.has(v.id) ? { ...v, compared: compared.get(v.id) } : v);
  const found = debriefFindings(scenario, records, groups, endMs, world2);
  const roleTitle = (role) => file.roles.find((r) => r.id === role)?.title;
  const played = new Set(started.team.map((m) => m.role));
  const roleOf = new Map(started.team.filter((m) => m.role !== void 0).map((m) => [m.name, m.role]));
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    scenario: {
      id: started.scenario.id,
      title: started.scenario.title,
      version: started.scenario.version,
      path: started.scenario.path,
      hash: started.scenario.hash,
      reportHash: scenario.source.hash,
      summary: file.summary,
      difficulty: file.difficulty,
      roles: file.roles.map((r) => r.title !== void 0 ? { id: r.id, title: r.title } : { id: r.id })
    },
    drill: {
      seed: started.seed,
      mode: started.mode,
      ...started.facilitator !== void 0 ? { facilitator: started.facilitator } : {},
      team: started.team.map((m) => {
        const title = roleTitle(m.role);
        return { name: m.name, ...m.role !== void 0 ? { role: m.role } : {}, ...title !== void 0 ? { roleTitle: title } : {} };
      }),
      startedAt: isoWall(started.wall),
      clockStartedAt: clock2 ? isoWall(clock2.wall) : null,
      endedMs: ended?.t ?? null,
      endReason: ended?.type === "drill-ended" ? ended.reason : null,
      ...file.end.when !== void 0 ? { endCondition: file.end.when } : {},
      limitMs: scenario.end.limitMs,
      // Only said of a drill that recorded its team: without a team list, nobody is known to play anything.
      rolesWithoutPlayer: started.team.length ? file.roles.filter((r) => !played.has(r.id)).map((r) => r.id) : [],
      finished: groups.finished,
      scenarioMs: endMs
    },
    impact: {
      ...file.impact?.users !== void 0 ? { users: file.impact.users } : {},
      ...file.impact?.down !== void 0 ? { downCondition: file.impact.down } : {},
      ...file.impact?.degraded !== void 0 ? { degradedCondition: file.impact.degraded } : {},
      downMs: impact.downMs,
      degradedMs: impact.degradedMs,
      startMs: impact.startMs,
      endMs: impact.endMs,
      openAtEnd: impact.openAtEnd,
      intervals: impact.intervals
    },
    world: world2,
    incident,
    milestones,
    metrics: responseMetrics({
      records,
      milestones,
      impact,
      incident,
      endMs,
      ended: ended !== void 0,
      downCondition: file.impact?.down,
      degradedCondition: file.impact?.degraded,
      describe: (r) => describeReaction(r, names, started.facilitator)
    }),
    decisions: decisionOutcomes(scenario, groups.decision, started.team),
    actions: actionOutcomes(scenario, groups.action),
    timeline: keyTimeline(records, scenario, names, roleOf),
    log: buildTimeline(records, scenario, started.facilitator),
    teamSummary: found.teamSummary,
    causes: found.causes,
    factors: found.factors,
    wentWell: found.wentWell,
    wentPoorly: found.wentPoorly,
    lucky: found.lucky,
    followups: found.followups,
    blameless: blamelessReview(teamTexts(groups.written, groups.debrief, names, found.followups), [...started.team, ...scenarioPeople(scenario)]),
    questions: found.questions,
    stats: stats(records, scenario, endMs)
  };
}
function startedRecord(scenario, records) {
  const found = records.find((r) => r.type === "drill-started");
  if (found) return found;
  const s = scenario;
  return {
    type: "drill-started",
    seq: 0,
    t: 0,
    wall: records[0]?.wall ?? 0,
    scenario: { id: s.id, title: s.title, version: String(s.file.version), path: s.source.path, hash: s.source.hash },
    seed: "",
    team: [],
    mode: "run"
  };
}
function teamTexts(records, debrief, names, followups2) {
  const texts = [];
  for (const r of records) {
    if (r.type === "note") texts.push({ kind: "note", where: `note at ${formatClock(r.t)}${r.by ? ` (${r.by})` : ""}`, text: r.text });
    if (r.type === "decision-made") {
      const where = `answer to "${names.decision(r.id)}"${r.by ? ` (${r.by})` : ""}`;
      if (r.text) texts.push({ kind: "decision", where, text: r.text });
      if (r.rationale) texts.push({ kind: "decision", where: `reason for the ${where}`, text: r.rationale });
    }
  }
  const numbered = (section2, kind, label2) => debrief.filter((d) => d.section === section2).forEach((d, i) => texts.push({ kind, where: `${label2} ${i + 1}`, text: d.text }));
  numbered("summary", "summary", "the team\u2019s summary");
  numbered("cause", "cause", "cause");
  numbered("went-well", "went-well", "went well");
  numbered("went-poorly", "went-poorly", "went poorly");
  numbered("lucky", "lucky", "lucky");
  followups2.forEach((f, i) => texts.push({ kind: "action", where: `follow-up ${i + 1}`, text: f.text, ...f.owner ? { owner: f.owner } : {} }));
  return texts;
}

// src/report/md-format.ts
function table(header2, rows) {
  const lines = new Array(rows.length + 2);
  lines[0] = tableRow(header2);
  lines[1] = tableRow(header2.map(() => "---"));
  for (let i = 0; i < rows.length; i++) lines[i + 2] = tableRow(rows[i]);
  return lines.join("\n");
}
function tableRow(cells) {
  let line = "|";
  for (const c of cells) line += c === "" ? " |" : ` ${c} |`;
  return line;
}
function bullets(items, none) {
  return items.length > 0 ? items.map((i) => `- ${i}`).join("\n") : none;
}
function minutes(ms2) {
  if (ms2 < 6e4) return `${Math.round(ms2 / 1e3)} s`;
  const m = Math.round(ms2 / 6e3) / 10;
  return `${Number.isInteger(m) ? m.toFixed(0) : m.toFixed(1)} min`;
}
function seconds(ms2) {
  return formatDuration(Math.round(ms2 / 1e3) * 1e3);
}
function span(fromMs, toMs) {
  return formatDuration((Math.floor(toMs / 1e3) - Math.floor(fromMs / 1e3)) * 1e3);
}
function withUnit(value2, unit, compared) {
  const text = typeof value2 === "number" ? preciseNumber(value2, compared) : String(value2);
  if (!unit) return text;
  if (/^[%°]/.test(unit)) return `${text}${inline(unit)}`;
  return `${text} ${value2 === 1 && /^[a-z]{3,}s$/i.test(unit) ? unit.slice(0, -1) : inline(unit)}`;
}
var clock = formatClock;
function wallTime(iso, day) {
  if (iso === "") return "?";
  const time = iso.slice(11, 19);
  return iso.slice(0, 10) === day ? time : `${iso.slice(0, 10)} ${time}`;
}
function q(text) {
  const escaped = inline(text);
  return /^["“'‘].*["”'’]$/s.test(text.trim()) ? escaped : `\u201C${escaped}\u201D`;
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
function plural(n, one, many = `${one}s`) {
  return n === 0 ? `no ${many}` : `${n} ${n === 1 ? one : many}`;
}
function joinAnd(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
function joinOr(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

// src/report/md-summary.ts
function header(r) {
  const d = r.drill;
  const s = r.scenario;
  const date = d.clockStartedAt ?? d.startedAt;
  const team = d.team.map((m) => `  - ${inline(m.name)}${m.roleTitle || m.role ? ` \u2014 ${inline(m.roleTitle ?? m.role ?? "")}` : ""}`);
  const mode = d.mode === "run" ? "played headlessly with `drill run` from an answers file" : "played live with `drill play`";
  const end = d.endReason === null ? `the journal stops at ${clock(d.scenarioMs)} of scenario time, before the drill ended` : `ended at ${clock(d.scenarioMs)} ${d.endReason === "condition" ? `when its end condition${d.endCondition ? ` ${code(d.endCondition)}` : ""} held` : d.endReason === "limit" ? "at its time limit" : "by the facilitator"}`;
  const run = ["drill run", shellWord(s.path), "--seed", shellWord(d.seed), ...d.mode === "run" ? ["--start", d.startedAt.replace(".000Z", "Z"), "--answers", "ANSWERS.yaml"] : []];
  const lines = [
    `# ${inline(s.title)} \u2014 practice post-mortem`,
    "",
    "> **This was a simulated drill**, a tabletop exercise, not a real incident. The systems, numbers and messages come from the scenario; the decisions, notes and conclusions are the team\u2019s.",
    "",
    `- **Date:** ${date.slice(0, 10)}, scenario clock started at ${date.slice(11, 19)} UTC`,
    `- **Facilitator:** ${d.facilitator ? inline(d.facilitator) : "_not recorded_"}`,
    d.team.length > 0 ? `- **Team:**
${team.join("\n")}` : "- **Team:** _not recorded_",
    ...d.rolesWithoutPlayer.length ? [`- **Roles nobody played:** ${d.rolesWithoutPlayer.map((id) => roleName(r, id)).join(", ")}`] : [],
    `- **Scenario:** ${code(s.id)} version ${inline(s.version)}, difficulty ${inline(s.difficulty)} (${code(s.path)})`,
    `- **Scenario sha256:** ${code(s.hash)}`,
    `- **Seed:** ${code(d.seed)}, ${mode}`,
    `- **Outcome:** ${end}; ${d.finished ? "the debrief was completed" : "the debrief was not completed"}`,
    `- **How to replay:** ${code(run.join(" "))} plays the scenario again with the same chance draws${d.mode === "run" ? " (with the answers file it was played from)" : ""}; ${code("drill report journal.jsonl")} rebuilds this report from the journal beside it`
  ];
  if (s.hash !== s.reportHash) {
    lines.push(`- **Warning:** this report was built with a scenario file whose sha256 is ${code(s.reportHash)}, not the one the drill was played with; names and texts may not match what the team saw`);
  }
  return lines.join("\n");
}
function roleName(r, id, inSentence = false) {
  const title = r.scenario.roles.find((x) => x.id === id)?.title;
  if (title && inSentence) return inline(title);
  return title ? `${inline(title)} (${code(id)})` : code(id);
}
function teamSummary(r) {
  if (r.teamSummary.length === 0) return [];
  return [["## In the team\u2019s words", "", ...r.teamSummary.map((t, i) => `${i > 0 ? "\n" : ""}> ${inline(t)}`)].join("\n")];
}
function summary(r) {
  const who = r.impact.users ? capitalise(inline(r.impact.users)) : "Users";
  const st = r.stats;
  const reached = r.milestones.filter((m) => m.reachedMs !== null && m.name !== "started").sort((a, b) => a.reachedMs - b.reachedMs).map((m) => `${m.name} at ${clock(m.reachedMs)}${m.byDefault ? " (by default: nobody decided)" : ""}`);
  const missing2 = r.milestones.filter((m) => m.reachedMs === null && m.name !== "started").map((m) => m.name);
  const began = r.incident.from === "milestone" ? `The incident began at ${clock(r.incident.startMs)}. ` : "";
  const milestones = reached.length === 0 ? "No response milestone was reached." : `${capitalise(joinAnd(reached))}${missing2.length ? `; not ${joinOr(missing2)} by the end of the ${r.drill.endReason === null ? "journal" : "drill"}` : ""}.`;
  const i = r.impact;
  const impact = !i.downCondition && !i.degradedCondition ? "The scenario defines no impact conditions." : i.downMs > 0 || i.degradedMs > 0 ? `${who} were affected for ${minutes(i.downMs + i.degradedMs)}${i.downMs > 0 ? `, ${minutes(i.downMs)} of it a full outage` : ", degraded but never fully down"}.` : `${who} saw no impact.`;
  const answered = st.decisionsChosen + st.decisionsOffScript;
  const unanswered = [
    st.decisionsTimedOut ? `${st.decisionsTimedOut} timed out to ${st.decisionsTimedOut === 1 ? "its" : "their"} default` : "",
    st.decisionsCancelled ? `${st.decisionsCancelled} withdrawn by the scenario` : ""
  ].filter((p) => p !== "");
  const activity = `The team answered ${st.decisionsOpened === 0 ? "no decisions (none was put to it)" : `${answered} of ${plural(st.decisionsOpened, "decision")} put to it`}${unanswered.length ? ` (${joinAnd(unanswered)})` : ""}, took ${plural(st.actionsTaken, "action")} and wrote ${plural(st.notes, "note")}.`;
  return [
    "## Summary",
    "",
    `**The scenario:** ${inline(r.scenario.summary)}`,
    "",
    `**In this drill:** ${began}${impact} ${milestones} ${activity}${roles(r)}`
  ].join("\n");
}
function roles(r) {
  const outside = r.decisions.filter((d) => d.outsideRole);
  const parts = outside.map((d) => `${inline(d.by ?? "")}, who plays ${roleName(r, d.byRole ?? "", true)}, answered ${q(shortText(d.prompt))}, a decision for ${roleName(r, d.role ?? "", true)}`);
  const nobody = r.drill.rolesWithoutPlayer.map((id) => roleName(r, id, true));
  const lines = [...nobody.length ? [`Nobody played ${joinAnd(nobody)}.`] : [], ...parts.length ? [`${capitalise(joinAnd(parts))}.`] : []];
  return lines.length ? ` ${lines.join(" ")}` : "";
}
function shortText(text) {
  const line = text.split("\n")[0].trim();
  return line.length <= 80 ? line : `${line.slice(0, 79).replace(/\s+\S*$/, "")}\u2026`;
}
function userImpact(r) {
  const i = r.impact;
  const who = i.users ? capitalise(inline(i.users)) : "Users";
  const lines = ["## User-visible impact", ""];
  if (!i.downCondition && !i.degradedCondition) {
    lines.push("_The scenario defines no impact conditions, so user impact was not measured._");
  } else if (i.intervals.length === 0) {
    lines.push(`${who} saw no impact: neither impact condition held during the drill.`);
  } else {
    const spans = i.intervals.map((x) => `${x.level === "down" ? "full outage" : "degraded"} ${clock(x.fromMs)}\u2013${clock(x.toMs)}`);
    const open = i.openAtEnd ? ` They were still affected when the ${r.drill.endReason === null ? "journal stops" : "drill ended"}.` : "";
    const parts = [i.downMs > 0 ? `a full outage for ${minutes(i.downMs)}` : "", i.degradedMs > 0 ? `degraded service for ${i.downMs > 0 ? "another " : ""}${minutes(i.degradedMs)}` : ""].filter((p) => p !== "");
    lines.push(`${who} saw ${joinAnd(parts)} (${joinAnd(spans)}).${open}`);
  }
  const world2 = r.world.flatMap((v) => {
    if (!v.metric || typeof v.initial !== "number" || v.changes === 0 || v.min === void 0 || v.max === void 0) return [];
    const rose = v.max - v.initial >= v.initial - v.min;
    const label2 = inline(v.label ?? v.id);
    const at2 = (n) => withUnit(n, v.unit, v.compared);
    const extreme = rose ? `rose from ${at2(v.initial)} to a peak of ${at2(v.max)} at ${clock(v.maxAtMs)}` : `fell from ${at2(v.initial)} to ${at2(v.min)} at ${clock(v.minAtMs)}`;
    return [`${label2}: ${extreme}; ${at2(v.final)} at the end.`];
  });
  if (world2.length) lines.push("", "What the simulated world showed:", "", bullets(world2, ""));
  return lines.join("\n");
}

// src/report/mermaid.ts
function at(ms2) {
  const total = Math.max(0, Math.min(Math.floor(ms2 / 1e3), 24 * 3600 - 1));
  const pad = (n) => String(n).padStart(2, "0");
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total % 3600 / 60))}:${pad(total % 60)}`;
}
function stamp(ms2) {
  const m = Math.floor(ms2 / 6e4);
  return m >= 60 ? `T+${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m` : `T+${String(m).padStart(2, "0")}m`;
}
function taskName(text) {
  const safe = text.replace(/[:#;<>&"`{}[\]\\|]/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").replace(/\s+/g, " ").trim().slice(0, 60).trim();
  return /^(title|section|dateFormat|axisFormat|tickInterval|includes|excludes|todayMarker|weekday|weekend|click|accTitle|accDescr|topAxis|inclusiveEndDates)\b/i.test(safe) || safe === "" ? `Event ${safe}`.trim() : safe;
}
var MAX_DECISION_EVENTS = 24;
var MAX_ACTION_BARS = 24;
var PHASES = [
  { until: "started", name: "Before the incident" },
  { until: "detected", name: "Until detected" },
  { until: "acknowledged", name: "Until acknowledged" },
  { until: "mitigated", name: "Until mitigated" },
  { until: "resolved", name: "Until resolved" }
];
function ganttSource(report2) {
  const end = report2.drill.scenarioMs;
  const lines = ["gantt", "    title Scenario time since the clock started (hh mm)", "    dateFormat HH:mm:ss", "    axisFormat %H:%M", "    todayMarker off"];
  let n = 0;
  const task = (name, tags, from2, to) => {
    const meta = [tags, `t${n++}`, at(from2), at(to)].filter((p) => p !== "").join(", ");
    lines.push(`    ${taskName(name)} :${meta}`);
  };
  if (report2.impact.intervals.length > 0) {
    lines.push("    section User impact");
    for (const i of report2.impact.intervals) task(i.level === "down" ? `Full outage ${stamp(i.fromMs)}` : `Degraded ${stamp(i.fromMs)}`, i.level === "down" ? "crit" : "active", i.fromMs, i.toMs);
  }
  const response = [];
  let from = 0;
  for (const phase of PHASES) {
    const reached = report2.milestones.find((m) => m.name === phase.until)?.reachedMs ?? null;
    if (reached !== null && reached < from) continue;
    if (reached === null && phase.until === "started") continue;
    const to = reached ?? end;
    if (to > from) response.push([reached === null ? `Not ${phase.until} by the end` : phase.name, from, to]);
    if (reached === null) break;
    from = reached;
  }
  if (response.length > 0) lines.push("    section Response");
  for (const [name, a, b] of response) task(name, "", a, b);
  const bars = actionBars(report2);
  if (bars.length > 0 && bars.length <= MAX_ACTION_BARS) {
    lines.push("    section Team actions");
    for (const b of bars) task(b.name, b.to === null ? "active" : "", b.from, Math.max(b.from + 1e3, b.to ?? end));
  }
  const events = [];
  for (const m of report2.milestones) {
    if (m.reachedMs !== null) events.push({ name: `${capital(milestoneName2(m.name))}${m.byDefault ? " by default" : ""} ${stamp(m.reachedMs)}`, at: m.reachedMs });
  }
  const closed = report2.decisions.filter((d) => d.closedMs !== null && d.outcome !== "cancelled");
  for (const d of closed.length <= MAX_DECISION_EVENTS ? closed : []) {
    const label2 = d.options.find((o) => o.id === d.option)?.label ?? d.option ?? "";
    const what = d.outcome === "timed-out" ? `Nobody decided, default ${label2}` : d.outcome === "off-script" ? `${d.by ?? "The team"} answered off-script` : `${d.by ?? "The team"} chose ${label2}`;
    events.push({ name: `${stamp(d.closedMs)} ${shortLabel(what)}`, at: d.closedMs });
  }
  if (report2.drill.endedMs !== null) events.push({ name: `Drill ended ${stamp(report2.drill.endedMs)}`, at: report2.drill.endedMs });
  if (events.length > 0) lines.push("    section Key events");
  for (const e of events.sort((a, b) => a.at - b.at)) task(e.name, "milestone", e.at, e.at);
  return lines.join("\n");
}
function actionBars(report2) {
  const bars = [];
  for (const a of report2.actions) {
    const last = bars.at(-1);
    if (last && last.id === a.id && last.by === a.by) {
      last.count++;
      last.to = a.landedMs;
    } else bars.push({ id: a.id, ...a.by !== void 0 ? { by: a.by } : {}, label: a.label, count: 1, from: a.startedMs, to: a.landedMs });
  }
  return bars.map((b) => ({ name: shortLabel(`${b.by ? `${b.by} ` : ""}${b.count > 1 ? `${b.count}x ` : ""}${b.label}`), from: b.from, to: b.to }));
}
function shortLabel(text) {
  const words = text.replace(/[:#;<>&"`{}[\]\\|]/g, " ").replace(/\s+/g, " ").trim();
  return taskName(words.length < 58 ? words : `${words.slice(0, 56).replace(/\s+\S*$/, "")}\u2026`);
}
function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// src/report/md-timeline.ts
var SOURCE_LABEL = {
  inject: "inject",
  decision: "decision",
  action: "action",
  note: "note",
  facilitator: "facilitator",
  scenario: "scenario",
  drill: "drill"
};
var ROWS_PER_PART = 2e3;
function* timelineParts(report2) {
  const day = (report2.drill.clockStartedAt ?? report2.drill.startedAt).slice(0, 10);
  const header2 = ["T+", "Wall (UTC)", "Source", "Who", "What"];
  yield [
    "## Timeline",
    "",
    `Scenario time (T+) and wall-clock time (UTC, ${day}): what reached the team, what it decided and did, and what that changed. Inject texts are shortened to their first line here; the full log in the appendix has every event, in full.`,
    "",
    table(header2, [])
  ].join("\n");
  const entries = report2.timeline;
  for (let from = 0; from < entries.length; from += ROWS_PER_PART) {
    let part = "";
    const to = Math.min(entries.length, from + ROWS_PER_PART);
    for (let i = from; i < to; i++) part += `
${timelineRow(entries[i], day)}`;
    yield part;
  }
  yield ["", "", "```mermaid", ganttSource(report2), "```"].join("\n");
}
function timelineRow(e, day) {
  return tableRow([
    e.untilMs !== void 0 ? `${clock(e.tMs)}\u2013${clock(e.untilMs)}` : clock(e.tMs),
    wallTime(e.wall, day),
    SOURCE_LABEL[e.source],
    e.who ? cell(e.who, 60) : "",
    e.source === "note" ? `_${cell(e.what, 500)}_` : cell(e.what, 600)
  ]);
}

// src/report/md-analysis.ts
function renderAnalysis(report2) {
  return [factors(report2), review(report2), followups(report2), blameless(report2)].join("\n\n");
}
function factors(r) {
  const byId = new Map(r.factors.map((f) => [f.id, f]));
  const named = r.causes.map((c, i) => {
    const known = c.factors.flatMap((id) => byId.has(id) ? [`\u201C${inline(byId.get(id).title)}\u201D`] : []);
    const unknown = c.factors.filter((id) => !byId.has(id)).map((id) => inline(id));
    const links = [
      known.length ? `matches the planted ${known.length === 1 ? "factor" : "factors"} ${joinAnd(known)}` : "",
      unknown.length ? `linked to ${joinAnd(unknown)}, which the scenario does not plant` : ""
    ].filter((l) => l !== "");
    const rules = [...new Set(r.blameless.filter((f) => f.where === `cause ${i + 1}`).map((f) => RULE_TITLE[f.rule]))];
    const flag = rules.length ? ` \u2691 _flagged in the blameless review: ${joinAnd(rules.map((t) => t.toLowerCase()))}_` : "";
    return `${i + 1}. ${inline(c.text)}${links.length ? ` \u2014 ${links.join("; ")}` : ""}${flag}`;
  });
  const planted = r.factors.filter((f) => f.kind !== "red-herring");
  const inPlay = planted.filter((f) => f.inPlay);
  const idle = planted.filter((f) => !f.inPlay);
  const herrings = r.factors.filter((f) => f.kind === "red-herring");
  const found = inPlay.filter((f) => f.found).length;
  const asPlanted = (f) => `${f.inDrill ? `In this drill: ${inline(f.inDrill)} ` : ""}_As planted:_ ${inline(f.explanation)}`;
  const title = (f) => `**${inline(f.title)}**${f.kind && f.kind !== "red-herring" ? ` (${inline(f.kind)})` : ""}`;
  const lines = [
    "## Contributing factors",
    "",
    "Incidents in complex systems have several causes: a trigger, and the latent conditions that let it turn into an outage.",
    "",
    "### Causes the team named",
    "",
    named.length ? named.join("\n") : "_The team named no causes in the debrief._",
    "",
    "### Factors the scenario planted",
    ""
  ];
  if (planted.length === 0) {
    lines.push("_The scenario plants no contributing factors._");
  } else {
    const played = idle.length === 0 ? "" : `; ${inPlay.length === 0 ? "none" : inPlay.length} came into play in this drill`;
    const share = found === 0 ? `none of ${inPlay.length === planted.length ? "them" : "those"}` : found === inPlay.length ? `all of ${inPlay.length === planted.length ? "them" : "those"}` : String(found);
    lines.push(
      `The scenario's author planted ${plural(planted.length, "contributing factor")}${played}${inPlay.length ? `, and the team found ${share}` : ""}. Each is another way this failure could have shown itself, and a place to fix it.`
    );
    if (inPlay.length) lines.push("", bullets(inPlay.map((f) => `**${f.found ? "Found" : "Not found"}:** ${title(f)}. ${asPlanted(f)}`), ""));
    if (idle.length) {
      lines.push(
        "",
        "Planted, but not in play in this drill: the way the drill went, these never had a chance to matter, so they are neither found nor missed.",
        "",
        bullets(idle.map((f) => `${title(f)}. ${asPlanted(f)}${f.found ? " The team named it as a cause all the same." : ""}`), "")
      );
    }
  }
  if (herrings.length) {
    lines.push(
      "",
      "Red herrings, planted to look like causes:",
      "",
      bullets(
        herrings.map((f) => `${title(f)}: ${f.found ? "the team named it as a cause" : "the team did not name it as a cause"}${f.inPlay ? "" : " (it did not come up in this drill)"}. ${asPlanted(f)}`),
        ""
      )
    );
  }
  return lines.join("\n");
}
function review(r) {
  const none = "_Nothing recorded._";
  return [
    "## What went well",
    "",
    bullets(r.wentWell.map(inline), none),
    "",
    "## What went poorly",
    "",
    bullets(r.wentPoorly.map(inline), none),
    "",
    "## Where we got lucky",
    "",
    bullets(r.lucky.map(inline), none)
  ].join("\n");
}
function followups(r) {
  const items = r.followups.map((f) => {
    const owner = f.owner ? `owner: ${inline(f.owner)}` : "owner: **unassigned**";
    const raised = f.raisedMs !== void 0 ? ` \xB7 raised at ${clock(f.raisedMs)}` : "";
    const priority2 = f.priority ? ` \xB7 priority: ${f.priority}` : "";
    const due = f.due ? ` \xB7 due: ${f.due}` : "";
    return `- [ ] ${inline(f.text)} \u2014 ${owner} \xB7 type: ${f.type}${priority2}${due}${raised}`;
  });
  return ["## Follow-up actions", "", items.length ? items.join("\n") : "_No follow-up actions were recorded._"].join("\n");
}
var RULE_TITLE = {
  "human-error": '"Human error" given as a cause',
  "root-cause": 'A single "root cause"',
  "single-cause": "Only one cause named",
  counterfactual: "Counterfactuals",
  "person-failed": "Blame aimed at a person",
  "actorless-passive": "Passives that hide who acted",
  "vague-action": "Actions that ask people to be better",
  "no-owner": "Actions without an owner"
};
function blameless(r) {
  const lines = [
    "## Blameless review",
    "",
    "A language check of everything the team wrote: causes, notes, answers, the debrief and the actions. These are suggestions, not errors; each quotes the sentence and says why it may read as blame.",
    ""
  ];
  const wrote = r.teamSummary.length + r.causes.length + r.wentWell.length + r.wentPoorly.length + r.lucky.length + r.followups.length + r.stats.notes + r.stats.decisionsOffScript;
  if (wrote === 0 && !r.decisions.some((d) => d.rationale)) {
    lines.push("The team wrote nothing to review: no notes, causes, debrief entries or actions.");
    return lines.join("\n");
  }
  if (r.blameless.length === 0) {
    lines.push('Nothing to flag: no "human error", counterfactuals, single root cause, actor-less passives, or actions without an owner.');
    return lines.join("\n");
  }
  const rules = [...new Set(r.blameless.map((f) => f.rule))];
  rules.forEach((rule, i) => {
    const flags = r.blameless.filter((f) => f.rule === rule);
    if (i > 0) lines.push("");
    lines.push(`### ${RULE_TITLE[rule]}`, "", inline(flags[0].why), "", bullets(flags.map((f) => `${capitalise(inline(f.where))}: \u201C${inline(f.sentence)}\u201D`), ""));
  });
  return lines.join("\n");
}

// src/report/md-appendix.ts
var ENTRIES_PER_PART = 2e3;
function* appendixParts(report2) {
  const day = (report2.drill.clockStartedAt ?? report2.drill.startedAt).slice(0, 10);
  yield ["## Appendix", "", "### Full log", "", `Every event of the drill in the order it was recorded, with scenario time, wall-clock time (UTC, ${day}) and source; injects with their whole text.`, ""].join("\n");
  const log = report2.log;
  for (let from = 0; from < log.length; from += ENTRIES_PER_PART) {
    let part = "";
    const to = Math.min(log.length, from + ENTRIES_PER_PART);
    for (let i = from; i < to; i++) part += `
${logEntry(log[i], day)}`;
    yield part;
  }
  if (log.length === 0) yield "\n_Nothing was recorded._";
  yield `

${[decisions(report2), "", world(report2), "", stats2(report2.stats), ...questions(report2)].join("\n")}`;
}
function logEntry(e, day) {
  const who = e.who ? ` \xB7 ${inline(e.who)}` : "";
  const line = `- ${clock(e.tMs)} \xB7 ${wallTime(e.wall, day)} \xB7 ${SOURCE_LABEL[e.source]}${who} \u2014 ${e.source === "note" ? `_${inline(e.what)}_` : inline(e.what)}`;
  return e.text !== void 0 && e.text.trim() !== "" ? `${line}

${textBlock(e.text)}
` : line;
}
function textBlock(text) {
  const lines = visibleControls(text).replace(/[\u202a-\u202e\u2066-\u2069]/g, (ch) => `[U+${ch.codePointAt(0).toString(16).toUpperCase()}]`).replace(/\s+$/, "").split("\n").map((l) => l.trimEnd());
  while (lines.length > 0 && lines[0] === "") lines.shift();
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return [`  ${fence}text`, ...lines.map((l) => l === "" ? "" : `  ${l}`), `  ${fence}`].join("\n");
}
function decisions(r) {
  const opened = r.decisions.filter((d) => d.openedMs !== null).sort((a, b) => a.openedMs - b.openedMs);
  const never2 = r.decisions.filter((d) => d.outcome === "not-opened");
  const lines = ["### Decisions taken and options offered", ""];
  if (opened.length === 0) lines.push("_No decision was opened in this drill._");
  for (const d of opened) {
    const taken = d.outcome === "chosen" ? `chosen${d.by ? ` by ${inline(d.by)}` : ""} at ${clock(d.closedMs)}` : d.outcome === "off-script" ? `answered off-script${d.by ? ` by ${inline(d.by)}` : ""} at ${clock(d.closedMs)} (quoted in the timeline)` : d.outcome === "timed-out" ? `nobody answered; timed out at ${clock(d.closedMs)}${d.option ? " and the default was taken" : ""}` : d.outcome === "cancelled" ? `withdrawn by the scenario at ${clock(d.closedMs)}` : "still open when the drill ended";
    const meta = [`opened at ${clock(d.openedMs)}`, d.timeoutMs !== void 0 ? `timeout ${formatDuration(d.timeoutMs)}` : "no timeout", d.role ? `role ${code(d.role)}` : "", d.hintShown ? "hint given" : ""].filter((m) => m !== "").join(", ");
    lines.push(`- ${code(d.id)}: ${inline(d.prompt)} (${meta}); ${taken}.`);
    for (const o of d.options) {
      const marks = [o.taken ? "**taken**" : "", o.isDefault ? "default on timeout" : ""].filter((m) => m !== "").join(", ");
      lines.push(`  - ${inline(o.label)}${marks ? ` \u2014 ${marks}` : ""}`);
    }
  }
  if (never2.length) lines.push("", `Never opened in this drill: ${never2.map((d) => code(d.id)).join(", ")}.`);
  return lines.join("\n");
}
function world(r) {
  const rows = r.world.map((v) => {
    const moved = v.changes > 0 && v.min !== v.max;
    const at2 = (n) => withUnit(n, v.unit, v.compared);
    const low = moved && v.min !== void 0 ? `${at2(v.min)} at ${clock(v.minAtMs)}` : "\u2014";
    const high = moved && v.max !== void 0 ? `${at2(v.max)} at ${clock(v.maxAtMs)}` : "\u2014";
    return [`${inline(v.label ?? v.id)} (${code(v.id, { inTable: true })})`, at2(v.initial), low, high, at2(v.final)];
  });
  const intro = "Every world variable: its start and end, and for numbers the lowest and highest value reached (first time reached).";
  return ["### The simulated world", "", intro, "", rows.length ? table(["Variable", "Start", "Lowest", "Highest", "End"], rows) : "_The scenario has no world variables._"].join("\n");
}
var STAT_LABELS = {
  records: "Journal records",
  injectsFired: "Injects fired",
  injectsSkippedByChance: "Injects skipped by their chance draw",
  injectsCancelled: "Injects cancelled",
  injectsNeverReached: "Injects that never happened",
  decisionsOpened: "Decisions opened",
  decisionsChosen: "Decisions answered with an option",
  decisionsOffScript: "Decisions answered off-script",
  decisionsTimedOut: "Decisions timed out",
  decisionsCancelled: "Decisions withdrawn",
  actionsTaken: "Actions taken",
  actionsLanded: "Actions done",
  hintsShown: "Hints given",
  notes: "Notes",
  followups: "Follow-up actions",
  pauses: "Pauses",
  pausedWallMs: "Time paused (wall clock)",
  speedChanges: "Speed changes",
  skips: "Skips ahead",
  sessionsResumed: "Sessions resumed",
  scenarioMs: "Scenario time",
  wallMs: "Wall-clock time"
};
function stats2(s) {
  const rows = Object.keys(STAT_LABELS).map((k) => [
    STAT_LABELS[k],
    k.endsWith("Ms") ? seconds(s[k]) : String(s[k])
  ]);
  return ["### Drill statistics", "", table(["Statistic", "Value"], rows)].join("\n");
}
function questions(r) {
  if (r.questions.length === 0) return [];
  return ["", "### Debrief questions from the scenario", "", "The questions the scenario asks of a drill that went this way.", "", r.questions.map((text, i) => `${i + 1}. ${inline(text)}`).join("\n")];
}

// src/report/markdown.ts
function renderMarkdown(report2) {
  return [...markdownParts(report2)].join("");
}
function* markdownParts(report2) {
  yield `${[header(report2), ...teamSummary(report2), summary(report2), userImpact(report2), resolution(report2), metrics(report2)].join("\n\n")}

`;
  yield* timelineParts(report2);
  yield `

${renderAnalysis(report2)}

`;
  yield* appendixParts(report2);
  yield "\n";
}
function resolution(r) {
  const lines = ["## Resolution", ""];
  for (const name of ["mitigated", "resolved"]) {
    const m = r.milestones.find((x) => x.name === name);
    const title = capitalise(name);
    if (m.reachedMs === null) {
      const end = r.drill.endReason === null ? "the journal stops" : "the drill ended";
      lines.push(`- **${title}:** not reached; ${end} at ${clock(r.drill.scenarioMs)} first.`);
      continue;
    }
    const how = m.source === "facilitator" ? `declared${m.by ? ` by ${inline(m.by)}` : ""} (marked by the facilitator)` : m.condition ? `its condition ${code(m.condition)} became true${m.trigger ? ` once ${inline(m.trigger)}` : ""}` : inline(m.how ?? "marked by the scenario");
    lines.push(`- **${title}** at ${clock(m.reachedMs)}${m.byDefault ? ", by default rather than by a decision" : ""}: ${how}.`);
  }
  lines.push("", "Every decision and action of the team is in the timeline below, with when it took effect.");
  return lines.join("\n");
}
function metrics(r) {
  const rows = r.metrics.map((m) => [m.label, m.valueMs === null ? "_not available_" : `**${metricValue(r, m)}**`, cell(m.formula, 400)]);
  const opened = r.decisions.filter((d) => d.openedMs !== null).sort((a, b) => a.openedMs - b.openedMs);
  const decisionRows = opened.map((d) => [
    `${cell(shortPrompt(d.prompt))} (${code(d.id, { inTable: true })})`,
    clock(d.openedMs),
    d.closedMs === null ? "\u2014" : clock(d.closedMs),
    d.latencyMs === null ? "\u2014" : `${span(d.openedMs, d.closedMs)}${d.outcome === "timed-out" ? " (timed out)" : ""}`,
    decisionOutcome(d)
  ]);
  const start = r.incident.from === "clock" ? "the clock start" : `the incident's start (${clock(r.incident.startMs)})`;
  return [
    "## Response metrics",
    "",
    `Scenario time; T+00:00 is when the facilitator started the clock, and response times count from ${start}. Each number is shown with the subtraction it comes from, in whole seconds.`,
    "",
    table(["Metric", "Value", "How it is computed"], rows),
    "",
    "### Decision latency",
    "",
    opened.length ? `Latency = answered \u2212 opened.

${table(["Decision", "Opened", "Closed", "Latency", "Outcome"], decisionRows)}` : "_No decision was opened._"
  ].join("\n");
}
function metricValue(r, m) {
  if (m.fromMs !== void 0 && m.toMs !== void 0) return span(m.fromMs, m.toMs);
  if (m.id === "down" || m.id === "degraded") {
    const spans = r.impact.intervals.filter((i) => i.level === m.id);
    return formatDuration(spans.reduce((sum, i) => sum + (Math.floor(i.toMs / 1e3) - Math.floor(i.fromMs / 1e3)) * 1e3, 0));
  }
  return seconds(m.valueMs);
}
function decisionOutcome(d) {
  const label2 = d.options.find((o) => o.id === d.option)?.label ?? d.option ?? "";
  const by = d.by ? ` (${cell(d.by, 60)}${d.outsideRole ? `, who plays ${code(d.byRole ?? "", { inTable: true })}, not ${code(d.role ?? "", { inTable: true })}` : ""})` : "";
  switch (d.outcome) {
    case "chosen":
      return `chose ${cell(quoted2(label2), 120)}${by}`;
    case "off-script":
      return `answered off-script${by}; see the timeline at ${clock(d.closedMs)}`;
    case "timed-out":
      return label2 ? `nobody answered; default ${cell(quoted2(label2), 120)} taken` : "nobody answered; nothing taken";
    case "cancelled":
      return "withdrawn by the scenario";
    case "open":
      return "still open when the drill ended";
    default:
      return "never opened";
  }
}
function shortPrompt(prompt) {
  return shorten(firstLine(prompt) || prompt, 90);
}

// bench/report-timing.ts
var [scenarioPath, journalPath] = process.argv.slice(2);
var loaded = loadScenarioFile(scenarioPath);
if (!loaded.ok) throw new Error(`${scenarioPath}: ${loaded.problems[0]?.message}`);
var t0 = performance.now();
var read = readJournalFile(journalPath);
if (!read.ok) throw new Error(read.message);
var t1 = performance.now();
var report = buildReport(loaded.scenario, read.records);
var t2 = performance.now();
var md = renderMarkdown(report);
var t3 = performance.now();
process.stdout.write(
  `${JSON.stringify({ ms: t3 - t0, readMs: t1 - t0, buildMs: t2 - t1, renderMs: t3 - t2, records: read.records.length, bytes: md.length })}
`
);
