import type { ComponentType } from 'react'

/**
 * In the browser the root font size is set by `src/index.html` before the app runs, so a page needs
 * nothing. The mini-program's twin (index.weapp.tsx) gives each page a `page-meta` root font size.
 * Both are .tsx: Taro looks for `index.weapp.<the default's extension>`.
 */
export function withTextScale<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  return Page
}
