"""The proposals, supports and comments of the benchmark's data set (a part of
bench/build_data.Builder)."""

import math
from collections import defaultdict
from datetime import timedelta

from common import (
    PROPOSAL_200_PK,
)
from plan_data import (
    COMMENTS,
    POLL_COMMENTS,
    PROJECT_COMMENTS,
    PROPOSALS,
    SMALL_EVERY,
    SUPPORTS,
    TOPICS,
)


class DiscussionRows:
    def proposals(self):
        from moderation.models import ModerationState
        from proposals.models import Proposal, StatusEntry, Support

        add = self.plan.add
        statuses = (
            [Proposal.Status.SUBMITTED] * 60
            + [Proposal.Status.UNDER_REVIEW] * 20
            + [Proposal.Status.ACCEPTED] * 8
            + [Proposal.Status.REJECTED] * 7
            + [Proposal.Status.IMPLEMENTED] * 5
        )
        self.proposal_list = []
        entry_pk = 0
        for pk in range(1, PROPOSALS + 1):
            stage = "small" if (pk - 1) % SMALL_EVERY == 0 else "rest"
            created = self.ago(1, 1100)
            state = (
                ModerationState.PUBLISHED
                if pk == PROPOSAL_200_PK
                else self.moderation_state(0.90, 0.04, 0.04)
            )
            status = (
                self.rng.choice(statuses) if state == ModerationState.PUBLISHED else "submitted"
            )
            proposal = Proposal(
                pk=pk,
                title=self.sentence(4, 10).rstrip(".")[:118],
                description="\n\n".join(self.paragraph() for _ in range(self.rng.randint(1, 3))),
                topic_id=self.rng.randint(1, len(TOPICS)),
                project_id=self.rng.randint(1, 10) if self.rng.random() < 0.7 else None,
                status=status,
                author_id=self.rng.choice(self.users).pk,
                created_at=created,
            )
            self.moderated(proposal, state, created)
            if status != Proposal.Status.SUBMITTED:
                proposal.response = self.paragraph(2, 4)
                proposal.response_at = created + timedelta(days=self.rng.randint(10, 90))
                proposal.response_by_id = self.moderator.pk
                for step in range(self.rng.randint(1, 2)):
                    entry_pk += 1
                    add(
                        stage,
                        StatusEntry(
                            pk=entry_pk,
                            proposal_id=pk,
                            status=status,
                            status_changed=step == 0,
                            response_changed=True,
                            changed_by_id=self.moderator.pk,
                            created_at=proposal.response_at + timedelta(days=step),
                        ),
                    )
            proposal.stage = stage
            add(stage, proposal)
            self.proposal_list.append(proposal)

        # Supports: a few proposals gather hundreds, most a handful.
        published = [p for p in self.proposal_list if p.moderation_state == "published"]
        weights = [self.rng.paretovariate(1.3) for _ in published]
        scale = SUPPORTS / sum(weights)
        user_pks = [user.pk for user in self.users]
        for proposal, weight in zip(published, weights, strict=True):
            count = min(len(user_pks), max(0, round(weight * scale)))
            for index, user_pk in enumerate(self.rng.sample(user_pks, count)):
                small = proposal.stage == "small" and index < math.ceil(count / 10)
                add(
                    "small" if small else "rest",
                    Support(
                        proposal_id=proposal.pk,
                        user_id=user_pk,
                        created_at=proposal.created_at + timedelta(hours=index + 1),
                    ),
                )

    def comments(self):
        from django.contrib.contenttypes.models import ContentType

        from polls.models import Poll
        from projects.models import Project
        from proposals.models import Proposal

        published = [
            p
            for p in self.proposal_list
            if p.moderation_state == "published" and p.pk != PROPOSAL_200_PK
        ]
        proposal_total = COMMENTS - PROJECT_COMMENTS - POLL_COMMENTS - 200
        weights = [self.rng.paretovariate(1.5) for _ in published]
        counts = defaultdict(int)
        for proposal in self.rng.choices(published, weights, k=proposal_total):
            counts[proposal.pk] += 1
        proposal_type = ContentType.objects.get_for_model(Proposal)
        threads = [(proposal_type, PROPOSAL_200_PK, 200, "small")]
        stage_of = {p.pk: p.stage for p in self.proposal_list}
        threads += [(proposal_type, pk, n, stage_of[pk]) for pk, n in sorted(counts.items())]
        project_type = ContentType.objects.get_for_model(Project)
        # The project on the bench gets a busy discussion: 100 comments beyond its share.
        project_counts = self.split(PROJECT_COMMENTS - 100, 18)
        project_counts[0] += 100
        for pk, count in enumerate(project_counts, start=1):
            threads.append((project_type, pk, count, "small"))
        poll_type = ContentType.objects.get_for_model(Poll)
        for pk in range(1, 6):
            threads.append((poll_type, pk, POLL_COMMENTS // 5, "small"))
        self.comment_pk = 0
        for content_type, object_id, count, stage in threads:
            # The long discussion stays fully visible, so that its page shows 200 comments.
            complete = content_type == proposal_type and object_id == PROPOSAL_200_PK
            self.thread(content_type, object_id, count, stage, self.ago(20, 1000), complete)

    def split(self, total, parts):
        weights = [self.rng.paretovariate(1.5) for _ in range(parts)]
        counts = [int(total * w / sum(weights)) for w in weights]
        counts[-1] += total - sum(counts)
        return counts

    def thread(self, content_type, object_id, count, stage, start, all_visible):
        """`count` comments on one page, in order; replies answer an earlier top comment."""
        from comments.models import Comment
        from moderation.models import ModerationState

        add = self.plan.add
        small_count = math.ceil(count / 10) if stage == "small" else 0
        tops = []
        created = start
        for index in range(count):
            self.comment_pk += 1
            created += timedelta(minutes=self.rng.randint(5, 600))
            parent = None
            if tops and self.rng.random() < 0.3:
                parent = self.rng.choice(tops[-20:])
            state = ModerationState.PUBLISHED if all_visible else self.moderation_state()
            official = not all_visible and self.rng.random() < 0.01
            deleted = not all_visible and not official and self.rng.random() < 0.02
            comment = Comment(
                pk=self.comment_pk,
                content_type_id=content_type.pk,
                object_id=object_id,
                parent_id=parent,
                answered_id=parent,
                text="" if deleted else self.paragraph(1, 4)[:2000],
                is_official=official,
                deleted_at=created + timedelta(days=1) if deleted else None,
                author_id=self.moderator.pk if official else self.rng.choice(self.users).pk,
                created_at=created,
            )
            self.moderated(comment, state, created)
            if parent is None:
                tops.append(self.comment_pk)
            add("small" if index < small_count else "rest", comment)
