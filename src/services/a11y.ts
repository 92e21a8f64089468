/**
 * On WeChat the native components carry their own semantics, and our `aria-role`/`aria-label`
 * attributes reach the WXML directly (see the H5 twin for why the browser needs more).
 */
export function installA11yShims(): void {
  // Nothing to patch on the mini-program.
}
