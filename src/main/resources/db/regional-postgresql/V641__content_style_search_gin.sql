-- PostgreSQL only (H2 reads db/regional alone): an inverted index of the search tokens, and the
-- array_contains that H2 has built in, as an SQL function the planner inlines into "@>", so that one
-- query serves both databases and uses the GIN index here.
create function array_contains(tokens smallint array, token smallint) returns boolean
    language sql immutable parallel safe
    as 'select tokens @> array[token]';

create index content_style_search on content_style using gin (search_tokens);

-- The styles search still decrypts (not yet indexed): none once the backfill is done, so it stays tiny.
create index content_style_unindexed on content_style (group_id) where search_tokens is null;
