"""Processing jobs: the queue (Huey), the runner that processes one meeting, and the embedded worker."""
