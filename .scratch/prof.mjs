import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = p.timeDeltas; let total = 0;
const start = Number(process.argv[3] ?? 0) * 1e6; let t = 0;
for (let i = 0; i < p.samples.length; i++) { t += dt[i]; if (t < start) continue; const n = byId.get(p.samples[i]); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-1)[0]}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + dt[i]); total += dt[i]; }
const sorted = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
console.log('total ms', total / 1000);
for (const [k, v] of sorted) console.log((v / 1000).toFixed(1).padStart(8), k);
