"""Every change to the media archive: one module per area (ingest, assets, collections,
broadcasts, equipment, preservation)."""
