"""Reading the media archive: lists, search and facets, galleries."""
