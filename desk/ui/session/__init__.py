"""Starting and holding a session: sign-in, the idle lock, one instance per PC, the language, the first-start wizard."""
