"""Point every existing credit at a credit source, made from its typed-in name.

Names that differ only in case or surrounding space become one source (the
first spelling met wins); screenshot credits become platform accounts. The
reverse copies the names back onto the credits.
"""

from django.db import migrations

KIND_OF_ROLE = {
    "agency": "agency",
    "photographer": "photographer",
    "supplier": "supplier",
    "screenshot": "account",
}


def credits_to_sources(apps, schema_editor):
    PhotoCredit = apps.get_model("articles", "PhotoCredit")
    CreditSource = apps.get_model("articles", "CreditSource")
    sources = {
        (source.name.casefold(), source.platform.casefold()): source
        for source in CreditSource.objects.all()
    }
    for credit in PhotoCredit.objects.exclude(role="collage").order_by("pk"):
        if credit.role == "screenshot":
            name, platform = credit.account.strip().lstrip("@").strip(), credit.platform.strip()
        else:
            name, platform = credit.name.strip(), ""
        key = (name.casefold(), platform.casefold())
        if key not in sources:
            sources[key] = CreditSource.objects.create(
                kind=KIND_OF_ROLE[credit.role], name=name, platform=platform
            )
        credit.source = sources[key]
        credit.name = ""
        credit.save(update_fields=["source", "name"])


def sources_to_credits(apps, schema_editor):
    PhotoCredit = apps.get_model("articles", "PhotoCredit")
    for credit in PhotoCredit.objects.exclude(source=None).select_related("source"):
        if credit.role == "screenshot":
            credit.platform, credit.account = credit.source.platform, credit.source.name
        else:
            credit.name = credit.source.name
        credit.save(update_fields=["name", "platform", "account"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_photo_desk_credit_sources_rights_renditions")]

    operations = [migrations.RunPython(credits_to_sources, sources_to_credits)]
