import type { Case, DeadlineCalendar, Unit } from '@tongban/core/cases';
import { caseHistory, loadCase, noticesDue } from '@tongban/core/cases';
import type { ServiceItem } from '@tongban/core/catalogue';
import { type MessageLocale, messageTemplate } from '@tongban/core/messages';
import {
  type Notice,
  type NoticeRights,
  type NoticeType,
  noticeFileStem,
  noticeFor,
} from '@tongban/core/notices';
import type { Store } from '@tongban/core/store';

/** Which notices to gather: those the steps of the cases called for (seed 000 tables 1-3), filtered. */
export interface CollectNoticesOptions {
  /** Only these cases (render one case); default every case created before `to`. */
  caseIds?: string[];
  /** Issued at or after this instant (UTC ISO-8601). */
  from?: string;
  /** Issued before this instant (half-open period). */
  to?: string;
  types?: readonly NoticeType[];
  /** Only notices issued by this unit. */
  unit?: Unit;
  /** Name printed in the seal area; default the unit's name (综合窗口 ...). */
  issuer?: string | ((unit: Unit) => string);
  /** 经办人; default the person who performed the step. */
  handler?: string;
  phones?: { enquiry?: string; complaint?: string };
  progressQueryBase?: string;
  locale?: MessageLocale;
  /** Rights stated on non-acceptance notices and on denials whose event lacks them (seed 004 8.5.5). */
  rights?: NoticeRights;
}

export interface CollectedNotice {
  notice: Notice;
  /** File name without extension: application number and type, '-2' ... for a later notice of the same type. */
  stem: string;
}

export interface CollectFailure {
  caseId: string;
  type: NoticeType;
  at: string;
  error: string;
}

/** Builds the Notice values (no PDF yet) of the selected cases and period, and the reasons of those that fail. */
export async function collectNotices(
  store: Store,
  calendar: DeadlineCalendar,
  options: CollectNoticesOptions = {},
): Promise<{ notices: CollectedNotice[]; failures: CollectFailure[] }> {
  const ids =
    options.caseIds ??
    (
      await store.findCases({
        ...(options.to ? { createdTo: options.to } : {}),
        ...(options.unit ? { unit: options.unit } : {}),
      })
    ).map((s) => s.caseId);
  const catalogues = new Map<number, readonly ServiceItem[]>();
  const itemOf = async (c: Case): Promise<ServiceItem | undefined> => {
    let items = catalogues.get(c.catalogueVersion);
    if (!items) {
      items = (await store.catalogue(c.catalogueVersion))?.items ?? [];
      catalogues.set(c.catalogueVersion, items);
    }
    return items.find((i) => i.itemCode === c.itemCode);
  };
  const locale = options.locale ?? 'zh-CN';
  const issuerOf = (unit: Unit) =>
    typeof options.issuer === 'function'
      ? options.issuer(unit)
      : (options.issuer ?? messageTemplate(`unit.${unit}`, locale));
  const notices: CollectedNotice[] = [];
  const failures: CollectFailure[] = [];
  for (const id of ids) {
    const c = await loadCase(store, calendar, id);
    const item = await itemOf(c);
    const actors = new Map(caseHistory(c).map((h) => [h.id, h.actor]));
    const seen = new Map<string, number>();
    for (const due of noticesDue(c)) {
      if (options.types && !options.types.includes(due.type)) continue;
      if (options.unit && due.unit !== options.unit) continue;
      if (options.from && due.at < options.from) continue;
      if (options.to && due.at >= options.to) continue;
      try {
        const notice = noticeFor(c, item, due.type, {
          issuer: { unit: due.unit, name: issuerOf(due.unit) },
          handler: options.handler ?? actors.get(due.eventId) ?? '',
          issuedAt: due.at,
          locale,
          ...(options.phones ? { phones: options.phones } : {}),
          ...(options.progressQueryBase ? { progressQueryBase: options.progressQueryBase } : {}),
          ...(options.rights ? { rights: options.rights } : {}),
          ...(due.type === 'supplement' ? { at: due.at } : {}),
        });
        const base = noticeFileStem(notice);
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        notices.push({ notice, stem: n === 1 ? base : `${base}-${n}` });
      } catch (error) {
        failures.push({ caseId: c.id, type: due.type, at: due.at, error: (error as Error).message });
      }
    }
  }
  return { notices, failures };
}
