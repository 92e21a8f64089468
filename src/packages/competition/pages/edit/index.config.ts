export default definePageConfig({
  navigationBarTitleText: '新建赛事',
})
