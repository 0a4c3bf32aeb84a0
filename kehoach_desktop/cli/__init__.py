"""The command line: `kehoach-desktop` and its sub-commands, over the same services as the window."""
