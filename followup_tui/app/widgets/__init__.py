"""The app's widgets: the virtual interview list and the form fields."""
