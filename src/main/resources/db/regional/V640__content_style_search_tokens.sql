-- Search tokens of a style: 16-bit truncations of keyed hashes (the group's blind-index key) of the
-- 3-, 4- and 6-letter prefixes of the words of its name, tags and description, never the words. Search
-- finds candidate styles by their tokens and decrypts only those to check and rank them. Null until
-- the style is indexed: styles written before this migration are indexed by the content module's
-- backfill after start, and search decrypts the ones still null, so its results never depend on it.
alter table content_style add column search_tokens smallint array;
