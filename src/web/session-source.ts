/**
 * A drill session as the web server reads it. Votes go in through the session like any other
 * input (journaled, replayed on resume), stamped with the wall time they arrived at, and the
 * facilitator's screen is told at once.
 */
import type { DrillSession } from '../session/session.js';
import type { DrillSource } from './server.js';

export function sessionSource(session: DrillSession, wallNow: () => number): DrillSource {
  return {
    get records() {
      return session.records;
    },
    get t() {
      return session.actor.getSnapshot().context.core.t;
    },
    onPublish: (listener) => session.onPublish(listener),
    vote(vote, role) {
      const before = session.records.length;
      session.sendFromOutside({
        type: 'VOTE',
        id: vote.decision,
        option: vote.option,
        name: vote.name,
        confidence: vote.confidence,
        role,
        wall: wallNow(),
      });
      return session.records.length > before;
    },
  };
}
