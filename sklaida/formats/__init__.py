"""Locale formats that correct Django's defaults (FORMAT_MODULE_PATH)."""
