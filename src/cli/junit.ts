/** JUnit XML for `drill test --reporter junit`: one test case per answers file, as CI systems read it. */

/** One answers file's result, as the reporters show it. */
export interface TestResult {
  readonly name: string;
  /** The scenario's id, the JUnit class name. */
  readonly suite: string;
  readonly status: 'pass' | 'fail' | 'skip';
  /** Failure lines, each `file:line:col: message`; the skip reason for a skip. */
  readonly details: string[];
  /** What happened, for the passing line and the failure's text. */
  readonly summary: string;
  readonly seconds: number;
}

const escapeXml = (text: string): string =>
  // Control characters are not allowed in XML 1.0 at all, even escaped.
  text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

export function junitXml(results: readonly TestResult[]): string {
  const failures = results.filter((r) => r.status === 'fail').length;
  const skipped = results.filter((r) => r.status === 'skip').length;
  const time = results.reduce((sum, r) => sum + r.seconds, 0).toFixed(3);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="drill test" tests="${results.length}" failures="${failures}" skipped="${skipped}" time="${time}">`,
    `  <testsuite name="drill test" tests="${results.length}" failures="${failures}" skipped="${skipped}" errors="0" time="${time}">`,
  ];
  for (const r of results) {
    const open = `    <testcase classname="${escapeXml(r.suite)}" name="${escapeXml(r.name)}" time="${r.seconds.toFixed(3)}"`;
    if (r.status === 'pass') {
      lines.push(`${open}/>`);
    } else if (r.status === 'skip') {
      lines.push(`${open}>`, `      <skipped message="${escapeXml(r.details[0] ?? '')}"/>`, '    </testcase>');
    } else {
      const message = escapeXml(r.details[0] ?? r.summary);
      lines.push(`${open}>`, `      <failure message="${message}">${escapeXml([...r.details, r.summary].join('\n'))}</failure>`, '    </testcase>');
    }
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n') + '\n';
}
