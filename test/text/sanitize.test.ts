/**
 * Scenario text and typed text never reach the terminal raw: escape sequences and other control
 * characters are shown as visible, harmless pictures (ESC as ␛), line breaks are kept where text
 * may span lines, and tabs are expanded.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visibleControls, visibleLine } from '../../src/text/sanitize.js';

const ESC = '\u001b';

/** Strings rich in controls: C0, DEL, C1, line separators, and ordinary and wide characters. */
const anyText = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 0x9f }), fc.constantFrom(0x2028, 0x2029, 0x1f44d, 0xe9), fc.integer({ min: 0xa0, max: 0x2fff })), { maxLength: 200 })
  .map((codes) => String.fromCodePoint(...codes));

describe('visibleControls', () => {
  it('shows CSI colour and cursor sequences as text instead of running them', () => {
    expect(visibleControls(`${ESC}[31mred${ESC}[0m`)).toBe('␛[31mred␛[0m');
    expect(visibleControls(`${ESC}[2J${ESC}[H`)).toBe('␛[2J␛[H');
  });

  it('defuses OSC 8 links and OSC 52 clipboard writes, with either terminator', () => {
    const link = `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`;
    expect(visibleControls(link)).toBe('␛]8;;https://evil.example␛\\click␛]8;;␛\\');
    expect(visibleControls(`${ESC}]52;c;ZWNobyBoaQ==\u0007`)).toBe('␛]52;c;ZWNobyBoaQ==␇');
  });

  it('makes bells, backspaces, DEL and 8-bit C1 controls visible', () => {
    expect(visibleControls('a\u0007b\bc\u007fd')).toBe('a␇b␈c␡d');
    expect(visibleControls('x\u009b31my')).toBe('x\ufffd31my');
  });

  it('keeps line breaks (CRLF becomes LF) unless asked for one line', () => {
    expect(visibleControls('one\r\ntwo\nthree')).toBe('one\ntwo\nthree');
    expect(visibleControls('one\ntwo', { keepNewlines: false })).toBe('one two');
    expect(visibleControls('a\rb')).toBe('a␍b');
    expect(visibleControls('a\u2028b')).toBe('a\nb');
  });

  it('expands tabs to the given width, or shows them when the width is 0', () => {
    expect(visibleControls('a\tb')).toBe('a  b');
    expect(visibleControls('a\tb', { tabWidth: 8 })).toBe('a        b');
    expect(visibleControls('a\tb', { tabWidth: 0 })).toBe('a␉b');
  });

  it('leaves ordinary text, including emoji and accents, untouched', () => {
    const text = 'Dana: starting the shrink, -20% 👍 déjà vu';
    expect(visibleControls(text)).toBe(text);
  });

  it('never lets a control character through, whatever the input', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        // Only \n may remain among C0/C1 controls, and not even that in one line.
        const block = !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(visibleControls(s, { tabWidth: 2 }));
        const line = !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(visibleLine(s));
        return block && line;
      }),
    );
  });
});

describe('visibleLine', () => {
  it('is one line: breaks become spaces and escapes stay visible', () => {
    expect(visibleLine(`Title\n${ESC}[5mblink`)).toBe('Title ␛[5mblink');
  });
});
