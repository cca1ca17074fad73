import { Box, Text } from 'ink';
import type { Theme } from '../../app/theme.js';
import { pageStart } from './use-list-state.js';

export interface ListProps {
  rows: readonly string[];
  index: number;
  theme: Theme;
  /** Number the rows 1-9 on the page so a numeric keypad can pick them. */
  numbered?: boolean;
}

/** A page of rows with the selected one marked; digits 1-9 pick rows of the page shown. */
export function List({ rows, index, theme, numbered = true }: ListProps) {
  const start = pageStart(index, theme.rows);
  const page = rows.slice(start, start + theme.rows);
  return (
    <Box flexDirection="column">
      {page.map((row, i) => {
        const at = start + i;
        const selected = at === index;
        return (
          <Box key={`${at}:${row}`} marginBottom={theme.gap}>
            <Text
              color={selected ? theme.accent : theme.text}
              bold={theme.bold || selected}
              inverse={selected && theme.name === 'large'}
            >
              {selected ? theme.marker : ' '.repeat(theme.marker.length)}
              {numbered ? `${i + 1}. ` : ''}
              {row}
            </Text>
          </Box>
        );
      })}
      {rows.length > theme.rows ? (
        <Text color={theme.muted}>
          {start + 1}-{start + page.length} / {rows.length}
        </Text>
      ) : null}
    </Box>
  );
}

/** The row a digit picks on the page shown, or undefined. */
export function rowForDigit(digit: string, index: number, rows: number, count: number): number | undefined {
  const d = Number(digit);
  if (!Number.isInteger(d) || d < 1 || d > 9 || d > rows) return undefined;
  const at = pageStart(index, rows) + d - 1;
  return at < count ? at : undefined;
}
