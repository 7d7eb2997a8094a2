import { render } from 'preact';
import { ReviewPage } from './ReviewPage';

const app = document.getElementById('app');
if (app) {
  render(<ReviewPage />, app);
}
