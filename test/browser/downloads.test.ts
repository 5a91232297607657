import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AnnotatedTranscript } from '../../src/components/annotated-transcript.js';
import type { Transcript } from '../../src/model/types.js';
import { TranscriptHarness } from '../harness/transcript-harness.js';
import { waitUntil } from './helpers.js';

const EN = '/data/demo/statement.en.vtt';
const UK = '/data/demo/statement.uk.vtt';

/** Three cues: words on the first, a speaker change on the third, text that needs escaping, a line break. */
const SMALL: Transcript = {
  version: 1,
  lang: 'en',
  cues: [
    {
      id: 'intro', start: 0.5, end: 2.25, text: 'Good morning, everyone.', speaker: 'Ada Lovelace',
      words: [
        { start: 0.5, end: 0.9, text: 'Good' },
        { start: 0.9, end: 1.4, text: 'morning,' },
        { start: 1.5, end: 2.2, text: 'everyone.' },
      ],
    },
    { id: 'q1', start: 2.5, end: 4.125, text: 'Fish & chips <or> pie?', speaker: 'Ada Lovelace' },
    { id: 'a1', start: 65.25, end: 70, text: 'Pie, please.\nWith peas.', speaker: 'Ben' },
  ],
};

const SMALL_TXT = `[0:00] Ada Lovelace: Good morning, everyone.
[0:02] Fish & chips <or> pie?

[1:05] Ben: Pie, please. With peas.
`;

const SMALL_VTT = `WEBVTT
Language: en

intro
00:00:00.500 --> 00:00:02.250
<v Ada Lovelace>Good <00:00:00.900>morning, <00:00:01.500>everyone.

q1
00:00:02.500 --> 00:00:04.125
<v Ada Lovelace>Fish &amp; chips &lt;or&gt; pie?

a1
00:01:05.250 --> 00:01:10.000
<v Ben>Pie, please.
With peas.
`;

const SMALL_SRT = `1
00:00:00,500 --> 00:00:02,250
Ada Lovelace: Good morning, everyone.

2
00:00:02,500 --> 00:00:04,125
Ada Lovelace: Fish & chips &lt;or> pie?

3
00:01:05,250 --> 00:01:10,000
Ben: Pie, please.
With peas.
`;

const UK_TXT = `[0:00] Репортер: Пані капітан порту, чому пором на острів Ґалл більше не курсує?

[0:04] Марта Оленне: Дев’ятого березня ми призупинили поромне сполучення з островом Ґалл на шість тижнів.
[0:09] Під час планового огляду наші інженери виявили корозію на листах обшивки корпусу біля завантажувальної апарелі.
[0:15] Ніхто не постраждав, і судно жодного разу не виходило в рейс із пасажирами в небезпечному стані.
[0:20] Близько чотирьохсот мешканців острова щотижня користуються поромом, здебільшого щоб дістатися до поліклініки та школи.
[0:26] Я знаю, що їм зараз важко, і я прошу за це вибачення.
[0:30] Поки триває ремонт, водне таксі курсуватиме двічі на день.
[0:34] Таксі оплачує портова рада, тож вартість проїзду не зміниться.

[0:39] Репортер: Дехто каже, що рада хоче закрити лінію назавжди.

[0:43] Марта Оленне: Ні, у нас немає планів закривати лінію.
[0:46] Ремонт коштуватиме дев’яносто тисяч фунтів, і ці гроші вже закладено в бюджет цього року.
[0:51] Так, судну тридцять один рік, і колись його доведеться замінити.
[0:56] Але до цього ще далеко, бо інженери дають корпусу щонайменше ще вісім років служби.
[1:02] Двадцятого березня ми проведемо громадські збори в ратуші.
[1:07] Кожен, кому потрібна допомога, щоб дістатися до поліклініки, може зателефонувати до управління порту.
[1:11] Я розраховую, що пором повернеться на лінію до кінця квітня.
`;

interface Captured {
  filename: string;
  href: string;
  blob: Blob;
  text: string;
}

