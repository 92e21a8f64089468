export default definePageConfig({
  navigationBarTitleText: '翼展驿站',
  enablePullDownRefresh: true,
})
