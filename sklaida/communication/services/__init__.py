"""Every change to communication content, one module per part."""
