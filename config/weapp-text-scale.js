/**
 * The mini-program's text follows the reader's text size and 关怀模式 (see src/utils/text-scale.ts).
 * The styles compile to rem (config/index.ts: pxtransform targetUnit), and WXSS rem is measured
 * against a page's `page-meta` root-font-size, which only a page itself can render. Rather than ask
 * every page (and every future page) to remember it, this build plugin, for the weapp build:
 *  - turns on Taro's page-meta template for every page (`enablePageMeta` in the page config), and
 *  - wraps every page component in `withTextScale` (src/components/text-scale) through the page
 *    loader's `modifyInstantiate` hook, which renders `<PageMeta rootFontSize>` before the page.
 * scripts/weapp-check.mjs checks that every page's WXML carries the page-meta root-font-size.
 */
const path = require('node:path')

const WRAPPER = path.resolve(__dirname, '..', 'src', 'components', 'text-scale')

module.exports = (ctx) => {
  ctx.modifyMiniConfigs(({ configMap }) => {
    for (const config of Object.values(configMap)) {
      const content = config && config.content
      // Pages only: the app config lists pages, components declare `component: true`.
      if (!content || Array.isArray(content.pages) || content.component) continue
      content.enablePageMeta = true
    }
  })

  ctx.modifyWebpackChain(({ chain }) => {
    chain.plugin('miniPlugin').tap((args) => {
      const options = args[0]
      options.loaderMeta = options.loaderMeta || {}
      const previous = options.loaderMeta.modifyInstantiate
      options.loaderMeta.modifyInstantiate = (code, type) => {
        const source = typeof previous === 'function' ? previous(code, type) : code
        if (type !== 'page') return source
        return source.replace(
          /createPageConfig\(component,/,
          `createPageConfig(require(${JSON.stringify(WRAPPER)}).withTextScale(component),`,
        )
      }
      return args
    })
  })
}
