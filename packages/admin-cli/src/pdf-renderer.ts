import type { RenderPdf } from '@tongban/archive';

/**
 * The notices' PDF renderer for the bundles `archive create` writes, loaded only when a bundle renders notices
 * (pdfkit and the font stay out of every other command; @tongban/archive itself depends on core alone).
 */
export async function loadPdfRenderer(): Promise<RenderPdf> {
  let mod: { renderNoticePdf?: RenderPdf };
  try {
    mod = await import('@tongban/pdf');
  } catch (err) {
    const { archiveError } = await import('@tongban/archive');
    throw archiveError(
      'pdfUnavailable',
      `the PDF renderer cannot be loaded: ${(err as Error).message}`,
      {},
      'build @tongban/pdf, or pass --no-notices',
    );
  }
  if (typeof mod.renderNoticePdf !== 'function') {
    const { archiveError } = await import('@tongban/archive');
    throw archiveError(
      'pdfUnavailable',
      'the PDF renderer has no renderNoticePdf',
      {},
      'update @tongban/pdf, or pass --no-notices',
    );
  }
  return mod.renderNoticePdf;
}
