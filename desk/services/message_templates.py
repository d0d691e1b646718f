"""The words of the messages to applicants: office data in ``resources/forms/messages.toml``.

One section a step (named by its ``StepKind`` value), each with the SMS, the
e-mail's subject and text, and the Zalo ZNS template id and parameters. The
file is found and merged as the forms' wording is (``desk.documents.wording``):
an office's own copy in its ``forms`` folder wins entry by entry. A text is a
string or a list of lines ``{ text = "...", needs = "field" }`` (a line whose
field is empty is left out). Placeholders are ``{field}``; a wrong one is a
``UserError`` naming the file and the entry, as for the forms.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

from desk.documents.wording import Wording, load_wording, shipped_forms_dir
from desk.domain.errors import UserError
from desk.domain.lifecycle import StepKind
from desk.domain.messages import MessageChannel, MessageDraft, unaccented
from desk.domain.text import nfc
from desk.domain.translation import translate

WORDING = "messages"
#: The section of the test message (``desk notify test``).
TEST_SECTION = "test"

_FORMATTER = string.Formatter()


def load() -> Wording:
    return load_wording(WORDING)


def fill(wording: Wording, key: str, fields: Mapping[str, Any], separator: str = " ") -> str:
    """The text at ``key`` (a string, or lines with ``needs``) with its fields filled in."""
    value = _lookup(wording, key)
    if isinstance(value, list):
        lines = [
            _format(wording, key, str(entry.get("text", "")), fields)
            for entry in value
            if isinstance(entry, dict)
            and not (entry.get("needs") and not str(fields.get(entry["needs"], "")).strip())
        ]
    else:
        lines = [_format(wording, key, str(value), fields)]
    if separator == " ":
        return " ".join(" ".join(lines).split())
    return separator.join(line.rstrip() for line in lines).strip("\n")


def _lookup(wording: Wording, key: str) -> Any:
    value: Any = wording.data
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return ""
        value = value[part]
    return value


def _format(wording: Wording, key: str, template: str, fields: Mapping[str, Any]) -> str:
    try:
        return nfc(_FORMATTER.vformat(template, (), {k: str(v) for k, v in fields.items()}))
    except KeyError as exc:
        raise UserError(
            translate(
                "MessageTemplates",
                "Tệp lời văn {file}, mục '{key}': không có trường {{{field}}}. "
                "Các trường dùng được: {fields}.",
            ).format(
                file=wording.source,
                key=key,
                field=exc.args[0],
                fields=", ".join("{" + k + "}" for k in sorted(fields)),
            )
        ) from exc
    except (ValueError, IndexError) as exc:
        raise UserError(
            translate(
                "MessageTemplates",
                "Tệp lời văn {file}, mục '{key}': dấu ngoặc {{ }} viết sai ({error}).",
            ).format(file=wording.source, key=key, error=exc)
        ) from exc


def render(
    section: StepKind | str,
    fields: Mapping[str, Any],
    recipients: Mapping[MessageChannel, str],
    *,
    plain_sms: bool = False,
) -> list[MessageDraft]:
    """One draft per channel in ``recipients``, in the words of ``section``.

    ``plain_sms`` sends the SMS without accents (the office's choice for cost):
    the section's ``sms_plain`` when it has one, else its ``sms`` unaccented.
    The apology's e-mail carries the letter (form 04) as a PDF.
    """
    wording = load()
    name = section.value if isinstance(section, StepKind) else section
    fields = {**fields, "collect": _collect(wording, fields)}
    drafts = []
    for channel, recipient in recipients.items():
        if channel is MessageChannel.SMS:
            body = fill(wording, f"{name}.sms", fields)
            if plain_sms:
                own = fill(wording, f"{name}.sms_plain", fields)
                body = own or unaccented(body)
            drafts.append(MessageDraft(channel, recipient, body))
        elif channel is MessageChannel.EMAIL:
            text = fill(wording, f"{name}.email", fields, "\n")
            signature = fill(wording, "common.email_signature", fields, "\n")
            drafts.append(
                MessageDraft(
                    channel,
                    recipient,
                    f"{text}\n\n{signature}".rstrip() + "\n",
                    subject=fill(wording, f"{name}.email_subject", fields),
                    attachment="apology" if name == StepKind.APOLOGY.value else "",
                )
            )
        else:
            data = _zalo_data(wording, name)
            template_data = {
                str(k): _format(wording, f"{name}.zalo_data.{k}", str(v), fields)
                for k, v in data.items()
            }
            drafts.append(
                MessageDraft(
                    channel,
                    recipient,
                    fill(wording, f"{name}.sms", fields),  # what the clerk reads on the page
                    template_id=str(_lookup(wording, f"{name}.zalo_template_id")).strip(),
                    template_data=template_data,
                )
            )
    return drafts


def _zalo_data(wording: Wording, section: str) -> dict[str, Any]:
    """A template's parameters are Zalo's approved list: the office's table is taken
    whole (not merged key by key with the shipped one, which would add parameters)."""
    if wording.source != shipped_forms_dir() / f"{WORDING}.toml":
        import tomllib  # read when a message is written, not when the window opens

        try:
            with wording.source.open("rb") as handle:
                own = tomllib.load(handle).get(section, {})
        except (OSError, tomllib.TOMLDecodeError):
            own = {}
        if isinstance(own, dict) and isinstance(own.get("zalo_data"), dict):
            return own["zalo_data"]
    data = _lookup(wording, f"{section}.zalo_data")
    return data if isinstance(data, dict) else {}


def _collect(wording: Wording, fields: Mapping[str, Any]) -> str:
    key = "common.collect_post" if fields.get("by_post") else "common.collect_counter"
    return fill(wording, key, fields).rstrip(", ")
