import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The console is served by the BFF at /console/ (bff/src/modules/console-app). Asset names carry a
 * hex content hash (`name.<hash>.js`), the one pattern the BFF caches for a year.
 */
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        hashCharacters: 'hex',
        entryFileNames: 'assets/[name].[hash].js',
        chunkFileNames: 'assets/[name].[hash].js',
        assetFileNames: 'assets/[name].[hash][extname]',
        // Libraries change less often than the console: their own files stay cached across deploys.
        // The rest of Ant Design is left to Rollup, so components only the dashboard uses load with it.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/[\\/](echarts|zrender)[\\/]/.test(id)) return 'echarts';
          if (/[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  server: { port: 4160, proxy: { '/api': 'http://127.0.0.1:3000' } },
});
