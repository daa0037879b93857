"""Review and sign-off of candidates (reviews, identifications, four eyes): issue 15."""
