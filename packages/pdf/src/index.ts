// @tongban/pdf: notices as PDF (pdfkit + Noto Sans SC). A package of its own, depending on @tongban/core alone,
// so that importing core (the kiosk, most CLI commands) never loads pdfkit or the font.

export {
  type CollectedNotice,
  type CollectFailure,
  type CollectNoticesOptions,
  collectNotices,
} from './collect.js';
export { BATCH_INTERRUPT_BUDGET, tuneCompilerForBatch } from './compiler.js';
export { pdfFileId, sha256, type WriteStatus, writeIfChanged } from './files.js';
export {
  defaultFontPaths,
  loadNoticeFonts,
  NOTICE_FONT_FILES,
  NOTICE_FONT_PACKAGE,
  type NoticeFontPaths,
  type NoticeFonts,
} from './font.js';
export { A4, layoutNotice } from './layout.js';
export { breakLines, NO_LINE_END, NO_LINE_START } from './linebreak.js';
export {
  type NoticeFileJob,
  type NoticeFileResult,
  NoticePdfPool,
  type WriteNoticeFilesOptions,
  writeNoticeFiles,
} from './pool.js';
export {
  defaultNoticePdfRenderer,
  NOTICE_PDF_LAYOUT_VERSION,
  type NoticePdfOptions,
  NoticePdfRenderer,
  type PdfAConformance,
  renderNoticePdf,
  renderNoticesPdf,
} from './render.js';
