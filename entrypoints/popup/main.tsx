import { render } from 'preact';
import { App, loadPopup } from './App';
import { createPopupServices } from './browser-services';
import './popup.css';

// The benchmark reads these marks: start of script to first content on screen.
performance.mark('popup:start');

// App calls this from an effect, and Preact runs effects after the browser has painted the frame
// that the render produced: by then the claims are on screen.
function painted() {
  performance.mark('popup:painted');
  document.documentElement.dataset.painted = String(performance.now());
}

const root = document.getElementById('app');
if (root) {
  // As the toolbar popup (no ?tab=), opening the library should not leave the popup hanging open.
  const isToolbarPopup = !new URLSearchParams(location.search).has('tab');
  document.documentElement.classList.toggle('as-page', !isToolbarPopup);
  const services = createPopupServices({ onLeave: isToolbarPopup ? () => window.close() : undefined });
  // Asked before the first render, so the tab lookup and the page's answer overlap with it.
  render(<App services={services} firstLoad={loadPopup(services)} onPainted={painted} />, root);
}
