/**
 * The two looks of the kiosk (DESIGN "Conventions": the elderly mode is a second theme, not a second set of
 * screens). A terminal cannot enlarge its font, so the large-text theme uses bold high-contrast text, a blank
 * line between rows, fewer rows a page and a wide selection marker.
 */
import type { ThemeName } from './use-kiosk-state.js';

export interface Theme {
  name: ThemeName;
  /** Colour of headings and the selected row. */
  accent: string;
  /** Normal text; undefined keeps the terminal's own. */
  text: string | undefined;
  muted: string | undefined;
  warn: string;
  ok: string;
  bold: boolean;
  /** Blank lines between list rows. */
  gap: number;
  /** Rows a list shows at once. */
  rows: number;
  marker: string;
}

export const THEMES: Record<ThemeName, Theme> = {
  standard: {
    name: 'standard',
    accent: 'cyan',
    text: undefined,
    muted: 'gray',
    warn: 'yellow',
    ok: 'green',
    bold: false,
    gap: 0,
    rows: 8,
    marker: '› ',
  },
  large: {
    name: 'large',
    accent: 'yellowBright',
    text: 'whiteBright',
    muted: 'whiteBright',
    warn: 'yellowBright',
    ok: 'greenBright',
    bold: true,
    gap: 1,
    rows: 4,
    marker: '▶▶ ',
  },
};
