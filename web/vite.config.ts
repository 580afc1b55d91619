/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

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
    },
  },
  // src/Northstar.Server/build/WebUi.targets runs this build and ships dist/ as the server's wwwroot/.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
