"""The sync check's helpers: a device with its own Syncthing, and the app in a tmux window."""
