import { EventEmitter } from 'node:events';
import { createElement } from 'react';
import { render } from 'ink';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioFile } from '../src/scenario/compile.js';
import { DrillSession } from '../src/journal/session.js';
import { PlayApp } from '../src/ui/App.js';
import type { TimeSource } from '../src/ui/clock.js';

class Out extends EventEmitter { columns = Number(process.env.COLS ?? 100); rows = Number(process.env.ROWS ?? 30); isTTY = true; bytes = 0; write(s: string) { this.bytes += s.length; return true; } }
class In extends EventEmitter { isTTY = true; data: string | null = null; setRawMode() {} setEncoding() {} resume() {} pause() {} ref() {} unref() {} read() { const d = this.data; this.data = null; return d; } write(d: string) { this.data = d; this.emit('readable'); } }
let now = 0; const timers: { at: number; fn: () => void }[] = [];
const time: TimeSource = { now: () => now, wallNow: () => 1_700_000_000_000 + now, setTimeout: (fn, ms) => { const t = { at: now + ms, fn }; timers.push(t); return t; }, clearTimeout: (h) => { const i = timers.indexOf(h as any); if (i >= 0) timers.splice(i, 1); } };
function advance(ms: number) { const end = now + ms; for (;;) { timers.sort((a, b) => a.at - b.at); const t = timers[0]; if (!t || t.at > end) break; timers.shift(); now = t.at; t.fn(); } now = end; }
const loaded = loadScenarioFile('scenarios/k8s-shrink.yaml'); if (!loaded.ok) throw new Error('load');
const dir = mkdtempSync(join(tmpdir(), 'frame-'));
const session = DrillSession.start({ scenario: loaded.scenario, seed: 's', team: [{ name: 'Alex', role: 'incident-commander' }], mode: 'play', wall: 0 }, join(dir, 'journal.jsonl'), { durable: false });
const out = new Out(); const inp = new In();
let renders = 0; let renderMs = 0;
const inst = render(createElement(PlayApp, { scenario: loaded.scenario, theme: { color: process.env.NOCOL !== '1' }, time, session, startSession: () => session, writeReports: () => [] }), { stdout: out as any, stdin: inp as any, stderr: out as any, exitOnCtrlC: false, patchConsole: false, concurrent: process.env.CONC === '1', maxFps: Number(process.env.FPS ?? 30), onRender: (m) => { renders++; renderMs += m.renderTime; } });
await new Promise((r) => setTimeout(r, 50)); inp.write('\r'); await new Promise((r) => setTimeout(r, 50));
for (const k of ['s','s','s','s','s','s','s']) { inp.write(k); await new Promise((r) => setTimeout(r, 30)); }
await new Promise((r) => setTimeout(r, 100));
renders = 0; renderMs = 0;
const t0 = performance.now(); const c0 = process.cpuUsage();
for (let i = 0; i < 20 * 4; i++) { advance(250); await new Promise((r) => setTimeout(r, 250)); }
await new Promise((r) => setTimeout(r, 100));
const cpu = process.cpuUsage(c0);
console.log(`20 seconds: renders=${renders} renderMs=${renderMs.toFixed(0)} cpu=${((cpu.user + cpu.system) / 1000).toFixed(0)}ms wall=${(performance.now() - t0).toFixed(0)}ms bytes=${out.bytes}`);
inst.unmount();
process.exit(0);
