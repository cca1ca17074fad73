import type { Appointment } from '@tongban/core/appointments';
import { Box, Text } from 'ink';
import { useCallback, useEffect, useState } from 'react';
import { failureText } from '../../app/failure.js';
import { Frame } from '../../app/frame.js';
import { useKeys } from '../../app/key-router.js';
import { isBack, isDigit } from '../../app/keys.js';
import { useKiosk } from '../../app/kiosk-context.js';
import { List, listKey } from '../../components/list/list.js';
import type { Translate } from '../../messages/kiosk-messages.js';

type Note = { kind: 'cancelled'; id: string } | { kind: 'failed'; why: string };

const STATUS_WORDS: Record<Appointment['status'], [string, string]> = {
  booked: ['已预约', 'booked'],
  cancelled: ['已取消', 'cancelled'],
  done: ['已办理', 'served'],
  noShow: ['未到场', 'no-show'],
};

/** 我的预约: the applicant's bookings; pick one and confirm to cancel it (seed 002 8.2.5). */
export function BookingsScreen() {
  const { t, theme, state, services, dispatch } = useKiosk();
  const desk = services.appointments;
  const idNumber = state.applicant?.idNumber;
  const [list, setList] = useState<Appointment[] | undefined>();
  const [index, setIndex] = useState(0);
  const [confirming, setConfirming] = useState<string | undefined>();
  const [note, setNote] = useState<Note | undefined>();
  const load = useCallback(() => {
    if (idNumber) void desk.of(idNumber).then(setList);
  }, [desk, idNumber]);
  useEffect(load, [load]);

  const cancel = async (id: string) => {
    if (!idNumber) return;
    setConfirming(undefined);
    try {
      await desk.cancel(id, idNumber);
      setNote({ kind: 'cancelled', id });
    } catch (e) {
      setNote({ kind: 'failed', why: failureText(services, t, 'bookings', e) });
    }
    load();
  };
  const ask = (i: number) => {
    const a = list?.[i];
    setIndex(i);
    setNote(undefined);
    if (a?.status === 'booked') setConfirming(a.id);
  };

  useKeys((input, key) => {
    const count = list?.length ?? 0;
    if (confirming) {
      if (key.return) void cancel(confirming);
      else if (isBack(input, key)) setConfirming(undefined);
      return;
    }
    if (key.upArrow) setIndex((i) => Math.max(0, i - 1));
    else if (key.downArrow) setIndex((i) => Math.min(Math.max(0, count - 1), i + 1));
    else if (key.return) ask(index);
    else if (isDigit(input) && listKey(input, index, theme.rows, count)) {
      const k = listKey(input, index, theme.rows, count);
      if (k && 'pick' in k) ask(k.pick);
      else if (k) setIndex((i) => i + k.by);
    } else if (isBack(input, key) || input === '0') dispatch({ type: 'back' });
  });

  return (
    <Frame title={t('bookings.title')} keys={['keys.move', 'keys.pick', 'keys.confirm', 'keys.back']}>
      {list && list.length === 0 ? <Text color={theme.muted}>{t('bookings.none')}</Text> : null}
      {list && list.length > 0 ? (
        <>
          <Text bold={theme.bold}>{t('bookings.prompt')}</Text>
          <List t={t} rows={list.map((a) => bookingRow(a, t, state.locale))} index={index} theme={theme} />
        </>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        {confirming ? (
          <Text bold inverse color={theme.warn}>{` ${t('bookings.confirm', { id: confirming })} `}</Text>
        ) : null}
        {note?.kind === 'cancelled' ? (
          <Text bold color={theme.ok}>
            {t('bookings.cancelled', { id: note.id })}
          </Text>
        ) : null}
        {note?.kind === 'failed' ? (
          <Text color={theme.warn}>{t('bookings.failed', { why: note.why })}</Text>
        ) : null}
      </Box>
    </Frame>
  );
}

function bookingRow(a: Appointment, t: Translate, locale: string): string {
  const status = STATUS_WORDS[a.status][locale === 'en' ? 1 : 0];
  return `${a.id} ${a.day.slice(5)} ${a.slot.start} ${a.itemName ?? a.itemCode} ${t('book.windowName', { w: a.windowId })} ${status}`;
}
