import type { ServiceItem } from '@tongban/core/catalogue';
import type { ImportProblem } from './catalogue-io/problem.js';
import { describeImportProblem } from './catalogue-io/problem.js';
import { nameOf } from './catalogue-source.js';

export interface ItemRef {
  key: string;
  itemCode: string;
  name: string;
}

/** What an import changes in the draft: by item key (item code @ level @ implementing unit). */
export interface ImportChanges {
  /** What the file was compared with: "draft", "vN", or "empty". */
  against: string;
  added: ItemRef[];
  removed: ItemRef[];
  /** Changed items with the top-level fields that differ. */
  changed: (ItemRef & { fields: string[] })[];
  unchanged: number;
}

export async function changesAgainst(
  against: string,
  before: readonly ServiceItem[],
  after: readonly ServiceItem[],
): Promise<ImportChanges> {
  const { diffCatalogues, itemKey } = await import('@tongban/core/catalogue');
  const diff = diffCatalogues(before, after);
  const ref = (i: ServiceItem): ItemRef => ({ key: itemKey(i), itemCode: i.itemCode, name: nameOf(i) });
  return {
    against,
    added: diff.added.map(ref),
    removed: diff.removed.map(ref),
    changed: diff.changed.map((c) => ({
      key: c.key,
      itemCode: c.itemCode,
      name: c.name,
      fields: [...new Set(c.changes.map((f) => f.path.replace(/[.[].*$/, '')))],
    })),
    unchanged: diff.unchanged,
  };
}

/** Problem lines for stderr, errors first; at most `max` warnings so that errors stay visible. */
export function problemLines(problems: readonly ImportProblem[], maxWarnings = 50): string[] {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const lines = [...errors, ...warnings.slice(0, maxWarnings)].map(describeImportProblem);
  if (warnings.length > maxWarnings)
    lines.push(`… and ${warnings.length - maxWarnings} more warning(s) (see --json)`);
  return lines;
}

export function changeLines(c: ImportChanges, max = 40): string[] {
  const lines = [
    ...c.added.map((i) => `+ ${i.key} ${i.name}`),
    ...c.removed.map((i) => `- ${i.key} ${i.name}`),
    ...c.changed.map((i) => `~ ${i.key} ${i.name}: ${i.fields.join(', ')}`),
  ];
  const shown = lines.slice(0, max);
  if (lines.length > max)
    shown.push(`… and ${lines.length - max} more (see --json or \`tongban items diff\`)`);
  return shown;
}
