export * from './catalogue.js';
export * from './format.js';
