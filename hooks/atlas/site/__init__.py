"""Site: what a built site needs beyond its pages: the build cache, publishing, offline, search terms and asset licences."""
