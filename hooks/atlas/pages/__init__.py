"""Pages: every kind of generated page, declared once, and the page of each kind rendered from templates."""
