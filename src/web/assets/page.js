// A participant's page: follows its event stream and shows what the server sends. Every piece
// of text from the drill goes in as text (textContent), never as HTML, so a scenario's <script>
// or <img onerror> shows as characters. No inline script (the page's CSP allows none). A module:
// strict, deferred, and its names stay its own.
const base = location.pathname.replace(/\/+$/, '');
const room = /\/room$/.test(base);
const $ = (id) => document.getElementById(id);
// Control characters (a terminal escape pasted into a scenario) shown as visible symbols, as
// drill's terminal screens show them: ESC as ␛, C1 controls as �.
const visible = (text) =>
  String(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
// Authors wrap prose by hand at their own width; join such lines so that a phone or a projector
// reflows them. The same rule as the facilitator's screen (joinHardWraps in src/ui/wrap.ts): a
// line joins a long one before it unless it starts a message (`Dana:`), an item or a code fence.
const STARTS_ITEM = /^(?:[\p{L}\p{N}#@][^:\n]{0,40}:\s|\s*(?:[-*•]|\d+[.)])\s|\s)/u;
const reflow = (text) => {
  const out = [];
  let fenced = false;
  for (const line of String(text).split('\n')) {
    const prev = out[out.length - 1];
    const fence = line.includes('```');
    const join = !fenced && !fence && prev?.trim() && !prev.includes('```') && line.trim() && prev.length >= 50 && !STARTS_ITEM.test(line);
    if (fence) fenced = !fenced;
    if (join) out[out.length - 1] = `${prev.trimEnd()} ${line.trim()}`;
    else out.push(line);
  }
  return out.join('\n');
};
// Channels whose text is output to be read as laid out (columns, sparklines), in a fixed-width font.
const LAID_OUT = new Set(['terminal', 'dashboard', 'alert', 'page']);
const el = (tag, className, text) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = visible(text);
  return e;
};
const clock = (ms) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  return `T+${h ? `${h}:` : ''}${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
};
const left = (ms) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const PHASES = {
  briefing: 'Briefing: the clock has not started',
  running: 'Live',
  paused: 'Paused',
  debrief: 'The drill is over: debrief',
  finished: 'Finished',
};

if (room) document.body.classList.add('room');
let phase = 'briefing';
let now = 0;
const cards = new Map();
const metricCells = new Map();

function setStatus(text, bad) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('bad', Boolean(bad));
}

function meta(item, tag, rest) {
  const p = el('p', 'meta');
  p.append(el('span', 'time', clock(item.t)), ' ', el('span', 'tag', tag));
  if (rest) p.append(' ', visible(rest));
  return p;
}

function feedItem(className, ...children) {
  const li = el('li', className);
  li.append(...children);
  $('feed').prepend(li);
}

function names(role) {
  return role.players.length ? `${role.title} (${role.players.join(', ')})` : role.title;
}

const RENDER = {
  briefing(item) {
    $('title').textContent = visible(item.title);
    document.title = `${visible(item.title)} · drill`;
    $('who').textContent = visible(item.role ? `Your role: ${names(item.role)}` : 'The room’s view');
    const box = $('briefing');
    box.replaceChildren(el('p', 'text', reflow(item.briefing)));
    if (item.role?.brief)
      box.append(el('h3', '', `Your brief: ${item.role.title}`), el('p', 'text', reflow(item.role.brief)));
    box.append(el('p', 'muted', `Roles: ${item.roles.map(names).join(' · ')}`));
    if (item.facilitator) box.append(el('p', 'muted', `Facilitator: ${item.facilitator}`));
  },
  'clock-started': (item) => feedItem('', meta(item, 'CLOCK', 'The scenario clock started.')),
  inject(item) {
    const from = [item.from, item.title].filter(Boolean).join(' — ');
    const p = meta(item, item.channel.toUpperCase(), from);
    if (item.onlyFor) p.append(' ', el('span', 'own-tag', `for you only (${item.onlyFor})`));
    const body = LAID_OUT.has(item.channel) ? el('pre', item.channel === 'terminal' ? '' : 'wrap', item.text) : el('p', 'text', reflow(item.text));
    feedItem(item.onlyFor ? 'own' : '', p, body);
  },
  hint: (item) => feedItem('hint', meta(item, 'HINT', `about ${item.about}`), el('p', 'text', item.text)),
  'decision-opened'(item) {
    const d = item.decision;
    const who = d.role ? `for ${names(d.role)}` : 'for the team';
    feedItem('decision', meta(item, 'DECISION', `${who}; recorded by ${d.recordedBy}`), el('p', 'text', d.prompt));
  },
  'decision-closed'(item) {
    const what = {
      chosen: `Chosen: ${item.answer}${item.by ? ` (${item.by})` : ''}`,
      'off-script': `Answered: ${item.answer}${item.by ? ` (${item.by})` : ''}`,
      'timed-out': item.answer ? `Time ran out; taken: ${item.answer}` : 'Time ran out.',
      withdrawn: 'No longer asked.',
    }[item.how];
    const children = [meta(item, 'DECIDED', item.prompt), el('p', 'text', what)];
    if (item.why) children.push(el('p', 'muted', `Why: ${item.why}`));
    if (item.votes) {
      const split = item.votes.byOption.map((o) => `${o.votes} for “${o.label}”`).join(', ');
      children.push(el('p', 'muted', `The room’s votes (${item.votes.voters}): ${split}`));
    }
    feedItem('decision', ...children);
  },
  'action-started': (item) => feedItem('', meta(item, 'ACTION', `${item.label}${item.by ? ` (${item.by})` : ''}`)),
  'action-landed': (item) => feedItem('', meta(item, 'DONE', item.label)),
  'option-landed': (item) => feedItem('decision', meta(item, 'TOOK EFFECT', item.prompt), el('p', 'text', item.answer)),
  recredited: (item) =>
    feedItem('', meta(item, 'CREDITED', `${item.about === 'answer' ? 'The answer to: ' : ''}${item.label} — credited to ${item.by ?? 'the team'}`)),
  paused: (item) => feedItem('', meta(item, 'PAUSED', 'Scenario time stopped.')),
  resumed: (item) => feedItem('', meta(item, 'RESUMED', 'Scenario time runs again.')),
  ended(item) {
    feedItem('', meta(item, 'ENDED', 'The drill is over. The debrief begins.'));
    $('questions').replaceChildren(...item.questions.map((q) => el('li', 'text', q)));
    $('debrief-s').hidden = item.questions.length === 0;
  },
  finished(item) {
    feedItem('', meta(item, 'FINISHED', 'The debrief is over; the report is below.'));
    setStatus('The drill is finished; its report is below.');
    loadReport();
  },
};

function loadReport() {
  fetch(`${base}/report`)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
    .then((text) => {
      $('report').textContent = text;
      $('report-s').hidden = false;
    })
    .catch(() => {
      $('report').textContent = 'The report could not be loaded here; ask the facilitator for report.md.';
      $('report-s').hidden = false;
    });
}

function decisionCard(d) {
  const card = el('form', 'decision-card');
  card.noValidate = true;
  const fieldset = el('fieldset');
  fieldset.append(el('legend', '', d.prompt));
  const who = d.role ? `The call of ${names(d.role)}` : 'The team’s call';
  const info = el('p', 'muted', `${who}; ${d.recordedBy} records it. `);
  const timeLeft = el('span', 'left');
  const votes = el('span', 'muted');
  info.append(timeLeft, ' ', votes);
  fieldset.append(info);
  d.options.forEach((o, i) => {
    const label = el('label', 'option');
    const input = el('input');
    input.type = 'radio';
    input.name = `option-${d.id}`;
    input.value = o.id;
    label.append(input, ` ${i + 1}. ${visible(o.label)}`);
    fieldset.append(label);
  });
  const row = el('div', 'row');
  const nameLabel = el('label', '', 'Your name');
  const name = el('input');
  name.type = 'text';
  name.maxLength = 60;
  name.autocomplete = 'name';
  name.value = sessionStorage.getItem('drill-name') || '';
  nameLabel.append(name);
  const confLabel = el('label', '', 'How confident are you?');
  const conf = el('select');
  for (const [value, text] of [
    ['medium', 'Fairly'],
    ['high', 'Very'],
    ['low', 'Not very'],
  ]) {
    const option = el('option', '', text);
    option.value = value;
    conf.append(option);
  }
  confLabel.append(conf);
  row.append(nameLabel, confLabel, el('button', '', 'Vote'));
  const reply = el('p', 'reply');
  reply.setAttribute('role', 'status');
  card.append(fieldset, row, reply);
  card.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = card.querySelector('input[type="radio"]:checked');
    sessionStorage.setItem('drill-name', name.value);
    const vote = { decision: d.id, option: chosen ? chosen.value : '', name: name.value, confidence: conf.value };
    fetch(`${base}/vote`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(vote),
    })
      .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        reply.textContent = ok ? body.ok : body.error;
      })
      .catch(() => {
        reply.textContent = 'The vote did not reach the drill; try again.';
      });
  });
  return { card, timeLeft, votes };
}

function showDecisions(open) {
  const ids = new Set(open.map((d) => d.id));
  for (const [id, c] of cards) {
    if (!ids.has(id)) {
      c.card.remove();
      cards.delete(id);
    }
  }
  for (const d of open) {
    let c = cards.get(d.id);
    if (!c) {
      c = decisionCard(d);
      cards.set(d.id, c);
      $('open').append(c.card);
    }
    if (d.timeoutMs === undefined) c.timeLeft.textContent = 'No time limit.';
    else {
      const ms = d.openedAt + d.timeoutMs - now;
      c.timeLeft.textContent = `${left(ms)} left.`;
      c.timeLeft.classList.toggle('urgent', ms <= 30_000);
    }
    c.votes.textContent = d.votes === 1 ? '1 vote in.' : `${d.votes} votes in.`;
  }
  $('decisions').hidden = open.length === 0;
}

function showMetrics(metrics) {
  for (const m of metrics) {
    let cell = metricCells.get(m.name);
    if (!cell) {
      const box = el('div');
      const dd = el('dd');
      box.append(el('dt', '', m.label), dd);
      $('metrics').append(box);
      cell = dd;
      metricCells.set(m.name, dd);
    }
    const value = typeof m.value === 'number' ? String(m.value) : m.value ? 'yes' : 'no';
    cell.textContent = visible(m.unit ? `${value} ${m.unit}` : value);
  }
  $('metrics-s').hidden = metrics.length === 0;
}

function showState(state) {
  phase = state.phase;
  now = state.t;
  $('clock').textContent = phase === 'briefing' ? PHASES.briefing : `${clock(state.t)} · ${PHASES[phase]}`;
  showDecisions(state.open);
  showMetrics(state.metrics);
}

const stream = new EventSource(`${base}/events`);
let failures = 0;
stream.addEventListener('open', () => {
  failures = 0;
  setStatus('Connected: this page follows the drill live.');
});
stream.addEventListener('change', (event) => {
  const change = JSON.parse(event.data);
  for (const item of change.items) RENDER[item.kind]?.(item);
  showState(change.state);
});
stream.addEventListener('state', (event) => showState(JSON.parse(event.data)));
stream.addEventListener('error', () => {
  failures++;
  if (phase === 'finished' || failures > 30) {
    stream.close();
    setStatus('The drill’s server has stopped; what is on this page stays.', phase !== 'finished');
  } else setStatus('Connection lost; reconnecting (nothing will be missed)…', true);
});
