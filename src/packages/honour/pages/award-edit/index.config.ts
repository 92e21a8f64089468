export default definePageConfig({
  navigationBarTitleText: '新建奖项',
})
