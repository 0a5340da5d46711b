import { render } from 'preact';
import { App } from './App';
import { createPopupServices } from './browser-services';
import './popup.css';

// The benchmark reads these marks: start of script to first content on screen.
performance.mark('popup:start');

// The frame with the content is painted after its animation-frame callbacks run; the task queued
// from one of them runs once that frame is out.
function painted() {
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark('popup:painted');
      document.documentElement.dataset.painted = String(performance.now());
    }, 0),
  );
}

const root = document.getElementById('app');
if (root) {
  // As the toolbar popup (no ?tab=), opening the library should not leave the popup hanging open.
  const isToolbarPopup = !new URLSearchParams(location.search).has('tab');
  render(<App services={createPopupServices({ onLeave: isToolbarPopup ? () => window.close() : undefined })} onPainted={painted} />, root);
}
