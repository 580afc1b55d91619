/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

// `npm run dev` serves the UI with hot reload and forwards API calls to the .NET server
// (`dotnet run --project src/Northstar.Server`); NORTHSTAR_API points elsewhere when needed.
const apiTarget = process.env['NORTHSTAR_API'] ?? 'http://localhost:5080';

export default defineConfig({
  plugins: [vue()],
  server: {
    proxy: {
      '/api': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
      '/openapi': apiTarget,
      '/hubs': { target: apiTarget, ws: true },
    },
  },
  // src/Northstar.Server/build/WebUi.targets runs this build and ships dist/ as the server's wwwroot/.
  // Two pages: the app (index.html) and the browsable API reference (api-docs/index.html).
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Swagger UI is one large bundle by design; it loads only on the API page.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      input: {
        app: fileURLToPath(new URL('./index.html', import.meta.url)),
        apiDocs: fileURLToPath(new URL('./api-docs/index.html', import.meta.url)),
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
