// @tongban/store: the adapters of the Store contract (@tongban/core/store). openStore picks one by flag or
// environment; the kiosk and the CLI open their store through it. Subpaths: ./lowdb, ./postgres (loads pg), ./sync.
export * from './open-store.js';
