export * from './decode.js';
export * from './escpos.js';
export * from './layout.js';
export * from './printer.js';
export * from './status.js';
export * from './text-width.js';
