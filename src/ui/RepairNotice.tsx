import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../i18n/i18n';
import { store } from '../settings/extension-storage';
import type { SettingKey } from '../settings/settings';

/** What each setting is called where the user meets it. */
const SETTING_NAMES: Readonly<Record<SettingKey, MessageKey>> = {
  enabled: 'settingEnabled',
  siteAccess: 'settingSiteAccess',
  density: 'settingDensity',
  everydayWords: 'settingEverydayWords',
  highlightStyle: 'settingHighlightStyle',
  pausedSites: 'settingPausedSites',
  badge: 'settingBadge',
};

/**
 * Tells the user when a stored setting could not be read (a corrupt or outdated value) and was
 * reset to its default, until they acknowledge it: nothing is repaired silently. `onRead`
 * is called once it knows whether there is anything to say.
 */
export function RepairNotice({ onRead }: { onRead?: () => void }) {
  const [repaired, setRepaired] = useState<SettingKey[]>([]);
  useEffect(() => {
    const show = (state: { repairedSettings: SettingKey[] }) => setRepaired(state.repairedSettings);
    store
      .loadLocalState()
      .then(show, () => undefined)
      .finally(() => onRead?.());
    return store.onLocalStateChanged(show);
  }, [onRead]);
  if (!repaired.length) {
    return null;
  }
  const acknowledge = () => {
    setRepaired([]);
    void store.saveLocalState({ repairedSettings: [] }).catch(() => undefined);
  };
  return (
    <div class="repair-notice" role="alert">
      <p>{t('repairNotice', repaired.map((k) => t(SETTING_NAMES[k])).join('; '))}</p>
      <button type="button" onClick={acknowledge}>
        {t('ok')}
      </button>
    </div>
  );
}
