export * from './commands.js';
export * from './list-ports.js';
