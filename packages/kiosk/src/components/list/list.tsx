import { Box, Text } from 'ink';
import type { Theme } from '../../app/theme.js';
import type { Translate } from '../../messages/kiosk-messages.js';
import { type ListKey, listKey, MAX_PAGE_ROWS, pageOf, pageStart, rowNumber } from './use-list-state.js';

export interface ListProps {
  rows: readonly string[];
  index: number;
  theme: Theme;
  /** The screen's words, for the paging line. */
  t: Translate;
  /** Number the rows so a numeric keypad can pick them. */
  numbered?: boolean;
}

/**
 * A page of rows with the selected one marked; the digit beside a row picks it, and when there is more than one
 * page the paging keys are said under it: 9 next page, 0 previous (issue 18, the same on every screen).
 */
export function List({ rows, index, theme, t, numbered = true }: ListProps) {
  const per = Math.min(theme.rows, MAX_PAGE_ROWS);
  const start = pageStart(index, per);
  const page = rows.slice(start, start + per);
  const { page: at, pages } = pageOf(index, theme.rows, rows.length);
  return (
    <Box flexDirection="column">
      {page.map((row, i) => {
        const n = start + i;
        const selected = n === index;
        return (
          <Box key={`${n}:${row}`} marginBottom={theme.gap}>
            <Text
              color={selected ? theme.accent : theme.text}
              bold={theme.bold || selected}
              inverse={selected && theme.name === 'large'}
              wrap="truncate-end"
            >
              {selected ? theme.marker : ' '.repeat(theme.marker.length)}
              {numbered ? `${rowNumber(n, per, rows.length)}. ` : ''}
              {row}
            </Text>
          </Box>
        );
      })}
      {pages > 1 ? (
        <Text color={theme.accent} bold={theme.bold}>
          {t('list.page', { page: at, pages, from: start + 1, to: start + page.length, n: rows.length })}
        </Text>
      ) : null}
    </Box>
  );
}

/** The row a digit picks, or undefined (kept for screens that only pick). */
export function rowForDigit(digit: string, index: number, rows: number, count: number): number | undefined {
  const k = listKey(digit, index, rows, count);
  return k && 'pick' in k ? k.pick : undefined;
}

export type { ListKey };
export { listKey };
