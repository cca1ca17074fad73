import { receiptTextLines } from '@tongban/devices';
import { Box, Text, useInput } from 'ink';
import { Frame } from '../../app/frame.js';
import { isGlobalKey } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';

/**
 * 回执: the application number large; the printer's outcome. When the printer fails (paper out, cover open) the
 * receipt is shown here with its QR content and the kiosk says so (issue 5: device trouble never stops the kiosk).
 */
export function ReceiptScreen() {
  const { t, theme, state, dispatch, services } = useKiosk();
  const r = state.receipt;
  useInput((input, key) => {
    if (isGlobalKey(input) || key.ctrl) return;
    if (key.return || input === '0' || key.escape || input === '-') dispatch({ type: 'back' });
  });
  if (!r) return null;
  const print = state.print;
  return (
    <Frame title={t('receipt.title')} keys={['keys.confirm']}>
      <Text bold inverse color={theme.ok}>{` ${t('receipt.number', { n: r.applicationNumber })} `}</Text>
      {print?.kind === 'printing' ? <Text>{t('receipt.printing')}</Text> : null}
      {print?.kind === 'printed' ? (
        <Text color={theme.ok} bold>
          {t('receipt.printed')}
        </Text>
      ) : null}
      {print?.kind === 'failed' ? (
        <Box flexDirection="column">
          <Text color={theme.warn} bold>
            {t('receipt.onScreen', { why: print.why })}
          </Text>
          <Box borderStyle="single" flexDirection="column" paddingX={1}>
            <Text bold>{r.title}</Text>
            {receiptTextLines(r, { paper: services.config.devices.paper, locale: state.locale }).map(
              (l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: receipt lines may repeat; position is their identity
                <Text key={`${i}:${l}`}>{l}</Text>
              ),
            )}
            <Text>QR: {r.qrPayload}</Text>
          </Box>
        </Box>
      ) : null}
    </Frame>
  );
}
