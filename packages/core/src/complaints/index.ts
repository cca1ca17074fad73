// 投诉: form of seed 002 10.2, steps received → investigating → resolved → replied, 5 working days (seed 000 7.2).
export * from './complaint.js';
export * from './complaint-number.js';
export * from './messages.js';
export * from './service.js';
