"""Distinctive marks: annotation by forensic examiners on photos of both sides and from
families' descriptions (annotate), links between ante-mortem and post-mortem marks
(links), the search by mark and the agreement of a person's marks with a Body's
(search, terms), and the reads (views)."""
