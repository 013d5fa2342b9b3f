-- The search index takes each style's tokens straight into its tree instead of a pending list merged in
-- batches: grown row by row it stays about as compact as one built in a single pass (bench/README.md,
-- "Search through blind-indexed tokens"), and a search no longer scans a pending list. A style's write
-- updates its ~80 index keys at once; styles are written far less often than searched.
alter index content_style_search set (fastupdate = off);
select gin_clean_pending_list('content_style_search'::regclass);
