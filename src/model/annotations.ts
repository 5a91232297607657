export * from './annotations/index.js';
