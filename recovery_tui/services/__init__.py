"""Services between the UI and the store: what the screens and the command line call."""
