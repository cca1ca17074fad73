import { maskIdNumber } from '@tongban/core/identity';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { KioskMessageKey } from '../messages/kiosk-messages.js';
import { useKiosk } from './kiosk-context.js';
import { StatusLine } from './status-line.js';

export interface FrameProps {
  title: string;
  children: ReactNode;
  /** Keys of this screen, shown on screen always (issue 5). */
  keys: KioskMessageKey[];
}

/** Every screen's frame: title and applicant (name and masked ID only), body, keys, device status line. */
export function Frame({ title, children, keys }: FrameProps) {
  const { t, theme, state, devices } = useKiosk();
  const who = state.applicant
    ? t('applicant.line', { name: state.applicant.name, id: maskIdNumber(state.applicant.idNumber) })
    : '';
  const all: KioskMessageKey[] = [...keys, 'keys.large', 'keys.lang'];
  return (
    <Box flexDirection="column" paddingX={1}>
      <Box justifyContent="space-between">
        <Text bold color={theme.accent}>
          {t('app.title')} · {title}
        </Text>
        <Text color={theme.text} bold={theme.bold}>
          {who}
        </Text>
      </Box>
      <Box flexDirection="column" marginY={1} minHeight={12}>
        {children}
      </Box>
      {state.idleWarning !== undefined ? (
        <Text color={theme.warn} bold inverse>
          {t('idle.warning', { n: state.idleWarning })}
        </Text>
      ) : null}
      <Text color={theme.accent} bold={theme.bold}>
        {all.map((k) => `[${t(k)}]`).join(' ')}
      </Text>
      {devices?.demo ? <Text color={theme.muted}>{t('keys.demo')}</Text> : null}
      <StatusLine />
    </Box>
  );
}
