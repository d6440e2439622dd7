/**
 * Generated YAML documents for the read-agreement tests: every scalar style (plain, quoted,
 * literal and folded with chomping and indentation indicators), block and flow collections,
 * comments, anchors, aliases and tags, and every Unicode space character before, inside and
 * after keys and values. Most are valid YAML; many are not, on purpose.
 */
import fc from 'fast-check';

/** Characters YAML does not count as white space but a reader might: they must stay in the text. */
export const UNICODE_SPACES = [
  '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A',
  '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\uFEFF', '\u0085',
];

const space = fc.constantFrom(...UNICODE_SPACES, '\t', ' ');
/** Mostly nothing, sometimes a space character or two. */
const maybeSpaces = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 2, arbitrary: fc.array(space, { minLength: 1, maxLength: 2 }).map((s) => s.join('')) });

const word = fc.oneof(
  fc.constantFrom('id', 'title', 'a', 'b', 'text', 'x1', 'api-0', 'on call', 'C#', 'a:b', 'a,b', 'café', '日本語', 'é', 'k8s', '__proto__', 'constructor', 'toString'),
  fc.stringMatching(/^[a-z][a-z0-9 _.-]{0,8}$/),
);

/** Plain scalars the core schema may read as something other than a string, and near misses. */
const coreWord = fc.constantFrom(
  'null', 'Null', 'NULL', '~', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n',
  '0', '-0', '+12', '007', '1_000', '0o17', '0o8', '0x1F', '0xG', '0b11', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '.NAN',
  '1e3', '1E-3', '1.5', '2.', '.5', '-.5e+2', '12:30', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '<<', '=', '1e', '0x', '-', '--1', '.',
  '12345678901234567890', '1.0', '3.14159', '0.1e1',
);

const plain = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(maybeSpaces, fc.oneof(word, coreWord), maybeSpaces).map(([a, w, b]) => `${a}${w}${b}`) },
  { weight: 1, arbitrary: fc.tuple(word, space, word).map(([a, s, b]) => `${a}${s}${b}`) },
  { weight: 1, arbitrary: fc.tuple(word, maybeSpaces).map(([w, s]) => `${w}${s}# not a comment`) },
);

const singleQuoted = fc
  .tuple(maybeSpaces, fc.oneof({ weight: 8, arbitrary: fc.oneof(word, coreWord, fc.constant("it''s"), fc.constant('')) }, { weight: 1, arbitrary: fc.constant('two\n  lines') }), maybeSpaces)
  .map(([a, w, b]) => `'${a}${w}${b}'`);

const escapeSequence = fc.constantFrom('\\n', '\\t', '\\x41', '\\u00e9', '\\U0001F600', '\\e', '\\N', '\\_', '\\L', '\\P', '\\ ', '\\/', '\\"', '\\\\', '\\0', '\\a', '\\q');
const doubleQuoted = fc
  .tuple(
    maybeSpaces,
    fc.oneof({ weight: 8, arbitrary: fc.oneof(word, coreWord, escapeSequence, fc.constant('')) }, { weight: 1, arbitrary: fc.constantFrom('line\\\n  continued', 'two\n  lines') }),
    maybeSpaces,
  )
  .map(([a, w, b]) => `"${a}${w}${b}"`);

/** An inline scalar: what may follow `key: ` or `- ` on the same line. */
const inlineScalar = fc.oneof({ weight: 4, arbitrary: plain }, { weight: 2, arbitrary: singleQuoted }, { weight: 2, arbitrary: doubleQuoted });

/** A block scalar's header and body, given the indentation of its lines. */
function blockScalar(indent: number): fc.Arbitrary<string> {
  const header = fc.tuple(fc.constantFrom('|', '>'), fc.constantFrom('', '-', '+'), fc.constantFrom('', '', '', '2'), fc.constantFrom('', ' # c'));
  const line = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(maybeSpaces, word, maybeSpaces).map(([a, w, b]) => `${a}${w}${b}`) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: word.map((w) => `  ${w}`) },
    { weight: 1, arbitrary: fc.constant('# not a comment') },
  );
  return fc.tuple(header, fc.array(line, { minLength: 0, maxLength: 4 }), fc.constantFrom('', '\n', '\n\n')).map(([[style, chomp, indicator, comment], lines, trailing]) => {
    const pad = ' '.repeat(indent + (indicator === '2' ? 2 : 0));
    const body = lines.map((l) => (l === '' ? '' : pad + l)).join('\n');
    return `${style}${indicator}${chomp}${comment}\n${body}${trailing}`;
  });
}

/**
 * Whole documents: mostly a mapping at the top, with what may come before, after and between
 * lines. `wildPercent` is how often each part is one that only the `yaml` package reads (an
 * anchor, a tag, an odd key, a directive …), so that both readers get their share.
 */
