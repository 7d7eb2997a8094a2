import { render } from 'preact';
import { SiteAccessChooser } from '../ui/SiteAccessChooser';

function Onboarding() {
  return (
    <main class="page">
      <h1>Welcome to Ethical AI Glossary</h1>
      <p>
        While you read, the extension underlines the terms of the course{' '}
        <em>Ethical AI Practices in AI and Business Customer Relationship Management</em> and
        explains each one when you point at it.
      </p>
      <p>
        To find the terms it has to read the text of the page, inside your browser. It keeps nothing
        you read and sends nothing anywhere: it makes no network requests at all. You decide which
        pages it may read:
      </p>
      <SiteAccessChooser />
      <p class="muted">
        You can change this whenever you like in the extension's options, and your browser's own
        extension settings can always take access away.
      </p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Onboarding />, root);
