"""Views of the public pages, one module per part."""
