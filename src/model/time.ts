/**
 * Time helpers: display strings ("1:02:03"), parts for spoken phrases, and a tolerant
 * parser for the time strings people write ("90", "1:30", "1m30s").
 * Pure; never throws.
 */

export interface TimeParts {
  hours: number;
  minutes: number;
  seconds: number;
}

/**
 * Whole hours, minutes and seconds of `seconds` (floored). Negative, NaN or infinite
 * input gives all zeros. The component builds a localised phrase ("1 minute 5 seconds") from these.
 */
export function timeParts(seconds: number): TimeParts {
  const total = typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  return {
    hours: Math.floor(total / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

export interface FormatTimestampOptions {
  /** Always show the hours field ("0:01:05"), e.g. to align a column in a long transcript. */
  forceHours?: boolean;
}

/**
 * "0:05", "1:05", "1:02:03" (floored; minutes unpadded unless hours are shown).
 * Negative or non-finite input formats as zero.
 */
export function formatTimestamp(seconds: number, options: FormatTimestampOptions = {}): string {
  // A line spoken before the media starts (a negative offset) shows a minus sign: "−0:02".
  if (Number.isFinite(seconds) && seconds <= -1) return `\u2212${formatTimestamp(-seconds, options)}`;
  const { hours, minutes, seconds: secs } = timeParts(seconds);
  const ss = String(secs).padStart(2, '0');
  if (hours > 0 || options.forceHours === true) {
    return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
  }
  return `${minutes}:${ss}`;
}

const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
// [[h:]m:]s with optional fraction ("," accepted as in SRT).
const CLOCK = /^(?:(\d+):)?(\d+):(\d+(?:[.,]\d+)?)$/;
// 1h2m3s, 2m, 45.5s (each part optional, at least one present; checked below).
const UNITS = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/i;

/**
 * Parses "90", "90.5", "1:30", "01:02:03.5", "1m30s", "1h2m3s" into seconds.
 * Returns null for anything else (including negative values, and minutes/seconds ≥ 60
 * inside a clock form that has a larger field before them).
 */
export function parseTimeString(s: unknown): number | null {
  if (typeof s !== 'string') return null;
  const str = s.trim();
  if (str === '' || str.length > 64) return null;
  let result: number | null = null;

  if (PLAIN.test(str)) {
    result = Number(str);
  } else {
    const clock = CLOCK.exec(str);
    if (clock) {
      const h = clock[1] === undefined ? 0 : Number(clock[1]);
      const m = Number(clock[2]);
      const sec = Number((clock[3] ?? '').replace(',', '.'));
      if (sec >= 60) return null;
      if (clock[1] !== undefined && m >= 60) return null;
      result = h * 3600 + m * 60 + sec;
    } else {
      const units = UNITS.exec(str);
      if (units && (units[1] !== undefined || units[2] !== undefined || units[3] !== undefined)) {
        result = Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
      }
    }
  }
  return result !== null && Number.isFinite(result) && result >= 0 ? result : null;
}
