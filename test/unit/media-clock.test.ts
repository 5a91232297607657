import { describe, expect, it } from 'vitest';
import { MAX_AHEAD_MS, MediaClock, SEEK_HOLD_MS } from '../../src/controllers/media-clock.js';

describe('MediaClock', () => {
  it('a precise source (a new value every read) is followed exactly', () => {
    const c = new MediaClock();
    c.setRunning(true, 0);
    for (let i = 0; i < 50; i++) expect(c.read(i * 0.016, i * 16)).toBe(i * 0.016);
  });

  it('interpolates between coarse reports at the playback rate, and snaps to each report', () => {
    const c = new MediaClock();
    c.read(10, 0);
    c.setRunning(true, 0);
    expect(c.read(10, 100)).toBeCloseTo(10.1, 9);
    expect(c.read(10, 200)).toBeCloseTo(10.2, 9);
    expect(c.read(10.24, 250)).toBe(10.24); // a report: snapped to it (even a little behind the estimate)
    c.setRate(2, 250);
    expect(c.read(10.24, 350)).toBeCloseTo(10.44, 9);
  });

  it('stopped, it shows the report; it never extrapolates past twice the report interval (a silent stall)', () => {
    const c = new MediaClock();
    c.setRunning(true, 0);
    for (let t = 0; t <= 2000; t += 250) c.read(t / 1000, t);
    // No new report for 5 s: at most 2 × 250 ms past the last one.
    expect(c.read(2, 7000)).toBeCloseTo(2.5, 6);
    c.setRunning(false, 7000);
    expect(c.read(2.3, 7100)).toBe(2.3);
    expect(c.estimate(9000)).toBe(2.3);
    expect(MAX_AHEAD_MS).toBeGreaterThanOrEqual(500);
  });

  it('after a seek it holds the target while the media still reports the old place, then follows', () => {
    const c = new MediaClock();
    c.setRunning(true, 0);
    c.read(5, 0);
    c.seekTo(20, 5, 10);
    expect(c.read(5.25, 250)).toBe(20); // the old place: ignored
    c.snap(5.3, 260); // a late seeking event still at the old place: ignored
    expect(c.estimate(270)).toBe(20);
    expect(c.read(20.01, 400)).toBe(20.01); // confirmed
    expect(c.read(20.01, 500)).toBeCloseTo(20.11, 9);
  });

  it('a seek the media never confirms is let go after the hold: the media is believed again', () => {
    const c = new MediaClock();
    c.setRunning(false, 0);
    c.read(5, 0);
    c.seekTo(20, 5, 0);
    expect(c.estimate(SEEK_HOLD_MS - 1)).toBe(20);
    expect(c.estimate(SEEK_HOLD_MS + 1)).toBe(5);
  });

  it('a rate of 0, negative or NaN does not advance; reset forgets everything', () => {
    const c = new MediaClock();
    c.read(3, 0);
    c.setRunning(true, 0);
    c.setRate(NaN, 0);
    expect(c.read(3, 400)).toBe(3);
    c.setRate(-1, 400);
    expect(c.read(3, 800)).toBe(3);
    c.reset();
    expect(c.estimate(900)).toBeNaN();
    expect(c.read(0, 1000)).toBe(0);
  });
});
