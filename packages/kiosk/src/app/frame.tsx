import { maskIdNumber } from '@tongban/core/identity';
import { displayWidth } from '@tongban/core/text';
import { Box, Text, useStdout } from 'ink';
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
  const { stdout } = useStdout();
  const columns = stdout?.columns ?? 80;
  const heading = `${t('app.title')} · ${title}`;
  // issue 18: at 80 columns the title and the applicant ran into each other; the applicant goes under the title
  // when both do not fit on one line with two blanks between them
  const oneLine = displayWidth(heading) + 2 + displayWidth(who) <= columns - 2;
  return (
    <Box flexDirection="column" paddingX={1}>
      <Box justifyContent="space-between" flexDirection={oneLine ? 'row' : 'column'}>
        <Text bold color={theme.accent} wrap="truncate-end">
          {heading}
        </Text>
        {who ? (
          <Text color={theme.text} bold={theme.bold} wrap="truncate-end">
            {who}
          </Text>
        ) : null}
      </Box>
      <Box flexDirection="column" marginY={1} minHeight={12}>
        {children}
      </Box>
      {state.idleWarning !== undefined ? (
        <Text color={theme.warn} bold inverse>
          {t('idle.warning', { n: state.idleWarning })}
        </Text>
      ) : null}
      <Text color={theme.accent} bold={theme.bold} wrap="wrap">
        {all.map((k) => `[${t(k)}]`).join(' ')}
      </Text>
      {devices?.demo ? <Text color={theme.muted}>{t('keys.demo')}</Text> : null}
      <StatusLine />
    </Box>
  );
}
