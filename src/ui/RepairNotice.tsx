import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../i18n/i18n';
import { store } from '../settings/extension-storage';
import type { SettingKey } from '../settings/settings';
import type { LocalState } from '../settings/storage';

/** What each setting is called where the user meets it. */
const SETTING_NAMES: Readonly<Record<SettingKey, MessageKey>> = {
  enabled: 'settingEnabled',
  courseTerms: 'settingCourseTerms',
  siteAccess: 'settingSiteAccess',
  density: 'settingDensity',
  everydayWords: 'settingEverydayWords',
  highlightStyle: 'settingHighlightStyle',
  pausedSites: 'settingPausedSites',
  badge: 'settingBadge',
  knownTerms: 'settingKnownTerms',
  whereMet: 'settingWhereMet',
  newPerDay: 'settingNewPerDay',
};

type Lost = Pick<LocalState, 'repairedSettings' | 'droppedSites' | 'droppedProgress'>;
const NOTHING_LOST: Lost = { repairedSettings: [], droppedSites: [], droppedProgress: [] };

/**
 * Tells the user when a stored setting could not be read (a corrupt or outdated value) and was
 * reset to its default, until they acknowledge it: nothing is repaired silently. `onRead`
 * is called once it knows whether there is anything to say.
 */
export function RepairNotice({ onRead }: { onRead?: () => void }) {
  const [state, setState] = useState<Lost>(NOTHING_LOST);
  useEffect(() => {
    const show = ({ repairedSettings, droppedSites, droppedProgress }: LocalState) =>
      setState({ repairedSettings, droppedSites, droppedProgress });
    store
      .loadLocalState()
      .then(show, () => undefined)
      .finally(() => onRead?.());
    return store.onLocalStateChanged(show);
  }, [onRead]);
  const { repairedSettings: repaired, droppedSites: dropped, droppedProgress } = state;
  if (!repaired.length && !dropped.length && !droppedProgress.length) {
    return null;
  }
  const acknowledge = () => {
    const cleared = NOTHING_LOST;
    // Until it is stored, the notice stays: it comes back on the next page if this fails.
    store.saveLocalState(cleared).then(
      () => setState(cleared),
      (error: unknown) => console.warn('Ethical AI Glossary: notice not cleared:', error),
    );
  };
  return (
    <div class="repair-notice" role="alert">
      {repaired.length ? (
        <p>{t('repairNotice', repaired.map((k) => t(SETTING_NAMES[k])).join('; '))}</p>
      ) : null}
      {dropped.length ? <p>{t('droppedSitesNotice', dropped.join(', '))}</p> : null}
      {droppedProgress.length ? (
        <p>{t('droppedProgressNotice', droppedProgress.join('; '))}</p>
      ) : null}
      <button type="button" onClick={acknowledge}>
        {t('ok')}
      </button>
    </div>
  );
}
