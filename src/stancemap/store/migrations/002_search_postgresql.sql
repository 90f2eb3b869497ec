-- dialect: postgresql
-- Full-text search (PostgreSQL's counterpart of 002_fts.sql): GIN indexes on the same
-- tsvector expressions that stancemap.search queries, so they are always in step with the
-- tables. The 'simple' configuration lower-cases words without stemming, as FTS5 does.
CREATE INDEX documents_search ON documents
    USING GIN (to_tsvector('simple', COALESCE(title, '') || ' ' || text));
CREATE INDEX statements_search ON statements USING GIN (to_tsvector('simple', sentence));
