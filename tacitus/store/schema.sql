-- The tacitus event database (DuckDB), schema version 1.
--
-- Raw SQL on these tables is a supported interface: columns may be added, never renamed.
-- One row of `documents` per stored article; every other table points to it by doc_id.
-- Offsets (`*_start`, `*_end`) are character offsets into documents.text, so that
-- substr(text, start + 1, end - start) is the evidence a record was read from.
-- A document and all its rows are written in one transaction: a run killed at any moment
-- leaves each document either wholly stored or absent, and `tacitus ingest` resumes.

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,            -- 'schema_version'; 'cluster_rule': the parameters
                                        -- of the clusters stored (tacitus.store.cluster)
    value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY,
    started TIMESTAMP NOT NULL,
    finished TIMESTAMP,                 -- NULL while running or when the run was killed
    status VARCHAR NOT NULL,            -- running, done, failed, interrupted (killed or
                                        -- stopped; the next ingest marks a killed one)
    inputs VARCHAR NOT NULL,            -- JSON list of the paths given
    executor VARCHAR NOT NULL,          -- 'local:N' or the Dask scheduler address
                                        -- ('dask:tcp://host:8786', 'dask:local:N')
    tacitus_version VARCHAR NOT NULL,
    data_version VARCHAR,               -- versions of the data files that coded it (JSON)
    documents INTEGER DEFAULT 0,        -- new documents stored by this run
    skipped INTEGER DEFAULT 0,          -- documents already stored (same id or content)
    events INTEGER DEFAULT 0,
    errors INTEGER DEFAULT 0,
    pipeline VARCHAR                    -- added: the spaCy pipeline and its version
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,         -- the id given with the article, else a content id
    content_hash VARCHAR NOT NULL UNIQUE, -- sha256 of the cleaned text: the identity
    title VARCHAR,
    published DATE,
    author VARCHAR,
    source VARCHAR,                     -- publisher / outlet
    url VARCHAR,
    dateline VARCHAR,
    text VARCHAR NOT NULL,              -- the cleaned text all offsets refer to
    origin VARCHAR,                     -- where it was read: path, path:line, WARC record
                                        -- (path#byte-offset), feed item (path#n, from 1)
    run_id INTEGER NOT NULL,
    data_version VARCHAR
);

CREATE TABLE IF NOT EXISTS actors (
    doc_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,          -- id within the document (Actor.id)
    name VARCHAR NOT NULL,
    code VARCHAR,                       -- CAMEO-style code: USAGOV, TAL, ...
    country VARCHAR,                    -- ISO3
    kind VARCHAR NOT NULL,
    role VARCHAR,
    PRIMARY KEY (doc_id, actor_id)
);

