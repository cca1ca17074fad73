import { Text } from 'ink';
import { useState } from 'react';
import { Frame } from '../../app/frame.js';
import { useKeys } from '../../app/key-router.js';
import { isBack } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { guideLines } from './guide-lines.js';

/** 办事指南: read, scroll with up/down, Enter to check the materials. */
export function GuideScreen() {
  const { t, theme, state, dispatch } = useKiosk();
  const [top, setTop] = useState(0);
  const item = state.item;
  const lines = item ? guideLines(item, t, state.locale) : [];
  const height = theme.name === 'large' ? 8 : 14;
  useKeys((input, key) => {
    if (key.upArrow) setTop((x) => Math.max(0, x - 1));
    else if (key.downArrow) setTop((x) => Math.min(Math.max(0, lines.length - height), x + 1));
    else if (key.return) dispatch({ type: 'go', screen: 'materials' });
    else if (isBack(input, key)) dispatch({ type: 'back' });
  });
  return (
    <Frame title={t('guide.title')} keys={['keys.move', 'keys.confirm', 'keys.back']}>
      {lines.slice(top, top + height).map((l, i) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of a text, identified by their position
          key={`${top + i}`}
          color={i + top === 0 ? theme.accent : theme.text}
          bold={theme.bold || i + top === 0}
        >
          {l}
        </Text>
      ))}
    </Frame>
  );
}
