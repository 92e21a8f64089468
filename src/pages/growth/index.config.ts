export default definePageConfig({
  navigationBarTitleText: '翼展档案',
  enablePullDownRefresh: true,
})
