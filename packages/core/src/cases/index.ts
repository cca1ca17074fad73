export * from './case-event.js';
