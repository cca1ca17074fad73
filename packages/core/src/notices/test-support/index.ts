// Sample notices for the tests and benches of the packages that render them (not built into dist).
export * from './samples.js';
