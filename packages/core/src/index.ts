// @tongban/core: the rules of the source documents and the Store contract. Infrastructure lives in packages of
// its own: @tongban/store (adapters), @tongban/pdf, @tongban/archive, @tongban/devices.
export * from './appointments/index.js';
export * from './bundles/index.js';
export * from './calendar/index.js';
export * from './cases/index.js';
export * from './catalogue/index.js';
export * from './complaints/index.js';
export * from './errors/index.js';
export * from './identity/index.js';
export * from './messages/index.js';
export * from './metrics/index.js';
// cases/views.ts declares the same NoticeType union; the notices one is the public one.
export type { NoticeType } from './notices/index.js';
export * from './notices/index.js';
export * from './ratings/index.js';
export * from './receipts/index.js';
export * from './store/index.js';
export * from './text/index.js';
