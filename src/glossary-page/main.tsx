import { render } from 'preact';
import { GlossaryPage } from './GlossaryPage';

const app = document.getElementById('app');
if (app) {
  render(<GlossaryPage />, app);
}
