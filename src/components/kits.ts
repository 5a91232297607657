import { LazyModule } from '../controllers/lazy.js';

/*
 * The parts of the viewer loaded on demand, each one chunk, once per page (see README.md,
 * "Design"). The controllers that decide when to load them get them from the element.
 */

/** The annotation subsystem: when an annotation source is set (or `<at-evidence-map>` is given marks). */
export const annotationKit = new LazyModule(() => import('./annotation-kit.js'));
export type AnnotationKit = typeof import('./annotation-kit.js');

/** Translation tracks: when the page gives a track. */
export const tracksKit = new LazyModule(() => import('./tracks-kit.js'));
export type TracksKit = typeof import('./tracks-kit.js');

/** Search: when the reader first types a query. */
export const searchKit = new LazyModule(() => import('./search-kit.js'));
export type SearchKit = typeof import('./search-kit.js');
