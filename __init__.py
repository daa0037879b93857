"""Athar: offline forensic photo-identification workbench."""

__version__ = "0.1.0"
