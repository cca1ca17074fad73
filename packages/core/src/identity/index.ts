export * from './card-rules.js';
export * from './countries.js';
export * from './id-number.js';
export * from './identity-card.js';
export * from './nations.js';
