"""The app's screens: the board, an interview's detail, the forms and dialogs, help."""
