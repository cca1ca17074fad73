// @tongban/archive/transfer: 异地代收 transfer bundles (signed BagIt bags of case events and materials) between sites.
export * from './export.js';
export * from './import.js';
