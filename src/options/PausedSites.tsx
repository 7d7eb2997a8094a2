import { t } from '../i18n/i18n';
import { isPaused, pausedSitesRoom } from '../settings/settings';
import { useSettings } from '../ui/hooks';
import { SiteList } from './SiteList';

/** Below this many sites of room left, the page says how many more the list holds. */
const ROOM_WARNING = 50;

/** The sites where the user switched highlighting off (from the popup or here), editable. */
export function PausedSites() {
  const [settings, save] = useSettings();
  if (!settings) {
    return null;
  }
  const sites = settings.pausedSites;
  const room = pausedSitesRoom(sites);
  return (
    <SiteList
      id="paused"
      heading={t('pausedHeading')}
      sites={sites}
      empty={t('pausedNone')}
      removeText={t('pausedResume')}
      removeLabel={(host) => t('pausedResumeSite', host)}
      onRemove={(host) => save({ pausedSites: sites.filter((s) => s !== host) })}
      footnote={room < ROOM_WARNING ? t('pausedRoom', String(room)) : ''}
      addLabel={t('pausedAddLabel')}
      addText={t('pausedAdd')}
      onAdd={async (host) => {
        if (isPaused(sites, host)) {
          return t('pausedAlready', host);
        }
        return save({ pausedSites: [...sites, host] });
      }}
    />
  );
}
