import { getLocale } from '../localization.js';
import { timeParts } from '../model/time.js';

const unitFormats = new Map<string, Intl.NumberFormat[]>();
const listFormats = new Map<string, Intl.ListFormat>();

/**
 * A time as a screen reader should say it, in the interface language, with correct plurals
 * ("1 minute, 5 seconds", "1 хвилина, 5 секунд"). Intl supplies the unit words and plural
 * forms, so no sentence is built by concatenation.
 */
export function spokenTime(seconds: number): string {
  const locale = getLocale();
  let units = unitFormats.get(locale);
  if (!units) {
    units = (['hour', 'minute', 'second'] as const).map(
      (unit) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }),
    );
    unitFormats.set(locale, units);
  }
  let list = listFormats.get(locale);
  if (!list) {
    list = new Intl.ListFormat(locale, { style: 'long', type: 'unit' });
    listFormats.set(locale, list);
  }
  // Before the media starts (a negative offset): the largest unit carries the sign ("-2 seconds").
  const sign = Number.isFinite(seconds) && seconds <= -1 ? -1 : 1;
  const { hours, minutes, seconds: secs } = timeParts(sign * seconds);
  const parts: string[] = [];
  if (hours) parts.push(units[0]!.format(hours));
  if (minutes) parts.push(units[1]!.format(minutes));
  if (secs || parts.length === 0) parts.push(units[2]!.format(secs));
  if (sign < 0) parts[0] = units[hours ? 0 : minutes ? 1 : 2]!.format(-(hours || minutes || secs));
  return list.format(parts);
}
