import { useInput } from 'ink';
import { useReducer } from 'react';
import { Frame } from '../../app/frame.js';
import { isBack, isDigit } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { List, rowForDigit } from '../../components/list/list.js';
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
  useInput((input, key) => {
    if (key.upArrow) move({ type: 'up' });
    else if (key.downArrow) move({ type: 'down' });
    else if (key.return) open(list.index);
    else if (input === '0' || isBack(input, key)) dispatch({ type: 'end' });
    else if (isDigit(input)) {
      const at = rowForDigit(input, list.index, theme.rows, MENU.length);
      if (at !== undefined) open(at);
    }
  });
  return (
    <Frame title={t('menu.title')} keys={['keys.move', 'keys.pick', 'keys.confirm', 'keys.home']}>
      <List rows={MENU.map((m) => t(m.key))} index={list.index} theme={theme} />
    </Frame>
  );
}
export { MENU } from './menu-entries.js';
