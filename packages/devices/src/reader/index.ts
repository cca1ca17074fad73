export * from './confirmation.js';
export * from './frame.js';
export * from './frame-parser.js';
export * from './reader.js';
export * from './sw3.js';
export * from './text-block.js';
