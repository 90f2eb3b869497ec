-- stancemap schema, version 1. Portable SQL (SQLite and PostgreSQL); JSON lists are TEXT.
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    uri TEXT NOT NULL,
    title TEXT,
    published TEXT,
    publisher TEXT,
    author TEXT,
    language TEXT,
    chars INTEGER NOT NULL,
    duplicate_of TEXT REFERENCES documents(id),
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    analyzed_at TEXT
);
CREATE INDEX documents_pending ON documents(analyzed_at);

CREATE TABLE document_uris (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    uri TEXT NOT NULL,
    PRIMARY KEY (doc, uri)
);
CREATE INDEX document_uris_uri ON document_uris(uri);

CREATE TABLE minhashes (
    doc TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature BLOB NOT NULL
);

CREATE TABLE minhash_bands (
    band INTEGER NOT NULL,
    bucket TEXT NOT NULL,
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, doc)
);

CREATE TABLE sentences (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    origin TEXT NOT NULL
);

CREATE TABLE aliases (
    actor TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    valid_from TEXT,
    valid_to TEXT,
    PRIMARY KEY (actor, text, kind)
);

CREATE TABLE roles (
    person TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    country TEXT,
    title TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT
);
CREATE INDEX roles_person ON roles(person);

CREATE TABLE mentions (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    actor TEXT NOT NULL REFERENCES actors(id),
    method TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (doc, start_char, end_char)
);
CREATE INDEX mentions_actor ON mentions(actor);

CREATE TABLE issues (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT,
    keywords TEXT NOT NULL,
    since TEXT
);

CREATE TABLE statements (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_idx INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    actor TEXT NOT NULL REFERENCES actors(id),
    target TEXT REFERENCES actors(id),
    event_type TEXT NOT NULL,
    issue TEXT,
    stance TEXT,
    date TEXT,
    reported_by TEXT REFERENCES actors(id),
    modality TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX statements_doc ON statements(doc);
CREATE INDEX statements_actor_issue ON statements(actor, issue);

CREATE TABLE positions (
    actor TEXT NOT NULL REFERENCES actors(id),
    issue TEXT NOT NULL,
    stance TEXT NOT NULL,
    as_of TEXT,
    confidence REAL NOT NULL,
    evidence TEXT NOT NULL,
    docs TEXT NOT NULL,
    timeline TEXT NOT NULL,
    PRIMARY KEY (actor, issue)
);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    date TEXT,
    actors TEXT NOT NULL,
    statements TEXT NOT NULL,
    docs TEXT NOT NULL
);

CREATE TABLE discrepancies (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    date TEXT,
    statements TEXT NOT NULL,
    docs TEXT NOT NULL,
    actors TEXT NOT NULL
);

CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    subject TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    as_of TEXT,
    source TEXT REFERENCES actors(id),
    grp TEXT
);
