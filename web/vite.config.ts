import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import * as Icons from '@element-plus/icons-vue'
import { fileURLToPath, URL } from 'node:url'

// Element Plus components, their styles and the icons a template names are imported where
// they are used, so the login page does not carry the whole library.
const iconNames = new Set(Object.keys(Icons))
const IconResolver = (name: string) => (iconNames.has(name) ? { name, from: '@element-plus/icons-vue' } : undefined)

export default defineConfig({
  plugins: [
    vue(),
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' }), IconResolver], dts: false }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // Tests read the server's sources (audit codes) from the repository; the dev server does not.
  server: { proxy: { '/api': 'http://127.0.0.1:8080' }, fs: process.env.VITEST ? { allow: ['..'] } : undefined },
  build: {
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Vue, the router, Pinia and vue-i18n are shared by every page; Element Plus and
        // ECharts go into the chunks of the pages that use them.
        manualChunks(id: string) {
          if (/node_modules\/(@vue|vue|vue-router|pinia|vue-i18n|@intlify)\//.test(id)) return 'vue'
        },
      },
    },
  },
  // Component tests load Element Plus (and its CSS) through Vite, not Node.
  test: { environment: 'jsdom', include: ['tests/**/*.test.ts'], server: { deps: { inline: ['element-plus'] } } },
} as any)
