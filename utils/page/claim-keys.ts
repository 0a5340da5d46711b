/**
 * Keys that open the next / previous claim's card in the page, for readers without a mouse. Matched
 * by physical key (event.code), so keyboard layouts and the characters macOS types with Option do
 * not matter. The popup's help line names them too, so they live apart from the content script.
 */
export const CLAIM_KEYS = {
  next: { code: 'KeyN', label: 'Alt+Shift+N' },
  previous: { code: 'KeyP', label: 'Alt+Shift+P' },
} as const;
