"""The HTTP API and the review web view."""
