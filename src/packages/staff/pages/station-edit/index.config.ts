export default definePageConfig({
  navigationBarTitleText: '驿站设置',
})