export function yamlDocument(wildPercent: number): fc.Arbitrary<string> {
  const wild = <T>(tame: fc.Arbitrary<T>, odd: fc.Arbitrary<T>): fc.Arbitrary<T> =>
    fc.oneof({ weight: 100 - wildPercent, arbitrary: tame }, { weight: wildPercent, arbitrary: odd });

  const key = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(maybeSpaces, word, maybeSpaces).map(([a, w, b]) => `${a}${w}${b}`) },
    { weight: 1, arbitrary: coreWord },
    { weight: 1, arbitrary: singleQuoted },
    { weight: 1, arbitrary: doubleQuoted },
    { weight: 1, arbitrary: wild(word, fc.constantFrom('[a, b]', '{a: 1}', '? a', '&k a', '*k', '!!str 1', 'x'.repeat(1100), "'" + 'y'.repeat(1030) + "'", '', '"a\\x41"', 'x'.repeat(1020) + '      ')) },
  );

  const props = wild(fc.constant(''), fc.constantFrom('&a ', '!!str ', '!!int ', '!custom ', '!!map ', '&a !!str '));
  const comment = fc.constantFrom('', '', '', ' # comment', ' #', '\t# tab comment', ` #${UNICODE_SPACES[0]}x`, '#glued');

  /** A flow collection on one line (or, sometimes, over several). */
  const flow: fc.Arbitrary<string> = fc.letrec<{ flow: string }>((tie) => ({
    flow: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.array(fc.oneof(inlineFlowScalar(), tie('flow')), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
      fc
        .array(fc.tuple(fc.oneof(word, coreWord), fc.oneof(inlineFlowScalar(), tie('flow'))), { maxLength: 3 })
        .map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
      wild(fc.constantFrom('[]', '{}', '{a: }', '[a, ]'), fc.constantFrom('[a,\n  b]', '{a: 1,\n  b: 2\n}', '[a,\nb]', '[a: 1]', '{a, b: 1}', '[ , ]', '{a}')),
    ),
  })).flow;

  function inlineFlowScalar(): fc.Arbitrary<string> {
    return fc.oneof(fc.oneof(word, coreWord).filter((w) => !/[,[\]{}#:]/.test(w)), singleQuoted, doubleQuoted, wild(fc.constant('x'), fc.constantFrom('*a', '&a x', '!!str 5')));
  }

  /** A block node's lines at `indent` (for the root, indent 0). */
  function blockNode(indent: number, depth: number): fc.Arbitrary<string> {
    const pad = ' '.repeat(indent);
    const value = (valueIndent: number): fc.Arbitrary<string> => valueAfter(valueIndent, depth, indent);
    const mapping = fc
      .array(fc.tuple(key, value(indent + 2), fc.constantFrom('', '', '', `${pad}# a comment line\n`, '\n')), { minLength: 1, maxLength: 4 })
      .map((pairs) => pairs.map(([k, v, extra]) => `${extra}${pad}${k}:${v}`).join('\n'));
    return fc.oneof({ weight: 3, arbitrary: mapping }, { weight: 1, arbitrary: blockSequence(indent, depth) });
  }

  /** What follows `key:` or `-` for a node whose own lines are at `valueIndent`. */
  function valueAfter(valueIndent: number, depth: number, indent = valueIndent - 2): fc.Arbitrary<string> {
    return depth <= 0
      ? fc.oneof(inlineScalar.map((s) => ` ${s}`), flow.map((f) => ` ${f}`))
      : fc.oneof(
          { weight: 5, arbitrary: fc.tuple(props, inlineScalar, comment).map(([p, s, c]) => ` ${p}${s}${c}`) },
          { weight: 1, arbitrary: fc.tuple(props, flow, comment).map(([p, f, c]) => ` ${p}${f}${c}`) },
          { weight: 1, arbitrary: blockScalar(valueIndent).map((b) => ` ${b.replace(/\n$/, '')}`) },
          { weight: 1, arbitrary: wild(fc.constantFrom('', ' ~', '  '), fc.constant(' *a')) },
          { weight: 3, arbitrary: fc.tuple(props, blockNode(valueIndent, depth - 1)).map(([p, n]) => ` ${p.trim()}\n${n}`.replace(/^ \n/, '\n')) },
          { weight: 1, arbitrary: multiLinePlain(valueIndent) },
          // A list at the same indentation as its key, and a mapping begun on the `- ` line.
          { weight: 1, arbitrary: blockSequence(indent, depth - 1).map((n) => `\n${n}`) },
          { weight: 1, arbitrary: blockNode(valueIndent, depth - 1).map((n) => ` ${n.trimStart()}`) },
        );
  }

  function blockSequence(indent: number, depth: number): fc.Arbitrary<string> {
    const pad = ' '.repeat(indent);
    return fc.array(depth < 0 ? inlineScalar.map((v) => ` ${v}`) : valueAfter(indent + 2, depth), { minLength: 1, maxLength: 4 }).map((items) => items.map((v) => `${pad}-${v}`).join('\n'));
  }

  /** A plain text over several lines, its later lines indented more, as much, or less than they must be. */
  function multiLinePlain(indent: number): fc.Arbitrary<string> {
    return fc
      .tuple(word, fc.array(fc.tuple(fc.integer({ min: -2, max: 2 }), fc.oneof(word, fc.constant(''), fc.constant('b: c'), fc.constant('# x'))), { minLength: 1, maxLength: 3 }))
      .map(([first, rest]) => ` ${first}${rest.map(([shift, w]) => `\n${' '.repeat(Math.max(0, indent + shift))}${w}`).join('')}`);
  }

  return fc
    .tuple(
      wild(fc.constantFrom('', '', '---\n', '# leading comment\n'), fc.constantFrom('--- # doc\n', '%YAML 1.2\n---\n', '%YAML 1.1\n---\n', '\uFEFF', '\uFEFF\uFEFF')),
      blockNode(0, 3),
      wild(fc.constantFrom('', '\n', '\n# trailing comment'), fc.constantFrom('\n...\n', '\n---\nb: 2\n')),
      wild(fc.constantFrom('\n', '\n', '\r\n'), fc.constant('\r')),
    )
    .chain(([before, body, after, newline]) =>
      wild(fc.constant(body), fc.constant(body.replace(/\n {2}(?=\S)/, '\n\t'))).map((b) => `${before}${b}${after}\n`.replace(/\n/g, newline)),
    );
}
