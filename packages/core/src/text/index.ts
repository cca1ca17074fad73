export * from './width.js';
