"""Evidence beyond the face: metadata consistency, likelihood ratios, cross-checks: issue 18."""
