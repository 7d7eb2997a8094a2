import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { store } from '../settings/extension-storage';
import { download } from '../ui/download';
import { SettingSwitch } from '../ui/HighlightToggle';
import { saveInTurn } from '../ui/hooks';
import { Notice } from '../ui/Notice';

/**
 * Exactly what the extension stores, shown as stored, with the two things a person may want
 * to do with it: take a copy, or delete it; and the one switch that keeps reading history
 * (where terms were met), off unless the user turns it on. Nothing is sent anywhere.
 */
export function PrivacyPanel() {
  const [data, setData] = useState<{ sync: unknown; local: unknown } | null>(null);
  const [notice, setNotice] = useState('');
  const refresh = useCallback(() => void store.storedData().then(setData, () => setData(null)), []);
  // Live: a setting changed here or anywhere else shows at once.
  useEffect(() => {
    refresh();
    const stops = [store.onSettingsChanged(refresh), store.onLocalStateChanged(refresh)];
    return () => {
      for (const stop of stops) {
        stop();
      }
    };
  }, [refresh]);
  const json = data ? JSON.stringify(data, null, 2) : '';

  const exportData = () => {
    download('ethical-ai-glossary-data.json', 'application/json', json);
    setNotice(t('privacyExported'));
  };
  const deleteData = () => {
    // The background deletes it, after any change already on its way from another tab.
    saveInTurn({ type: 'delete-data' }).then(
      () => {
        setNotice(t('privacyDeleted'));
        refresh();
      },
      () => setNotice(t('privacyCannotDelete')),
    );
  };

  return (
    <section aria-labelledby="privacy-heading" class="privacy">
      <h2 id="privacy-heading">{t('privacyHeading')}</h2>
      <p>{t('privacyText')}</p>
      <SettingSwitch setting="whereMet" class="choice">
        <span>
          <strong>{t('privacyWhereMetLabel')}</strong>
          <span class="detail">{t('privacyWhereMetDetail')}</span>
        </span>
      </SettingSwitch>
      <figure>
        <figcaption>{t('privacyCaption')}</figcaption>
        <pre class="stored">{json}</pre>
      </figure>
      <p class="actions">
        <button type="button" onClick={exportData} disabled={!data}>
          {t('privacyExport')}
        </button>
        <button type="button" onClick={deleteData}>
          {t('privacyDelete')}
        </button>
      </p>
      <Notice>{notice}</Notice>
    </section>
  );
}
