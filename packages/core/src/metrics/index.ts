// Metrics of the hall, each with its formula as data (seed 000 7.1; seed 002 12.3.4; seed 004 11.3.4).
export * from './compute.js';
export * from './definitions.js';
export * from './ledger.js';
export * from './service.js';
