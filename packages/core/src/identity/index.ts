export * from './id-number.js';
export * from './identity-card.js';
export * from './nations.js';
