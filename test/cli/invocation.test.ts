/** The command a printed next step names is the one that works where drill was started from. */
import { describe, expect, it } from 'vitest';
import { drillCommand } from '../../src/cli/invocation.js';

describe('drillCommand', () => {
  it('says npx drill in a clone or a project that depends on it, where drill is not on the PATH', () => {
    expect(drillCommand('/home/a/drill/bin/drill.js', '/home/a/drill')).toBe('npx drill');
    expect(drillCommand('/home/a/game-days/node_modules/drill-gameday/bin/drill.js', '/home/a/game-days')).toBe('npx drill');
  });
  it('says drill when installed globally', () => {
    expect(drillCommand('/usr/lib/node_modules/drill-gameday/bin/drill.js', '/home/a/game-days')).toBe('drill');
  });
  it('says npx drill-gameday when npx fetched it', () => {
    expect(drillCommand('/home/a/.npm/_npx/1a2b/node_modules/drill-gameday/bin/drill.js', '/home/a')).toBe('npx drill-gameday');
  });
});
