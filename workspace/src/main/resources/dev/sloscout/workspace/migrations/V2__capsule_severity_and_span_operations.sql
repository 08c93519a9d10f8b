-- Capsules carry their worst severity as a column (filters without reading the JSON body), and span operations are
-- stored so the search index can be rebuilt from the database alone.
ALTER TABLE capsule ADD COLUMN IF NOT EXISTS worst_severity VARCHAR(16) DEFAULT 'UNKNOWN' NOT NULL;
CREATE INDEX IF NOT EXISTS capsule_service ON capsule(service);
CREATE INDEX IF NOT EXISTS capsule_batch ON capsule(batch_id);
CREATE TABLE IF NOT EXISTS span_operation (
    service VARCHAR(1024) NOT NULL,
    operation VARCHAR(4096) NOT NULL,
    journey_id VARCHAR(64),
    spans BIGINT NOT NULL,
    batch_id BIGINT NOT NULL,
    PRIMARY KEY (service, operation)
);
