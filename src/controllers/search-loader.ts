import type { ReactiveControllerHost } from 'lit';
import type { SearchMatch } from '../model/search.js';
import type { LineElements } from './line-elements.js';
import { track, type LazyModule } from './lazy.js';
import type { MediaSync } from './media-sync.js';
import type { SearchController } from './search.js';

/** What the search module (loaded on demand) brings: the controller, and whatever the component layer draws with it. */
export interface SearchModule {
  SearchController: typeof SearchController;
}

/**
 * The seam to search: the search module (the controller, the model's folding and matching, and
 * what is drawn of the results) loads when the reader first types a query; from then on every
 * call goes to it. Until it is there, the query typed is kept and nothing is searched or marked.
 */
export class SearchLoader<K extends SearchModule = SearchModule> {
  private search: SearchController | null = null;
  private typed = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    /** `sync`: search pauses auto-scroll while there is a query. */
    private readonly deps: { lines: LineElements; sync: MediaSync; kit: LazyModule<K> },
  ) {}

  /** The search module, once loaded. */
  get kit(): K | null {
    return this.search ? this.deps.kit.module : null;
  }

  get query(): string {
    return this.search?.query ?? this.typed;
  }

  get matches(): readonly SearchMatch[] {
    return this.search?.matches ?? [];
  }

  get current(): number {
    return this.search?.current ?? -1;
  }

  setQuery(query: string): void {
    if (this.search) return this.search.setQuery(query);
    this.typed = query;
    this.host.requestUpdate();
    if (!query.trim()) return;
    void track(this.host, Promise.all([this.deps.kit.load(), this.deps.sync.autoScroll()]).then(([kit, autoScroll]) => {
      if (!kit || !autoScroll || this.search) return;
      this.search = new kit.SearchController(this.host, this.deps.lines, autoScroll);
      this.search.setQuery(this.typed);
    }));
  }

  step(delta: number): void {
    this.search?.step(delta);
  }

  /** The line of the current match, or -1. */
  currentLine(): number {
    return this.search?.currentLine() ?? -1;
  }
}
