CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS texts (
    hash TEXT PRIMARY KEY,
    path TEXT,
    year INTEGER,
    title TEXT,
    is_report INTEGER NOT NULL,
    format TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    coverage REAL NOT NULL,
    items INTEGER NOT NULL,
    duplicate_of TEXT,
    duplicate_reason TEXT
);
CREATE INDEX IF NOT EXISTS texts_year ON texts (year);
CREATE INDEX IF NOT EXISTS texts_path ON texts (path);
CREATE TABLE IF NOT EXISTS projects (
    text_hash TEXT NOT NULL REFERENCES texts (hash) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    title TEXT NOT NULL,
    institution_raw TEXT,
    funding TEXT,
    theme TEXT,
    lead TEXT,
    summary TEXT NOT NULL,
    line_start INTEGER NOT NULL,
    line_end INTEGER NOT NULL,
    PRIMARY KEY (text_hash, idx)
);
CREATE TABLE IF NOT EXISTS portfolio (
    text_hash TEXT NOT NULL REFERENCES texts (hash) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    title TEXT NOT NULL,
    institution_raw TEXT,
    period_start INTEGER,
    period_end INTEGER,
    funding TEXT,
    theme TEXT,
    status TEXT NOT NULL,
    line_start INTEGER NOT NULL,
    line_end INTEGER NOT NULL,
    PRIMARY KEY (text_hash, idx)
);
CREATE TABLE IF NOT EXISTS analyses (
    text_hash TEXT NOT NULL REFERENCES texts (hash) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    issue INTEGER,
    year INTEGER,
    title TEXT NOT NULL,
    subtitle TEXT,
    authors TEXT NOT NULL,
    abstract TEXT NOT NULL,
    line_start INTEGER NOT NULL,
    line_end INTEGER NOT NULL,
    PRIMARY KEY (text_hash, idx)
);
CREATE TABLE IF NOT EXISTS publications (
    text_hash TEXT NOT NULL REFERENCES texts (hash) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    authors TEXT NOT NULL,
    year INTEGER,
    title TEXT NOT NULL,
    venue TEXT,
    line_start INTEGER NOT NULL,
    line_end INTEGER NOT NULL,
    PRIMARY KEY (text_hash, idx)
);
CREATE TABLE IF NOT EXISTS phd (
    text_hash TEXT NOT NULL REFERENCES texts (hash) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    title TEXT NOT NULL,
    candidate TEXT NOT NULL,
    institution TEXT,
    status TEXT NOT NULL,
    line_start INTEGER NOT NULL,
    line_end INTEGER NOT NULL,
    PRIMARY KEY (text_hash, idx)
);
CREATE TABLE IF NOT EXISTS institutions (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    parent TEXT,
    kind TEXT
);
CREATE TABLE IF NOT EXISTS item_institutions (
    text_hash TEXT NOT NULL REFERENCES texts (hash) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    idx INTEGER NOT NULL,
    position INTEGER NOT NULL,
    institution_id TEXT REFERENCES institutions (id),
    raw TEXT NOT NULL,
    PRIMARY KEY (text_hash, kind, idx, position)
);
CREATE INDEX IF NOT EXISTS item_institutions_institution ON item_institutions (institution_id);
CREATE TABLE IF NOT EXISTS links (
    id TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    score REAL NOT NULL,
    reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS appearances (
    text_hash TEXT NOT NULL REFERENCES texts (hash) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    idx INTEGER NOT NULL,
    year INTEGER,
    title TEXT NOT NULL,
    institution_raw TEXT,
    status TEXT,
    period_start INTEGER,
    period_end INTEGER,
    link_id TEXT REFERENCES links (id) ON DELETE SET NULL,
    PRIMARY KEY (text_hash, kind, idx)
);
CREATE INDEX IF NOT EXISTS appearances_link ON appearances (link_id);
CREATE TABLE IF NOT EXISTS diagnostics (
    text_hash TEXT REFERENCES texts (hash) ON DELETE CASCADE,
    severity TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    line INTEGER
);
CREATE INDEX IF NOT EXISTS diagnostics_text ON diagnostics (text_hash);
