"""Distinctive marks annotated by examiners, linked across AM and PM: issue 16."""
