"""Every change to events and cultural activity, one module per part (see STYLE.md)."""
