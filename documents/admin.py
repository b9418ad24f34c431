"""Documents to comment on in the admin: editors set one up and import its text from a Word
or Markdown file, correct a version paragraph by paragraph and publish it; staff type in
comments that came by letter or e-mail, and respond to every comment (the Abwägung) on a
page of its own per document, until the document can be declared evaluated."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modeltranslation.admin import TranslationAdmin

from comments.models import Received
from comments.permissions import can_enter_written_comments
from comments.services import enter_written_comment
from core.admin_forms import LabelledInlineFormSet
from core.admin_pages import AdminPagesMixin
from core.forms import show_service_error

from . import services
from .importing import ImportError_, from_markdown, read_file
from .models import Chapter, Document, Paragraph, Response, Version
from .permissions import can_edit_documents, can_respond
from .queries import comments_on, needing_response, table_rows

RESPONSES_PER_PAGE = 25


class DocumentForm(forms.ModelForm):
    import_file = forms.FileField(
        label=_("Import the text from a file"),
        required=False,
        help_text=_(
            "A Word file (.docx) or a Markdown file (.md). Headings become chapters, "
            "paragraphs and list items become numbered paragraphs. It becomes a new, "
            "unpublished version; check it before you publish it. Tables and images are "
            "not imported."
        ),
    )
    import_text = forms.CharField(
        label=_("Or write the text here"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80}),
        help_text=_(
            "Instead of a file: the text in Markdown. A line starting with „## “ begins a "
            "chapter, an empty line a new paragraph, „- “ or „1. “ an item of a list. It "
            "becomes a new, unpublished version like an imported file."
        ),
    )
    version_note = forms.CharField(
        label=_("What changed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For a second or later version: what changed from the previous one, and why."),
    )

    class Meta:
        model = Document
        fields = ["project", "title", "slug", "intro", "opens_at", "closes_at", "is_published"]

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("import_text", "").strip()
        if text and cleaned.get("import_file"):
            self.add_error(
                "import_text", _("Please either choose a file or write the text, not both.")
            )
        elif text:
            try:
                self.draft = from_markdown(text)
            except ImportError_ as error:
                self.add_error("import_text", str(error))
        return cleaned

    def clean_import_file(self):
        upload = self.cleaned_data.get("import_file")
        if not upload:
            return None
        try:
            self.draft = read_file(upload)
        except ImportError_ as error:
            raise ValidationError(str(error)) from error
        return upload


@admin.register(Document)
class DocumentAdmin(AdminPagesMixin, TranslationAdmin):
    form = DocumentForm
    list_display = ["title", "project", "opens_at", "closes_at", "is_published", "state"]
    list_filter = ["is_published", "project"]
    list_select_related = ["project", "current_version"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title_de"]}
    # Fields, not fieldsets: modeltranslation sets `fields` from the form's, and the admin
    # refuses both (admin.E005) once a change form has been shown.
    fields = [
        "project",
        "title",
        "slug",
        "intro",
        ("opens_at", "closes_at"),
        "is_published",
        "import_file",
        "import_text",
        "version_note",
    ]
    view_on_site = True
    change_form_template = "admin/documents/document/change_form.html"

    @admin.display(description=_("state"))
    def state(self, document):
        if document.is_evaluated:
            return _("evaluated")
        if document.current_version is None:
            return _("no published version")
        return document.current_version

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        draft = getattr(form, "draft", None)
        if draft is None:
            return
        try:
            version = services.import_version(
                document=obj, draft=draft, by=request.user, note=form.cleaned_data["version_note"]
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            return
        messages.success(
            request,
            gettext(
                "Imported as version %(number)s with %(chapters)s chapters and %(paragraphs)s "
                "paragraphs. Please check it, then publish it."
            )
            % {
                "number": version.number,
                "chapters": len(draft.sections),
                "paragraphs": draft.paragraph_count,
            },
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context.update(
                versions=list(obj.versions.all()),
                may_edit=can_edit_documents(request.user),
                may_respond=can_respond(request.user),
                may_enter_written=can_enter_written_comments(request.user),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        pages = [  # address, view, name, POST only
            ("<path:object_id>/abwaegung/", self.responses_view, "responses", False),
            ("<path:object_id>/abwaegung/<int:comment>/", self.respond_view, "respond", True),
            ("<path:object_id>/ausgewertet/", self.evaluated_view, "evaluated", True),
            ("<path:object_id>/stellungnahme/", self.written_view, "written", False),
            ("<path:object_id>/fassung-kopieren/", self.copy_view, "copy", True),
            (
                "<path:object_id>/veroeffentlichen/<int:number>/",
                self.publish_view,
                "publish",
                True,
            ),
        ]
        return [
            *(
                path(
                    route,
                    self.admin_site.admin_view(require_POST(view) if post_only else view),
                    name=f"documents_document_{name}",
                )
                for route, view, name, post_only in pages
            ),
            *super().get_urls(),
        ]

    def change_url(self, document):
        return reverse("admin:documents_document_change", args=[document.pk])

    # Versions --------------------------------------------------------------------------

    def copy_view(self, request, object_id):
        document = self.viewable_object_or_404(request, object_id)
        try:
            version = services.copy_version(document=document, by=request.user)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            return redirect(self.change_url(document))
        messages.success(
            request,
            gettext(
                "Version %(number)s starts as a copy of the current one. Edit it, then publish it."
            )
            % {"number": version.number},
        )
        return redirect(reverse("admin:documents_version_change", args=[version.pk]))

    def publish_view(self, request, object_id, number):
        document = self.viewable_object_or_404(request, object_id)
        version = document.versions.filter(number=number).first()
        if version is None:
            raise PermissionDenied
        try:
            services.publish_version(version=version, by=request.user)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(
                request,
                gettext("Version %(number)s is published: readers now see and comment on it.")
                % {"number": version.number},
            )
        return redirect(self.change_url(document))

    # Written comments ----------------------------------------------------------------

    def written_view(self, request, object_id):
        document = self.viewable_object_or_404(request, object_id)
        if not can_enter_written_comments(request.user):
            raise PermissionDenied
        targets = written_targets(document)
        form = WrittenCommentForm(request.POST or None, targets=targets)
        if request.method == "POST" and form.is_valid():
            try:
                comment = enter_written_comment(
                    entered_by=request.user,
                    target=form.target(),
                    text=form.cleaned_data["text"],
                    received_as=form.cleaned_data["received_as"],
                )
            except (ValidationError, PermissionDenied) as error:
                show_service_error(form, error)
            else:
                messages.success(
                    request,
                    gettext(
                        "The written comment no. %(number)s is saved. A second person releases "
                        "it in the moderation queue; then it is published without a name."
                    )
                    % {"number": comment.pk},
                )
                if "_addanother" in request.POST:
                    return redirect(request.path)
                return redirect(self.change_url(document))
        return self.render_page(
            request,
            "admin/documents/document/written.html",
            title=gettext("Type in a written comment"),
            document=document,
            form=form,
            open_for_letters=bool(targets),
        )

    # Responses -----------------------------------------------------------------------

    def responses_view(self, request, object_id, forms_by_comment=None):
        document = self.viewable_object_or_404(request, object_id)
        if not can_respond(request.user):
            raise PermissionDenied
        show_all = request.GET.get("alle") == "1"
        comments = (
            needing_response(comments_on(document))
            .with_thread_position()
            .select_related("author", "document_response")
        )
        missing = comments.filter(document_response__isnull=True).count()
        total = comments.count()
        if not show_all:
            comments = comments.filter(document_response__isnull=True)
        rows = table_rows(document, comments.order_by("created_at", "pk"))
        page = Paginator(rows, RESPONSES_PER_PAGE).get_page(request.GET.get("page"))
        forms_by_comment = forms_by_comment or {}
        for row in page.object_list:
            row.form = forms_by_comment.get(row.comment.pk) or ResponseForm(
                instance=row.response, prefix=f"c{row.comment.pk}"
            )
        return self.render_page(
            request,
            "admin/documents/document/responses.html",
            title=gettext("Responses to the comments"),
            document=document,
            page_obj=page,
            rows=page.object_list,
            show_all=show_all,
            missing=missing,
            total=total,
            waiting=comments_on(document).pending().count(),
            filter_query="alle=1" if show_all else "",
        )

    def respond_view(self, request, object_id, comment):
        document = self.viewable_object_or_404(request, object_id)
        if not can_respond(request.user):
            raise PermissionDenied
        comment = needing_response(comments_on(document)).filter(pk=comment).first()
        if comment is None:
            messages.error(request, gettext("This comment cannot receive a response."))
            return redirect(reverse("admin:documents_document_responses", args=[document.pk]))
        form = ResponseForm(request.POST, prefix=f"c{comment.pk}")
        if form.is_valid():
            try:
                services.respond(
                    comment=comment,
                    outcome=form.cleaned_data["outcome"],
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
            except ValidationError as error:
                show_service_error(form, error)
            else:
                messages.success(
                    request,
                    gettext("The response to comment no. %(number)s is saved and published.")
                    % {"number": comment.pk},
                )
                back = request.POST.get("next", "")
                if not back.startswith(
                    reverse("admin:documents_document_responses", args=[document.pk])
                ):
                    back = reverse("admin:documents_document_responses", args=[document.pk])
                return redirect(back)
        return self.responses_view(request, object_id, forms_by_comment={comment.pk: form})

    def evaluated_view(self, request, object_id):
        document = self.viewable_object_or_404(request, object_id)
        try:
            services.mark_evaluated(document=document, by=request.user)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            return redirect(reverse("admin:documents_document_responses", args=[document.pk]))
        messages.success(
            request,
            gettext("The document is evaluated; the Abwägungstabelle is complete."),
        )
        return redirect(self.change_url(document))


class ResponseForm(forms.ModelForm):
    class Meta:
        model = Response
        fields = ["outcome", "reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3, "cols": 60})}


def written_targets(document):
    """Where a written comment can go: the whole document, a chapter or a paragraph of the
    current version, as (value, label, object): two queries."""
    if not document.accepts_written_comments():
        return []
    version = document.current_version
    chapters = list(version.chapters.all())
    paragraphs = list(version.paragraphs.all())
    choices = [("document", str(document.place_label()).capitalize(), document)]
    for chapter in chapters:
        chapter.version = version
        choices.append((f"chapter-{chapter.pk}", str(chapter), chapter))
    for paragraph in paragraphs:
        paragraph.version = version
        excerpt = paragraph.text if len(paragraph.text) <= 70 else paragraph.text[:69] + "…"
        label = f"{str(paragraph.place_label()).capitalize()}: {excerpt}"
        choices.append((f"paragraph-{paragraph.pk}", label, paragraph))
    return choices


class WrittenCommentForm(forms.Form):
    place = forms.ChoiceField(label=_("Comment on"))
    received_as = forms.ChoiceField(
        label=_("Received"),
        choices=[(Received.LETTER, Received.LETTER.label), (Received.EMAIL, Received.EMAIL.label)],
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Text of the comment"),
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text=_(
            "As written, without the sender's name, address or anything else that would "
            "identify them: it is published."
        ),
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = {value: target for value, _label, target in targets}
        self.fields["place"].choices = [(value, label) for value, label, _target in targets]

    def target(self):
        return self.targets[self.cleaned_data["place"]]


class ChapterInline(admin.TabularInline):
    model = Chapter
    formset = LabelledInlineFormSet
    fields = ["position", "title"]
    extra = 0


class ParagraphInline(admin.TabularInline):
    model = Paragraph
    formset = LabelledInlineFormSet
    fields = ["position", "chapter", "kind", "marker", "text", "predecessor", "prompted_by"]
    # Numbers, not lists of every paragraph and comment: a long text has hundreds of each.
    # The comment numbers are those of the „Abwägung“ page.
    raw_id_fields = ["predecessor", "prompted_by"]
    extra = 1

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # One query for the chapters of this version, not one per paragraph's select.
        chapter_field = formset.form.base_fields["chapter"]
        chapter_field.queryset = (
            Chapter.objects.filter(version=obj) if obj else Chapter.objects.none()
        )
        chapter_field.choices = [
            ("", "---------"),
            *((c.pk, str(c)) for c in chapter_field.queryset),
        ]
        chapter_field.widget.choices = chapter_field.choices
        text = formset.form.base_fields["text"]
        text.widget.attrs.update(rows=3, cols=70)
        return formset


@admin.register(Version)
class VersionAdmin(admin.ModelAdmin):
    """One version with its chapters and paragraphs: editable until it is published."""

    list_display = ["__str__", "document", "published_at"]
    list_filter = ["document"]
    list_select_related = ["document"]
    fields = ["document", "number", "note", "published_at"]
    readonly_fields = ["document", "number", "published_at"]
    inlines = [ChapterInline, ParagraphInline]

    def has_add_permission(self, request):
        return False  # versions come from an import or a copy (the document's page)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_delete_permission(request, obj)
