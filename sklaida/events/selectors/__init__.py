"""Reads of events and cultural activity, scoped to the asking user; one module per part."""
