/**
 * Where the catalogue may mark a material tolerable (容缺): only on a 承诺件 or 联办件 (seed 002 3.5: 对…承诺件, 次要
 * 材料…容缺受理; seed 002 9.3.6), and only a secondary material (seed 004 6.5: 主要材料齐全、次要材料欠缺). A 即办件
 * is decided at once, so a missing material there is a supplement, never a tolerance. Warnings: the catalogue loads,
 * but neither the kiosk nor the window will offer 容缺 on such a material (cases/material-presence.ts).
 */
import { displayName } from './normalise.js';
import type { CatalogueProblem } from './problems.js';
import type { ServiceItem } from './service-item.js';

function warn(
  item: ServiceItem,
  index: number | undefined,
  path: string,
  message: string,
  hint: string,
  clause: string,
): CatalogueProblem {
  const p: CatalogueProblem = {
    severity: 'warning',
    rule: 'material.tolerance',
    itemCode: item.itemCode,
    name: displayName(item),
    path,
    message: `${message} (${clause})`,
    hint,
    clause,
  };
  if (index !== undefined) p.index = index;
  return p;
}

/** Every 容缺 warning of one item's materials, in material order. */
export function toleranceWarnings(item: ServiceItem, index?: number): CatalogueProblem[] {
  const out: CatalogueProblem[] = [];
  item.materials.forEach((m, i) => {
    if (!m.tolerable) return;
    const at = `materials[${i}].tolerable`;
    if (item.caseKind === 'immediate') {
      out.push(
        warn(
          item,
          index,
          at,
          `material “${m.name}” is marked tolerable (可容缺) on a 即办件 (immediate item): 容缺受理 applies to 承诺件 and 联办件 only`,
          'set tolerable to false (a missing material of an immediate item is requested as a supplement), or make the item a promised one',
          'seed 002 3.5; seed 004 6.5',
        ),
      );
    } else if (m.kind !== 'secondary') {
      out.push(
        warn(
          item,
          index,
          at,
          `material “${m.name}” is a key material (主要材料) marked tolerable: 容缺 covers only secondary materials`,
          'set tolerable to false, or kind to secondary if it is not a key material',
          'seed 004 6.5; seed 002 3.5',
        ),
      );
    }
  });
  return out;
}
