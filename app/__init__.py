"""Composition root, command line (and later the Qt desktop UI)."""
