import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { HIGHLIGHT_PAGE_COMMAND } from '../messages/messages';
import { HighlightToggle } from '../ui/HighlightToggle';
import { SiteAccessChooser } from '../ui/SiteAccessChooser';
import { ChosenSites } from './ChosenSites';
import { DensityChoices, EverydayWordChoices, HighlightStyleChoices } from './SettingChoices';

/** The shortcut's current keys, as the browser reports them (the user may have changed them). */
function useShortcut(): string | null {
  const [keys, setKeys] = useState<string | null>(null);
  useEffect(() => {
    browser.commands.getAll().then(
      (all) => setKeys(all.find((c) => c.name === HIGHLIGHT_PAGE_COMMAND)?.shortcut || ''),
      () => setKeys(''),
    );
  }, []);
  return keys;
}

function Options() {
  const shortcut = useShortcut();
  const firefox = navigator.userAgent.includes('Firefox');
  return (
    <main class="page">
      <h1>Ethical AI Glossary options</h1>
      <HighlightToggle class="choice">
        <span>
          <strong>Highlight terms on pages</strong>
          <span class="detail">Off pauses highlighting everywhere, at once.</span>
        </span>
      </HighlightToggle>
      <SiteAccessChooser />
      <ChosenSites />
      <DensityChoices />
      <EverydayWordChoices />
      <HighlightStyleChoices />
      <h2>Keyboard shortcut</h2>
      <p>
        Highlight the page you are on:{' '}
        {shortcut ? <kbd>{shortcut}</kbd> : <span class="muted">no keys set</span>}.{' '}
        {firefox
          ? 'Change it in about:addons: the gear menu, then "Manage Extension Shortcuts".'
          : 'Change it at chrome://extensions/shortcuts.'}
      </p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
