/**
 * Text normalisation shared by validation, diffs, the uniformity check and search.
 * NFKC folds full-width ASCII (Ａ１－) to half-width and the ideographic space (U+3000) to a plain space;
 * it leaves CJK ideographs alone.
 */
export function halfWidth(text: string): string {
  return text.normalize('NFKC');
}

/** For comparing names: half-width, lower-case, every kind of white space removed. */
export function normaliseName(text: string): string {
  return halfWidth(text).toLowerCase().replace(/\s+/g, '');
}

/** For comparing free text where spacing is noise: half-width, runs of white space collapsed, trimmed. */
export function normaliseText(text: string): string {
  return halfWidth(text).replace(/\s+/g, ' ').trim();
}

/** The name a person sees: main name, then the sub name when there is one. */
export function displayName(item: { mainName: string; subName?: string }): string {
  return item.subName ? `${item.mainName}（${item.subName}）` : item.mainName;
}
