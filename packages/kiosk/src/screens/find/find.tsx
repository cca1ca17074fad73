import { displayName, type ServiceItem } from '@tongban/core/catalogue';
import { Box, Text } from 'ink';
import { useMemo, useReducer } from 'react';
import { Frame } from '../../app/frame.js';
import { useKeys } from '../../app/key-router.js';
import { isGlobalKey } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { List, listKey } from '../../components/list/list.js';
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

  useKeys((input, key) => {
    if (key.ctrl || isGlobalKey(input)) return;
    if (key.upArrow) act({ type: 'up' });
    else if (key.downArrow) act({ type: 'down', count: rows.length });
    else if (key.return) {
      // one hit, or a name typed on a keyboard: Enter takes the first hit; a code typed on the keypad with several
      // hits turns to the list, where digits pick
      if (s.typing && (items.length === 1 || /\D/.test(s.query))) pick(s.index);
      else if (s.typing) act({ type: 'toResults' });
      else pick(s.index);
    } else if (key.backspace || key.delete) {
      if (s.query !== '') act({ type: 'erase' });
      else if (s.typing) act({ type: 'leaveCategory' });
      else if (s.category !== undefined) act({ type: 'leaveCategory' });
      else dispatch({ type: 'back' });
    } else if (key.escape || key.meta || input === '-') {
      // Esc never types (a fast Esc + key arrives as meta + key).
      if (s.category !== undefined || s.query !== '' || s.typing) act({ type: 'leaveCategory' });
      else dispatch({ type: 'back' });
    } else if (input === '.' && !s.typing) act({ type: 'startTyping' });
    else if (/^[0-9]$/.test(input) && !s.typing) {
      const k = listKey(input, s.index, theme.rows, rows.length);
      if (k && 'pick' in k) pick(k.pick);
      else if (k) act({ type: 'move', by: k.by, count: rows.length });
      else if (input === '0') {
        if (s.category !== undefined || s.query !== '') act({ type: 'leaveCategory' });
        else dispatch({ type: 'back' });
      }
    } else if (/^[\p{L}\p{N}]+$/u.test(input)) act({ type: 'type', text: input });
  });

  return (
    <Frame
      title={t('find.title')}
      keys={
        s.typing ? ['keys.typeCode', 'keys.confirm', 'keys.back'] : ['keys.pick', 'keys.code', 'keys.back']
      }
    >
      <Text color={theme.text} bold={theme.bold}>
        {s.typing ? t('find.typing') : t('find.search')}{' '}
        <Text inverse>{` ${s.query}${s.typing ? '_' : ''} `}</Text>
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
          <List t={t} rows={rows} index={s.index} theme={theme} />
        )}
      </Box>
    </Frame>
  );
}
