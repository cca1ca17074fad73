import { displayName, type ServiceItem } from '@tongban/core/catalogue';
import { Box, Text, useInput } from 'ink';
import { useMemo, useReducer } from 'react';
import { Frame } from '../../app/frame.js';
import { isDigit, isGlobalKey } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { List, rowForDigit } from '../../components/list/list.js';
import { findMode, findReducer, initialFindState } from './use-find-state.js';

const LIMIT = 40;

/** 查找事项: categories with digits, or type to search; results update on every key (issue 5). */
export function FindScreen() {
  const { t, theme, services, dispatch } = useKiosk();
  const [s, act] = useReducer(findReducer, initialFindState);
  const mode = findMode(s);
  const items: ServiceItem[] = useMemo(() => {
    if (mode === 'search') return services.search(s.query, LIMIT);
    if (mode === 'category') return services.inCategory(s.category ?? '');
    return [];
  }, [services, mode, s.query, s.category]);
  const rows = useMemo(
    () =>
      mode === 'categories' ? services.categories : items.map((i) => `${displayName(i)}  ${i.itemCode}`),
    [mode, services, items],
  );

  const pick = (at: number) => {
    if (mode === 'categories') {
      const c = services.categories[at];
      if (c) act({ type: 'category', name: c });
    } else {
      const item = items[at];
      if (item) dispatch({ type: 'pickItem', item });
    }
  };

  useInput((input, key) => {
    if (key.ctrl || isGlobalKey(input)) return;
    if (key.upArrow) act({ type: 'up' });
    else if (key.downArrow) act({ type: 'down', count: rows.length });
    else if (key.return) pick(s.index);
    else if (key.backspace || key.delete) {
      if (s.query !== '') act({ type: 'erase' });
      else if (s.category !== undefined) act({ type: 'leaveCategory' });
      else dispatch({ type: 'back' });
    } else if (key.escape || input === '-') {
      if (s.category !== undefined || s.query !== '') act({ type: 'leaveCategory' });
      else dispatch({ type: 'back' });
    } else if (isDigit(input) && input !== '0' && mode !== 'search') {
      const at = rowForDigit(input, s.index, theme.rows, rows.length);
      if (at !== undefined) pick(at);
    } else if (/^[\p{L}\p{N}]+$/u.test(input)) act({ type: 'type', text: input });
  });

  return (
    <Frame title={t('find.title')} keys={['keys.move', 'keys.pick', 'keys.confirm', 'keys.back']}>
      <Text color={theme.text} bold={theme.bold}>
        {t('find.search')} <Text inverse>{` ${s.query} `}</Text>
      </Text>
      <Box marginTop={1} flexDirection="column">
        <Text color={theme.muted}>
          {mode === 'categories'
            ? t('find.categories')
            : mode === 'category'
              ? s.category
              : t('find.count', { n: items.length })}
        </Text>
        {rows.length === 0 ? (
          <Text color={theme.warn}>{t('find.none')}</Text>
        ) : (
          <List rows={rows} index={s.index} theme={theme} />
        )}
      </Box>
    </Frame>
  );
}
