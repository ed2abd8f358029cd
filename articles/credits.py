"""The house style for photo credit lines.

A credit line is composed from a photo's credits, in their order:

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


def compose_credit_line(credits):
    """The printed credit line for ``credits`` (PhotoCredit objects, in order)."""
    prefixes = []
    parts = []  # each a list of names joined by " / "
    previous_role = None
    for credit in credits:
        if credit.role == COLLAGE:
            prefixes.append(f"{credit.name.strip() or 'Collage'}: ")
            continue
        if credit.role == SCREENSHOT:
            parts.append([f"Screenshot/{credit.platform.strip()}/{credit.account.strip()}"])
        elif credit.role in (PHOTOGRAPHER, SUPPLIER) and previous_role in JOINABLE and parts:
            parts[-1].append(credit.name.strip())
        else:
            parts.append([credit.name.strip()])
        previous_role = credit.role
    if not parts:
        return ""
    return "© " + "".join(prefixes) + ", ".join(" / ".join(part) for part in parts)
