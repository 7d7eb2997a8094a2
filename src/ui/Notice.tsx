import type { ComponentChildren } from 'preact';

/** A short message about what just happened, announced by screen readers; nothing when empty. */
export function Notice({ children }: { children: ComponentChildren }) {
  if (!children) {
    return null;
  }
  return (
    <p class="notice" role="status">
      {children}
    </p>
  );
}
