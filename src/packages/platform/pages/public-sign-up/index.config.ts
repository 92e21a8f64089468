export default definePageConfig({
  navigationBarTitleText: '报名（公众）',
  enablePullDownRefresh: true,
})
