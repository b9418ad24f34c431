"""The Abwägungstabelle as a Word file (.docx): a landscape page with a heading, a line on
what it holds, and one table row per comment, the header repeated on every page. Word and
LibreOffice Writer open it; the council's office can edit and print it as it is."""

import docx
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt


def repeat_as_header(row):
    """Word repeats this row at the top of every page the table runs over."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def table_document(*, document, columns, rows):
    file = docx.Document()
    section = file.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = file.styles["Normal"]
    style.font.size = Pt(9)
    file.core_properties.title = _("Abwägungstabelle: %(title)s") % {"title": document.title}
    file.core_properties.language = "de-DE"
    file.add_heading(_("Abwägungstabelle: %(title)s") % {"title": document.title}, level=1)
    state = (
        _("Evaluated on %(date)s.") % {"date": date_format(document.evaluated_at, "DATE_FORMAT")}
        if document.is_evaluated
        else _("Not yet evaluated: some comments may still lack a response.")
    )
    file.add_paragraph(
        _(
            "Every released comment with the city's response, as of %(date)s. Comments "
            "received by letter or e-mail are marked as such; their senders are not named."
        )
        % {"date": date_format(timezone.localtime(), "DATETIME_FORMAT")}
        + " "
        + state
    )
    table = file.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    header = table.rows[0]
    repeat_as_header(header)
    for cell, title in zip(header.cells, columns, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(str(title)).bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = str(value)
    if not rows:
        file.add_paragraph(_("No comments have been released yet."))
    return file
