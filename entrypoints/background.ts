import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Storage, message validation and fan-out are wired here by utils/db and utils/messaging.
});
