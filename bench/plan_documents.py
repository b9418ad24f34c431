"""The document to comment on of the benchmark's data set (issue 23): 20 chapters of 10
paragraphs each, 2,000 comments on its paragraphs, chapters and the whole, a response to
every second one."""

from datetime import timedelta

from common import DOCUMENT_SLUG

CHAPTERS = 20
PARAGRAPHS_PER_CHAPTER = 10
COMMENTS_PER_PARAGRAPH = 9  # 1,800 on paragraphs, 200 on chapters and the whole


class DocumentRows:
    """Mixed into bench/build_data.py's Builder; after the discussions (comment numbers)."""

    def documents(self):
        from django.contrib.contenttypes.models import ContentType

        from comments.models import Comment
        from documents.models import Chapter, Document, Outcome, Paragraph, Response, Version

        add = self.plan.add
        document = Document(
            pk=1,
            project_id=1,
            title="Leitlinien für Bürgerbeteiligung",
            slug=DOCUMENT_SLUG,
            intro="<p>Bitte kommentieren Sie den Entwurf Absatz für Absatz.</p>",
            opens_at=self.now - timedelta(days=30),
            closes_at=self.now + timedelta(days=30),
            is_published=True,
            current_version_id=1,
        )
        add("small", document)
        add(
            "small",
            Version(pk=1, document_id=1, number=1, published_at=self.now - timedelta(days=30)),
        )
        position = 0
        for number in range(1, CHAPTERS + 1):
            add(
                "small",
                Chapter(pk=number, version_id=1, position=number, title=self.sentence(2, 6)[:300]),
            )
            for _ in range(PARAGRAPHS_PER_CHAPTER):
                position += 1
                add(
                    "small",
                    Paragraph(
                        pk=position,
                        version_id=1,
                        chapter_id=number,
                        position=position,
                        text=self.paragraph(1, 3),
                    ),
                )
        types = {
            model: ContentType.objects.get_for_model(model)
            for model in (Document, Chapter, Paragraph)
        }
        first_comment = self.comment_pk + 1
        start = self.now - timedelta(days=29)
        for pk in range(1, position + 1):
            self.thread(types[Paragraph], pk, COMMENTS_PER_PARAGRAPH, "small", start, False)
        for pk in range(1, CHAPTERS + 1):
            self.thread(types[Chapter], pk, 5, "small", start, False)
        self.thread(types[Document], 1, 100, "small", start, False)
        outcomes = list(Outcome.values)
        for stage in ("small", "rest"):
            for row in self.plan.rows[stage].get(Comment, []):
                if row.pk < first_comment or row.pk % 2 or row.moderation_state != "published":
                    continue
                response = Response(
                    comment_id=row.pk,
                    outcome=self.rng.choice(outcomes),
                    reason=self.sentence(6, 20),
                    responded_by_id=self.moderator.pk,
                    responded_at=row.created_at + timedelta(days=2),
                )
                add(stage, response)
