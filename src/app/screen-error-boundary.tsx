import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of a screen that failed, e.g. a lazy chunk that could not be fetched. */
  fallback: ReactNode;
  children: ReactNode;
}

/** Keeps the shell (header, navigation) usable when one screen throws while rendering or loading. */
export class ScreenErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('A screen failed to render', error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
