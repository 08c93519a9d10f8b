-- Sources read into the workspace, batches committed from them, and what the analyses found.
-- Every statement is idempotent: H2 commits DDL as it goes, so a migration cut short by a crash is simply run again.
CREATE TABLE IF NOT EXISTS source (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    location VARCHAR(4096) NOT NULL,
    kind VARCHAR(32) NOT NULL,
    added_at TIMESTAMP WITH TIME ZONE NOT NULL,
    events BIGINT DEFAULT 0 NOT NULL
);
CREATE TABLE IF NOT EXISTS ingest_batch (
    id BIGINT PRIMARY KEY,
    source_id BIGINT NOT NULL REFERENCES source(id),
    events BIGINT NOT NULL,
    capsules INT NOT NULL,
    committed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE IF NOT EXISTS capsule (
    id VARCHAR(64) PRIMARY KEY,
    service VARCHAR(1024) NOT NULL,
    template_id VARCHAR(32) NOT NULL,
    template CHARACTER LARGE OBJECT NOT NULL,
    event_count BIGINT NOT NULL,
    first_seen BIGINT,
    last_seen BIGINT,
    body CHARACTER LARGE OBJECT NOT NULL,
    batch_id BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS journey (
    id VARCHAR(64) PRIMARY KEY,
    name VARCHAR(4096) NOT NULL,
    body CHARACTER LARGE OBJECT NOT NULL,
    batch_id BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS sli_candidate (
    id VARCHAR(256) PRIMARY KEY,
    journey_id VARCHAR(64),
    body CHARACTER LARGE OBJECT NOT NULL,
    batch_id BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS slo_draft (
    id VARCHAR(256) PRIMARY KEY,
    sli_id VARCHAR(256) NOT NULL,
    settings CHARACTER LARGE OBJECT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE IF NOT EXISTS slo_tuning (
    draft_id VARCHAR(256) NOT NULL REFERENCES slo_draft(id) ON DELETE CASCADE,
    seq INT NOT NULL,
    settings CHARACTER LARGE OBJECT NOT NULL,
    tuned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (draft_id, seq)
);
