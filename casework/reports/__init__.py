"""Identification reports (PDF): issue 15."""
