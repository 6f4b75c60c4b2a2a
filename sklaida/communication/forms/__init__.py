"""Forms of the communication screens, one module per part."""
