import { t } from '../i18n/i18n';
import { normaliseHost } from '../settings/hosts';
import { isPaused } from '../settings/settings';
import { Emphasised } from '../ui/Emphasised';
import { useSettings } from '../ui/hooks';
import { Notice } from '../ui/Notice';

/**
 * One click turns highlighting off on the current site and back on: every open tab of the
 * site follows at once, and switching off gives each page back exactly its own text.
 */
export function SitePause({ host }: { host: string }) {
  const [settings, save, problem] = useSettings();
  if (!settings) {
    return null;
  }
  // Stored in its one spelling: "example.com." and "example.com" are one site.
  const site = normaliseHost(host);
  const paused = isPaused(settings.pausedSites, host);
  const toggle = () =>
    save({
      pausedSites: paused
        ? settings.pausedSites.filter((entry) => !isPaused([entry], host))
        : [...settings.pausedSites, site ?? host],
    });
  return (
    <>
      <label class="switch site-switch">
        <input type="checkbox" checked={!paused} disabled={!site && !paused} onChange={toggle} />
        <span>
          <Emphasised text={t('popupSiteSwitch', host)} part={host} />
        </span>
      </label>
      <Notice alert>{site || paused ? problem : t('pauseCannot', host)}</Notice>
    </>
  );
}
