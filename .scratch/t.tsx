import React from 'react';
import { render, Box, Text } from 'ink';
import { EventEmitter } from 'node:events';
const out = new (class extends EventEmitter { columns = 40; rows = 10; isTTY = false; last = ''; write(s: string) { this.last = s; return true; } })();
const items = Array.from({ length: 12 }, (_, i) => i);
const inst = render(
  <Box flexDirection="column" height={8}>
    <Text>HEADER</Text>
    <Box flexDirection="column" flexGrow={1} flexShrink={1} flexBasis={0} overflow="hidden" justifyContent="flex-end">
      {items.map((i) => <Box key={i} flexShrink={0}><Text>line {i}</Text></Box>)}<Box flexShrink={0}><Text>MARKER</Text></Box>
    </Box>
    <Text>FOOTER</Text>
  </Box>, { stdout: out as any, debug: true });
console.log(out.last);
inst.unmount();
