import { promisedDueText, RECEIPT_LABELS } from '@tongban/core/receipts';
import { receiptTextLines } from '@tongban/devices';
import { Box, Text } from 'ink';
import { useState } from 'react';
import { Frame } from '../../app/frame.js';
import { useKeys } from '../../app/key-router.js';
import { isGlobalKey } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { Qr } from '../../components/qr/qr.js';
import type { KioskMessageKey } from '../../messages/kiosk-messages.js';

/** Receipt lines shown at once on screen (80x24 leaves room for about this many beside the QR). */
export const RECEIPT_WINDOW = 11;

const WORDS: Record<'case' | 'bundle' | 'appointment', { title: KioskMessageKey; number: KioskMessageKey }> =
  {
    case: { title: 'receipt.title', number: 'receipt.number' },
    bundle: { title: 'receipt.bundle', number: 'receipt.bundleNumber' },
    appointment: { title: 'receipt.appointment', number: 'receipt.appointmentNumber' },
  };

/**
 * 回执: the number large, the printer's outcome and a QR for the progress query drawn on screen (issue 5). When the
 * printer fails (paper out, cover open) the whole receipt is shown here beside its QR and the kiosk says so; long
 * receipts (a 一件事 with many cases) scroll with ↑↓. Works in 80x24.
 */
export function ReceiptScreen() {
  const { t, theme, state, dispatch, services } = useKiosk();
  const r = state.receipt;
  const of = state.receiptOf ?? 'case';
  const [offset, setOffset] = useState(0);
  const print = state.print;
  const lines = r ? [r.title, ...receiptTextLines(r, { paper: 58, locale: state.locale }), ...r.notes] : [];
  const scrolls = print?.kind === 'failed' && lines.length > RECEIPT_WINDOW;
  useKeys((input, key) => {
    if (isGlobalKey(input) || key.ctrl) return;
    if (key.upArrow) setOffset((o) => Math.max(0, o - 1));
    else if (key.downArrow) setOffset((o) => Math.min(Math.max(0, lines.length - RECEIPT_WINDOW), o + 1));
    // issue 18: the keypad scrolls with the paging keys of every list, 9 on and 0 back
    else if (input === '9' && scrolls)
      setOffset((o) => Math.min(Math.max(0, lines.length - RECEIPT_WINDOW), o + RECEIPT_WINDOW - 1));
    else if (input === '0' && scrolls) setOffset((o) => Math.max(0, o - (RECEIPT_WINDOW - 1)));
    else if (key.return || key.escape || key.backspace || key.delete || input === '-')
      dispatch({ type: 'back' });
  });
  if (!r) return null;
  const words = WORDS[of];
  const promised = of === 'appointment' ? undefined : promisedDueText(r, state.locale);
  return (
    <Frame title={t(words.title)} keys={scrolls ? ['keys.scroll', 'keys.confirm'] : ['keys.confirm']}>
      <Box>
        <Box flexDirection="column" flexGrow={1} marginRight={2}>
          <Text bold inverse color={theme.ok}>{` ${t(words.number, { n: r.applicationNumber })} `}</Text>
          {of !== 'appointment' && services.pendingSync(r.applicationNumber) ? (
            <Text color={theme.warn}>{t('receipt.willSync')}</Text>
          ) : null}
          {print?.kind === 'printing' ? <Text>{t('receipt.printing')}</Text> : null}
          {print?.kind === 'printed' ? (
            <Text color={theme.ok} bold>
              {t('receipt.printed')}
            </Text>
          ) : null}
          {print?.kind !== 'failed' ? (
            <>
              <Text bold={theme.bold}>{r.itemName}</Text>
              {promised ? (
                <Text bold={theme.bold} color={r.promisedDueProvisional ? theme.warn : theme.text}>
                  {r.promisedDueProvisional
                    ? promised
                    : `${RECEIPT_LABELS[state.locale].promisedDueDate}：${promised}`}
                </Text>
              ) : null}
              {of === 'bundle' ? <Text>{t('receipt.cases', { n: r.lines.length })}</Text> : null}
              {r.lines.map((l) => (
                <Text key={`${l.label}:${l.value}`} color={theme.text} bold={theme.bold}>
                  {of === 'bundle' ? `${l.value}  ${l.label}` : `${l.label}：${l.value}`}
                </Text>
              ))}
            </>
          ) : (
            <>
              <Text color={theme.warn} bold>
                {t('receipt.onScreen', { why: print.why })}
              </Text>
              <Box borderStyle="single" flexDirection="column" paddingX={1} width={36}>
                {lines.slice(offset, offset + RECEIPT_WINDOW).map((l, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: receipt lines may repeat; position is their identity
                  <Text key={`${offset + i}:${l}`} bold={offset + i === 0}>
                    {l}
                  </Text>
                ))}
              </Box>
              {scrolls ? (
                <Text color={theme.muted}>
                  {t('receipt.more')} {offset + 1}-{Math.min(lines.length, offset + RECEIPT_WINDOW)}/
                  {lines.length}
                </Text>
              ) : null}
            </>
          )}
        </Box>
        <Qr
          payload={r.qrPayload}
          caption={t(of === 'appointment' ? 'receipt.scanAppointment' : 'receipt.scan')}
        />
      </Box>
    </Frame>
  );
}
