export * from './bundle.js';
export * from './combined-materials.js';
