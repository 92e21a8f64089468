import fs from 'node:fs'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

// https://docs.taro.zone/docs/config
// The shared contract lives outside src/ and is compiled into the app like our own code.
const compile = { include: [path.resolve(__dirname, '..', 'types')] }

const root = path.resolve(__dirname, '..')

/**
 * What only the weapp build needs before it starts. A production build must name its CloudBase
 * environment: `cloud.init` without one falls back to a legacy "default environment" that current
 * WeChat docs no longer promise. And TARO_APP_ID must reach the project DevTools opens (the root):
 * it goes into project.private.config.json (gitignored; DevTools lets it override the committed
 * project.config.json), so a real appid never lands in a commit.
 */
function prepareWeapp() {
  if (process.env.NODE_ENV === 'production' && !process.env.TARO_APP_CLOUD_ENV) {
    // A thrown error would be followed by Taro's misleading "config file not found": say it and stop.
    console.error(
      '\n  ✖ 未设置 TARO_APP_CLOUD_ENV：正式构建小程序必须指定云开发环境 ID。\n' +
        '    TARO_APP_CLOUD_ENV is not set: a production weapp build must name its CloudBase environment:\n' +
        '    TARO_APP_CLOUD_ENV=<env-id> npm run build:weapp   (README, "Build for WeChat")\n',
    )
    process.exit(1)
  }
  const appid = process.env.TARO_APP_ID
  if (!appid) return
  const file = path.join(root, 'project.private.config.json')
  const current: Record<string, unknown> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}
  if (current.appid === appid) return
  const next = { description: 'Private to this machine (gitignored). npm run build:weapp writes appid from TARO_APP_ID.', ...current, appid }
  fs.writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`)
}

export default defineConfig<'webpack5'>(async (merge) => {
  if (process.env.TARO_ENV === 'weapp') prepareWeapp()
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'yizhan-alliance',
    date: '2026-11-27',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // The weapp and H5 builds live side by side: dist/weapp is the miniprogramRoot, dist/h5 is
    // what the local server serves.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // weapp: let aria-role / aria-label reach the WXML, and give every page a root font size that
    // follows the reader's text size and 关怀模式 (see each plugin's header).
    plugins: process.env.TARO_ENV === 'weapp' ? [path.resolve(__dirname, 'weapp-aria.js'), path.resolve(__dirname, 'weapp-text-scale.js')] : [],
    defineConstants: {},
    env: {
      // Required for a production weapp build (prepareWeapp); empty only in development builds.
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    copy: {
      // The sitemap is weapp-only (WeChat search); H5 has no use for it.
      patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile,
      postcss: {
        // rem, not rpx: rpx follows the screen width only; rem follows the page root font size, which
        // config/weapp-text-scale.js sets from the width, the reader's text size and 关怀模式
        // (1 rem = 40 design px, the same as the H5 build, so 100 % looks exactly as rpx did).
        pxtransform: { enable: true, config: { targetUnit: 'rem' } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
