"""The shared browser-test fixtures (sklaida/testing/browser_fixtures.py)."""

from sklaida.testing.browser_fixtures import *  # noqa: F403
