/**
 * The checks a file must pass before any YAML parser sees it. Scenario and answers files come
 * from anywhere (a colleague, a download, a wrong path), and a parser fed a binary file, a huge
 * file or a million nested brackets can hang, exhaust memory or crash the process outright, so
 * those are refused here, each with one line saying what is wrong.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { CST, Lexer } from 'yaml';

/**
 * Files larger than this are refused unread. Hand-written scenarios are a few dozen kilobytes, but
 * generated ones of 100,000 injects, a scale drill is built for, are much larger.
 */
export const MAX_SCENARIO_BYTES = 64 * 1024 * 1024;

/** Collections nested deeper than this are refused; a scenario needs about six levels. */
export const MAX_NESTING_DEPTH = 64;

/** A problem found before parsing, with the 1-based line and column it was found at. */
export interface TextProblem {
  readonly message: string;
  readonly line: number;
  readonly col: number;
  /** Set for an empty (or blank) file, whose message the caller completes with what was expected. */
  readonly empty?: true;
}

export type DecodeResult = { ok: true; text: string; bytes: Uint8Array } | { ok: false; problem: TextProblem };

/** Decodes a file's bytes to text, refusing what cannot be a YAML text file. */
export function decodeSourceText(input: Uint8Array | string): DecodeResult {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  if (bytes.length > MAX_SCENARIO_BYTES) return refuse(tooLarge(bytes.length), 1, 1);
  // Windows editors offer "Unicode" (UTF-16), whose NUL bytes would otherwise read as binary.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return refuse('this file is saved as UTF-16; save it as UTF-8', 1, 1);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // Columns count characters, as editors do, not bytes: decode what comes before the NUL.
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
    const { line, col } = lineColAt(before, before.length);
    return refuse('this is a binary file (it contains a NUL byte), not YAML text; pass a .yaml file', line, col);
  }
  let text: string;
  try {
    text = typeof input === 'string' ? input : decodeUtf8(bytes);
  } catch {
    // The lenient decoder marks the first bad byte with U+FFFD, which gives a line and column.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    const { line, col } = lineColAt(lenient, Math.max(0, at));
    return refuse('this file is not valid UTF-8 text (Latin-1 or another encoding?); save it as UTF-8', line, col);
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim() === '') return { ok: false, problem: { message: 'the file is empty', line: 1, col: 1, empty: true } };
  // YAML forbids C0 control characters other than tab and line breaks; a pasted terminal colour
  // code (ESC) is the usual culprit, and the parser's own message for it is obscure.
  const control = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    const { line, col } = lineColAt(text, control.index);
    return refuse(
      `control character U+${code} is not allowed in YAML text; remove it (terminal colour codes cannot be shown anyway)`,
      line,
      col,
    );
  }
  return { ok: true, text, bytes };
}

/**
 * What `new TextDecoder('utf-8', { fatal: true }).decode(bytes)` gives (it too drops one leading
 * byte order mark), faster on big files: Node's validator and decoder are SIMD.
 */
function decodeUtf8(bytes: Uint8Array): string {
  if (!isUtf8(bytes)) throw new TypeError('not UTF-8');
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: { message: string; line?: number; col?: number } };

/**
 * Reads a scenario or answers file, refusing before reading what could never be one: a folder,
 * a device such as /dev/zero (endless), a named pipe (blocks until someone writes), a file over
 * the size limit. `what` names what to pass instead, e.g. "a scenario .yaml file". Never throws.
 */
export function readSourceFile(file: string, what: string): ReadResult {
  let fd: number | undefined;
  try {
    // Non-blocking, so that opening a named pipe returns at once instead of waiting for a writer.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return unreadable('this is a folder, not a file', what);
    if (!stat.isFile()) return unreadable('this is not a regular file (a device or a pipe?)', what);
    if (stat.size > MAX_SCENARIO_BYTES) return { ok: false, problem: { message: tooLarge(stat.size), line: 1, col: 1 } };
    // Read at most one byte over the limit, in case the file grows while it is read.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_SCENARIO_BYTES) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unreadable(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'this is a folder, not a file' : `cannot read it (${code ?? String(error)})`, what);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function unreadable(why: string, what: string): ReadResult {
  return { ok: false, problem: { message: `${why}; pass the path of ${what}` } };
}

function tooLarge(size: number): string {
  const mb = (size / (1024 * 1024)).toFixed(1);
  return `file is too large (${mb} MB; the limit is ${MAX_SCENARIO_BYTES / (1024 * 1024)} MB); a scenario is a few dozen KB — trim long texts or split it`;
}

/**
 * Finds where nesting first exceeds `MAX_NESTING_DEPTH`, without building a tree: the parser's
 * tree builder recurses (and worse) on deep input, while the lexer is a flat loop. Flow brackets
 * are counted exactly; block nesting is estimated from the columns where entries start, which
 * can under-count by half at most, so the exact check on the parsed tree still follows.
 * Returns the 0-based offset, or undefined when the text is shallow enough.
 */
export function findExcessiveNesting(text: string): number | undefined {
  let offset = 0;
  let col = 0;
  let flow = 0;
  let lineStart = true;
  const blockColumns: number[] = [];
  for (const token of new Lexer().lex(text)) {
    // The lexer emits marker characters that are not part of the source; they have no width.
    if (token === CST.DOCUMENT || token === CST.SCALAR || token === CST.FLOW_END) continue;
    const type = CST.tokenType(token);
    if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    else if (type === 'doc-start') blockColumns.length = 0;
    else if (
      flow === 0 &&
      (type === 'seq-item-ind' || type === 'explicit-key-ind' || (lineStart && type !== 'space' && type !== 'newline' && type !== 'comment'))
    ) {
      while (blockColumns.length > 0 && blockColumns[blockColumns.length - 1]! > col) blockColumns.pop();
      if (blockColumns[blockColumns.length - 1] !== col) blockColumns.push(col);
    }
    if (flow + blockColumns.length > MAX_NESTING_DEPTH) return offset;
    offset += token.length;
    const newline = token.lastIndexOf('\n');
    if (newline >= 0) {
      col = token.length - newline - 1;
      lineStart = col === 0 || /^[ \t]*$/.test(token.slice(newline + 1));
    } else {
      col += token.length;
      if (type !== 'space') lineStart = false;
    }
  }
  return undefined;
}

/** 1-based line and column (in UTF-16 units, as editors count) of a 0-based offset. */
export function lineColAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

function refuse(message: string, line: number, col: number): { ok: false; problem: TextProblem } {
  return { ok: false, problem: { message, line, col } };
}
