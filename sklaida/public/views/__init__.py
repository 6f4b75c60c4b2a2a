"""The public pages, one module per part: calendar, registration, tour booking."""
