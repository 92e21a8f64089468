export default definePageConfig({
  navigationBarTitleText: '翼展联盟',
  enablePullDownRefresh: true,
})
