import { installI18n } from './i18n';

// What the browser gives every extension page and content script, for components under test.
installI18n();
