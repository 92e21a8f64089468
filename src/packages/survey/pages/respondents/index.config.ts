export default definePageConfig({
  navigationBarTitleText: '未填写名单',
})
