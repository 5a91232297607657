/**
 * Speakers from line prefixes in SRT and WebVTT without `<v>` (issue 9, finding 2): the rule is
 * in src/model/parse/speakers.ts and the README ("Transcript formats").
 */
import { describe, expect, it } from 'vitest';
import { parseSRT } from '../../src/model/parse/srt.js';
import { parseWebVTT } from '../../src/model/parse/webvtt.js';
import type { Cue } from '../../src/model/types.js';

/** An SRT file of one cue per text, a second each. */
function srt(...texts: string[]): string {
  const time = (s: number): string => `00:00:${String(s % 60).padStart(2, '0')},000`;
  return texts.map((t, i) => `${i + 1}\n${time(i)} --> ${time(i + 1)}\n${t}\n`).join('\n');
}
const pairs = (cues: Cue[]): Array<[string | undefined, string]> => cues.map((c) => [c.speaker, c.text]);

describe('speakers from prefixes', () => {
  it('a credit line is not a speaker, not even at both ends of a film', async () => {
    const dialogue = Array.from({ length: 40 }, (_, i) => `Line ${i} of the film.`);
    const r = await parseSRT(srt('Subtitles: @someone', ...dialogue, 'Subtitles: @someone'));
    expect(r.transcript.cues.every((c) => c.speaker === undefined)).toBe(true);
    expect(r.transcript.cues[0]?.text).toBe('Subtitles: @someone');
  });

  it('a one-off "Name:" is text; one name now and then is not carried to other lines', async () => {
    const once = await parseSRT(srt('Barbara: welcome.', 'Thanks.', 'Bye.'));
    expect(pairs(once.transcript.cues)).toEqual([[undefined, 'Barbara: welcome.'], [undefined, 'Thanks.'], [undefined, 'Bye.']]);
    const narrator = await parseSRT(srt('NARRATOR: Long ago.', 'Where are you?', 'Here.', 'NARRATOR: Later.', 'Go!'));
    expect(pairs(narrator.transcript.cues)).toEqual([
      ['NARRATOR', 'Long ago.'],
      [undefined, 'Where are you?'],
      [undefined, 'Here.'],
      ['NARRATOR', 'Later.'],
      [undefined, 'Go!'],
    ]);
  });

  it('reads ">> NAME:" and ">>" alone (a change to someone unnamed: not carried, kept as text)', async () => {
    const r = await parseWebVTT(
      'WEBVTT\n\n00:01.000 --> 00:02.000\n&gt;&gt; DAVID: Good evening.\n\n00:02.000 --> 00:03.000\nTonight, the news.\n\n' +
        '00:03.000 --> 00:04.000\n>> MARIA: Thanks, David.\n\n00:04.000 --> 00:05.000\n>> Who is there?\n\n00:05.000 --> 00:06.000\nNobody.',
    );
    expect(pairs(r.transcript.cues)).toEqual([
      ['DAVID', 'Good evening.'],
      ['DAVID', 'Tonight, the news.'],
      ['MARIA', 'Thanks, David.'],
      [undefined, '>> Who is there?'],
      [undefined, 'Nobody.'],
    ]);
  });

  it('a ">> NAME:" cue never keeps the previous speaker', async () => {
    const r = await parseSRT(srt('HOST: Hello.', 'GUEST: Hi.', 'HOST: So.', '>> DAVID: Me too.', '[SPEAKER_02]: And me.', 'GUEST: Right.'));
    expect(pairs(r.transcript.cues)).toEqual([
      ['HOST', 'Hello.'],
      ['GUEST', 'Hi.'],
      ['HOST', 'So.'],
      ['DAVID', 'Me too.'],
      ['SPEAKER_02', 'And me.'],
      ['GUEST', 'Right.'],
    ]);
  });

  it('reads "[NAME]:" (diarization output) and "- NAME:" when the names repeat', async () => {
    const brackets = await parseSRT(srt('[SPEAKER_00]: Hello.', 'and welcome.', '[SPEAKER_01]: Hi!', '[SPEAKER_00]: So.'));
    expect(pairs(brackets.transcript.cues)).toEqual([
      ['SPEAKER_00', 'Hello.'],
      ['SPEAKER_00', 'and welcome.'],
      ['SPEAKER_01', 'Hi!'],
      ['SPEAKER_00', 'So.'],
    ]);
    const dashes = await parseSRT(srt('- JOHN: Hi.', '- MARY: Hello.', '- JOHN: Bye.', '- MARY: Bye.', '- Look: it is late.'));
    expect(pairs(dashes.transcript.cues)).toEqual([
      ['JOHN', 'Hi.'],
      ['MARY', 'Hello.'],
      ['JOHN', 'Bye.'],
      ['MARY', 'Bye.'],
      [undefined, '- Look: it is late.'], // a one-off after a dialogue dash: text, and a change
    ]);
  });

  it('carries a speaker until a line names someone else, even someone named once', async () => {
    const r = await parseSRT(
      srt('HOST: Welcome.', 'Our guest today', 'GUEST: Thanks.', 'Glad to be here.', 'MARIA: Me too!', 'From the back.', 'HOST: Ha.', 'GUEST: Ha.'),
    );
    expect(pairs(r.transcript.cues)).toEqual([
      ['HOST', 'Welcome.'],
      ['HOST', 'Our guest today'],
      ['GUEST', 'Thanks.'],
      ['GUEST', 'Glad to be here.'],
      [undefined, 'MARIA: Me too!'],
      [undefined, 'From the back.'],
      ['HOST', 'Ha.'],
      ['GUEST', 'Ha.'],
    ]);
  });

  it('a cue whose later line names someone else hands over to them; a dialogue dash stops the carry', async () => {
    const r = await parseSRT(srt('HOST: Hi.\nGUEST: Hello.', 'Nice to meet you.', 'HOST: Yes.', '- Who?\n- Me.', 'Quiet.', 'GUEST: Bye.'));
    expect(pairs(r.transcript.cues)).toEqual([
      ['HOST', 'Hi.\nGUEST: Hello.'],
      ['GUEST', 'Nice to meet you.'],
      ['HOST', 'Yes.'],
      [undefined, '- Who?\n- Me.'],
      [undefined, 'Quiet.'],
      ['GUEST', 'Bye.'],
    ]);
  });

  it('strips the prefix from markup and words too', async () => {
    const r = await parseWebVTT(
      'WEBVTT\n\n00:01.000 --> 00:03.000\n&gt;&gt; DAVID: <i>Hi</i> there\n\n' +
        '00:03.000 --> 00:05.000\n&gt;&gt; DAVID: so<00:00:04.000> then\n\n00:05.000 --> 00:06.000\nDAVID:\nalone',
    );
    const [a, b, c] = r.transcript.cues;
    expect(a).toMatchObject({ speaker: 'DAVID', text: 'Hi there', nodes: [{ type: 'i', children: [{ type: 'text', text: 'Hi' }] }, { type: 'text', text: ' there' }] });
    expect(b).toMatchObject({ speaker: 'DAVID', text: 'so then', words: [{ start: 3, end: 4, text: 'so' }, { start: 4, end: 5, text: 'then' }] });
    expect(c).toMatchObject({ speaker: 'DAVID', text: 'alone' });
  });

  it('<v> voices win over prefixes; in a file with voices ">>" and dashes are only text', async () => {
    const cue = (s: number, text: string): string => `00:0${s}.000 --> 00:0${s + 1}.000\n${text}\n\n`;
    const r = await parseWebVTT(
      `WEBVTT\n\n${cue(0, '<v Ann>BOB: Hello.')}${cue(1, 'BOB: Hi.')}${cue(2, 'and more')}${cue(3, 'BOB: Yes.')}${cue(4, '<v Ann>Ok')}${cue(5, '>> hm')}${cue(6, '- so')}`,
    );
    expect(pairs(r.transcript.cues)).toEqual([
      ['Ann', 'BOB: Hello.'],
      ['BOB', 'Hi.'],
      ['BOB', 'and more'],
      ['BOB', 'Yes.'],
      ['Ann', 'Ok'],
      ['Ann', '>> hm'],
      ['Ann', '- so'],
    ]);
  });

  it('does not read times, URLs or sentences as names', async () => {
    const r = await parseSRT(srt('10:30: we start.', 'At 10:30: again.', 'See https://example.org now.', 'Remember this: it matters.', 'A:b', 'A:b'));
    expect(r.transcript.cues.every((c) => c.speaker === undefined)).toBe(true);
  });
});
