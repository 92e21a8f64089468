export default definePageConfig({
  navigationBarTitleText: '我的消息中心',
  enablePullDownRefresh: true,
})
