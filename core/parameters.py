"""Query parameters that pages of several apps understand, named once.

A page that shows a comment thread reads its page number from THREAD_PAGE; the page cache
must know it too (`cache_public_page(params=[THREAD_PAGE])`), and the pages belong to apps
below comments (projects), so the name lives here rather than in comments.
"""

THREAD_PAGE = "kommentarseite"
