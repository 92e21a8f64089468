/**
 * WeChat reads `aria-role`, `aria-label` and a few ARIA states on its components, but Taro's weapp
 * template only writes out the attributes it knows, so ours were dropped on the way to the WXML.
 * This build plugin adds them to Taro's component table through the plugin API, the way
 * @tarojs/plugin-inject does: `onSetupClose` hands over the platform, whose template merges them.
 * In React code the props come from `src/utils/a11y-props` (`aria-role` on weapp, `role` in the browser).
 */
// Keys are the WXML attribute names as written; Taro's runtime finds them by their camelCase form.
const ARIA = {
  'aria-role': "''",
  'aria-label': "''",
  'aria-checked': "''",
  'aria-selected': "''",
  'aria-disabled': "''",
  'aria-hidden': "''",
}

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      const template = platform && platform.template
      if (!template || typeof template.mergeComponents !== 'function') return
      template.mergeComponents(ctx, { View: ARIA, Text: ARIA, Image: ARIA, Button: ARIA })
    },
  })
}
