export default definePageConfig({
  navigationBarTitleText: '新建创新平台',
})
