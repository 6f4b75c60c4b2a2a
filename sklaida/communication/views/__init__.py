"""Staff screens of communication, one module per part."""
