// @tongban/devices: GA 467 ID-card reader, ESC/POS receipt printer, common device model, simulators.
export * from './model/index.js';
export * from './printer/index.js';
export * from './reader/index.js';
export * from './sim/index.js';
export * from './tools/index.js';
