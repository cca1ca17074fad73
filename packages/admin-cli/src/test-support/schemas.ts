/** zod schemas of the documented `--json` shapes (docs/cli.md), checked by the tests. */
import { z } from 'zod';

export const Problem = z.strictObject({
  severity: z.enum(['error', 'warning']),
  rule: z.string().min(1),
  file: z.string(),
  sheet: z.string().optional(),
  row: z.number().int().min(1).optional(),
  column: z.string().optional(),
  itemCode: z.string().optional(),
  field: z.string().optional(),
  message: z.string().min(1),
  hint: z.string().min(1),
});

const ItemRef = z.strictObject({ key: z.string(), itemCode: z.string(), name: z.string() });

export const ImportResult = z.strictObject({
  file: z.string(),
  format: z.enum(['xlsx', 'csv', 'json']),
  encoding: z.enum(['utf8', 'utf8-bom', 'gbk', 'gb18030']).optional(),
  sheet: z.string().optional(),
  rows: z.number().int(),
  items: z.number().int(),
  valid: z.boolean(),
  dryRun: z.boolean(),
  written: z.boolean(),
  errors: z.number().int(),
  warnings: z.number().int(),
  problems: z.array(Problem),
  changes: z
    .strictObject({
      against: z.string(),
      added: z.array(ItemRef),
      removed: z.array(ItemRef),
      changed: z.array(ItemRef.extend({ fields: z.array(z.string()) })),
      unchanged: z.number().int(),
    })
    .optional(),
  explain: z
    .strictObject({
      headerRows: z.array(z.number().int()),
      titleRows: z.array(z.number().int()),
      columns: z.array(
        z.strictObject({
          column: z.string(),
          index: z.number().int(),
          header: z.string(),
          key: z.string().optional(),
          zh: z.string().optional(),
          unit: z.string().optional(),
          ignored: z.enum(['ownUse', 'unknown', 'superseded', 'repeated']).optional(),
          by: z.string().optional(),
        }),
      ),
      defaults: z.array(z.strictObject({ key: z.string(), zh: z.string(), says: z.string() })),
      noteRows: z.array(z.number().int()),
      itemRows: z.number().int(),
    })
    .optional(),
});

export const ExportResult = z.strictObject({
  catalogue: z.string(),
  file: z.string(),
  format: z.enum(['xlsx', 'csv', 'json']),
  encoding: z.string().optional(),
  items: z.number().int(),
  bytes: z.number().int().positive(),
});

export const ValidateResult = z.strictObject({
  source: z.string(),
  items: z.number().int(),
  valid: z.boolean(),
  errors: z.number().int(),
  warnings: z.number().int(),
  problems: z.array(Problem),
});

const VersionInfo = z.strictObject({
  version: z.number().int().min(1),
  publishedBy: z.string(),
  publishedAt: z.iso.datetime(),
  message: z.string(),
  itemCount: z.number().int(),
});

export const VersionsResult = z.strictObject({
  versions: z.array(VersionInfo),
  draft: z.strictObject({ itemCount: z.number().int() }).nullable(),
});

export const PublishResult = VersionInfo.extend({
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
}).strict();

export const DiffResult = z.strictObject({
  from: z.string(),
  to: z.string(),
  added: z.array(ItemRef),
  removed: z.array(ItemRef),
  changed: z.array(
    z.object({ key: z.string(), itemCode: z.string(), name: z.string(), changes: z.array(z.unknown()) }),
  ),
  unchanged: z.number().int(),
});

export const ListResult = z.strictObject({
  catalogue: z.string(),
  total: z.number().int(),
  items: z.array(
    z.strictObject({
      itemCode: z.string(),
      name: z.string(),
      itemType: z.string(),
      level: z.string(),
      implementingUnit: z.string(),
      windowCategory: z.string(),
      caseKind: z.string(),
      promisedDays: z.number().int(),
      legalDays: z.number().int(),
      modes: z.array(z.string()),
    }),
  ),
});

export const ShowResult = z.strictObject({
  catalogue: z.string(),
  items: z.array(z.object({ itemCode: z.string(), mainName: z.string() }).passthrough()).min(1),
});

export const SearchResult = z.strictObject({
  catalogue: z.string(),
  query: z.string(),
  hits: z.array(
    z.strictObject({
      itemCode: z.string(),
      name: z.string(),
      level: z.string(),
      implementingUnit: z.string(),
      match: z.enum(['exactCode', 'codePrefix', 'namePrefix', 'pinyinPrefix', 'substring']),
    }),
  ),
});

export const UniformityResult = z.strictObject({
  catalogue: z.string(),
  itemCodes: z.number().int(),
  shared: z.number().int(),
  issues: z.array(
    z.object({
      itemCode: z.string(),
      name: z.string(),
      holders: z.number().int(),
      differences: z.array(z.object({ element: z.string(), variants: z.array(z.unknown()) })),
    }),
  ),
});

export const ErrorResult = z.strictObject({
  error: z.strictObject({
    name: z.string(),
    code: z.string(),
    message: z.string(),
    where: z.record(z.string(), z.unknown()).optional(),
    hint: z.string().optional(),
  }),
  exitCode: z.number().int(),
});

export const CalendarShowResult = z.strictObject({
  year: z.number().int(),
  source: z.string(),
  provisional: z.boolean(),
  workingDays: z.number().int(),
  days: z.array(
    z.strictObject({
      date: z.iso.date(),
      weekday: z.string(),
      kind: z.enum(['holiday', 'workday']),
      name: z.string(),
      source: z.enum(['notice', 'rule']),
      rule: z.string().nullable(),
    }),
  ),
});

export const CalendarImportResult = z.strictObject({
  year: z.number().int(),
  source: z.string(),
  file: z.string(),
  replaced: z.boolean(),
  before: z.enum(['provisional', 'official', 'none']),
  holidays: z.number().int(),
  workdays: z.number().int(),
  dryRun: z.boolean(),
  recomputed: z.array(
    z.strictObject({
      caseId: z.string(),
      itemCode: z.string(),
      state: z.string(),
      deadline: z.enum(['dueAt', 'transferDueAt']),
      from: z.iso.datetime().nullable(),
      fromDate: z.iso.date().nullable(),
      fromProvisional: z.boolean(),
      to: z.iso.datetime().nullable(),
      toDate: z.iso.date().nullable(),
      toProvisional: z.boolean(),
      changed: z.boolean(),
    }),
  ),
  changed: z.number().int(),
});

export const CalendarAddDaysResult = z.strictObject({
  start: z.string(),
  startDate: z.iso.date(),
  days: z.number().int(),
  deadline: z.iso.datetime(),
  deadlineDate: z.iso.date(),
  calendarDays: z.number().int(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
});
