/**
 * A bug in a view must not print Ink's error overview (a stack trace across the team's screen).
 * This boundary ends the screen with the error instead: `drill play` then restores the terminal,
 * closes the journal (everything recorded is in it) and reports one line.
 */
import { Component, type ReactNode } from 'react';
import { Text } from 'ink';

interface Props {
  readonly onError: (error: Error) => void;
  readonly children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error): void {
    this.props.onError(error);
  }

  override render(): ReactNode {
    return this.state.failed ? <Text>drill play stopped on an internal error; the journal is saved.</Text> : this.props.children;
  }
}
