export default definePageConfig({
  navigationBarTitleText: '数字背后的成员',
})
