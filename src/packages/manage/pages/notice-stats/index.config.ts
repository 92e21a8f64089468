export default definePageConfig({
  navigationBarTitleText: '送达情况',
  enablePullDownRefresh: true,
})
