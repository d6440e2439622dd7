import { EventEmitter } from 'node:events';
import { createElement as h, useEffect, useState } from 'react';
import { render, Box, Text } from 'ink';
class Out extends EventEmitter { columns = 100; rows = 30; isTTY = true; write(s: string) { return true; } }
function App() { const [n, setN] = useState(0); useEffect(() => { const t = setInterval(() => setN((x) => x + 1), 1000); return () => clearInterval(t); }, []);
  return h(Box, { flexDirection: 'column', height: 29 }, h(Text, null, `T+00:${n}`), ...Array.from({ length: 27 }, (_, i) => h(Text, { key: i, bold: i % 2 === 0, dimColor: i % 3 === 0 }, `line ${i} `.padEnd(90, 'x'))));
}
let renders = 0, ms = 0;
const c0 = process.cpuUsage();
const inst = render(h(App), { stdout: new Out() as any, patchConsole: false, onRender: (m) => { renders++; ms += m.renderTime; } });
await new Promise((r) => setTimeout(r, 20000));
const cpu = process.cpuUsage(c0);
console.log(`baseline 20s: renders=${renders} renderMs=${ms.toFixed(0)} cpu=${((cpu.user + cpu.system) / 1000).toFixed(0)}ms`);
inst.unmount(); process.exit(0);
