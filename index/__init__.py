"""Vector index adapter: FAISS stores of int64 ids and unit vectors, nothing of people."""
