export default definePageConfig({
  navigationBarTitleText: '竞赛',
  enablePullDownRefresh: true,
})
