import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateAnnotations } from '../../src/model/annotations/index.js';
import { normaliseTranscriptData } from '../../src/model/parse/transcript-json.js';

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const jsonBlocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);

describe('README examples are valid data', () => {
  it('has the transcript and annotation examples', () => {
    expect(jsonBlocks.some((b) => 'cues' in b)).toBe(true);
    expect(jsonBlocks.some((b) => 'annotations' in b)).toBe(true);
  });

  it('the transcript JSON example parses without problems', () => {
    const block = jsonBlocks.find((b) => 'cues' in b)!;
    const { transcript, problems } = normaliseTranscriptData(block);
    expect(problems).toEqual([]);
    expect(transcript.cues[0]!.words![0]!.text).toBe('This');
  });

  it('the annotation example validates without problems', () => {
    const block = jsonBlocks.find((b) => 'annotations' in b)!;
    const { data, problems } = validateAnnotations(block);
    expect(problems).toEqual([]);
    expect(data.annotations.map((a) => a.relation)).toEqual(['contradicts', 'context', 'unsupported']);
  });
});
