"""Users: accounts, logins, sessions and the idle lock, per-user preferences."""
