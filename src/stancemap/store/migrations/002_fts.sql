-- dialect: sqlite
-- Full-text search (SQLite FTS5) over documents and statements. External-content tables:
-- the text stays in documents/statements; stancemap.queries rebuilds the index whenever
-- those tables have changed since the last search ('rebuild' is idempotent).
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(
    sentence, content='statements', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
