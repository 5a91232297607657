/**
 * Search, one chunk loaded on demand when the reader first types a query (`kits.ts`): the
 * controller (folding, matching, the highlights) and what the toolbar shows of the results.
 */
export { SearchController } from '../controllers/search.js';
export { searchResults, searchStyles } from './search-results.js';
