"""Articles: hand-written Markdown woven into the graph (checked links, mentions, safety callouts)."""
