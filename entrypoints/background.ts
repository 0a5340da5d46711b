import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../utils/background';

export default defineBackground(() => {
  // The background lives as long as the extension: this signal is never aborted.
  startBackground({ signal: new AbortController().signal });
});
