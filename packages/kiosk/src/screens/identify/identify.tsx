import { maskIdNumber } from '@tongban/core/identity';
import { Box, Text } from 'ink';
import { useReducer } from 'react';
import { Frame } from '../../app/frame.js';
import { useKeys } from '../../app/key-router.js';
import { isBack, isGlobalKey } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { groupDigits, identifyReducer, initialIdentifyState } from './use-identify-state.js';

/** 身份验证: the card is read by the App (reader loop); here the keypad fallback (issue 5). */
export function IdentifyScreen() {
  const { t, theme, dispatch, devices, state } = useKiosk();
  const [s, act] = useReducer(identifyReducer, initialIdentifyState);
  const readerDown = devices?.status().reader?.state !== 'online';
  useKeys((input, key) => {
    if (key.ctrl || isGlobalKey(input)) return;
    if (key.return) {
      if (s.phase === 'name') {
        dispatch({
          type: 'identified',
          applicant: { idNumber: s.digits, name: s.name.trim() || '自助申请人' },
        });
        return;
      }
      act({ type: 'enter' });
    } else if (key.backspace || key.delete) {
      if (s.digits === '') dispatch({ type: 'back' });
      else act({ type: 'erase' });
    } else if (isBack(input, key) || key.meta) dispatch({ type: 'back' });
    else if (input) act({ type: 'key', input });
  });
  return (
    <Frame title={t('identify.title')} keys={['keys.confirm', 'keys.back']}>
      <Text color={theme.accent} bold>
        {readerDown ? t('identify.readerDown') : t('identify.card')}
      </Text>
      {state.cardTrouble ? (
        <Text color={theme.warn} bold>
          {t(state.cardTrouble === 'refused' ? 'identify.cardRefused' : 'identify.readFailed')}
        </Text>
      ) : null}
      {s.phase === 'number' ? (
        <Box flexDirection="column" marginTop={1}>
          <Text color={theme.text} bold={theme.bold}>
            {t('identify.or')}
          </Text>
          <Text bold inverse>{` ${groupDigits(s.digits).padEnd(20, '_')} `}</Text>
          {s.problem === 'short' ? (
            <Text color={theme.warn}>{t('identify.short', { n: 18 - s.digits.length })}</Text>
          ) : null}
          {s.problem === 'bad' ? <Text color={theme.warn}>{t('identify.bad')}</Text> : null}
        </Box>
      ) : (
        <Box flexDirection="column" marginTop={1}>
          <Text>{maskIdNumber(s.digits)}</Text>
          <Text color={theme.text} bold={theme.bold}>
            {t('identify.name')}
          </Text>
          <Text bold inverse>{` ${s.name.padEnd(12, '_')} `}</Text>
        </Box>
      )}
    </Frame>
  );
}
