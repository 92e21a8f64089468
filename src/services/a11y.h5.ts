/**
 * Taro H5 renders `<Button>` as `<taro-button-core>`, a custom element with no button role and no
 * tab stop, and each page as a `.taro_page` scroller that a keyboard cannot reach. Screen readers then
 * announce 立即报名 or 通过 as plain text and keyboard users cannot press them. We patch the rendered
 * DOM once, for every page, rather than in each of the app's 80 buttons.
 */
const CONTROL_ROLES = 'taro-view-core[role=checkbox], taro-view-core[role=radio], taro-view-core[role=tab], taro-view-core[role=button], taro-view-core[role=link]'

export function installA11yShims(): void {
  if (typeof document === 'undefined') return
  const patch = (): void => {
    document.querySelectorAll('taro-button-core').forEach((el) => {
      if (el.getAttribute('role') !== 'button') el.setAttribute('role', 'button')
      const disabled = el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false'
      const tabindex = disabled ? '-1' : '0'
      if (el.getAttribute('tabindex') !== tabindex) el.setAttribute('tabindex', tabindex)
      if (el.getAttribute('aria-disabled') !== String(disabled)) el.setAttribute('aria-disabled', String(disabled))
    })
    // Our chips, tabs and choices carry a role (checkbox, radio, tab) on a plain element: give each a tab stop.
    document.querySelectorAll(CONTROL_ROLES).forEach((el) => {
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
    })
    document.querySelectorAll('.taro_page:not([tabindex])').forEach((el) => el.setAttribute('tabindex', '0'))
  }
  let queued = false
  const schedule = (): void => {
    if (queued) return
    queued = true
    requestAnimationFrame(() => {
      queued = false
      patch()
    })
  }
  new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] })
  patch()
  // Enter and Space press a focused button or choice, as they would a native one.
  document.addEventListener('keydown', (event) => {
    // A Pressable answers its own keys (press-props.h5.ts) and prevents the default: pressing it twice would repeat it.
    if (event.defaultPrevented) return
    const target = event.target as HTMLElement | null
    if (!target || target.getAttribute('aria-disabled') === 'true') return
    if (target.tagName !== 'TARO-BUTTON-CORE' && !target.matches(CONTROL_ROLES)) return
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      target.click()
    }
  })
}
