"""The records as people read and correct them: collections, Bodies, photos, faces marked
by hand, pictures for the screens, the overview."""
