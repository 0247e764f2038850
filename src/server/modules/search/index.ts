// The public face of search: finding contacts and vehicles by name, number or plate.
export { createSearchService, type Searcher, type SearchService } from './service';
