export default definePageConfig({
  navigationBarTitleText: '我的问卷',
  enablePullDownRefresh: true,
})
