"""Mails printed in development as a person reads them: links on one line, umlauts as such.

Django's console backend prints what would go over SMTP, where the text parts are
quoted-printable: a long confirmation link is cut with "=" and "ü" reads "=C3=BC". Here the
text parts are printed as 8-bit UTF-8 and the headers unencoded and unfolded. Only the
console sees this; mails sent over SMTP keep Django's encoding.
"""

import email.policy

from django.core.mail.backends import console

# Headers in UTF-8 rather than RFC 2047 encoded words; 8-bit text parts may stay as they are.
READABLE = email.policy.default.clone(utf8=True, cte_type="8bit")
# When printed, a header is not folded, so that a link in List-Unsubscribe stays whole.
UNFOLDED = READABLE.clone(max_line_length=0)


def readable(message):
    """The Django mail `message` as MIME, with its text parts (attachments too) in 8-bit UTF-8."""
    mime = message.message(policy=READABLE)
    for part in mime.walk():
        if part.get_content_maintype() == "text":
            text = part.get_content()
            # The payload of an 8-bit part is kept as str with its bytes escaped, as the
            # email package itself stores it; its other headers stay as they were.
            part.set_payload(text.encode("utf-8").decode("ascii", "surrogateescape"))
            part.set_param("charset", "utf-8")
            part.replace_header("Content-Transfer-Encoding", "8bit")
    return mime.as_bytes(policy=UNFOLDED).decode("utf-8")


class EmailBackend(console.EmailBackend):
    def write_message(self, message):
        self.stream.write(f"{readable(message)}\n")
        self.stream.write("-" * 79)
        self.stream.write("\n")