CREATE TABLE IF NOT EXISTS mentions (   -- every place in the text an actor is named
    doc_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    doc_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,          -- id within the document (Event.id)
    source_id VARCHAR,                  -- actor ids within the document
    source_code VARCHAR,                -- the actors' codes, copied for fast queries
    source_name VARCHAR,
    target_id VARCHAR,
    target_code VARCHAR,
    target_name VARCHAR,
    cameo VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    quad_class TINYINT NOT NULL,
    goldstein DOUBLE NOT NULL,
    name VARCHAR,                       -- the CAMEO code's name
    plover VARCHAR,
    sentence INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text VARCHAR NOT NULL,
    trigger_start INTEGER,
    trigger_end INTEGER,
    trigger_text VARCHAR,
    event_date DATE,                    -- first day of the event's date (NULL: unknown)
    date_value VARCHAR,                 -- as in the contract: YYYY[-MM[-DD]]
    date_precision VARCHAR,
    date_text VARCHAR,                  -- the time expression; NULL: publication date
    date_start INTEGER,
    date_end INTEGER,
    date_qualifier VARCHAR,
    published DATE,                     -- the article's date, copied for fast queries
    place_name VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    place_country VARCHAR,
    geonames_id INTEGER,
    modality VARCHAR NOT NULL,
    attributed_id VARCHAR,
    attributed_code VARCHAR,
    quantities JSON,                    -- list of Quantity objects as in the contract
    confidence DOUBLE NOT NULL,
    pattern VARCHAR,
    cluster_id VARCHAR,                 -- the real-world event it reports (see clusters)
    num_mentions INTEGER DEFAULT 1,     -- added: the passages of the article that report
                                        -- this event (Event.mentions; merged within the
                                        -- article by tacitus.events.merge); 1 when once
    mentions JSON,                      -- added: list of {start, end, text}, every passage
                                        -- (evidence_* is the most informative of them)
    PRIMARY KEY (doc_id, event_id)
);
-- Columns added after a database was first made (CREATE TABLE IF NOT EXISTS leaves an old
-- table as it was). One events row is one real event of one article, however often the
-- article reports it: its passages live in the row itself (`mentions`), so no table of
-- event mentions is needed; clusters count `num_mentions` (GDELT's NumMentions: every
-- report in every article), and an old row counts 1.
ALTER TABLE events ADD COLUMN IF NOT EXISTS num_mentions INTEGER DEFAULT 1;
ALTER TABLE events ADD COLUMN IF NOT EXISTS mentions JSON;
-- 'title' when the event is read from the headline alone: its offsets index
-- documents.title, not documents.text; title_evidence: the headline's words for an event
-- (JSON {start, end, text} into documents.title)
ALTER TABLE events ADD COLUMN IF NOT EXISTS evidence_in VARCHAR DEFAULT 'text';
ALTER TABLE events ADD COLUMN IF NOT EXISTS title_evidence JSON;
-- An act with several sources or targets ("gunmen killed a police officer and two
-- soldiers") is one row; dyads lists its source-target pairs, its own (source_*, target_*)
-- first: JSON [{source_id, source_code, source_name, target_id, target_code, target_name,
-- source_span, target_span}], NULL when the act has its one pair. The actor, network and
-- dyad queries count each pair (tacitus.store.query.EVENT_PAIRS).
ALTER TABLE events ADD COLUMN IF NOT EXISTS dyads JSON;

CREATE TABLE IF NOT EXISTS quotes (
    doc_id VARCHAR NOT NULL,
    quote_id INTEGER NOT NULL,          -- order in the document
    speaker_id VARCHAR,
    speaker_code VARCHAR,
    speaker_name VARCHAR,
    text VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    direct BOOLEAN NOT NULL,
    PRIMARY KEY (doc_id, quote_id)
);

CREATE TABLE IF NOT EXISTS places (
    doc_id VARCHAR NOT NULL,
    place_id INTEGER NOT NULL,          -- order in the document
    name VARCHAR NOT NULL,
    lat DOUBLE,
    lon DOUBLE,
    country VARCHAR,
    geonames_id INTEGER,
    mentions JSON,                      -- list of {start, end, text}
    PRIMARY KEY (doc_id, place_id)
);

CREATE TABLE IF NOT EXISTS errors (     -- documents that could not be read or coded
    run_id INTEGER NOT NULL,
    origin VARCHAR NOT NULL,            -- path, path:line, WARC record
    reason VARCHAR NOT NULL,
    happened TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS clusters (   -- one row per real-world event (see docs/user-guide.md)
    cluster_id VARCHAR PRIMARY KEY,
    source_code VARCHAR,
    target_code VARCHAR,
    root VARCHAR NOT NULL,
    cameo VARCHAR NOT NULL,             -- the most reported code in the cluster
    event_date DATE,
    date_last DATE,
    place_name VARCHAR,
    place_country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    quad_class TINYINT NOT NULL,
    goldstein DOUBLE NOT NULL,
    num_mentions INTEGER NOT NULL,      -- passages that report it, over all its events
                                        -- (the sum of events.num_mentions)
    num_sources INTEGER NOT NULL,       -- distinct outlets (documents.source, else URL host)
    num_articles INTEGER NOT NULL,      -- distinct documents
    first_doc_id VARCHAR NOT NULL,
    first_event_id VARCHAR NOT NULL
);
