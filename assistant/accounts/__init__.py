"""Accounts: users and roles, passwords, browser sessions, personal API tokens, sign-in throttling."""
