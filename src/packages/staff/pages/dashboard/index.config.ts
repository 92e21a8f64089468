export default definePageConfig({
  navigationBarTitleText: '人才回引看板',
  enablePullDownRefresh: true,
})
