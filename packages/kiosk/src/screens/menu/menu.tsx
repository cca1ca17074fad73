import { useReducer } from 'react';
import { Frame } from '../../app/frame.js';
import { useKeys } from '../../app/key-router.js';
import { isDigit } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { List, listKey } from '../../components/list/list.js';
import { listReducer } from '../../components/list/use-list-state.js';
import { MENU } from './menu-entries.js';

export function MenuScreen() {
  const { t, theme, dispatch } = useKiosk();
  const [list, move] = useReducer(listReducer, { index: 0, count: MENU.length });
  const open = (i: number) => {
    const entry = MENU[i];
    if (!entry) return;
    dispatch(entry.screen === 'end' ? { type: 'end' } : { type: 'go', screen: entry.screen });
  };
  useKeys((input, key) => {
    if (key.upArrow) move({ type: 'up' });
    else if (key.downArrow) move({ type: 'down' });
    else if (key.return) open(list.index);
    else if (isDigit(input)) {
      // Backspace and 0 on the first page do nothing here: only 8 (结束并退出) ends the session (issue 18).
      const k = listKey(input, list.index, theme.rows, MENU.length);
      if (k && 'pick' in k) open(k.pick);
      else if (k) move({ type: 'set', index: list.index + k.by });
    }
  });
  return (
    <Frame
      title={t('menu.title')}
      keys={
        theme.rows < MENU.length ? ['keys.pick', 'keys.move', 'keys.confirm'] : ['keys.pick', 'keys.confirm']
      }
    >
      <List t={t} rows={MENU.map((m) => t(m.key))} index={list.index} theme={theme} />
    </Frame>
  );
}
export { MENU } from './menu-entries.js';
