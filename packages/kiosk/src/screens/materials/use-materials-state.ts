/** Ticking materials: a set of names, toggled by number or by cursor. */
export interface MaterialsState {
  ticked: ReadonlySet<string>;
  index: number;
}

export type MaterialsAction = { type: 'toggle'; name: string } | { type: 'move'; by: number; count: number };

export const initialMaterialsState: MaterialsState = { ticked: new Set(), index: 0 };

export function materialsReducer(s: MaterialsState, a: MaterialsAction): MaterialsState {
  if (a.type === 'move')
    return { ...s, index: Math.min(Math.max(0, a.count - 1), Math.max(0, s.index + a.by)) };
  const ticked = new Set(s.ticked);
  if (ticked.has(a.name)) ticked.delete(a.name);
  else ticked.add(a.name);
  return { ...s, ticked };
}
