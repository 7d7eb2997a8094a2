import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../i18n/i18n';
import { HighlightToggle, SettingSwitch } from '../ui/HighlightToggle';
import { RepairNotice } from '../ui/RepairNotice';
import { SiteAccessChooser } from '../ui/SiteAccessChooser';
import { ChosenSites } from './ChosenSites';
import { Glossaries } from './Glossaries';
import { NewPerDay } from './NewPerDay';
import { PausedSites } from './PausedSites';
import { PrivacyPanel } from './PrivacyPanel';
import {
  DensityChoices,
  EverydayWordChoices,
  HighlightStyleChoices,
  KnownTermChoices,
} from './SettingChoices';

/** The shortcuts and their current keys, as the browser reports them (the user may change them). */
function useShortcuts(): browser.Commands.Command[] | null {
  const [commands, setCommands] = useState<browser.Commands.Command[] | null>(null);
  useEffect(() => {
    browser.commands.getAll().then(setCommands, () => setCommands([]));
  }, []);
  return commands;
}

function Shortcuts() {
  const commands = useShortcuts();
  const firefox = navigator.userAgent.includes('Firefox');
  if (!commands) {
    return null;
  }
  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('optionsShortcuts')}</h2>
      <ul class="shortcuts">
        {commands.map((c) => (
          <li key={c.name}>
            {c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="muted">{t('optionsNoKeys')}</span>}{' '}
            {/* Chrome gives the toolbar button's own shortcut no description: ours, then. */}
            {c.description || (c.name === '_execute_action' ? t('commandOpenPopup') : c.name)}
          </li>
        ))}
      </ul>
      <p class="muted">
        {t(firefox ? 'optionsShortcutsFirefox' : 'optionsShortcutsChrome')}{' '}
        {t('optionsShortcutsTooltip')}
      </p>
    </section>
  );
}

function Options() {
  return (
    <main class="page">
      <h1>{t('optionsTitle')}</h1>
      <RepairNotice />
      <HighlightToggle class="choice">
        <span>
          <strong>{t('popupHighlightSwitch')}</strong>
          <span class="detail">{t('optionsHighlightDetail')}</span>
        </span>
      </HighlightToggle>
      <SiteAccessChooser />
      <ChosenSites />
      <PausedSites />
      <DensityChoices />
      <EverydayWordChoices />
      <HighlightStyleChoices />
      <KnownTermChoices />
      <NewPerDay />
      <Glossaries />
      <SettingSwitch setting="badge" class="choice badge-switch">
        <span>
          <strong>{t('optionsBadgeLabel')}</strong>
          <span class="detail">{t('optionsBadgeDetail')}</span>
        </span>
      </SettingSwitch>
      <Shortcuts />
      <PrivacyPanel />
    </main>
  );
}

document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) {
  render(<Options />, root);
}
