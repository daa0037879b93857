"""Persistence: the workspace folder, its encrypted database, evidence, indexes and audit
chain, the unit of work and the repositories (every query lives here)."""
