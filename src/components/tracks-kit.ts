/**
 * Translation tracks, one chunk loaded on demand when the page gives a track (`kits.ts`): the
 * controller (reading the tracks, the reader's choice, loading and aligning a translation) and
 * the toolbar's menu, with their styles.
 */
export { TracksController } from '../controllers/tracks.js';
export { trackChooser, trackStyles } from './track-chooser.js';
