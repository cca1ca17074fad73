/** A sheet of an import file as plain cells, before the row format turns rows into items. */
export type Cell = string | number | boolean | null;

export interface RawSheet {
  name: string;
  /** rows[0] is spreadsheet row 1 (the header row); trailing empty rows removed. */
  rows: Cell[][];
  /** Merged ranges (XLSX), e.g. `A1:H1`: the first cell's value shows across each. */
  merges?: string[];
}
