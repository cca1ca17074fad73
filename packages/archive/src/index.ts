// @tongban/archive: signed BagIt bundles of cases (archive, and transfer under ./transfer), streaming. The notices
// are rendered by the renderer the caller passes (the CLI passes @tongban/pdf's), so pdfkit is loaded only then.
export * from './archive-service.js';
export * from './bag-reader.js';
export * from './bag-writer.js';
export * from './bagit.js';
export * from './case-files.js';
export * from './errors.js';
export * from './extract.js';
export * from './keys.js';
export * from './materials.js';
export * from './metadata.js';
export * from './period.js';
export * from './usability.js';
export * from './verify.js';
