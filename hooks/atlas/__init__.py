"""Upper Back Atlas generator core: records and articles in, Markdown pages and JSON out. Knows nothing of MkDocs."""
