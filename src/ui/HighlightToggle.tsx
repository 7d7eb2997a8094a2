import type { ComponentChildren } from 'preact';
import { useSettings } from './hooks';
import { Notice } from './Notice';

type SwitchKey = 'enabled' | 'badge' | 'whereMet';

/** A yes-or-no setting as a checkbox; every open page and extension page follows a change. */
export function SettingSwitch({
  setting,
  class: className,
  children,
}: {
  setting: SwitchKey;
  class: string;
  children: ComponentChildren;
}) {
  const [settings, save, problem] = useSettings();
  return (
    <>
      <label class={className}>
        <input
          type="checkbox"
          checked={settings?.[setting] ?? false}
          disabled={!settings}
          onChange={(e) => save({ [setting]: e.currentTarget.checked })}
        />
        {children}
      </label>
      <Notice alert>{problem}</Notice>
    </>
  );
}

/** The global pause: highlight terms on pages, or nowhere. The popup and options share it. */
export function HighlightToggle(props: { class: string; children: ComponentChildren }) {
  return <SettingSwitch setting="enabled" {...props} />;
}
