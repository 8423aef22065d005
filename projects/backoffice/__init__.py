"""The back office: what every app's Django admin is made of (projects, events, practices).

Here: the base admin classes (`base`), who may edit what (`permissions`, and `scope`, which applies it
to every admin view), the translation workflow (`translation_workflow`), history and restore
(`history`, on top of the revisions in `versions`), optimistic concurrency (`concurrency`), images
(`media`), the release preview (`preview`), the Markdown preview (`markdown_preview`) and editing
comfort (`comfort`).

Not here: the admin registrations of a model (each app's `admin.py`), and anything a public page
uses (`projects.web`). Modules here may import `projects.web` and `projects.models`, never the
higher apps (events, practices).
"""
