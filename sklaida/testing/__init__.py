"""Helpers shared by every app's tests (browser driving, accessibility checks)."""
