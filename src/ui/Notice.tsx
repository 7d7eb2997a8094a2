import type { ComponentChildren } from 'preact';

/**
 * A short message about what just happened, announced by screen readers; nothing when empty.
 * `alert` for what went wrong: it is announced at once, interrupting.
 */
export function Notice({ children, alert }: { children: ComponentChildren; alert?: boolean }) {
  if (!children) {
    return null;
  }
  return (
    <p class={alert ? 'notice problem' : 'notice'} role={alert ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
