export default definePageConfig({
  navigationBarTitleText: '我填写的报名信息',
  enablePullDownRefresh: true,
})
