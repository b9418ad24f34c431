"""Projects, topics, phases and news: filled in by the projects issue."""
