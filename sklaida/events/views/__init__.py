"""Staff screens of events and cultural activity, one module per part."""
