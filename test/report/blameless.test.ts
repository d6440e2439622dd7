/**
 * The blameless language check, rule by rule: sentences that must be flagged and sentences that
 * must not (the talk's own good example among them: "I ran a script, which deleted half the
 * production cluster" is blameless; "A script was run" is not).
 */
import { describe, expect, it } from 'vitest';
import {
  actionWithoutOwner,
  actorlessPassive,
  blamelessReview,
  counterfactual,
  humanErrorAsCause,
  onlyOneCause,
  participantNames,
  personAsSubjectOfFailure,
  singleRootCause,
  sentences,
  vagueAction,
  type SentenceRule,
  type TeamText,
} from '../../src/report/blameless.js';

const team = [{ name: 'Alex' }, { name: 'Julie Chen' }, { name: 'Dana' }];
const ctx = { names: participantNames(team) };
const cause = (text: string): TeamText => ({ kind: 'cause', where: 'cause 1', text });
const action = (text: string, owner?: string): TeamText => ({ kind: 'action', where: 'follow-up 1', text, ...(owner ? { owner } : {}) });
const note = (text: string): TeamText => ({ kind: 'note', where: 'note at T+01:00', text });

function check(rule: SentenceRule, entry: (t: string) => TeamText, flag: string[], pass: string[]) {
  for (const s of flag) expect(rule(s, entry(s), ctx), `should flag: ${s}`).toBeTypeOf('string');
  for (const s of pass) expect(rule(s, entry(s), ctx), `should not flag: ${s}`).toBeUndefined();
}

describe('"human error" given as a cause', () => {
  it('flags human error, carelessness and "mistake by", but not arguments against them', () => {
    check(
      humanErrorAsCause,
      cause,
      ['Human error.', 'The outage was caused by operator error.', 'Carelessness during the shrink.', 'A mistake by the on-call engineer.', 'Dana was careless with the argument.', 'It was a fat-fingered number.'],
      ['Human error is not a root cause.', 'We looked beyond human error at the script itself.', 'The script accepted 20 without asking.', 'Errors from the registry rose to 70%.'],
    );
  });
});

describe('counterfactuals', () => {
  it('flags should/could/would have + participle, "if X had…" and "had we…"', () => {
    check(
      counterfactual,
      note,
      [
        'Dana should have checked the output.',
        "We could've caught it in review.",
        'If Alex had read the new size line, nothing would have broken.',
        'If the team had not trusted the autoscaler, it would be fine.',
        'Had we paged the registry team sooner, the outage would be shorter.',
        'We should have immediately frozen the autoscaler.',
      ],
      [
        'We should add a dry-run flag to scale.sh.',
        'scale.sh should have a --to flag.',
        'The registry could serve 45 pulls per second.',
        'If the registry is saturated, new nodes stay NotReady.',
        'We had no dashboard for registry load.',
        'We have to page the registry team earlier next time.',
        // Counterfactuals about the system describe it; they measure nobody.
        'The herd would not have happened without autoscaling.',
        'Nothing on the ASG caps a scale-out; it would have launched 80 nodes at once.',
        'If the registry had been given a pull-through cache, the nodes would have come up.',
        'Nobody could have known from that dashboard.',
      ],
    );
  });
});

describe('blame aimed at a person', () => {
  it('flags a team member who broke, forgot, missed or failed, who should have, or whose mistake it was; not one who did something, nor their things', () => {
    check(
      personAsSubjectOfFailure,
      note,
      [
        'Alex broke the cluster.',
        'Julie forgot to freeze autoscaling.',
        'Then Julie Chen missed the registry alert.',
        'Dana accidentally ran the wrong command.',
        'Alex failed to notice the size.',
        "Dana didn't check the output.",
        "It was Dana's mistake.",
        'Dana’s silly mistake cost us an hour.',
        'Alex should have noticed the new size.',
        "Julie could've frozen the autoscaler sooner.",
        'That was his mistake, not the script’s.',
      ],
      [
        'I ran scale.sh, which deleted half the production cluster.',
        'Alex ran scale.sh with 20.',
        "Alex's script failed on the third node.",
        'Julie noticed the registry errors first.',
        'The page missed nobody.',
        'Kai forgot the runbook.', // Kai is a scenario character, not on the team
        'alex broke it', // names are matched as written
        "Dana's error message was clear.",
        "Alex's change should have been reviewed by a second pair of eyes.",
        'The script should have asked Dana to confirm.',
      ],
    );
  });

  it('uses full names and first names of the team', () => {
    expect(participantNames(team)).toEqual(['Julie Chen', 'Julie', 'Alex', 'Dana']);
  });
});

