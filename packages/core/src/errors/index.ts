export * from './tongban-error.js';
