import Taro from '@tarojs/taro'

/**
 * Brings an element of the current page into view (the first invalid input after a submit).
 * Taro's H5 pageScrollTo measures against the wrong ancestor, so the browser does it itself.
 */
export function scrollToElement(id: string): void {
  if (process.env.TARO_ENV === 'h5') {
    const el = document.querySelector(`.taro_page_show #${id}`) ?? document.getElementById(id)
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    return
  }
  void Taro.pageScrollTo({ selector: `#${id}`, duration: 200 }).catch(() => undefined)
}
