export default definePageConfig({
  navigationBarTitleText: '示例登录',
})
