import type { UserConfigExport } from '@tarojs/cli';

/** A module under node_modules/<name>/ (pnpm's .pnpm/<pkg>@<v>/node_modules/<name>/ included). */
const packageDir = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);

/**
 * h5 code splitting. Taro's default splits only the initial chunks, so every lazily loaded page chunk
 * carried its own copy of whatever it imported (NutUI, Taro's components, our own components): the
 * build was ~2.3 MB and each page chunk 250–400 KB. Instead:
 * - `framework`: React and the Taro runtime, which every page needs, in one long-cached initial chunk;
 * - `nutui`: NutUI in one chunk loaded only by the pages that use it (the home page does not);
 * - anything else shared by two or more chunks (other packages, our components and API client) goes
 *   into shared chunks that webpack names by the set of pages using them, so a page loads only those.
 * Subpackage pages stay separate async chunks loaded when first opened. weapp is untouched: Taro
 * splits the mini-program by its own rules (main package vs subpackages).
 */
export default {
  mini: {},
  h5: {
    webpackChain(chain) {
      chain.optimization.splitChunks({
        chunks: 'all',
        hidePathInfo: true,
        minSize: 8000,
        cacheGroups: {
          default: false,
          defaultVendors: false,
          framework: {
            name: 'framework',
            test: packageDir('react|react-dom|scheduler|@tarojs[\\\\/][^\\\\/]+'),
            chunks: 'all',
            priority: 40,
            enforce: true,
          },
          nutui: {
            name: 'nutui',
            test: packageDir('@nutui[\\\\/][^\\\\/]+'),
            chunks: 'async',
            priority: 30,
            enforce: true,
          },
          vendors: {
            test: packageDir('[^\\\\/]+'),
            minChunks: 2,
            priority: 20,
            reuseExistingChunk: true,
          },
          common: {
            minChunks: 2,
            priority: 10,
            reuseExistingChunk: true,
          },
        },
      });
    },
  },
} satisfies UserConfigExport<'webpack5'>;
