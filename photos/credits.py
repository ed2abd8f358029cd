"""The house style for photo credit lines.

A credit is a source (an agency, photographer or supplier record, or a
platform account) in a role on one photo; an in-house collage or edit names
no source, only its word. A credit line is composed from a photo's credits,
in their order:

- It opens with "© ".
- An in-house collage or edit puts its word ("Collage", "Montage", "Edit")
  and a colon before everything that follows: "© Collage: …".
- Each source is one part, parts separated by ", ".
- An agency starts a part; a photographer or supplier that follows an agency,
  photographer or supplier joins that part with " / ": "IMAGO / APress",
  "APress / Jane Doe" (the chain of hands the picture came through).
  A photographer or supplier with nothing before it starts its own part.
- A screenshot of a platform account is its own part:
  "Screenshot/Instagram/kimkardashian".

So the seed story's cover (collage; agency IMAGO; supplier APress;
screenshot of Instagram's kimkardashian) reads
"© Collage: IMAGO / APress, Screenshot/Instagram/kimkardashian".
"""

COLLAGE = "collage"
AGENCY = "agency"
PHOTOGRAPHER = "photographer"
SUPPLIER = "supplier"
SCREENSHOT = "screenshot"

# Roles a following photographer or supplier joins with " / ".
JOINABLE = {AGENCY, PHOTOGRAPHER, SUPPLIER}


def printed_name(credit):
    """What ``credit`` contributes to the line, e.g. "IMAGO" or "Screenshot/Instagram/kim"."""
    if credit.role == COLLAGE:
        return credit.name.strip() or "Collage"
    source = credit.source
    if credit.role == SCREENSHOT:
        return f"Screenshot/{source.platform.strip()}/{source.name.strip().lstrip('@')}"
    return source.name.strip()


def compose_credit_line(credits):
    """The printed credit line for ``credits`` (PhotoCredit objects with sources, in order)."""
    prefixes = []
    parts = []  # each a list of names joined by " / "
    previous_role = None
    for credit in credits:
        if credit.role == COLLAGE:
            prefixes.append(f"{printed_name(credit)}: ")
            continue
        if credit.role in (PHOTOGRAPHER, SUPPLIER) and previous_role in JOINABLE and parts:
            parts[-1].append(printed_name(credit))
        else:
            parts.append([printed_name(credit)])
        previous_role = credit.role
    if not parts:
        return ""
    return "© " + "".join(prefixes) + ", ".join(" / ".join(part) for part in parts)
