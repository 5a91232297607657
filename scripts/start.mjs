// `npm start`: serves the demo with Vite's dev server (HTTP Range supported, so the video seeks)
// and opens it in a browser when this machine has a display.
import { spawn } from 'node:child_process';

const args = ['vite', '--config', 'vite.demo.config.ts'];
const hasDisplay = process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (hasDisplay && !process.env.CI) args.push('--open');
const child = spawn('npx', [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
