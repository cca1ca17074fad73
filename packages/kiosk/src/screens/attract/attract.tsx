import { formatLocalDateTime } from '@tongban/core/messages';
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { useKeys } from '../../app/key-router.js';
import { isGlobalKey } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { MENU } from '../menu/menu-entries.js';

/** Every flow of the menu, listed while the kiosk waits (issue 5). */
const FLOWS = MENU.filter((m) => m.screen !== 'end').map((m) => m.key);

/** 待机页: what the kiosk does, the time and the hall's hours; any key or a card starts (seed 001 4.1.2). */
export function AttractScreen() {
  const { t, theme, state, services, dispatch } = useKiosk();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  useKeys((input, key) => {
    if (isGlobalKey(input) || key.ctrl) return;
    dispatch({ type: 'start' });
  });
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color={theme.accent}>
        {t('app.title')}
      </Text>
      <Text bold>{services.config.hall.name}</Text>
      <Box marginY={1} flexDirection="column">
        <Text color={theme.text} bold={theme.bold}>
          {t('attract.what')}
        </Text>
        {FLOWS.map((k) => (
          <Text key={k} color={theme.text} bold={theme.bold}>
            {'  · '}
            {t(k)}
          </Text>
        ))}
        <Text color={theme.muted}>{t('attract.hours', { hours: services.config.hall.hours })}</Text>
        <Text color={theme.muted}>{t('attract.now', { time: formatLocalDateTime(now, state.locale) })}</Text>
      </Box>
      {state.cardTrouble ? (
        <Text color={theme.warn} bold>
          {t(state.cardTrouble === 'refused' ? 'identify.cardRefused' : 'identify.readFailed')}
        </Text>
      ) : null}
      <Text bold inverse color={theme.accent}>
        {' '}
        {t('attract.start')}{' '}
      </Text>
    </Box>
  );
}
