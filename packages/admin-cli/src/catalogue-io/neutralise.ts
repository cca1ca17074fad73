/** The formula-injection guard lives in core beside the tabular layout (cell-formula.ts). */
export { looksLikeFormula, neutralise, unneutralise } from '@tongban/core/catalogue';
