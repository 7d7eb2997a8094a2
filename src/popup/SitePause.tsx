import { t } from '../i18n/i18n';
import { isPaused } from '../settings/settings';
import { Emphasised } from '../ui/Emphasised';
import { useSettings } from '../ui/hooks';

/**
 * One click turns highlighting off on the current site and back on: every open tab of the
 * site follows at once, and switching off gives each page back exactly its own text.
 */
export function SitePause({ host }: { host: string }) {
  const [settings, save] = useSettings();
  if (!settings) {
    return null;
  }
  const paused = isPaused(settings.pausedSites, host);
  const toggle = () =>
    save({
      pausedSites: paused
        ? settings.pausedSites.filter((site) => !isPaused([site], host))
        : [...settings.pausedSites, host],
    });
  return (
    <label class="switch site-switch">
      <input type="checkbox" checked={!paused} onChange={toggle} />
      <span>
        <Emphasised text={t('popupSiteSwitch', host)} part={host} />
      </span>
    </label>
  );
}
