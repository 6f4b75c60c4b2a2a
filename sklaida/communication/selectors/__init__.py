"""Reads of communication content, one module per part."""
