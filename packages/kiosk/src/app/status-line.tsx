import type { DeviceStatus } from '@tongban/devices';
import { Text } from 'ink';
import { useEffect, useState } from 'react';
import type { Translate } from '../messages/kiosk-messages.js';
import type { KioskServices } from '../services/kiosk-services.js';
import { useKiosk } from './kiosk-context.js';

/** One word for a device's state, for the staff line. */
export function deviceWord(s: DeviceStatus | undefined, t: Translate): string {
  if (!s) return t('device.offline');
  if (s.paper === 'out') return t('device.paperOut');
  if (s.coverOpen) return t('device.coverOpen');
  if (s.state === 'online' && s.paper === 'nearEnd') return t('device.nearEnd');
  return t(`device.${s.state}`);
}

/** The staff's words for a published catalogue the kiosk did not take, or '' (services/kiosk-catalogue.ts). */
export function refusedWords(r: KioskServices['refusedCatalogue'], t: Translate): string {
  if (!r) return '';
  const reason = t(`status.refused.${r.reason}`);
  return ` · ${r.reason === 'none' ? reason : t('status.refused', { version: r.version, reason })}`;
}

/**
 * The device service line for staff: reader, printer, catalogue version, terminal; and a newer catalogue that was
 * refused, with why.
 */
export function StatusLine() {
  const { devices, services, t, theme } = useKiosk();
  const [line, setLine] = useState(() => devices?.status());
  useEffect(() => devices?.onStatus(setLine), [devices]);
  return (
    <Text color={theme.muted} dimColor={theme.name === 'standard'}>
      {t('status.line', {
        reader: deviceWord(line?.reader, t),
        printer: deviceWord(line?.printer, t),
        version: services.catalogueVersion,
        terminal: services.config.terminal.id,
      })}
      {refusedWords(services.refusedCatalogue, t)}
    </Text>
  );
}
