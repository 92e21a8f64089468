export default definePageConfig({
  navigationBarTitleText: '岗位需求',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
})
