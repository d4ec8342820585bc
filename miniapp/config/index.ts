import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * The BFF origin the app calls. Every TARO_APP_* value is inlined into the shipped bundle, so only
 * public values belong here — never a key or a secret. Override per build:
 * `TARO_APP_API_BASE=https://api.example.com pnpm build:weapp`. The h5 build is served by the BFF
 * itself under /h5/, so by default it calls its own origin ('') and needs no CORS.
 */
const apiBase = process.env.TARO_APP_API_BASE ?? (process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:3000');

/** `@linli/shared` ships TypeScript source and lives outside src/, so Babel must be told to compile it. */
const sharedSource = path.resolve(__dirname, '../../shared/src');

// https://docs.taro.zone/docs/next/config#defineconfig-辅助函数
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2025-11-22',
    // NutUI is drawn on a 375-wide canvas; everything of ours on 750.
    designWidth(input) {
      const file = typeof input === 'object' ? input.file : undefined;
      return file !== undefined && file.replace(/\\/g, '/').includes('@nutui/') ? 375 : 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // One folder per platform, so a weapp build and an h5 build never overwrite each other.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
    },
    defineConstants: {},
    copy: {
      patterns: [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: false,
    },
    mini: {
      // NutUI's per-component CSS files have no order between them; the warning is noise.
      miniCssExtractPluginOption: { ignoreOrder: true },
      compile: {
        include: [sharedSource],
      },
      postcss: {
        pxtransform: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
        },
      },
    },
    h5: {
      // The BFF serves this build at /h5/ (bff/src/modules/h5); the share landing link is
      // /h5/#/pages/landing/index?s=<id>, so the router stays in hash mode.
      publicPath: '/h5/',
      router: { mode: 'hash' },
      staticDirectory: 'static',
      compile: {
        include: [sharedSource],
      },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
