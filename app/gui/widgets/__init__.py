"""Reusable widgets: the photo canvas, score bars, charts, count cards, a drop list."""
