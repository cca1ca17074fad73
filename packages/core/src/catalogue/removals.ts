/**
 * A publish that removes many items (issue 25 "An empty catalogue stops every kiosk"): a weekly import of a
 * truncated or wrong spreadsheet must not quietly take services off every kiosk. A publish that removes more than a
 * share of the published items (default 20%) needs the administrator to confirm the count; a draft with no items is
 * never published.
 */
import { TongbanError } from '../errors/tongban-error.js';

/** The default share of published items a publish may remove without confirming (20%). */
export const DEFAULT_REMOVAL_SHARE = 0.2;

export interface RemovalCheck {
  /** Items of the latest published version. */
  published: number;
  /** Items the draft would remove. */
  removed: number;
  /** Items of the draft. */
  draft: number;
  /** Share (0..1) allowed without confirming. */
  share?: number;
  /** The count the administrator confirmed (--confirm-removals N), if any. */
  confirmed?: number | undefined;
}

/** Throws when the publish may not go ahead as asked; returns whether the removals needed confirming. */
export function checkRemovals(c: RemovalCheck): { needsConfirm: boolean } {
  if (c.draft === 0) {
    throw new TongbanError(
      'catalogue.emptyDraft',
      'the draft has no items: publishing it would empty every kiosk',
      {
        hint: 'import the catalogue file again and check that it lists the items',
      },
    );
  }
  const share = c.share ?? DEFAULT_REMOVAL_SHARE;
  const needsConfirm = c.published > 0 && c.removed / c.published > share;
  if (needsConfirm && c.confirmed !== c.removed) {
    const pct = Math.round((c.removed / c.published) * 100);
    throw new TongbanError(
      'catalogue.removalsUnconfirmed',
      `the draft removes ${c.removed} of ${c.published} published items (${pct}%, more than ${Math.round(share * 100)}%)` +
        (c.confirmed === undefined ? '' : `; --confirm-removals says ${c.confirmed}`),
      {
        where: { field: '--confirm-removals' },
        hint: `see them with \`tongban items diff\`; if they are meant to go, publish with --confirm-removals ${c.removed}`,
      },
    );
  }
  return { needsConfirm };
}
