export default definePageConfig({
  navigationBarTitleText: '人才政策',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
