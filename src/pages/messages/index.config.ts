export default definePageConfig({
  navigationBarTitleText: '微信提醒记录',
  enablePullDownRefresh: true,
})
