"""Alembic migrations of the workspace database (never edit one that has landed)."""
