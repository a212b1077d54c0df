"""Engines: what only a site engine needs (MkDocs' messages and theme fixes) and the export that lets another engine build the site."""
