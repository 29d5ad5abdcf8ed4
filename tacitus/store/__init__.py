"""The event database: DuckDB tables (schema.sql), written by ingest, read by queries,
exports and the web workbench."""
