import { render } from 'preact';
import { App } from './App';

const root = document.getElementById('app');
if (root) render(<App />, root);
// The benchmark reads this: script time from navigation to the popup's first render.
performance.mark('eaig-popup-rendered');