describe('actor-less passives in causes', () => {
  it('flags "a script was run" and friends in causes only, unless the actor is given', () => {
    check(
      actorlessPassive,
      cause,
      ['A script was run, which deleted half the production cluster.', 'The node group was accidentally shrunk to 20.', 'Half the cluster was deleted.', 'The autoscaler was not disabled in time.'],
      ['I ran a script, which deleted half the production cluster.', 'A script was run by Dana at 21:40.', 'The registry was overloaded.', 'The cluster was at 20 nodes.'],
    );
    expect(actorlessPassive('A script was run.', note('A script was run.'), ctx)).toBeUndefined();
  });
});

describe('a single root cause', () => {
  it('flags "the root cause", not plural causes nor a denial', () => {
    check(
      singleRootCause,
      cause,
      ['The root cause was scale.sh.', 'Root cause: the autoscaler.', 'This is the root-cause of the outage.'],
      ['There were several root causes.', 'There is no single root cause here.', 'Human error is not a root cause.', 'The causes were the script and the registry.'],
    );
  });

  it('notices when only one cause was named at all', () => {
    expect(onlyOneCause([cause('scale.sh takes a target'), note('n')])?.text).toBe('scale.sh takes a target');
    expect(onlyOneCause([cause('a'), cause('b')])).toBeUndefined();
    expect(onlyOneCause([note('n')])).toBeUndefined();
  });
});

describe('actions', () => {
  it('flags "be more careful" and friends, in actions only', () => {
    check(
      vagueAction,
      (t) => action(t, 'Alex'),
      ['Be more careful with scale.sh.', 'Everyone should pay more attention to the output.', 'Remember to check the new size.', "Don't forget the dry run.", 'Ops must be more vigilant.'],
      ['Make scale.sh ask for confirmation above a 10% change.', 'Add an alert on registry 5xx.', 'Bake the CNI image into the node AMI so nobody has to remember to pre-pull it.'],
    );
    expect(vagueAction('Be more careful.', note('Be more careful.'), ctx)).toBeUndefined();
  });

  it('flags an action with no owner', () => {
    expect(actionWithoutOwner(action('Add a dry run'))).toBeTypeOf('string');
    expect(actionWithoutOwner(action('Add a dry run', '  '))).toBeTypeOf('string');
    expect(actionWithoutOwner(action('Add a dry run', 'Julie'))).toBeUndefined();
    expect(actionWithoutOwner(note('no owner needed'))).toBeUndefined();
  });
});

describe('the review', () => {
  it('splits text into sentences', () => {
    expect(sentences('One. Two? Three!  Four')).toEqual(['One.', 'Two?', 'Three!', 'Four']);
    expect(sentences('scale.sh took 20. It was a target.')).toEqual(['scale.sh took 20.', 'It was a target.']);
  });

  it('quotes each flagged sentence with where it is and why, in entry order', () => {
    const flags = blamelessReview(
      [
        cause('The root cause was human error. Alex should have looked.'),
        note('All fine here.'),
        action('Be more careful'),
      ],
      team,
    );
    expect(flags.map((f) => [f.rule, f.where, f.sentence])).toEqual([
      ['human-error', 'cause 1', 'The root cause was human error.'],
      ['root-cause', 'cause 1', 'The root cause was human error.'],
      ['counterfactual', 'cause 1', 'Alex should have looked.'],
      ['person-failed', 'cause 1', 'Alex should have looked.'],
      ['single-cause', 'cause 1', 'The root cause was human error. Alex should have looked.'],
      ['vague-action', 'follow-up 1', 'Be more careful'],
      ['no-owner', 'follow-up 1', 'Be more careful'],
    ]);
    expect(flags.every((f) => f.why.length > 40)).toBe(true);
  });

  it('flags nothing in a blameless write-up', () => {
    const flags = blamelessReview(
      [
        cause('I ran scale.sh with 20, meaning a 20% shrink; the script read it as a target size.'),
        cause('The autoscaler launched 80 nodes at once and the registry could not serve them.'),
        action('Make scale.sh require --to or --by and confirm changes above 10%', 'Julie Chen'),
      ],
      team,
    );
    expect(flags).toEqual([]);
  });
});
