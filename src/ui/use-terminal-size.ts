/**
 * The terminal's size, kept current: the layout is computed from it and redone on every resize.
 * Streams without a size (pipes, test streams) count as 80×24, the smallest size drill supports.
 */
import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

export const MIN_SIZE: TerminalSize = { columns: 60, rows: 16 };

const readSize = (stdout: NodeJS.WriteStream): TerminalSize => ({
  columns: stdout.columns || 80,
  rows: stdout.rows || 24,
});

export function useTerminalSize(onResize?: () => void): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => readSize(stdout));
  useEffect(() => {
    const resized = () => {
      onResize?.();
      setSize(readSize(stdout));
    };
    stdout.on('resize', resized);
    return () => {
      stdout.off('resize', resized);
    };
  }, [stdout, onResize]);
  return size;
}
