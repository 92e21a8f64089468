export default definePageConfig({
  navigationBarTitleText: '问卷结果',
})
