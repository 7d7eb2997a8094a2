import { render } from 'preact';
import { t } from '../i18n/i18n';
import { App } from './App';

document.title = t('extensionName');
const root = document.getElementById('app');
if (root) {
  render(<App />, root);
}
// The benchmark reads this: script time from navigation to the popup's first render.
performance.mark('eaig-popup-rendered');