describe('downloads', () => {
  const realCreate = URL.createObjectURL;
  const realClick = HTMLAnchorElement.prototype.click;
  let blobs: { url: string; blob: Blob }[];
  let clicks: { download: string; href: string; connected: boolean }[];

  beforeEach(() => {
    localStorage.clear();
    blobs = [];
    clicks = [];
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      const url = `blob:${location.origin}/captured-${blobs.length}`;
      blobs.push({ url, blob: obj as Blob });
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href, connected: this.isConnected });
    };
  });

  afterEach(() => {
    URL.createObjectURL = realCreate;
    HTMLAnchorElement.prototype.click = realClick;
    localStorage.clear();
  });

  /** Opens "Download", chooses `label`, and returns the one file that was saved. */
  async function download(h: TranscriptHarness, label: string): Promise<Captured> {
    const before = clicks.length;
    const menu = h.downloadsMenu();
    menu.open = false;
    const summary = menu.querySelector('summary')!;
    expect(summary.textContent!.trim()).to.equal('Download');
    summary.click();
    expect(menu.open, 'the summary opens the menu').to.be.true;
    const item = [...menu.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label);
    expect(item, `menu item ${label}`).to.exist;
    expect(item!.getClientRects().length, `${label} is visible`).to.be.greaterThan(0);
    item!.click();
    await waitUntil(() => clicks.length > before, `a download started (${label})`);
    expect(clicks.length - before, 'exactly one download').to.equal(1);
    const click = clicks[clicks.length - 1]!;
    const saved = blobs.find((b) => b.url === click.href);
    expect(saved, 'the link points at the blob created for it').to.exist;
    return { filename: click.download, href: click.href, blob: saved!.blob, text: await saved!.blob.text() };
  }

  async function mountSmall(): Promise<TranscriptHarness> {
    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript .transcript=${SMALL}></annotated-transcript>`);
    const h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length === 3, 'three lines');
    return h;
  }

  it('Plain text: exact contents and transcript.en.txt', async () => {
    const h = await mountSmall();
    const file = await download(h, 'Plain text');
    expect(file.filename).to.equal('transcript.en.txt');
    expect(file.text).to.equal(SMALL_TXT);
    expect(file.blob.type).to.match(/^text\/plain/);
  });

  it('WebVTT: exact contents and transcript.en.vtt', async () => {
    const h = await mountSmall();
    const file = await download(h, 'WebVTT');
    expect(file.filename).to.equal('transcript.en.vtt');
    expect(file.text).to.equal(SMALL_VTT);
    expect(file.blob.type).to.match(/^text\/vtt/);
  });

  it('SRT: exact contents and transcript.en.srt', async () => {
    const h = await mountSmall();
    const file = await download(h, 'SRT');
    expect(file.filename).to.equal('transcript.en.srt');
    expect(file.text).to.equal(SMALL_SRT);
    expect(file.blob.type).to.match(/^application\/x-subrip/);
  });

  it('the WebVTT download reads back as the same transcript', async () => {
    const h = await mountSmall();
    const file = await download(h, 'WebVTT');
    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript .transcript=${null}></annotated-transcript>`);
    const url = realCreate.call(URL, new Blob([file.text], { type: 'text/vtt' }));
    try {
      el.src = url;
      const back = new TranscriptHarness(el);
      await waitUntil(() => back.lines().length === 3, 'read back');
      expect(el.cues.map((c) => [c.id, c.start, c.end, c.speaker, c.text])).to.deep.equal(
        SMALL.cues.map((c) => [c.id, c.start, c.end, c.speaker, c.text]),
      );
      expect(el.cues[0]!.words!.map((w) => [w.start, w.text])).to.deep.equal([[0.5, 'Good'], [0.9, 'morning,'], [1.5, 'everyone.']]);
    } finally {
      URL.revokeObjectURL(url);
    }
  });

  it('with the Ukrainian track shown alone, the download is the Ukrainian text (transcript.uk.*)', async () => {
    const el = await fixture<AnnotatedTranscript>(html`<annotated-transcript src=${EN} style="height: 300px">
      <track src=${UK} srclang="uk" label="Українська" />
    </annotated-transcript>`);
    const h = new TranscriptHarness(el);
    await waitUntil(() => h.lines().length === 16 && h.trackSelect() !== null, 'lines and menu', 10000);

    // Side by side, the original is what is downloaded.
    h.chooseTrack('Українська');
    await waitUntil(() => h.translationTexts().every((t) => t !== null), 'uk side by side', 10000);
    const both = await download(h, 'Plain text');
    expect(both.filename).to.equal('transcript.en.txt');
    expect(both.text.split('\n')[0]).to.equal('[0:00] Reporter: Harbour master, why has the ferry to Gull Island stopped running?');

    h.setSideBySide(false);
    await waitUntil(() => h.originalTexts().every((t) => t === null) && h.translationTexts().every((t) => t !== null), 'uk alone', 10000);
    const txt = await download(h, 'Plain text');
    expect(txt.filename).to.equal('transcript.uk.txt');
    expect(txt.text).to.equal(UK_TXT);

    const vtt = await download(h, 'WebVTT');
    expect(vtt.filename).to.equal('transcript.uk.vtt');
    expect(vtt.text.startsWith(`WEBVTT
Language: uk

1
00:00:00.600 --> 00:00:03.999
<v Репортер>Пані капітан порту, чому пором на острів Ґалл більше не курсує?

2
00:00:04.799 --> 00:00:08.812
<v Марта Оленне>Дев’ятого березня ми призупинили поромне сполучення з островом Ґалл на шість тижнів.
`)).to.be.true;
    expect(vtt.text.match(/-->/g)).to.have.length(16);

    const srt = await download(h, 'SRT');
    expect(srt.filename).to.equal('transcript.uk.srt');
    expect(srt.text.endsWith(`16
00:01:11,701 --> 00:01:15,133
Марта Оленне: Я розраховую, що пором повернеться на лінію до кінця квітня.
`)).to.be.true;
  });
});
