export default definePageConfig({
  navigationBarTitleText: '写通知',
})
