import { sveltekit } from '@sveltejs/kit/vite'
import { defineConfig } from 'vite'

// `npm run dev -w web` serves the app with hot reload; the API (npm start) answers /api and /ws.
const api = 'http://127.0.0.1:8787'

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/ws': { target: api, ws: true },
    },
  },
})
