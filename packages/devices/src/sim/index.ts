export * from './card-fixtures.js';
export * from './device-end.js';
export * from './printer-sim.js';
export * from './reader-sim.js';
