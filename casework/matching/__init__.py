"""Face search: ranked candidates from the vector indexes, stored for review."""
