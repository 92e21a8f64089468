/**
 * WeChat reads `aria-role`, `aria-label` and a few ARIA states on its components, but Taro's weapp
 * template only writes out the attributes it knows, so ours were dropped on the way to the WXML.
 * This build plugin adds them to Taro's component table through the plugin API, the way
 * @tarojs/plugin-inject does (`modifyRunnerOpts` → `template.mergeComponents`). In React code the
 * props come from `src/utils/a11y-props` (`aria-role` on weapp, `role` in the browser).
 */
const ARIA = {
  ariaRole: "''",
  ariaLabel: "''",
  ariaChecked: "''",
  ariaSelected: "''",
  ariaDisabled: "''",
  ariaHidden: "''",
}

module.exports = (ctx) => {
  ctx.modifyRunnerOpts(({ opts }) => {
    const template = opts && opts.template
    if (!template || typeof template.mergeComponents !== 'function') return
    template.mergeComponents(ctx, { View: ARIA, Text: ARIA, Image: ARIA, Button: ARIA })
  })
}
