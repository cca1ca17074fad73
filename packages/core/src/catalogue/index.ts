export * from './service-item.js';
