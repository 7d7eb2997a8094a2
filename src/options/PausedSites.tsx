import { t } from '../i18n/i18n';
import { isPaused } from '../settings/settings';
import { useSettings } from '../ui/hooks';
import { SiteList } from './SiteList';

/** The sites where the user switched highlighting off (from the popup or here), editable. */
export function PausedSites() {
  const [settings, save] = useSettings();
  if (!settings) {
    return null;
  }
  const sites = settings.pausedSites;
  return (
    <SiteList
      id="paused"
      heading={t('pausedHeading')}
      sites={sites}
      empty={t('pausedNone')}
      removeText={t('pausedResume')}
      removeLabel={(host) => t('pausedResumeSite', host)}
      onRemove={(host) => save({ pausedSites: sites.filter((s) => s !== host) })}
      addLabel={t('pausedAddLabel')}
      addText={t('pausedAdd')}
      onAdd={async (host) => {
        if (isPaused(sites, host)) {
          return t('pausedAlready', host);
        }
        save({ pausedSites: [...sites, host] });
        return null;
      }}
    />
  );
}
