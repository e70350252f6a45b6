// The search page downloads its result list as trace summaries, not spans. The file says so in its
// `format`, so opening it in Skein can explain what it is instead of "holds no spans". One constant
// for the writer (src/search) and the reader (src/api/parsers), which may not import each other.
export const SEARCH_LIST_FORMAT = 'skein-search-list';
