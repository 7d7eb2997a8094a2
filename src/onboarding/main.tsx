import { render } from 'preact';
import { t } from '../i18n/i18n';
import { SiteAccessChooser } from '../ui/SiteAccessChooser';

function Onboarding() {
  return (
    <main class="page">
      <h1>{t('onboardingTitle')}</h1>
      <p>{t('onboardingIntro')}</p>
      <p>{t('onboardingPrivacy')}</p>
      <SiteAccessChooser />
      <p class="muted">{t('onboardingLater')}</p>
    </main>
  );
}

document.title = t('onboardingTitle');
const root = document.getElementById('app');
if (root) {
  render(<Onboarding />, root);
}
