export default definePageConfig({
  navigationBarTitleText: '填写问卷',
  // A public link's answer page may be shared on (the card carries the same link).
  enableShareAppMessage: true,
})
