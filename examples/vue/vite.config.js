import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The tags of annotated-transcript are custom elements: Vue leaves them to the browser.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'annotated-transcript' || tag.startsWith('at-') } } })],
});
