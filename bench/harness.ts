/**
 * The in-page half of the benchmark, shared by both contenders (bench/page.ts: our element;
 * bench/floor.ts: the floor baseline). A contender only says how to mount itself, how to set its
 * source and where its lines are; every measure below is the same code for both, exposed as
 * `window.bench` and driven by scripts/bench.mjs (one fresh page per run).
 *
 * Times are `performance.now()` (the bench server sends COOP/COEP, so the page is
 * cross-origin isolated and the clock has 5 µs resolution, not 100 µs). "Painted" is the moment
 * a message posted from a requestAnimationFrame callback runs: after that frame's style, layout
 * and paint on the main thread.
 */
import { distanceToBoundary, expectedAt, prng, timings, type Timings } from './transcript.js';

/**
 * A media double with a manual clock: what the viewers need of a media element (currentTime,
 * duration, paused, play/pause, events). A viewer's seek goes through the `currentTime` setter,
 * which records when it was called and with what; the benchmark moves the clock with `setClock`.
 */
export class ClockMedia extends EventTarget {
  readonly duration: number;
  paused = true;
  readyState = 4;
  /** The last `currentTime` set by a viewer: when (performance.now()) and to what. */
  lastSet: { at: number; value: number } | null = null;
  private t = 0;

  constructor(duration: number) {
    super();
    this.duration = duration;
  }

  get currentTime(): number {
    return this.t;
  }

  set currentTime(value: number) {
    this.lastSet = { at: performance.now(), value };
    this.t = value;
  }

  /** The benchmark's own move of the clock (not a viewer's seek). */
  setClock(t: number): void {
    this.t = t;
  }

  play(): Promise<void> {
    if (this.paused) {
      this.paused = false;
      this.dispatchEvent(new Event('play'));
    }
    return Promise.resolve();
  }

  pause(): void {
    if (!this.paused) {
      this.paused = true;
      this.dispatchEvent(new Event('pause'));
    }
  }
}

/** What a contender tells the harness. Indexes are line indexes (the generated order). */
export interface Contender {
  readonly name: string;
  /** Creates the viewer in the document, bound to `media`, with no transcript yet. */
  mount(media: ClockMedia): Promise<void>;
  /** Sets the source to the WebVTT file at `url`: the init time runs from this call. */
  start(url: string): void;
  /** The subtree whose DOM nodes are counted (our shadow root; the floor's container). */
  root(): Node;
  /** The scroll container of the lines. */
  scroller(): HTMLElement;
  /** How many line rows exist. */
  rows(): number;
  /** The element that shows line `i` now (the element a reader would click), or null. */
  lineElement(i: number): HTMLElement | null;
  /** Whether line `i` is marked as the active line. */
  isMarked(i: number): boolean;
  /** Every marked line, and the marked word of each (index in its line, -1 for none). */
  marked(): { lines: number[]; words: { line: number; word: number }[] };
  /** What kind of element `lineElement(i)` is (reported for the clicks). */
  kind(el: HTMLElement): string;
  /** Reads the file's text into cues on its own (no DOM); returns how many. Only a contender whose reading is separate from its rendering has it. */
  read?(text: string): Promise<number>;
}

const now = () => performance.now();

/** Resolves after the current frame was painted (a message posted from rAF runs after paint). */
function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(now());
      ch.port2.postMessage(0);
    });
  });
}

