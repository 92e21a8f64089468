import { mergeInternalComponents } from '@tarojs/shared'

/**
 * WeChat reads `aria-role`, `aria-label` and ARIA states on view, text, image and button. The build
 * writes them into the WXML templates (config/weapp-aria.js); Taro's runtime must know them too, or it
 * sends the values under a name the template does not read. Merged at import, before the first page
 * renders (the runtime computes its attribute table once, on first use). Keep this list and the
 * plugin's in step: `npm run weapp:check` verifies the template side.
 */
const ARIA = {
  'aria-role': "''",
  'aria-label': "''",
  'aria-checked': "''",
  'aria-selected': "''",
  'aria-disabled': "''",
  'aria-hidden': "''",
}
mergeInternalComponents({ View: ARIA, Text: ARIA, Image: ARIA, Button: ARIA })

export function installA11yShims(): void {
  // The native components carry their own semantics on the mini-program: nothing to patch.
}
