"""Records: the model of every record kind, loading with line numbers, and the checks, joined into the atlas graph."""
