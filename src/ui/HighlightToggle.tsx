import type { ComponentChildren } from 'preact';
import { useSettings } from './hooks';

/** The global pause: highlight terms on pages, or nowhere. The popup and options share it. */
export function HighlightToggle({
  class: className,
  children,
}: {
  class: string;
  children: ComponentChildren;
}) {
  const [settings, save] = useSettings();
  return (
    <label class={className}>
      <input
        type="checkbox"
        checked={settings?.enabled ?? false}
        disabled={!settings}
        onChange={(e) => save({ enabled: e.currentTarget.checked })}
      />
      {children}
    </label>
  );
}
