import stringWidth from '/work/main/node_modules/string-width/index.js';
const lines = { ascii: 'a'.repeat(100), border: '─'.repeat(100), spark: 'Ready worker nodes   20 nodes ▁▁▁▁████  Nodes launched bu…    0 nodes ▁▁▁▁▁▁▁▁', term: '│ ip-10-42-3-17.ec2.internal     Ready    <none>   41d   v1.27.9-eks-5e0fdde' };
for (const [k, l] of Object.entries(lines)) { const t = performance.now(); for (let i = 0; i < 1000; i++) stringWidth(l + i); console.log(k, ((performance.now() - t)).toFixed(3), 'us/call'); }
