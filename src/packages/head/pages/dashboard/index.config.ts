export default definePageConfig({
  navigationBarTitleText: '本站人才统计',
  enablePullDownRefresh: true,
})
