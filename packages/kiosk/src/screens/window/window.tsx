import { Text, useInput } from 'ink';
import { Frame } from '../../app/frame.js';
import { isGlobalKey } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';

/** Flows not yet on this kiosk (appointments, 一件事, complaints): send the applicant to a window. */
export function WindowScreen() {
  const { t, theme, dispatch } = useKiosk();
  useInput((input, key) => {
    if (!isGlobalKey(input) && !key.ctrl) dispatch({ type: 'back' });
  });
  return (
    <Frame title={t('soon.title')} keys={['keys.back']}>
      <Text bold={theme.bold} color={theme.text}>
        {t('soon.title')}
      </Text>
    </Frame>
  );
}
