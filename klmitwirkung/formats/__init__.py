"""Our date and time formats where Django's for a language differ (FORMAT_MODULE_PATH)."""
