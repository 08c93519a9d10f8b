-- Embeddings of redacted texts (capsule templates, journey and SLI descriptions), keyed by the SHA-256 of the text and
-- the model that made them, so a text is embedded once per model.
CREATE TABLE IF NOT EXISTS embedding (
    text_hash VARCHAR(64) NOT NULL,
    model VARCHAR(256) NOT NULL,
    vector VARBINARY(65536) NOT NULL,
    PRIMARY KEY (text_hash, model)
);
