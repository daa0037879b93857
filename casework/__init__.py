"""The core of Athar: entities, workflow, audit, ingest and search services."""
