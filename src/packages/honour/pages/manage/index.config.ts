export default definePageConfig({
  navigationBarTitleText: '评优管理',
})