/** Checks `ready` in every frame (in rAF, before that frame's style, layout and paint); resolves after the first frame in which it held was painted. */
function paintedWhen(ready: () => boolean, t0: number, what: () => string, timeoutMs = 20_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const tick = () => {
      let ok = false;
      try {
        ok = ready();
      } catch (e) {
        reject(e);
        return;
      }
      if (ok) {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(now());
        ch.port2.postMessage(0);
      } else if (now() - t0 > timeoutMs) reject(new Error(`${what()} (gave up after ${timeoutMs / 1000} s)`));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Started just before an update: notes when the first frame after it began (a rAF callback
 * registered now runs first in that frame) and when the main thread went idle before it (a
 * message posted after the update runs before the frame only if the thread was idle). `wait()`
 * is the time spent waiting for that frame, which depends on where in the 16.7 ms frame interval
 * the update happened to come, not on the viewer; "painted" figures leave it out.
 */
function frameProbe() {
  let frame = 0;
  let idle = 0;
  requestAnimationFrame(() => {
    frame = now();
  });
  return {
    afterUpdate(): void {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        if (!frame) idle = now();
      };
      ch.port2.postMessage(0);
    },
    wait: (): number => (idle && frame > idle ? frame - idle : 0),
  };
}

function inView(el: Element, box: Element): boolean {
  const a = el.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  return a.height > 0 && a.bottom > b.top && a.top < b.bottom && b.height > 0;
}

/**
 * Watches a viewer's subtree from now on. `settled(since, line)` waits for 3 frames in a row in
 * which nothing changed (no DOM mutation, no scroll, the line did not move in the view) and
 * returns the after-paint time of the last frame that changed something (or `since` when none
 * did): the end of the work an update caused.
 */
function watch(root: Node, box: HTMLElement) {
  const mo = new MutationObserver(() => undefined);
  mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  return {
    async settled(since: number, line?: () => Element | null, maxMs = 3000): Promise<number> {
      let last = since;
      const y = () => {
        const el = line?.();
        return el ? Math.round(el.getBoundingClientRect().top - box.getBoundingClientRect().top) : 0;
      };
      let top = box.scrollTop;
      let at = y();
      let calm = 0;
      mo.takeRecords();
      const t0 = now();
      while (calm < 3 && now() - t0 < maxMs) {
        const t = await afterPaint(); // layout is clean after paint: reading it forces nothing
        const nowAt = y();
        const changed = mo.takeRecords().length > 0 || box.scrollTop !== top || nowAt !== at;
        top = box.scrollTop;
        at = nowAt;
        if (changed) {
          last = t;
          calm = 0;
        } else calm++;
      }
      mo.disconnect();
      return last;
    },
    stop: () => mo.disconnect(),
  };
}

interface UpdateSample {
  /** The synchronous part: setting the clock and dispatching `timeupdate`, until the dispatch returns. */
  syncMs: number;
  /** Until the right line is marked (0 ms after the handler when the handler marked it). */
  markedMs: number;
  /** Until a painted frame shows the right line marked and in view, less the wait for the first frame (frameProbe). */
  paintedMs: number;
  /** The same, wall clock (with the wait). */
  paintedWallMs: number;
  /** Until the viewer stopped changing its DOM and scroll position (3 quiet frames), less the wait for the first frame. */
  settledMs: number;
}

interface ClickSample {
  /** From dispatching the click until the media double's `currentTime` setter was called. */
  setMs: number;
  /** The whole synchronous click dispatch. */
  handlerMs: number;
  /** Until a painted frame shows the clicked line marked, less the wait for the first frame. */
  paintedMs: number;
  paintedWallMs: number;
  kind: string;
}

const fmtTime = (t: number) => t.toFixed(3);

export function install(c: Contender): void {
  let tm: Timings | null = null;
  let media: ClockMedia | null = null;
  /** Set when any check failed: later measures of the page are not trusted. */
  const failures: string[] = [];
  /**
   * Lines marked right but not kept in view: never shown in view within the wait, or in view
   * when painted and out of it once the viewer settled. Counted and reported, not fatal.
   */
  let faults: string[] = [];
  /** How long to wait for the marked line to be in view; cut short after a first miss in a batch (a viewer that does not scroll would otherwise cost the wait at every step). */
  let inViewWaitMs = 1000;
  const batch = () => {
    faults = [];
    inViewWaitMs = 1000;
  };

  const need = () => {
    if (!tm || !media) throw new Error('bench.prepare() first');
    return { tm, media };
  };

  /** Checks that exactly the expected line (and word) is marked; throws a precise message otherwise. */
  function checkMarked(what: string, t: number, expected: { line: number; word: number }, checkWord: boolean): void {
    const m = c.marked();
    const okLine = m.lines.length === 1 && m.lines[0] === expected.line;
    const words = m.words.filter((w) => w.word >= 0);
    const okWord = !checkWord || (words.length === 1 && words[0]!.line === expected.line && words[0]!.word === expected.word);
    if (!okLine || !okWord) {
      const msg = `${c.name}: ${what} at t=${fmtTime(t)} s: expected line ${expected.line}${checkWord ? ` word ${expected.word}` : ''}, ` +
        `marked lines [${m.lines.join(', ')}]${checkWord ? `, words [${words.map((w) => `${w.line}:${w.word}`).join(', ')}]` : ''}`;
      failures.push(msg);
      throw new Error(msg);
    }
  }

  /** Where line i is and what is marked: for the message of a failed check. */
  function describe(i: number): string {
    const el = c.lineElement(i);
    const box = c.scroller();
    const b = box.getBoundingClientRect();
    const a = el?.getBoundingClientRect();
    const m = c.marked();
    return `${el ? `its element (${c.kind(el)}) is at y ${Math.round(a!.top - b.top)}..${Math.round(a!.bottom - b.top)} of a ${Math.round(b.height)} px view` : 'it has no element'}, ` +
      `marked ${c.isMarked(i) ? 'yes' : 'no'}; scrollTop ${Math.round(box.scrollTop)} of ${Math.round(box.scrollHeight - box.clientHeight)}; ` +
      `marked lines [${m.lines.join(', ')}], words [${m.words.map((w) => `${w.line}:${w.word}`).join(', ')}]`;
  }

  /** The clock moves to t (the bench's own move) and `timeupdate` fires: the viewer's update, measured. */
  async function update(t: number, what: string, checkWord: boolean): Promise<UpdateSample> {
    const { tm, media } = need();
    const expected = expectedAt(tm, t);
    const watcher = watch(c.root(), c.scroller());
    const probe = frameProbe();
    const t0 = now();
    media.setClock(t);
    media.dispatchEvent(new Event('timeupdate'));
    const t1 = now();
    probe.afterUpdate();
    let tMarked = t1;
    if (!c.isMarked(expected.line)) {
      tMarked = await paintedWhen(() => c.isMarked(expected.line), t0, () => `${c.name}: ${what} to ${fmtTime(t)} s: line ${expected.line} never marked`);
    }
    const shown = () => {
      const el = c.lineElement(expected.line);
      return !!el && c.isMarked(expected.line) && inView(el, c.scroller());
    };
    let tPaint = NaN;
    try {
      tPaint = await paintedWhen(shown, tMarked, () => '', inViewWaitMs);
    } catch {
      faults.push(`${what} to ${fmtTime(t)} s: line ${expected.line} marked but not in view after ${inViewWaitMs} ms (${describe(expected.line)})`);
      inViewWaitMs = 100;
    }
    const tSettled = await watcher.settled(Number.isNaN(tPaint) ? now() : tPaint, () => c.lineElement(expected.line));
    checkMarked(what, t, expected, checkWord);
    if (!Number.isNaN(tPaint) && !shown()) {
      faults.push(`${what} to ${fmtTime(t)} s: line ${expected.line} was in view when painted, out of view once settled (${describe(expected.line)})`);
    }
    const wait = probe.wait();
    return { syncMs: t1 - t0, markedMs: tMarked - t0, paintedMs: tPaint - t0 - wait, paintedWallMs: tPaint - t0, settledMs: tSettled - t0 - wait };
  }

  /** A random time in a line at least a quarter of the transcript away from `from`, 10 ms or more from any line or word boundary. */
  function farTime(rand: () => number, from: number): number {
    const { tm } = need();
    const n = tm.starts.length;
    const away = Math.max(1, Math.floor(n / 4));
    const current = Math.max(0, expectedAt(tm, from).line);
    for (let tries = 0; ; tries++) {
      const line = Math.floor(rand() * n);
      if (Math.abs(line - current) < away && tries < 1000 && n > 4) continue;
      const start = tm.starts[line]!;
      const end = tm.starts[line + 1] ?? tm.duration;
      const t = Math.round((start + rand() * (end - start)) * 1e4) / 1e4;
      if (distanceToBoundary(tm, t) >= 0.01) return t;
    }
  }

  const bench = {
    /** Generates the timings of the `words`-word transcript and mounts the viewer (no source yet). */
    async prepare(words: number) {
      tm = timings(words);
      media = new ClockMedia(tm.duration);
      await c.mount(media);
      await afterPaint();
      await afterPaint();
      return { contender: c.name, lines: tm.starts.length, words: tm.wordStarts.length, isolated: globalThis.crossOriginIsolated === true };
    },

    /** Init: from setting the source until the first painted frame that shows line 0 laid out in the scroller. */
    async init(url: string) {
      const { tm } = need();
      const t0 = now();
      c.start(url);
      const tPaint = await paintedWhen(
        () => {
          const el = c.lineElement(0);
          return !!el && inView(el, c.scroller());
        },
        t0,
        () => `${c.name}: init: line 0 never laid out in view`,
        60_000,
      );
      // A viewer may make its rows after the first paint (ours does, in chunks): every row must
      // exist soon after, untimed; then the count must be right.
      const deadline = now() + 30_000;
      while (c.rows() < tm.starts.length && now() < deadline) await afterPaint();
      const rows = c.rows();
      if (rows !== tm.starts.length) {
        const msg = `${c.name}: init: ${rows} line rows, expected ${tm.starts.length}`;
        failures.push(msg);
        throw new Error(msg);
      }
      return { paintedMs: tPaint - t0, rows };
    },

    /** Waits until the viewer is quiet (3 frames without DOM changes or scrolling). */
    async settle() {
      await watch(c.root(), c.scroller()).settled(now());
    },

    /** `count` seeks to random far times (paused): each `currentTime = far` + `timeupdate`. */
    async seeks(count: number, seed: number) {
      const { media } = need();
      const rand = prng(seed);
      const samples: UpdateSample[] = [];
      batch();
      for (let k = 0; k < count; k++) {
        const t = farTime(rand, media.currentTime);
        samples.push(await update(t, `seek ${k + 1}`, true)); // returns once the viewer is quiet
      }
      return { samples, faults };
    },

    /**
     * `count` playback steps (+250 ms each, paused, `timeupdate` after each) from a random place
     * chosen so that no step lands within 10 ms of a boundary. Most steps change the word, about
     * one in sixteen the line.
     */
    async steps(count: number, seed: number) {
      const { tm } = need();
      const rand = prng(seed);
      let from = 0;
      for (let tries = 0; tries < 10_000; tries++) {
        const t = Math.round(rand() * Math.max(0, tm.duration - count * 0.25 - 1) * 1e4) / 1e4;
        let ok = true;
        for (let k = 0; k <= count && ok; k++) ok = distanceToBoundary(tm, t + k * 0.25) >= 0.01;
        if (ok) {
          from = t;
          break;
        }
      }
      batch();
      await update(from, 'step start (a seek, not counted)', true);
      await bench.settle();
      const samples: UpdateSample[] = [];
      for (let k = 1; k <= count; k++) {
        samples.push(await update(Math.round((from + k * 0.25) * 1e4) / 1e4, `step ${k}`, true));
      }
      return { samples, faults };
    },

    /**
     * `count` clicks on lines: `far` = false, a line in view near the active one; true, a line at
     * least a quarter of the transcript away, scrolled into view first (and shown for two frames,
     * as a reader would see it before clicking). The click is a synthetic `click` on the line's
     * element; the right answer is `currentTime` = that line's start, then that line marked.
     */
    async clicks(count: number, seed: number, far: boolean) {
      const { tm, media } = need();
      const rand = prng(seed);
      const n = tm.starts.length;
      const box = c.scroller();
      const samples: ClickSample[] = [];
      batch();
      for (let k = 0; k < count; k++) {
        const active = Math.max(0, c.marked().lines[0] ?? 0);
        let line = -1;
        if (!far) {
          for (const d of [2, 3, -2, 1, -1, 4, -3, 5]) {
            const i = active + d;
            const el = i >= 0 && i < n ? c.lineElement(i) : null;
            if (el && inView(el, box)) {
              line = i;
              break;
            }
          }
          if (line < 0) throw new Error(`${c.name}: click: no line in view near line ${active}`);
        } else {
          const away = Math.max(1, Math.floor(n / 4));
          do line = Math.floor(rand() * n);
          while (Math.abs(line - active) < away && n > 4);
          for (let tries = 0; ; tries++) {
            const el = c.lineElement(line);
            if (!el) throw new Error(`${c.name}: click: line ${line} has no element`);
            const a = el.getBoundingClientRect();
            const b = box.getBoundingClientRect();
            if (a.height > 0 && a.top >= b.top && a.bottom <= b.bottom) break;
            if (tries > 10) throw new Error(`${c.name}: click: could not scroll line ${line} into view`);
            box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
            await afterPaint();
            await afterPaint();
          }
        }
        const target = c.lineElement(line)!;
        const kind = c.kind(target);
        const watcher = watch(c.root(), box);
        media.lastSet = null;
        const probe = frameProbe();
        const t0 = now();
        target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, button: 0, detail: 1, view: window }));
        const t1 = now();
        probe.afterUpdate();
        const set = media.lastSet as { at: number; value: number } | null;
        const what = `${far ? 'far ' : ''}click ${k + 1} on line ${line}`;
        if (!set) {
          watcher.stop();
          const msg = `${c.name}: ${what} (${kind}): currentTime was not set`;
          failures.push(msg);
          throw new Error(msg);
        }
        if (Math.abs(set.value - tm.starts[line]!) > 1e-6) {
          watcher.stop();
          const msg = `${c.name}: ${what} (${kind}): currentTime set to ${set.value}, expected the line's start ${tm.starts[line]}`;
          failures.push(msg);
          throw new Error(msg);
        }
        const tPaint = await paintedWhen(() => c.isMarked(line), t0, () => `${c.name}: ${what}: line never marked`);
        await watcher.settled(tPaint, () => c.lineElement(line));
        checkMarked(what, set.value, expectedAt(tm, set.value), false);
        const el = c.lineElement(line);
        if (!el || !inView(el, box)) faults.push(`${what}: the clicked line is out of view once settled (${describe(line)})`);
        samples.push({ setMs: set.at - t0, handlerMs: t1 - t0, paintedMs: tPaint - t0 - probe.wait(), paintedWallMs: tPaint - t0, kind });
      }
      return { samples, faults };
    },

    /** Reading the file alone, `times` times (the text fetched once): the median time and the cue count; null when the contender has no separate reader. */
    async read(url: string, times: number) {
      if (!c.read) return null;
      const text = await (await fetch(url)).text();
      const ms: number[] = [];
      let cues = 0;
      for (let k = 0; k < times; k++) {
        await afterPaint();
        const t0 = now();
        cues = await c.read(text);
        ms.push(now() - t0);
      }
      ms.sort((a, b) => a - b);
      return { ms: ms[ms.length >> 1]!, cues };
    },

    /** Nodes (elements, text, comments) under the contender's root. */
    domCount() {
      let nodes = 0;
      let elements = 0;
      const walker = document.createTreeWalker(c.root(), NodeFilter.SHOW_ALL);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes++;
        if (node.nodeType === 1) elements++;
      }
      return { nodes, elements };
    },

    failures: () => failures.slice(),
  };
  (window as unknown as { bench: typeof bench }).bench = bench;
  document.documentElement.dataset.benchReady = '1';
}
